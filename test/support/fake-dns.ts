/**
 * An authoritative-looking DNS server over UDP on 127.0.0.1 (dns-packet + dgram): answers A, AAAA
 * and CNAME from a table, NXDOMAIN for unknown names, and can stay silent or answer with a wrong id.
 */
import * as dgram from "node:dgram";
import type { AddressInfo } from "node:net";
import * as dnsPacket from "dns-packet";

export type Behaviour = "answer" | "silent" | "wrong-id" | "garbage";

export class FakeDns {
  /** "A sibapo.uji.test" → records. */
  readonly records = new Map<string, string[]>();
  readonly queries: string[] = [];
  behaviour: Behaviour = "answer";
  /** Called after each answer is sent, e.g. to change a record between two attempts. */
  afterAnswer?: (question: string) => void;
  private socket?: dgram.Socket;
  port = 0;

  set(type: "A" | "AAAA" | "CNAME", name: string, values: string[]): this {
    this.records.set(`${type} ${name}`, values);
    return this;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.socket = dgram.createSocket("udp4");
    this.socket.on("message", (msg, rinfo) => this.answer(msg, rinfo));
    await new Promise<void>((r) => this.socket!.bind(0, "127.0.0.1", r));
    this.port = (this.socket.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.socket?.close(() => r()) ?? r());
  }

  private answer(msg: Buffer, rinfo: dgram.RemoteInfo) {
    const q = dnsPacket.decode(msg);
    const question = q.questions![0]!;
    this.queries.push(`${question.type} ${question.name}`);
    if (this.behaviour === "silent") return;
    if (this.behaviour === "garbage") return void this.socket!.send(Buffer.from("bukan dns"), rinfo.port, rinfo.address);
    const id = this.behaviour === "wrong-id" ? ((q.id ?? 0) + 1) % 65536 : q.id;
    const answers: dnsPacket.Answer[] = [];
    const cname = this.records.get(`CNAME ${question.name}`);
    if (cname && question.type !== "CNAME") answers.push({ type: "CNAME", name: question.name, ttl: 300, class: "IN", data: cname[0]! });
    const target = cname && question.type !== "CNAME" ? cname[0]! : question.name;
    for (const v of this.records.get(`${question.type} ${target}`) ?? []) {
      answers.push({ type: question.type as "A", name: target, ttl: 300, class: "IN", data: v });
    }
    const known = [...this.records.keys()].some((k) => k.endsWith(` ${question.name}`));
    const flags = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (known ? 0 : 3); // rcode 3 = NXDOMAIN
    const reply = dnsPacket.encode({ type: "response", id, flags, questions: [question], answers });
    this.socket!.send(reply, rinfo.port, rinfo.address);
    this.afterAnswer?.(`${question.type} ${question.name}`);
  }
}
