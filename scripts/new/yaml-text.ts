/**
 * Request files as people write them: the schema line first, keys in the order of the samples,
 * quoted phone numbers and memo numbers, `[22, 443]` lists, `{ number, date }` memo references, and
 * a few short comments. Built and edited with yaml's Document API so that edits keep comments.
 */
import { Document, isMap, isScalar, type Node, type Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { channelPlace } from "../../infra/core/config/splp";
import type { Request } from "../../infra/core/model/kinds";

export const SCHEMA_LINE = " yaml-language-server: $schema=../../schema/request.schema.json";

/**
 * The text of a document. Block style, no line folding; flow sequences without inner padding
 * (`[22, 443]`) while flow maps keep it (`{ number: …, date: … }`), as in the samples. yaml pads both
 * or neither, so the sequence padding of a `key: [ … ]` line is taken out afterwards.
 */
export function renderYaml(doc: Document): string {
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: true })
    .split("\n")
    .map((l) => l.replace(/^(\s*(?:- )?[A-Za-z][A-Za-z0-9]*: )\[ (.*) \]((?: #.*)?)$/, "$1[$2]$3"))
    .join("\n");
}

type Obj = Record<string, unknown>;

/** `value` with its keys in `order` (unknown keys after, undefined values dropped). */
function ordered(value: Obj, order: string[]): Obj {
  const out: Obj = {};
  for (const k of [...order, ...Object.keys(value).filter((k) => !order.includes(k))]) if (value[k] !== undefined) out[k] = value[k];
  return out;
}

const SPEC_ORDER: Record<Request["kind"], string[]> = {
  Subdomain: ["name", "target", "proxied", "ttl"],
  HostingAccount: ["domain", "username", "plan", "contactEmail"],
  VirtualMachine: ["location", "hostname", "cpu", "memoryGb", "diskGb", "os", "sshKeys", "ports", "node", "vmid", "ip", "pdn"],
  ApiAccess: ["channel", "consumer", "provider", "endpoints", "data", "auth"],
};

/** The plain object of a request in canonical key order, without the defaults the samples leave out. */
export function canonical(r: Request): Obj {
  const m = r.metadata;
  const metadata = ordered(
    {
      id: m.id,
      opd: m.opd,
      contact: ordered({ ...m.contact }, ["name", "email", "phone"]),
      notaDinas: ordered({ ...m.notaDinas }, ["number", "date"]),
      purpose: m.purpose,
      status: m.status === "active" ? undefined : m.status,
      decommission: m.decommission && ordered({ ...m.decommission, notaDinas: ordered({ ...m.decommission.notaDinas }, ["number", "date"]) }, ["notaDinas", "finalBackup"]),
    },
    [],
  );
  let spec: Obj = { ...(r.spec as Obj) };
  if (r.kind === "Subdomain") spec = { ...spec, target: ordered({ ...r.spec.target }, ["ip", "ipv6", "cname"]), ttl: r.spec.ttl === "auto" ? undefined : r.spec.ttl };
  if (r.kind === "VirtualMachine" && r.spec.pdn) spec.pdn = ordered({ ...r.spec.pdn }, ["ticket", "state", "address"]);
  if (r.kind === "ApiAccess") {
    const p = r.spec.provider;
    spec = {
      ...spec,
      consumer: ordered({ ...r.spec.consumer }, ["application", "url"]),
      provider: ordered({ ...p, approval: ordered({ ...p.approval, notaDinas: ordered({ ...p.approval.notaDinas }, ["number", "date"]) }, ["notaDinas", "approver"]) }, ["opd", "api", "approval"]),
      endpoints: r.spec.endpoints.map((e) => ordered({ ...e }, ["method", "path"])),
    };
  }
  return { apiVersion: r.apiVersion, kind: r.kind, metadata, spec: ordered(spec, SPEC_ORDER[r.kind]) };
}

const pairOf = (map: unknown, key: string): Pair | undefined =>
  isMap(map) ? (map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined) : undefined;

/** The node at `path`, or undefined. */
function nodeAt(doc: Document, path: string[]): Node | undefined {
  return doc.getIn(path, true) as Node | undefined;
}

function comment(doc: Document, path: string[], text: string): void {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const pair = pairOf(parent, path[path.length - 1]!);
  if (!pair) return;
  const v = pair.value;
  if (isScalar(v) || ((v instanceof YAMLSeq || v instanceof YAMLMap) && v.flow)) v.comment = ` ${text}`;
  else if (isScalar(pair.key)) pair.key.comment = ` ${text}`;
}

function quote(doc: Document, path: (string | number)[]): void {
  const n = doc.getIn(path, true);
  if (isScalar(n)) n.type = Scalar.QUOTE_DOUBLE;
}

function flow(doc: Document, path: (string | number)[]): void {
  const n = doc.getIn(path, true);
  if (n instanceof YAMLMap || n instanceof YAMLSeq) n.flow = true;
}

/** A new request's document, with the comments that help the next reader. `zone` names the full DNS names. */
export function requestDocument(r: Request, zone: string, plans: string[]): Document {
  const doc = new Document(canonical(r));
  (doc.contents as YAMLMap).commentBefore = SCHEMA_LINE;
  comment(doc, ["metadata", "id"], `unik di antara semua permintaan; nama berkas = ${r.metadata.id}.yaml`);
  comment(doc, ["metadata", "contact"], "narahubung OPD");
  comment(doc, ["metadata", "notaDinas"], "Nota Dinas permohonan");
  quote(doc, ["metadata", "contact", "phone"]);
  quote(doc, ["metadata", "notaDinas", "number"]);
  if (r.metadata.decommission) {
    flow(doc, ["metadata", "decommission", "notaDinas"]);
    quote(doc, ["metadata", "decommission", "notaDinas", "number"]);
  }
  switch (r.kind) {
    case "Subdomain": {
      comment(doc, ["spec", "name"], `→ ${r.spec.name.toLowerCase()}.${zone}`);
      const t = r.spec.target;
      if (t.ip) comment(doc, ["spec", "target", "ip"], "rekaman A");
      if (t.ipv6) {
        quote(doc, ["spec", "target", "ipv6"]);
        comment(doc, ["spec", "target", "ipv6"], "rekaman AAAA");
      }
      if (t.cname) comment(doc, ["spec", "target", "cname"], "rekaman CNAME");
      comment(doc, ["spec", "proxied"], r.spec.proxied ? "lewat proxy Cloudflare; ttl selalu auto" : "langsung, tanpa proxy Cloudflare");
      break;
    }
    case "HostingAccount":
      comment(doc, ["spec", "domain"], `→ ${r.spec.domain.toLowerCase()}.${zone}`);
      comment(doc, ["spec", "username"], "nama pengguna cPanel; tidak dapat diubah");
      comment(doc, ["spec", "plan"], `paket: ${plans.join(", ")}`);
      break;
    case "VirtualMachine":
      flow(doc, ["spec", "ports"]);
      comment(doc, ["spec", "location"], r.spec.location === "pdn" ? "VPS di Pusat Data Nasional lewat e-Tiket" : "klaster Proxmox lokal");
      comment(doc, ["spec", "ports"], "port yang perlu dapat dijangkau OPD");
      if (r.spec.location === "pusat-komputasi") {
        const node = pairOf(nodeAt(doc, ["spec"]), "node");
        if (node && isScalar(node.key)) node.key.commentBefore = " dialokasikan oleh pusdat new, lalu tetap: jangan diubah";
      } else {
        comment(doc, ["spec", "pdn", "state"], "submitted | approved | active | rejected");
      }
      break;
    case "ApiAccess":
      flow(doc, ["spec", "provider", "approval", "notaDinas"]);
      quote(doc, ["spec", "provider", "approval", "notaDinas", "number"]);
      flow(doc, ["spec", "data"]);
      comment(doc, ["spec", "channel"], channelPlace(r.spec.channel));
      comment(doc, ["spec", "provider", "approval"], "persetujuan penyedia API");
      comment(doc, ["spec", "auth"], "kredensial diserahkan sebagai rahasia, tidak pernah di git");
      break;
  }
  return doc;
}
