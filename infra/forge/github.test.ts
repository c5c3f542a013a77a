/** The forge client against a local server answering in GitHub's shapes, on 127.0.0.1 only. */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { ForgeError, type ForgeOptions, pullRequestOfCommit } from "./github";

const SHA = "a".repeat(40);
const HEAD = "b".repeat(40);
const TOKEN = "ghs_tokenUjiYangTidakBolehMuncul";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let server: http.Server;
let handler: Handler;
const seen: { url: string; auth: string | undefined; accept: string | undefined }[] = [];
let options: ForgeOptions;

beforeEach(async () => {
  seen.length = 0;
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? "", auth: req.headers.authorization, accept: req.headers.accept });
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  options = { api: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, repo: "pemkab/pusdat", token: TOKEN, timeoutMs: 1000 };
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

const pullJson = { number: 12, html_url: "https://forge.example/pemkab/pusdat/pull/12", title: "Sub domain sibapo", user: { login: "teknisi-rina" }, head: { sha: HEAD }, created_at: "2026-11-20T02:10:00Z", merged_at: "2026-11-20T05:00:00Z", merge_commit_sha: SHA };
const review = (n: number) => ({ id: n, user: { login: `pengulas-${n}` }, state: n === 1 ? "APPROVED" : "COMMENTED", commit_id: HEAD, submitted_at: "2026-11-20T04:55:00Z" });

test("finds the merged pull request, reads it for merged_by, and pages through every review", async () => {
  handler = (req, res) => {
    const u = new URL(req.url ?? "", "http://x");
    if (u.pathname === `/repos/pemkab/pusdat/commits/${SHA}/pulls`) return json(res, 200, [{ ...pullJson, number: 9, merged_at: null }, pullJson]);
    if (u.pathname === "/repos/pemkab/pusdat/pulls/12") return json(res, 200, { ...pullJson, merged_by: { login: "kabid-spbe" } });
    if (u.pathname === "/repos/pemkab/pusdat/pulls/12/reviews") {
      const page = Number(u.searchParams.get("page"));
      return json(res, 200, page === 1 ? Array.from({ length: 100 }, (_, i) => review(i + 1)) : [review(101)]);
    }
    json(res, 404, { message: "Not Found" });
  };
  const r = await pullRequestOfCommit(options, SHA);
  expect(r?.pull.merged_by).toEqual({ login: "kabid-spbe" });
  expect(r?.reviews.length).toBe(101);
  expect(seen.map((s) => s.url)).toEqual([
    `/repos/pemkab/pusdat/commits/${SHA}/pulls`,
    "/repos/pemkab/pusdat/pulls/12",
    "/repos/pemkab/pusdat/pulls/12/reviews?per_page=100&page=1",
    "/repos/pemkab/pusdat/pulls/12/reviews?per_page=100&page=2",
  ]);
  expect(seen.every((s) => s.auth === `Bearer ${TOKEN}` && s.accept === "application/vnd.github+json")).toBe(true);
});

test("a commit no pull request brought (a direct push) gives null", async () => {
  handler = (_req, res) => json(res, 200, []);
  expect(await pullRequestOfCommit(options, SHA)).toBeNull();
});

test("401: says the token was refused, without the token", async () => {
  handler = (_req, res) => json(res, 401, { message: "Bad credentials" });
  const e = await pullRequestOfCommit(options, SHA).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ForgeError);
  expect((e as Error).message).toBe(`forge menjawab GET ${options.api.replace(/\/$/, "")}/repos/pemkab/pusdat/commits/${SHA}/pulls: token ditolak (HTTP 401): periksa GITHUB_TOKEN`);
  expect((e as Error).message.includes(TOKEN)).toBe(false);
});

test("a server that never answers: a timeout error after the limit", async () => {
  handler = () => undefined; // holds the request open
  const started = Date.now();
  const e = await pullRequestOfCommit({ ...options, timeoutMs: 300 }, SHA).catch((x: unknown) => x);
  expect((e as Error).message).toBe(`forge tidak menjawab dalam 0.3 detik: GET ${options.api.replace(/\/$/, "")}/repos/pemkab/pusdat/commits/${SHA}/pulls`);
  expect(Date.now() - started).toBeLessThan(5000);
});

test("an answer that is not a list is refused by name", async () => {
  handler = (_req, res) => json(res, 200, { message: "hmm" });
  await expect(pullRequestOfCommit(options, SHA)).rejects.toThrow(`forge menjawab /repos/pemkab/pusdat/commits/${SHA}/pulls dengan bentuk yang tidak dikenal (bukan daftar)`);
});

test("a closed port: cannot be reached", async () => {
  const port = (server.address() as AddressInfo).port;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const e = await pullRequestOfCommit({ ...options, api: `http://127.0.0.1:${port}` }, SHA).catch((x: unknown) => x);
  expect((e as Error).message).toMatch(new RegExp(`^forge tidak dapat dihubungi: GET http://127\\.0\\.0\\.1:${port}/repos/pemkab/pusdat/commits/${SHA}/pulls \\(.*ECONNREFUSED.*\\)$`));
});

test("a renamed repository's redirect is followed on the same host, with the token; another host's is refused", async () => {
  handler = (req, res) => {
    const u = new URL(req.url ?? "", "http://x");
    if (u.pathname.startsWith("/repos/pemkab/pusdat/")) {
      res.writeHead(301, { location: u.pathname.replace("/repos/pemkab/pusdat/", "/repositories/77/") + u.search });
      return res.end();
    }
    if (u.pathname === `/repositories/77/commits/${SHA}/pulls`) return json(res, 200, [pullJson]);
    if (u.pathname === "/repositories/77/pulls/12") return json(res, 200, { ...pullJson, merged_by: { login: "kabid-spbe" } });
    if (u.pathname === "/repositories/77/pulls/12/reviews") return json(res, 200, [review(1)]);
    json(res, 404, { message: "Not Found" });
  };
  const r = await pullRequestOfCommit(options, SHA);
  expect(r?.reviews).toEqual([review(1)]);
  expect(seen.map((s) => s.url)).toEqual([
    `/repos/pemkab/pusdat/commits/${SHA}/pulls`,
    `/repositories/77/commits/${SHA}/pulls`,
    "/repos/pemkab/pusdat/pulls/12",
    "/repositories/77/pulls/12",
    "/repos/pemkab/pusdat/pulls/12/reviews?per_page=100&page=1",
    "/repositories/77/pulls/12/reviews?per_page=100&page=1",
  ]);
  expect(seen.every((s) => s.auth === `Bearer ${TOKEN}`)).toBe(true);

  seen.length = 0;
  handler = (_req, res) => {
    res.writeHead(302, { location: "http://127.0.0.2:9/repos/lain" });
    res.end();
  };
  const e = await pullRequestOfCommit(options, SHA).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ForgeError);
  expect((e as Error).message).toBe(
    `forge mengalihkan GET ${options.api.replace(/\/$/, "")}/repos/pemkab/pusdat/commits/${SHA}/pulls ke http://127.0.0.2:9/repos/lain: tidak diikuti (hanya ke alamat yang sama, paling banyak 3 kali)`,
  );
  expect(seen.length).toBe(1);
});
