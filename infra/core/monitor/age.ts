/** Days between two instants, as the monitoring round counts a backup's age. Pure. */
export const DAY_MS = 86_400_000;
export const ageDays = (thenMs: number, nowMs: number) => Math.floor((nowMs - thenMs) / DAY_MS);
