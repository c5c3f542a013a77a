/**
 * `pusdat new`: the questions each kind needs, in Bahasa Indonesia, answered by flags or at the
 * prompt, checked on entry with the request's own field schemas and rules, and the allocation of a
 * local VM. The result is a request that the schema accepts; the command writes and validates it.
 * The common part is asked here; each kind's part in specs.ts.
 */
import { idTakenProblem, takenBy } from "../../infra/core/allocate";
import { Contact, Id, IsoDate, Metadata, NotaDinas } from "../../infra/core/model/common";
import { type Kind, type Request } from "../../infra/core/model/kinds";
import { KIND_FOLDER, KIND_SCHEMAS } from "../../infra/core/kinds";
import { UsageError } from "../commands/types";
import { Ask, type Prompts } from "./ask";
import { withRules, zodCheck } from "./checks";
import { SPECS } from "./specs";
import type { NewContext, NewFlags } from "./types";

export { type NewContext, type NewFlags, Refusal } from "./types";

const KIND_NAMES: Record<string, Kind> = Object.fromEntries(
  Object.entries(KIND_FOLDER).flatMap(([kind, folder]) => [[kind.toLowerCase(), kind as Kind], [folder, kind as Kind]]),
);

const KIND_CHOICES: { name: string; value: Kind }[] = [
  { name: "Subdomain (SOP 11)", value: "Subdomain" },
  { name: "Akun hosting (SOP 1)", value: "HostingAccount" },
  { name: "VPS / mesin virtual (SOP 4, 7)", value: "VirtualMachine" },
  { name: "Akses API SPLP", value: "ApiAccess" },
];

export function kindOf(arg: string | undefined): Kind | undefined {
  if (arg === undefined) return undefined;
  const k = KIND_NAMES[arg.toLowerCase()];
  if (!k) throw new UsageError(`jenis permintaan ${JSON.stringify(arg)} tidak dikenal; yang diizinkan: ${Object.values(KIND_FOLDER).join(", ")} (atau ${Object.keys(KIND_FOLDER).join(", ")})`);
  return k;
}

export async function buildRequest(kindArg: string | undefined, f: NewFlags, prompts: Prompts | null, ctx: NewContext): Promise<Request> {
  const ask = new Ask(prompts);
  let kind = kindOf(kindArg);
  if (!kind) {
    if (!prompts) throw new UsageError(`jenis permintaan wajib disebut bila --yes dipakai: pusdat new <${Object.values(KIND_FOLDER).join("|")}>`);
    kind = await prompts.select({ message: "Jenis permintaan", choices: KIND_CHOICES });
  }
  const taken = takenBy(ctx.claims);

  const id = await ask.required({ flag: "--id", given: f.id, message: "Id permintaan (huruf kecil, angka, '-'; jadi nama berkas)", check: withRules(zodCheck(Id), (v) => idTakenProblem(v, taken)) });
  const opdCheck = zodCheck(Metadata.shape.opd);
  let opd: string;
  if (f.opd === undefined && ask.interactive && ctx.opds.length) {
    const OTHER = "\u0000lain";
    const picked = await prompts!.select({ message: "OPD pemohon", choices: [...ctx.opds.map((o) => ({ name: o, value: o })), { name: "OPD lain (ketik namanya)", value: OTHER }] });
    opd = picked === OTHER ? await ask.required({ flag: "--opd", given: undefined, message: "Nama OPD", check: opdCheck }) : picked;
  } else {
    opd = await ask.required({ flag: "--opd", given: f.opd, message: "OPD pemohon", check: opdCheck });
  }
  const contact = {
    name: await ask.required({ flag: "--contact-name", given: f.contactName, message: "Nama narahubung", check: zodCheck(Contact.shape.name) }),
    email: await ask.required({ flag: "--contact-email", given: f.contactEmail, message: "Email narahubung", check: zodCheck(Contact.shape.email) }),
    phone: await ask.required({ flag: "--contact-phone", given: f.contactPhone, message: "Telepon narahubung (+62… atau 08…)", check: zodCheck(Contact.shape.phone) }),
  };
  const notaDinas = {
    number: await ask.required({ flag: "--nota-number", given: f.notaNumber, message: "Nomor Nota Dinas", check: zodCheck(NotaDinas.shape.number) }),
    date: await ask.required({ flag: "--nota-date", given: f.notaDate, message: "Tanggal Nota Dinas (YYYY-MM-DD)", check: zodCheck(IsoDate), suggest: ctx.today }),
  };
  const purpose = await ask.required({ flag: "--purpose", given: f.purpose, message: "Kegunaan / proses bisnis yang dilayani", check: zodCheck(Metadata.shape.purpose) });
  const metadata = { id, opd, contact, notaDinas, purpose, status: "active" as const };

  const spec = await SPECS[kind](ask, f, ctx, { id, taken, date: notaDinas.date });
  const parsed = KIND_SCHEMAS[kind].safeParse({ apiVersion: "pusdat/v1", kind, metadata, spec });
  if (!parsed.success) throw new Error(`permintaan yang disusun tidak lolos skema: ${parsed.error.message}`);
  return parsed.data as Request;
}
