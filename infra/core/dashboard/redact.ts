/**
 * What may not reach a published page: e-mail addresses and phone numbers never (personal data),
 * IP addresses and the data center's internal host names only in an internal dashboard. Applied to
 * every free text that comes from elsewhere (monitoring messages, check details, PR titles). Pure.
 */

export const HIDDEN = "[disembunyikan]";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Indonesian mobile and landline forms: +62…, 62…, 08…, 0xx-…; 9–15 digits, separators allowed. */
const PHONE = /(?<!\w|\d\.)(?:\+62|62|0)[ -]?\d{2,4}(?:[ -]?\d{2,5}){2,4}(?!\w|\.\d)/g;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\/\d{1,2})?(?![\d.])/g;
/** Any run of hex groups with at least two colons that includes a '::' or has 8 groups. */
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:\/\d{1,3})?(?![\w:])/g;

const isIpv6 = (s: string) => {
  const bare = s.replace(/\/\d+$/, "");
  const groups = bare.split(":");
  return (bare.includes("::") || groups.length === 8) && groups.some((g) => g.length > 0) && /[0-9A-Fa-f]/.test(bare);
};

const digits = (s: string) => s.replace(/\D/g, "").length;

export interface RedactOptions {
  internal: boolean;
  /** Host names that are internal (Proxmox endpoint, hosting server, VM host names), hidden unless internal. */
  internalHosts: readonly string[];
}

export function redact(text: string, o: RedactOptions): string {
  let out = text.replace(EMAIL, HIDDEN).replace(PHONE, (m) => (digits(m) >= 9 && digits(m) <= 15 ? HIDDEN : m));
  if (o.internal) return out;
  out = out.replace(IPV4, HIDDEN).replace(IPV6, (m) => (isIpv6(m) ? HIDDEN : m));
  for (const h of [...o.internalHosts].filter(Boolean).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\w.-])${h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "gi"), HIDDEN);
  }
  return out;
}
