/**
 * `pusdat:verify` in the stack file: where the post-apply access test ("tes akses") looks and how
 * long it waits. Optional: a stack without it verifies against public resolvers and the default ports.
 */
import ipaddr from "ipaddr.js";
import * as z from "zod";

/** `1.1.1.1`, `1.1.1.1:53`, `2606:4700::1111` or `[2606:4700::1111]:53`. */
export function parseResolver(s: string): { address: string; port: number } | null {
  const m = s.match(/^\[([0-9a-fA-F:.]+)\]:(\d{1,5})$/) ?? s.match(/^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/);
  const [address, port] = m ? [m[1]!, Number(m[2])] : [s, 53];
  if (!ipaddr.isValid(address) || port < 1 || port > 65535) return null;
  if (ipaddr.IPv4.isValid(address) && !ipaddr.IPv4.isValidFourPartDecimal(address)) return null;
  return { address, port };
}

const Port = z.int({ error: "port 1–65535" }).min(1, { error: "port 1–65535" }).max(65535, { error: "port 1–65535" });

export const VerifyConfig = z
  .strictObject({
    resolvers: z
      .array(
        z.string({ error: "alamat resolver DNS" }).refine((s) => parseResolver(s) !== null, {
          error: "alamat IP resolver DNS, boleh dengan port: 1.1.1.1, 1.1.1.1:53 atau [2606:4700::1111]:53",
        }),
      )
      .min(1, { error: "minimal satu resolver DNS" })
      .default(["1.1.1.1", "8.8.8.8"])
      .meta({ description: "Resolver DNS yang ditanya; jawaban semuanya harus sesuai permintaan" }),
    timeoutMs: z.int({ error: "milidetik, 100–60000" }).min(100).max(60_000).default(5000).meta({ description: "Batas waktu tiap panggilan jaringan" }),
    ports: z
      .strictObject({ https: Port.default(443), whm: Port.default(2087), cpanel: Port.default(2083) })
      .default({ https: 443, whm: 2087, cpanel: 2083 }),
    sshPorts: z
      .array(Port)
      .default([22])
      .meta({ description: "Port yang harus menjawab identitas SSH (SSH-2.0-); port lain cukup menerima sambungan TCP" }),
    whmHost: z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, { error: "nama host atau alamat IP server WHM/cPanel" })
      .optional()
      .meta({ description: "Host WHM/cPanel; bawaan: hosting.server" }),
    allowInsecureTls: z
      .strictObject({
        whm: z.boolean().default(false).meta({ description: "Terima sertifikat WHM/cPanel yang tidak sah (self-signed)" }),
        proxmox: z.boolean().default(false).meta({ description: "Terima sertifikat Proxmox yang tidak sah (self-signed)" }),
      })
      .default({ whm: false, proxmox: false }),
  })
  .meta({ description: "Tes akses setelah pulumi up (pusdat verify)" });

export type VerifyConfig = z.infer<typeof VerifyConfig>;

export const DEFAULT_VERIFY: VerifyConfig = VerifyConfig.parse({}, { jitless: true });
