/**
 * Working time in the office calendar of the stack configuration (`pusdat:calendar`): how many
 * minutes of office hours lie between two instants. Pure and O(days): each day of the span is cut
 * once against its office hours, never walked minute by minute. Asia/Jakarta is UTC+7 all year
 * (no daylight saving), so local time is the UTC instant shifted by seven hours.
 */
import type { Calendar } from "../config/site";

export const JAKARTA_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** A span of one day in minutes after local midnight, `from` < `to`. */
export interface Span {
  from: number;
  to: number;
}

const clock = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The office spans of one weekday: [start, end] less its breaks, sorted, empty when the day is off. */
export function officeSpans(day: Calendar["workdays"]["mon"]): Span[] {
  if (!day) return [];
  let spans: Span[] = [{ from: clock(day.start), to: clock(day.end) }];
  for (const [a, b] of day.breaks) {
    const bf = clock(a);
    const bt = clock(b);
    spans = spans.flatMap((s) => {
      if (bt <= s.from || bf >= s.to) return [s];
      return [
        ...(bf > s.from ? [{ from: s.from, to: bf }] : []),
        ...(bt < s.to ? [{ from: bt, to: s.to }] : []),
      ];
    });
  }
  return spans.filter((s) => s.to > s.from).sort((x, y) => x.from - y.from);
}

/** The calendar prepared once: spans per weekday (0 = Sunday) and the holidays as a set. */
export interface OfficeCalendar {
  week: Span[][];
  holidays: ReadonlySet<string>;
}

export function officeCalendar(cal: Calendar): OfficeCalendar {
  return { week: WEEKDAYS.map((d) => officeSpans(cal.workdays[d])), holidays: new Set(cal.holidays) };
}

/** `YYYY-MM-DD` of a local day number (days since 1970-01-01 in local time). */
const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The office spans of one local day (days since 1970-01-01), empty on weekends off and holidays. */
export function spansOfDay(oc: OfficeCalendar, day: number): Span[] {
  if (oc.holidays.has(dayText(day))) return [];
  return oc.week[(((day + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
}

/**
 * Working minutes between two instants (milliseconds since the epoch, UTC). Fractions of a minute are
 * kept (an instant at 08:00:30 gives half a minute less than one at 08:00). When `to` is before
 * `from` the result is the negative of the reverse span.
 */
export function workingMinutes(oc: OfficeCalendar, fromMs: number, toMs: number): number {
  if (toMs < fromMs) return -workingMinutes(oc, toMs, fromMs);
  const a = fromMs + JAKARTA_OFFSET_MS;
  const b = toMs + JAKARTA_OFFSET_MS;
  const firstDay = Math.floor(a / DAY_MS);
  const lastDay = Math.floor(b / DAY_MS);
  let ms = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * DAY_MS;
    for (const s of spansOfDay(oc, day)) {
      const lo = Math.max(a, midnight + s.from * MINUTE_MS);
      const hi = Math.min(b, midnight + s.to * MINUTE_MS);
      if (hi > lo) ms += hi - lo;
    }
  }
  return ms / MINUTE_MS;
}

/** Minutes of office time in one full working day on this weekday (0 = Sunday). */
export const dayLength = (oc: OfficeCalendar, weekday: number): number => oc.week[weekday]!.reduce((n, s) => n + s.to - s.from, 0);

/**
 * The instant (ms, UTC) a dated letter starts counting: the opening of office hours on that date in
 * Asia/Jakarta, or 07:30 WIB when the date is a weekend off or a holiday (working time then starts
 * at the next opening anyway).
 */
export function openingOf(oc: OfficeCalendar, date: string): number {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  const spans = spansOfDay(oc, day);
  const minutes = spans.length ? spans[0]!.from : 7 * 60 + 30;
  return day * DAY_MS + minutes * MINUTE_MS - JAKARTA_OFFSET_MS;
}
