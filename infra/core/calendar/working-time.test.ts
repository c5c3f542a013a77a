import { Calendar } from "../config/site";
import { dayLength, officeCalendar, officeSpans, openingOf, workingMinutes } from "./working-time";

/** An instant written in WIB (UTC+7). 2026-11-23 is a Monday. */
const wib = (s: string) => Date.parse(`${s.replace(" ", "T")}:00+07:00`);

const DEFAULT = officeCalendar(Calendar.parse({}));
const HOLIDAYS = officeCalendar(Calendar.parse({ holidays: ["2026-11-25", "2026-12-24", "2026-12-25", "2027-01-01"] }));
const SATURDAY = officeCalendar(
  Calendar.parse({
    workdays: {
      mon: { start: "08:00", end: "16:00", breaks: [] },
      tue: null, wed: null, thu: null, fri: null,
      sat: { start: "08:00", end: "12:00" },
      sun: null,
    },
  }),
);

describe("workingMinutes", () => {
  const cases: [string, typeof DEFAULT, string, string, number][] = [
    ["inside one morning", DEFAULT, "2026-11-23 08:00", "2026-11-23 10:00", 120],
    ["across the Monday break", DEFAULT, "2026-11-23 11:00", "2026-11-23 14:00", 120],
    ["wholly inside the break", DEFAULT, "2026-11-23 12:15", "2026-11-23 12:45", 0],
    ["a whole Monday from before opening to after closing", DEFAULT, "2026-11-23 06:00", "2026-11-23 17:00", 450],
    ["overnight Monday to Tuesday", DEFAULT, "2026-11-23 15:00", "2026-11-24 09:00", 150],
    ["Thursday evening to Friday's early opening", DEFAULT, "2026-11-26 15:00", "2026-11-27 07:00", 90],
    ["across Friday's long break", DEFAULT, "2026-11-27 11:00", "2026-11-27 13:30", 60],
    ["a whole Friday", DEFAULT, "2026-11-27 00:00", "2026-11-28 00:00", 480],
    ["Friday afternoon over the weekend", DEFAULT, "2026-11-27 15:00", "2026-11-30 08:00", 90],
    ["only the weekend", DEFAULT, "2026-11-28 10:00", "2026-11-29 15:00", 0],
    ["start and end outside office hours", DEFAULT, "2026-11-23 16:30", "2026-11-24 07:29", 0],
    ["Sunday night to before Monday opening", DEFAULT, "2026-11-29 20:00", "2026-11-30 07:00", 0],
    ["one full week", DEFAULT, "2026-11-23 00:00", "2026-11-30 00:00", 2280],
    ["four weeks, opening to opening", DEFAULT, "2026-11-23 07:30", "2026-12-21 07:30", 9120],
    ["over a Wednesday holiday", HOLIDAYS, "2026-11-24 15:00", "2026-11-26 08:00", 90],
    ["six weeks with four holidays", HOLIDAYS, "2026-11-23 00:00", "2027-01-04 00:00", 13680 - 450 - 450 - 480 - 480],
    ["the same instant", DEFAULT, "2026-11-23 09:00", "2026-11-23 09:00", 0],
    ["end before start is negative", DEFAULT, "2026-11-24 09:00", "2026-11-23 15:00", -150],
    ["a configured Saturday, Friday off", SATURDAY, "2026-11-27 10:00", "2026-11-28 09:00", 60],
    ["a Monday without a break", SATURDAY, "2026-11-23 07:00", "2026-11-23 17:00", 480],
  ];
  test.each(cases)("%s", (_name, cal, from, to, minutes) => {
    expect(workingMinutes(cal, wib(from), wib(to))).toBe(minutes);
  });

  test("instants are read in WIB even when the UTC date differs", () => {
    // 2026-11-22T23:00Z is Monday 06:00 WIB; 02:00Z is Monday 09:00 WIB.
    expect(workingMinutes(DEFAULT, Date.parse("2026-11-22T23:00:00Z"), Date.parse("2026-11-23T02:00:00Z"))).toBe(90);
  });

  test("seconds are kept as fractions of a minute", () => {
    expect(workingMinutes(DEFAULT, Date.parse("2026-11-23T01:00:30Z"), Date.parse("2026-11-23T01:02:00Z"))).toBe(1.5);
  });

  test("a span of ten years is counted day by day", () => {
    // 2026-11-23 (Monday) + 522 weeks; no holidays in DEFAULT
    expect(workingMinutes(DEFAULT, wib("2026-11-23 00:00"), wib("2026-11-23 00:00") + 522 * 7 * 86_400_000)).toBe(522 * 2280);
  });
});

describe("officeSpans", () => {
  const cases: [string, Parameters<typeof officeSpans>[0], { from: number; to: number }[]][] = [
    ["default Monday", { start: "07:30", end: "16:00", breaks: [["12:00", "13:00"]] }, [{ from: 450, to: 720 }, { from: 780, to: 960 }]],
    ["two breaks", { start: "08:00", end: "16:00", breaks: [["10:00", "10:15"], ["12:00", "13:00"]] }, [{ from: 480, to: 600 }, { from: 615, to: 720 }, { from: 780, to: 960 }]],
    ["a break outside office hours", { start: "08:00", end: "12:00", breaks: [["12:00", "13:00"]] }, [{ from: 480, to: 720 }]],
    ["a break over the opening", { start: "08:00", end: "12:00", breaks: [["07:00", "09:00"]] }, [{ from: 540, to: 720 }]],
    ["a day off", null, []],
  ];
  test.each(cases)("%s", (_name, day, spans) => expect(officeSpans(day)).toEqual(spans));
});

describe("dayLength and openingOf", () => {
  test("day lengths of the default week", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => dayLength(DEFAULT, d))).toEqual([0, 450, 450, 450, 450, 480, 0]);
  });
  const cases: [string, typeof DEFAULT, string, string][] = [
    ["a Monday opens 07:30 WIB", DEFAULT, "2026-11-23", "2026-11-23T00:30:00.000Z"],
    ["a Friday opens 06:30 WIB", DEFAULT, "2026-11-27", "2026-11-26T23:30:00.000Z"],
    ["a Saturday counts from 07:30 WIB", DEFAULT, "2026-11-28", "2026-11-28T00:30:00.000Z"],
    ["a holiday counts from 07:30 WIB", HOLIDAYS, "2026-12-25", "2026-12-25T00:30:00.000Z"],
  ];
  test.each(cases)("%s", (_name, cal, date, iso) => expect(new Date(openingOf(cal, date)).toISOString()).toBe(iso));
});
