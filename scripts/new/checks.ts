/**
 * Answer checks for `pusdat new`: each one is the request's own zod field schema, then the rule the
 * validator would apply, so an answer refused here is one `pusdat validate` would refuse, in the same words.
 */
import type { z } from "zod";

export type Result<T> = { ok: true; value: T } | { ok: false; problem: string };
export type Check<T> = (raw: string) => Result<T>;

/** Digits become a number, so that the integer schemas can judge them; anything else stays text. */
export const asNumber = (raw: string): unknown => (/^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw);

/** The field schema's verdict, with its own "what is allowed" text. */
export function zodCheck<T>(schema: z.ZodType<T>, convert: (raw: string) => unknown = (s) => s): Check<T> {
  return (raw) => {
    const r = schema.safeParse(convert(raw));
    if (r.success) return { ok: true, value: r.data };
    const issue = r.error.issues[0];
    return { ok: false, problem: `${JSON.stringify(raw)} tidak sah; yang diizinkan: ${issue?.message ?? "nilai lain"}` };
  };
}

/** `check`, then the rules, each saying why (or null). */
export function withRules<T>(check: Check<T>, ...rules: ((v: T) => string | null | undefined)[]): Check<T> {
  return (raw) => {
    const r = check(raw);
    if (!r.ok) return r;
    for (const rule of rules) {
      const problem = rule(r.value);
      if (problem) return { ok: false, problem };
    }
    return r;
  };
}
