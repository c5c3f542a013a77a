/** What `pusdat new` is given and works with: its flags, its context, and how it says no. */
import type { Claim } from "../../infra/core/allocate";
import type { Ceilings } from "../../infra/core/config/ceilings";
import type { SiteConfig } from "../../infra/core/config/site";

/** Commander's options of `pusdat new` (camelCase). */
export interface NewFlags {
  id?: string;
  opd?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  notaNumber?: string;
  notaDate?: string;
  purpose?: string;
  // Subdomain
  name?: string;
  ip?: string;
  ipv6?: string;
  cname?: string;
  proxied?: boolean;
  ttl?: string;
  // HostingAccount
  domain?: string;
  username?: string;
  plan?: string;
  hostingEmail?: string;
  // VirtualMachine
  location?: string;
  hostname?: string;
  cpu?: string;
  memoryGb?: string;
  diskGb?: string;
  os?: string;
  sshKey?: string[];
  port?: string[];
  pdnTicket?: string;
  // ApiAccess
  channel?: string;
  application?: string;
  applicationUrl?: string;
  providerOpd?: string;
  providerApi?: string;
  approvalNumber?: string;
  approvalDate?: string;
  approver?: string;
  endpoint?: string[];
  data?: string[];
  auth?: string;
}

export interface NewContext {
  site: SiteConfig;
  ceilings: Ceilings;
  /** Every claim found: working tree first, then main, then the other branches. */
  claims: Claim[];
  /** OPD names already in use, sorted. */
  opds: string[];
  /** Today in Asia/Jakarta (YYYY-MM-DD), offered as the memo date. */
  today: string;
  /** Tells the technician something (the allocation); no question. */
  say(text: string): void;
}

/** The request cannot be made as asked (no room, pool full): exit 1 with these reasons. */
export class Refusal extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
  }
}
