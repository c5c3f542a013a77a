/**
 * The dashboard in a real headless Chromium (Debian's `chromium`), served from 127.0.0.1: no console
 * error at desktop and phone width, every number on the pages equals data.json, no horizontal
 * overflow on a phone, the OPD filter works, and nothing personal or internal is shown.
 * PUSDAT_SCREENSHOTS=<dir> writes full-page screenshots there for a person to look at.
 * One page is reused and navigated per test: every new page costs Chromium a renderer process
 * (~1 s of CPU), and a screenshot nobody keeps costs another ~0.4 s.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { dashboardRepo, runIn } from "./support/dashboard-world";
import { tempDir } from "./support/tmp";

/** Debian's chromium; PUSDAT_CHROMIUM names another binary (and lets the missing-browser path be tried). */
const CHROMIUM = process.env.PUSDAT_CHROMIUM ?? "/usr/bin/chromium";
const MISSING = "chromium tidak ada: jalankan apt-get install chromium";
const have = fs.existsSync(CHROMIUM);
const skip = !have && process.env.PUSDAT_SKIP_BROWSER === "1";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".json": "application/json; charset=utf-8" };

/** A static file server for `root` on 127.0.0.1 (port chosen by the OS). */
function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("tidak ada");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

const at = (obj: unknown, p: string): unknown => p.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
/** "1.234" → 1234 (Indonesian grouping). */
const parse = (text: string) => Number(text.replace(/\./g, ""));
const FORBIDDEN = /@contohkab\.go\.id|\+62\d|\b08\d{8,13}\b|10\.20\.30\.|203\.0\.113\.|198\.51\.100\.|2001:db8|pve\.contohkab/;

if (!have && !skip) {
  test("dashboard in Chromium", () => {
    throw new Error(`${MISSING} (atau PUSDAT_SKIP_BROWSER=1 untuk melewati uji ini dengan sengaja)`);
  });
} else if (skip) {
  // eslint-disable-next-line no-console
  console.warn(`uji dasbor di browser DILEWATI: ${MISSING} (PUSDAT_SKIP_BROWSER=1)`);
  test.skip(`dashboard in Chromium: dilewati, ${MISSING}`, () => undefined);
} else {
  describe("the dashboard in headless Chromium", () => {
    jest.setTimeout(120_000);
    const repo = dashboardRepo();
    const site = path.join(tempDir("dasbor-web"), "situs");
    let server: Awaited<ReturnType<typeof serve>>;
    let browser: import("playwright-core").Browser;
    let page: import("playwright-core").Page;
    let data: unknown;
    /** What the page logged since the last `open`. */
    let errors: string[] = [];

    beforeAll(async () => {
      const r = await runIn(repo.dir, "dashboard", "--out", site);
      if (r.code !== 0) throw new Error(r.err);
      data = JSON.parse(fs.readFileSync(path.join(site, "data.json"), "utf8"));
      server = await serve(site);
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
      page = await browser.newPage();
      page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && errors.push(`${m.type()}: ${m.text()}`));
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      page.on("requestfailed", (r) => errors.push(`gagal: ${r.url()}`));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens `url` (relative to the server unless absolute) at `width`, with a fresh error list. */
    async function open(url: string, width: number) {
      errors = [];
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url.includes("://") ? url : server.url + url, { waitUntil: "load" });
    }

    /** Every `[data-num]` on the page: its data.json path and the text shown. */
    async function numbers() {
      return page.$$eval("[data-num]", (els) => els.map((e) => [e.getAttribute("data-num")!, e.textContent ?? ""] as [string, string]));
    }

    const screenshot = async (file: string) => {
      const dir = process.env.PUSDAT_SCREENSHOTS;
      if (dir) await page.screenshot({ path: path.join(dir, file), fullPage: true });
    };

    test.each([
      ["desktop", 1280],
      ["phone", 390],
    ])("index at %s width: no console error, numbers equal data.json, nothing private, no overflow", async (name, width) => {
      await open("index.html", width);
      const shown = await numbers();
      // 6 totals + 3 monitoring + 25 OPD counts (11 × total and active, 2 decommissioned, 1 waiting) + 18 node meters (2 × 3 × 3)
      // + 39 OPD meters in use (13 × 3) + 28 lead-time figures (5 rows × 6, less the PDN row's median and p90: none finished)
      expect(shown.length).toBe(119);
      expect(shown.filter(([p, text]) => parse(text) !== at(data, p))).toEqual([]);
      expect(shown.slice(0, 6).map(([p, t]) => `${p}=${t}`)).toEqual(["totals.opds=11", "totals.services=14", "totals.active=11", "totals.waiting=1", "totals.decommissioned=2", "totals.problems=1"]);
      expect(await page.innerText("body")).not.toMatch(FORBIDDEN);
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      await screenshot(`dashboard-${name}.png`);
      expect(errors).toEqual([]);
    });

    test.each([
      ["desktop", 1280],
      ["phone", 390],
    ])("an OPD page at %s width: its services and capacity, numbers equal data.json", async (name, width) => {
      await open("opd/dinas-perdagangan.html", width);
      const shown = await numbers();
      expect(shown.filter(([p, text]) => parse(text) !== at(data, p))).toEqual([]);
      expect(shown.map(([p]) => p).filter((p) => p.startsWith("capacity"))).toHaveLength(15);
      expect(await page.$$eval("article.svc h3", (hs) => hs.map((h) => h.textContent))).toEqual(["sibapo.contohkab.go.id", "VPS sibapo-app"]);
      expect(await page.innerText("body")).not.toMatch(FORBIDDEN);
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      await screenshot(`dashboard-opd-${name}.png`);
      expect(errors).toEqual([]);
    });

    test("the OPD filter narrows the list and says how many match", async () => {
      await open("index.html", 390);
      await page.fill("#cari-opd", "kesehatan");
      expect(await page.$$eval(".opd:not([hidden]) a.name", (as) => as.map((a) => a.textContent))).toEqual(["Dinas Kesehatan"]);
      expect(await page.textContent("#hasil-cari")).toBe("1 OPD cocok");
      // a service name finds its owner, and the OPD whose API access reads from it
      await page.fill("#cari-opd", "sibapo");
      expect(await page.$$eval(".opd:not([hidden]) a.name", (as) => as.map((a) => a.textContent))).toEqual(["Dinas Ketahanan Pangan", "Dinas Perdagangan"]);
      await page.fill("#cari-opd", "");
      expect(await page.$$eval(".opd:not([hidden])", (as) => as.length)).toBe(11);
      expect(errors).toEqual([]);
    });

    test("works offline from file:// as well", async () => {
      await open(`file://${path.join(site, "index.html")}`, 1280);
      await page.click("text=Dinas Perdagangan");
      expect(await page.textContent("h1")).toBe("Dinas Perdagangan");
      expect(errors).toEqual([]);
    });
  });
}
