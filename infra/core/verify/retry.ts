/**
 * The retry schedule within `--wait SECONDS`: DNS changes take a while to reach every resolver, so a
 * failing request is checked again after 1, 2, 4, 8, then every 15 seconds, never past the deadline.
 */
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15_000;

/** The pause before attempt `attempt + 1`, or null when the deadline leaves no room for another. */
export function nextDelay(attempt: number, nowMs: number, deadlineMs: number): number | null {
  const remaining = deadlineMs - nowMs;
  if (remaining <= 0) return null;
  return Math.min(FIRST_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS, remaining);
}

/** The whole schedule for a wait, as the pauses a request that never passes would see (for docs and tests). */
export function schedule(waitMs: number): number[] {
  const out: number[] = [];
  let t = 0;
  for (let attempt = 1; ; attempt++) {
    const d = nextDelay(attempt, t, waitMs);
    if (d === null) return out;
    out.push(d);
    t += d;
  }
}
