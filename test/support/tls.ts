/**
 * Certificates made at test time with `selfsigned`: a test CA and server certificates it signs
 * (valid, expired, for another name), plus a lone self-signed one. EC keys: fast to make.
 */
import { generate } from "selfsigned";
import * as https from "node:https";
import type { AddressInfo } from "node:net";

export interface Pem {
  key: string;
  cert: string;
}

const DAY = 86_400_000;

export async function makeCa(): Promise<Pem> {
  const r = await generate([{ name: "commonName", value: "Pusdat Uji CA" }], {
    keyType: "ec",
    algorithm: "sha256",
    curve: "P-256",
    notBeforeDate: new Date(Date.now() - DAY),
    notAfterDate: new Date(Date.now() + 365 * DAY),
    extensions: [{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }],
  });
  return { key: r.private, cert: r.cert };
}

/** A server certificate for `names`, valid from `fromDays` to `toDays` around now, signed by `ca` (or self-signed). */
export async function makeCert(names: string[], opts: { ca?: Pem; fromDays?: number; toDays?: number } = {}): Promise<Pem> {
  const r = await generate([{ name: "commonName", value: names[0]! }], {
    keyType: "ec",
    algorithm: "sha256",
    curve: "P-256",
    notBeforeDate: new Date(Date.now() + (opts.fromDays ?? -1) * DAY),
    notAfterDate: new Date(Date.now() + (opts.toDays ?? 90) * DAY),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: names.map((n) => (/^\d+\.\d+\.\d+\.\d+$/.test(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
    ...(opts.ca ? { ca: opts.ca } : {}),
  });
  return { key: r.private, cert: r.cert };
}

/** An HTTPS server on 127.0.0.1 that serves one status; choose the certificate per SNI name. */
export async function startHttps(certs: Record<string, Pem> & { default: Pem }, status = 200): Promise<{ port: number; server: https.Server; stop: () => Promise<void> }> {
  const tls = await import("node:tls");
  const contexts = new Map(Object.entries(certs).map(([n, p]) => [n, tls.createSecureContext(p)]));
  const server = https.createServer({ ...certs.default, SNICallback: (name, cb) => cb(null, contexts.get(name) ?? contexts.get("default")!) }, (req, res) => {
    res.writeHead(status, { "Content-Type": "text/plain" }).end(`halo ${req.headers.host}`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
