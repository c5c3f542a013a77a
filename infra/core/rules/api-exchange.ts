/**
 * SPLP exchange ceilings for an ApiAccess request's `spec.exchange`: its channel is configured, its
 * tier is one the channel allows, and an API key (auth api-key) has a validity within the channel's
 * maximum. Pure: the validator rule and the CrossGuard policy both ask `exchangeProblems`.
 */
import type { SplpConfig } from "../config/splp";
import type { ApiAccess } from "../model/kinds";
import type { Path } from "../model/path";
import type { Finding } from "../findings";
import { found, ofKind, type Rule } from "./types";

export interface ExchangeProblem {
  path: Path;
  message: string;
}

const show = (s: string) => JSON.stringify(s);

/** What of a request the check reads: also what the CrossGuard policy rebuilds from the SPLP resource. */
export type ExchangeSpec = Pick<ApiAccess["spec"], "channel" | "auth" | "exchange">;

export function exchangeProblems(spec: ExchangeSpec, splp: SplpConfig | undefined): ExchangeProblem[] {
  const ex = spec.exchange;
  if (!ex) return [];
  const configured = Object.keys(splp?.channels ?? {});
  const channel = splp?.channels[spec.channel];
  if (!channel)
    return [
      {
        path: ["spec", "channel"],
        message: `kanal ${spec.channel} belum dikonfigurasi di pusdat:splp.channels; kanal yang dikonfigurasi: ${configured.length ? configured.join(", ") : "(belum ada)"}`,
      },
    ];
  const out: ExchangeProblem[] = [];
  if (!channel.tiers.includes(ex.tier))
    out.push({ path: ["spec", "exchange", "tier"], message: `tier ${show(ex.tier)} tidak diizinkan di kanal ${spec.channel}; yang diizinkan: ${channel.tiers.join(", ")}` });
  if (spec.auth === "api-key") {
    if (ex.keyValidityDays === undefined)
      out.push({ path: ["spec", "exchange"], message: `auth api-key memerlukan spec.exchange.keyValidityDays: masa berlaku API key 1–${channel.maxKeyValidityDays} hari` });
    else if (ex.keyValidityDays > channel.maxKeyValidityDays)
      out.push({
        path: ["spec", "exchange", "keyValidityDays"],
        message: `masa berlaku API key ${ex.keyValidityDays} hari melebihi batas kanal ${spec.channel}; yang diizinkan: 1–${channel.maxKeyValidityDays} hari`,
      });
  } else if (ex.keyValidityDays !== undefined) {
    out.push({ path: ["spec", "exchange", "keyValidityDays"], message: `keyValidityDays hanya berlaku untuk auth api-key; auth permohonan ini ${spec.auth}, hapus keyValidityDays` });
  }
  return out;
}

export const apiExchange: Rule = (ctx) =>
  ofKind(ctx, "ApiAccess").flatMap((ref): Finding[] =>
    ref.request.metadata.status === "decommissioned" ? [] : exchangeProblems(ref.request.spec, ctx.site.splp).map((p) => found(ref, p.path, p.message)),
  );
