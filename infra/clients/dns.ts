/**
 * A DNS stub resolver over UDP (dns-packet + dgram): asks each configured resolver directly, so the
 * answer is the resolver's and not the runner's cache or /etc/hosts. One query per resolver, each
 * with a timeout; the answer's id must match the question's.
 */
import * as dgram from "node:dgram";
import { randomInt } from "node:crypto";
import * as dnsPacket from "dns-packet";
import ipaddr from "ipaddr.js";
import type { DnsAnswer } from "../core/verify/types";

export type RecordType = "A" | "AAAA" | "CNAME";

export interface Resolver {
  address: string;
  port: number;
}

/** What one resolver said: the records of the asked type (CNAME chains followed by the resolver), or why not. */
// The answer's shape is the core's (infra/core/verify/types.ts): the client produces what the judge reads.
export type { DnsAnswer };

export const resolverLabel = (r: Resolver) => (r.address.includes(":") ? `[${r.address}]:${r.port}` : `${r.address}:${r.port}`);

const norm = (name: string) => name.replace(/\.$/, "").toLowerCase();

export function query(resolver: Resolver, name: string, type: RecordType, timeoutMs: number): Promise<DnsAnswer> {
  const label = resolverLabel(resolver);
  const id = randomInt(1, 65535);
  const packet = dnsPacket.encode({ type: "query", id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name, class: "IN" }] });
  const socket = dgram.createSocket(ipaddr.IPv6.isValid(resolver.address) && !ipaddr.IPv4.isValid(resolver.address) ? "udp6" : "udp4");
  return new Promise<DnsAnswer>((resolve) => {
    let done = false;
    const finish = (a: DnsAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
      resolve(a);
    };
    const timer = setTimeout(() => finish({ resolver: label, ok: false, error: `resolver ${label} tidak menjawab dalam ${timeoutMs / 1000} detik` }), timeoutMs);
    socket.on("error", (e) => finish({ resolver: label, ok: false, error: `resolver ${label} tidak dapat ditanya: ${(e as NodeJS.ErrnoException).code ?? e.message}` }));
    socket.on("message", (msg) => {
      let p: dnsPacket.Packet;
      try {
        p = dnsPacket.decode(msg);
      } catch {
        return finish({ resolver: label, ok: false, error: `jawaban resolver ${label} bukan paket DNS yang sah` });
      }
      if (p.id !== id || p.type !== "response") return; // not ours: keep waiting
      const answers = (p.answers ?? []) as dnsPacket.Answer[];
      const of = (t: string) => answers.filter((a) => a.type === t).map((a) => (t === "CNAME" ? norm(String((a as { data?: unknown }).data)) : String((a as { data?: unknown }).data)));
      finish({ resolver: label, ok: true, rcode: (p as { rcode?: string }).rcode ?? "NOERROR", records: of(type).sort(), cnames: type === "CNAME" ? [] : of("CNAME") });
    });
    socket.send(packet, resolver.port, resolver.address, (e) => {
      if (e) finish({ resolver: label, ok: false, error: `resolver ${label} tidak dapat ditanya: ${(e as NodeJS.ErrnoException).code ?? e.message}` });
    });
  });
}

/** The same question to every resolver, in parallel; answers in the resolvers' order. */
export const queryAll = (resolvers: Resolver[], name: string, type: RecordType, timeoutMs: number) =>
  Promise.all(resolvers.map((r) => query(r, name, type, timeoutMs)));
