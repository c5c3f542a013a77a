/**
 * HTTPS probe of a published name: connects to an address the configured resolvers gave, sends the
 * name as SNI and Host, and reports the HTTP status and the certificate as the peer showed it
 * (trusted chain? valid for the name? when does it expire?). The certificate is judged here rather
 * than refused at the handshake, so a bad one is described instead of ending in a bare error.
 */
import * as https from "node:https";
import * as tls from "node:tls";
import { NetError, netFailure, trustWith } from "./http";
import type { CertificateFacts } from "../core/verify/types";

export interface ProbeOptions {
  /** The address to connect to (from the DNS check), the name for SNI, Host and the certificate. */
  address: string;
  name: string;
  port: number;
  path?: string;
  timeoutMs: number;
  /** Extra trusted CAs (PEM): tests give their own CA; production uses the system's store only. */
  ca?: string[];
}

// The certificate's shape is the core's (infra/core/verify/types.ts).
export type { CertificateFacts };

export interface ProbeAnswer {
  status: number;
  certificate: CertificateFacts | null;
}

const iso = (s: string) => new Date(s).toISOString();

export function probeHttps(o: ProbeOptions): Promise<ProbeAnswer> {
  const what = `https://${o.name} (${o.address}:${o.port})`;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      f();
    };
    const req = https.request(
      {
        host: o.address,
        port: o.port,
        path: o.path ?? "/",
        method: "GET",
        servername: o.name,
        headers: { Host: o.name, "User-Agent": "pusdat-verify" },
        agent: false,
        // Judged below from the socket's own verdict, so a failure can say what is wrong.
        rejectUnauthorized: false,
        ...trustWith(o.ca),
      },
      (res) => {
        const socket = res.socket as tls.TLSSocket;
        const peer = socket.getPeerCertificate();
        const certificate: CertificateFacts | null =
          peer && peer.valid_to
            ? {
                // node also marks a name mismatch as unauthorised; the name is reported on its own below.
                trusted: socket.authorized || String(socket.authorizationError) === "ERR_TLS_CERT_ALTNAME_INVALID",
                trustError: socket.authorizationError && String(socket.authorizationError) !== "ERR_TLS_CERT_ALTNAME_INVALID" ? String(socket.authorizationError) : null,
                nameMatches: tls.checkServerIdentity(o.name, peer) === undefined,
                validFrom: iso(peer.valid_from),
                validTo: iso(peer.valid_to),
                subject: peer.subject?.CN ? String(peer.subject.CN) : "",
              }
            : null;
        res.resume();
        res.on("end", () => finish(() => resolve({ status: res.statusCode ?? 0, certificate })));
        res.on("error", (e) => finish(() => reject(netFailure(e, what))));
      },
    );
    const timer = setTimeout(() => finish(() => (req.destroy(), reject(new NetError(`${what} tidak menjawab dalam ${o.timeoutMs / 1000} detik`, "timeout")))), o.timeoutMs);
    req.on("error", (e) => finish(() => reject(netFailure(e, what))));
    req.end();
  });
}
