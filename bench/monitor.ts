/**
 * `node --import tsx bench/monitor.ts`: a monitoring round over 1,000 targets of which 10 % never
 * answer (a port on 127.0.0.1 that accepts and stays silent where an SSH banner is awaited), through
 * the real pool, clients and judging, AT THE DEFAULT SETTINGS (pusdat:monitor concurrency and
 * timeouts, pusdat:verify's probe timeout). A dead target costs the probe's timeout (the pool's own
 * per-target limit is the cap). Bound: dead targets × that timeout ÷ concurrency (the issue's; the
 * live ones are quick), but never less than the waves the silent ones need: ceil(dead ÷ concurrency)
 * × timeout. Targets: issue 13's 10 s, and within 1.5× the larger of the two plus 2 s of start-up.
 * Exits 1 when either is missed.
 */
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import type { SiteConfig } from "../infra/core/config/site";
import { DEFAULT_MONITOR } from "../infra/core/monitor/config";
import { DEFAULT_VERIFY } from "../infra/core/verify/config";
import { judge } from "../infra/core/monitor/judge";
import type { Target } from "../infra/core/monitor/types";
import type { VirtualMachine } from "../infra/core/model/kinds";
import { gather } from "../infra/monitor/gather";
import { fixtureProject, fixtureRequest } from "../test/support/verify-fixture";

const TARGETS = Number(process.env.BENCH_MONITOR_TARGETS ?? 1000);
const DEAD_SHARE = 0.1;
const ISSUE_TARGET_MS = 10_000;
const CONCURRENCY = DEFAULT_MONITOR.concurrency;
/** What a silent target costs: the probe's timeout, capped by the pool's per-target limit. */
const TIMEOUT_MS = Math.min(DEFAULT_VERIFY.timeoutMs, DEFAULT_MONITOR.timeoutMs);

async function tcpServer(onConn: (s: net.Socket) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => (sockets.add(s), s.on("close", () => sockets.delete(s)), s.on("error", () => undefined), onConn(s)));
  server.maxConnections = 10_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", 1024, r));
  return { port: (server.address() as AddressInfo).port, stop: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))) };
}

async function main() {
  const live = await tcpServer((s) => s.end("SSH-2.0-OpenSSH_9.6p1 bench\r\n"));
  const dead = await tcpServer(() => undefined);
  try {
    const base = fixtureProject().site;
    const cfg = DEFAULT_MONITOR;
    const site: SiteConfig = { ...base, monitor: cfg, verify: { ...base.verify!, timeoutMs: DEFAULT_VERIFY.timeoutMs, sshPorts: [live.port, dead.port] } };
    const template = fixtureRequest("sipd-uji") as VirtualMachine;
    const deadCount = Math.round(TARGETS * DEAD_SHARE);
    const targets: Target[] = Array.from({ length: TARGETS }, (_, i) => {
      const id = `pdn-${String(i).padStart(4, "0")}`;
      // Dead targets spread evenly through the list, as failures would be.
      const port = i % Math.round(1 / DEAD_SHARE) === 0 ? dead.port : live.port;
      const request = { ...template, metadata: { ...template.metadata, id }, spec: { ...template.spec, ports: [port] } } as VirtualMachine;
      return { kind: "pdn", id, decommissioned: false, item: { id, change: "update", request } };
    });
    const t0 = process.hrtime.bigint();
    const facts = await gather(targets, { site, cfg, env: {} });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const judged = judge(targets, facts, cfg, Date.now());
    const failed = judged.targets.filter((t) => t.status === "error").length;
    const bound = (deadCount * TIMEOUT_MS) / CONCURRENCY;
    const waves = Math.ceil(deadCount / CONCURRENCY) * TIMEOUT_MS;
    const limit = Math.max(bound, waves) * 1.5 + 2000;
    console.log("| targets | never answering | timeout | concurrency | bound (dead × timeout ÷ concurrency) | waves (⌈dead ÷ concurrency⌉ × timeout) | measured | errors found |");
    console.log("|---|---|---|---|---|---|---|---|");
    console.log(`| ${TARGETS} | ${deadCount} | ${TIMEOUT_MS} ms | ${CONCURRENCY} | ${(bound / 1000).toFixed(2)} s | ${(waves / 1000).toFixed(2)} s | ${(ms / 1000).toFixed(2)} s | ${failed} |`);
    const ok = ms <= limit && ms < ISSUE_TARGET_MS && failed === deadCount;
    console.log(
      ok
        ? `OK: under ${ISSUE_TARGET_MS / 1000} s and within 1.5 × max(bound, waves) + 2 s (${(limit / 1000).toFixed(2)} s), every dead target found`
        : `MISSED: ${ISSUE_TARGET_MS / 1000} s and ${(limit / 1000).toFixed(2)} s allowed, errors ${failed} of ${deadCount} expected`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all([live.stop(), dead.stop()]);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 3;
});
