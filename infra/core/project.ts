/**
 * The front door of the domain core: one call opens a project (site configuration, ceilings, every
 * request) and validates it once. The Pulumi program, the policy pack, `pusdat plan`, the bench and
 * every command start from what it returns; nothing below re-reads a file. Pulumi-free.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Ceilings, PolicyConfig } from "./config/ceilings";
import { ceilingsOf, loadPolicyConfig, loadSiteConfig } from "./config/load";
import type { SiteConfig } from "./config/site";
import type { Finding } from "./findings";
import type { LoadedRequest } from "./load/requests";
import { validateRequests } from "./validate";

export const DEFAULT_STACK = "contoh";
export const DEFAULT_POLICY_CONFIG = "policies/config.json";
export const DEFAULT_REQUESTS = "requests";

export interface OpenOptions {
  /** Project root holding Pulumi.<stack>.yaml; relative paths below are resolved against it. Default: cwd. */
  root?: string;
  stack?: string;
  policyConfig?: string;
  requestsDir?: string;
}

export interface ProjectConfig {
  ok: true;
  root: string;
  stack: string;
  stackFile: string;
  policyFile: string;
  site: SiteConfig;
  policy: PolicyConfig;
  ceilings: Ceilings;
}

export interface ConfigProblems {
  ok: false;
  /** A usage error (bad stack name), said in one sentence; otherwise `problems` hold file:line:column. */
  usage?: string;
  problems: Finding[];
}

export interface Project extends ProjectConfig {
  requestsDir: string;
  /** Valid requests in arrival order (Nota Dinas date, then id). */
  requests: LoadedRequest[];
  /** Every finding, sorted; any one blocks plan and apply (fail closed). */
  findings: Finding[];
  files: number;
}

const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/** Site configuration and ceilings, validated; a problem here is a configuration error (exit 2). */
export function openConfig(opts: OpenOptions = {}): ProjectConfig | ConfigProblems {
  const root = path.resolve(opts.root ?? process.cwd());
  const stack = opts.stack ?? DEFAULT_STACK;
  if (!STACK_NAME.test(stack)) {
    return { ok: false, usage: `nama stack tidak sah: ${JSON.stringify(stack)}; yang diizinkan: huruf, angka, '.', '_', '-'`, problems: [] };
  }
  const stackFile = path.join(root, `Pulumi.${stack}.yaml`);
  const policyFile = path.resolve(root, opts.policyConfig ?? DEFAULT_POLICY_CONFIG);
  const site = loadSiteConfig(stackFile);
  const policy = loadPolicyConfig(policyFile);
  if (!site.ok || !policy.ok) return { ok: false, problems: [...(site.ok ? [] : site.problems), ...(policy.ok ? [] : policy.problems)] };
  return { ok: true, root, stack, stackFile, policyFile, site: site.value, policy: policy.value, ceilings: ceilingsOf(policy.value) };
}

/** The requests in `requestsDir`, validated against an opened configuration (also used for a git base). */
export function readRequests(config: ProjectConfig, requestsDir = path.join(config.root, DEFAULT_REQUESTS)): Project {
  const v = validateRequests(requestsDir, config.site, config.ceilings);
  return { ...config, requestsDir, requests: v.requests, findings: v.findings, files: v.files };
}

export function openProject(opts: OpenOptions = {}): Project | ConfigProblems {
  const config = openConfig(opts);
  if (!config.ok) return config;
  return readRequests(config, path.resolve(config.root, opts.requestsDir ?? DEFAULT_REQUESTS));
}

/** Whether a requests folder exists: commands say so as a usage error before opening anything. */
export const requestsFolderExists = (dir: string) => fs.existsSync(dir);
