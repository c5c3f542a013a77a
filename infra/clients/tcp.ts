/**
 * TCP reachability: connect within the timeout; for SSH also read the server's identification line
 * (RFC 4253: `SSH-2.0-...`), since a port that accepts and says nothing is not a working SSH.
 */
import * as net from "node:net";
import type { TcpAnswer } from "../core/verify/types";

// The answer's shape is the core's (infra/core/verify/types.ts): the client produces what the judge reads.
export type { TcpAnswer };

export interface TcpOptions {
  host: string;
  port: number;
  timeoutMs: number;
  /** Wait for the first line of the server (SSH speaks first). */
  readBanner?: boolean;
}

export function tcpProbe(o: TcpOptions): Promise<TcpAnswer> {
  const what = `${o.host}:${o.port}`;
  return new Promise((resolve) => {
    let connected = false;
    let buf = "";
    let done = false;
    const socket = net.connect({ host: o.host, port: o.port });
    const finish = (a: TcpAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(a);
    };
    const timer = setTimeout(
      () =>
        finish(
          connected
            ? { connected, banner: null, error: `${what} menerima sambungan tetapi tidak mengirim identitas dalam ${o.timeoutMs / 1000} detik` }
            : { connected, banner: null, error: `${what} tidak menerima sambungan dalam ${o.timeoutMs / 1000} detik` },
        ),
      o.timeoutMs,
    );
    socket.on("connect", () => {
      connected = true;
      if (!o.readBanner) finish({ connected, banner: null, error: null });
    });
    socket.on("data", (d: Buffer) => {
      buf += d.toString("latin1");
      const nl = buf.indexOf("\n");
      if (nl >= 0 || buf.length > 255) finish({ connected, banner: buf.slice(0, nl >= 0 ? nl : 255).replace(/\r$/, ""), error: null });
    });
    socket.on("end", () => finish({ connected, banner: buf ? buf.replace(/\r?\n$/, "") : null, error: buf ? null : `${what} menutup sambungan tanpa mengirim identitas` }));
    socket.on("error", (e: NodeJS.ErrnoException) =>
      finish({ connected, banner: null, error: e.code === "ECONNREFUSED" ? `${what} menolak sambungan` : `${what} tidak dapat dihubungi: ${e.code ?? e.message}` }),
    );
  });
}
