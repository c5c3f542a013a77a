/** The progress bar of a monitoring round: for a person at a terminal, never in CI logs. Pure. */

/** Only on a terminal, and not when CI says it is a CI run (some runners give a pseudo-terminal). */
export const showProgress = (isTty: boolean, env: NodeJS.ProcessEnv) => isTty && !env.CI;

/** `pemantauan [##########----------]  50% 20/40`; `width` cells. */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const full = Math.floor(share * width);
  return `pemantauan [${"#".repeat(full)}${"-".repeat(width - full)}] ${String(Math.floor(share * 100)).padStart(3)}% ${done}/${total}`;
}
