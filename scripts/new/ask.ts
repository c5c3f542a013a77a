/**
 * One question of `pusdat new`, answered by its flag, by the technician at a prompt, or (with --yes)
 * by a schema default; a missing answer under --yes is a usage error naming the flag. A flag's value
 * goes through the same check as a typed answer.
 */
import { UsageError } from "../commands/types";
import type { Check } from "./checks";

/** The three prompt functions of @inquirer/prompts that the flow uses; tests inject their own. */
export interface Prompts {
  input(o: { message: string; default?: string; validate?: (v: string) => boolean | string }): Promise<string>;
  select<V extends string>(o: { message: string; choices: { name: string; value: V }[]; default?: V }): Promise<V>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
}

export interface TextQuestion<T> {
  flag: string;
  given: string | undefined;
  message: string;
  check: Check<T>;
  /** Offered at the prompt only. */
  suggest?: string;
  /** The schema's own default: used under --yes as well. */
  fallback?: T;
  optional?: boolean;
}

export interface Choice<V extends string> {
  name: string;
  value: V;
}

export class Ask {
  /** `prompts` null = --yes: nothing is asked. */
  constructor(private readonly prompts: Prompts | null) {}

  get interactive(): boolean {
    return this.prompts !== null;
  }

  private flagValue<T>(flag: string, raw: string, check: Check<T>): T {
    const r = check(raw);
    if (!r.ok) throw new UsageError(`${flag}: ${r.problem}`);
    return r.value;
  }

  private missing(flag: string, message: string, suggest?: string): never {
    throw new UsageError(`${flag} wajib diisi bila --yes dipakai (${message}${suggest ? `; saran: ${suggest}` : ""})`);
  }

  async text<T>(q: TextQuestion<T>): Promise<T | undefined> {
    if (q.given !== undefined) return this.flagValue(q.flag, q.given, q.check);
    if (!this.prompts) {
      if (q.fallback !== undefined || q.optional) return q.fallback;
      this.missing(q.flag, q.message, q.suggest);
    }
    const answer = await this.prompts.input({
      message: q.message,
      default: q.suggest,
      validate: (v) => {
        if (v.trim() === "" && (q.optional || q.fallback !== undefined)) return true;
        const r = q.check(v);
        return r.ok ? true : r.problem;
      },
    });
    if (answer.trim() === "" && (q.optional || q.fallback !== undefined)) return q.fallback;
    const r = q.check(answer);
    if (!r.ok) throw new UsageError(r.problem); // an injected prompt that ignores validate
    return r.value;
  }

  async required<T>(q: TextQuestion<T>): Promise<T> {
    return (await this.text(q)) as T;
  }

  async choose<V extends string>(q: { flag: string; given: string | undefined; message: string; choices: Choice<V>[]; check: Check<V>; fallback?: V }): Promise<V> {
    if (q.given !== undefined) return this.flagValue(q.flag, q.given, q.check);
    if (!this.prompts) {
      if (q.fallback !== undefined) return q.fallback;
      this.missing(q.flag, q.message);
    }
    return this.prompts.select({ message: q.message, choices: q.choices, default: q.fallback });
  }

  async yesNo(q: { flag: string; given: boolean | undefined; message: string; fallback: boolean }): Promise<boolean> {
    if (q.given !== undefined) return q.given;
    if (!this.prompts) return q.fallback;
    return this.prompts.confirm({ message: q.message, default: q.fallback });
  }

  /** A list: the repeated flag, or one answer per prompt until an empty one. `unique` names an item that may appear once only. */
  async list<T>(q: { flag: string; given: string[] | undefined; message: string; check: Check<T>; min: number; unique?: (v: T) => string }): Promise<T[]> {
    const out: T[] = [];
    const check: Check<T> = (raw) => {
      const r = q.check(raw);
      if (!r.ok || !q.unique) return r;
      const key = q.unique(r.value);
      return out.some((o) => q.unique!(o) === key) ? { ok: false, problem: `${key} sudah disebut; tiap isian cukup sekali` } : r;
    };
    if (q.given && q.given.length) {
      for (const g of q.given) out.push(this.flagValue(q.flag, g, check));
      return out;
    }
    if (!this.prompts) {
      if (q.min === 0) return [];
      this.missing(q.flag, q.message);
    }
    for (;;) {
      const need = out.length < q.min;
      const answer = await this.prompts.input({
        message: `${q.message} ${need ? `(ke-${out.length + 1})` : "(kosongkan bila selesai)"}`,
        validate: (v) => {
          if (v.trim() === "") return need ? `minimal ${q.min} isian` : true;
          const r = check(v);
          return r.ok ? true : r.problem;
        },
      });
      if (answer.trim() === "") {
        if (need) throw new UsageError(`${q.flag}: minimal ${q.min} isian`);
        return out;
      }
      const r = check(answer);
      if (!r.ok) throw new UsageError(r.problem);
      out.push(r.value);
    }
  }
}
