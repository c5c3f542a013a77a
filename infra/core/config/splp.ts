/**
 * The SPLP exchange per channel (stack key `pusdat:splp`): where its WSO2 API Manager answers, the
 * tenant, the throttling tiers a request may name and the longest API-key validity. The devportal
 * token is no configuration: it comes from the environment (a Pulumi secret in CI), see SPLP_TOKEN_ENV.
 */
import * as z from "zod";

export const SPLP_CHANNELS = ["pertukaran-lokal", "splp-nasional"] as const;
export type SplpChannelName = (typeof SPLP_CHANNELS)[number];

/** The environment variable holding each channel's devportal bearer token. */
export const SPLP_TOKEN_ENV: Record<SplpChannelName, string> = {
  "pertukaran-lokal": "PUSDAT_SPLP_LOKAL_TOKEN",
  "splp-nasional": "PUSDAT_SPLP_NASIONAL_TOKEN",
};

/**
 * The stack configuration key holding each channel's devportal token as a Pulumi secret
 * (`pulumi config set --secret splp:lokalToken …`). The dynamic provider reads it in `configure`;
 * it never becomes a resource input, so the state holds only its name.
 */
export const SPLP_TOKEN_CONFIG: Record<SplpChannelName, string> = {
  "pertukaran-lokal": "splp:lokalToken",
  "splp-nasional": "splp:nasionalToken",
};

const BaseUrl = z
  .url({ error: "URL, mis. https://splp.contohkab.go.id:9443" })
  .refine((u) => /^https?:\/\/[^/]+\/?$/.test(u), { error: "hanya skema, host dan port, tanpa path, mis. https://splp.contohkab.go.id:9443" });

const Tier = z.string({ error: "teks: nama tier throttling" }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: "nama tier WSO2, mis. Gold" });

export const SplpChannel = z.strictObject({
  baseUrl: BaseUrl.meta({ description: "WSO2 API Manager: /api/am/devportal/v3 dan /oauth2/token di bawahnya" }),
  gatewayUrl: BaseUrl.meta({ description: "Gateway WSO2 (mis. https://gw.contohkab.go.id:8243): uji coba memanggil <gatewayUrl><context><path>" }),
  tenant: z.string().regex(/^[a-z0-9.-]{3,253}$/, { error: "domain tenant, mis. contohkab.go.id" }).optional().meta({ description: "Tenant WSO2 (header X-WSO2-Tenant)" }),
  tiers: z.array(Tier).min(1, { error: "minimal satu tier" }).meta({ description: "Tier throttling yang boleh diminta lewat kanal ini" }),
  maxKeyValidityDays: z.int({ error: "bilangan bulat hari ≥ 1" }).min(1, { error: "bilangan bulat hari ≥ 1" }).meta({ description: "Masa berlaku API key paling lama (hari)" }),
  insecureTls: z.boolean().default(false).meta({ description: "Terima sertifikat yang tidak terverifikasi (hanya lab)" }),
});

export const SplpConfig = z.strictObject({
  channels: z.partialRecord(z.enum(SPLP_CHANNELS, { error: "pertukaran-lokal atau splp-nasional" }), SplpChannel),
  timeoutMs: z.int().min(100).max(120_000).default(15_000),
});

export type SplpChannel = z.infer<typeof SplpChannel>;
export type SplpConfig = z.infer<typeof SplpConfig>;

/** The exchange application pusdat keeps for one ApiAccess request (one per consumer application). */
export const splpApplicationName = (requestId: string) => `pusdat-${requestId}`;

/** Where a channel's exchange is, in the words of the plan, the letters and the request file. */
export const channelPlace = (channel: string) => (channel === "splp-nasional" ? "portal SPLP nasional" : "server pertukaran data lokal");
