/**
 * Median, 90th percentile and the group summaries of the report.
 * Median: the middle value, or the mean of the two middle values when the count is even.
 * 90th percentile: nearest rank, the value at rank ⌈0.9 × n⌉ of the values sorted ascending
 * (so with fewer than 10 values it is the largest).
 */
import type { Case } from "./cases";
import { type Step, STEPS } from "./targets";

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(1, Math.ceil((p / 100) * s.length)) - 1]!;
}

export interface GroupStats {
  count: number;
  completed: number;
  /** Working minutes over the completed cases. */
  median: number | null;
  p90: number | null;
  medianCalendar: number | null;
  withinTarget: number;
  /** withinTarget / completed, null when none is completed. */
  share: number | null;
  /** Working minutes spent in each step, summed over the completed cases. */
  stepMinutes: Record<Step, number>;
  /** The step holding the most working minutes (first in step order on a tie); null when all are 0. */
  longestStep: Step | null;
}

export function groupStats(cases: Case[]): GroupStats {
  const done = cases.filter((c) => c.workingMinutes !== null);
  const work = done.map((c) => c.workingMinutes!);
  const stepMinutes = Object.fromEntries(STEPS.map((s) => [s, done.reduce((n, c) => n + (c.steps[s] ?? 0), 0)])) as Record<Step, number>;
  let longestStep: Step | null = null;
  for (const s of STEPS) if (stepMinutes[s] > 0 && (longestStep === null || stepMinutes[s] > stepMinutes[longestStep])) longestStep = s;
  const within = done.filter((c) => c.withinTarget).length;
  return {
    count: cases.length,
    completed: done.length,
    median: median(work),
    p90: percentile(work, 90),
    medianCalendar: median(done.map((c) => c.calendarMinutes!)),
    withinTarget: within,
    share: done.length ? within / done.length : null,
    stepMinutes,
    longestStep,
  };
}

/** Groups by a key, keys sorted (Indonesian collation). */
export function groupBy<T>(items: T[], key: (t: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b, "id"));
}
