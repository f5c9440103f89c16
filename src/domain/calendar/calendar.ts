import { canonicalTimeZone } from './time-zone.ts';

/**
 * A working-time calendar as data: weekly hours in a time zone, and holidays.
 * Casework deadlines count in its working time; nothing about hours is hard-coded.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ["09:00", "18:00"]: local wall-clock times; the end may be "24:00" (midnight after). */
export type Span = [string, string];

export interface CalendarInput {
  timeZone: string;
  week: Record<Weekday, Span[]>;
  holidays: Array<{ date: string; name: string }>;
}

export interface WorkingCalendar extends CalendarInput { kind: 'working' }

/**
 * Time counted on the wall clock, around the clock: life-threatening cases, and
 * units with no calendar anywhere above them (no default hours live in code).
 */
export const WALL_CLOCK = Object.freeze({ kind: 'wall-clock' as const });
export type Calendar = WorkingCalendar | typeof WALL_CLOCK;

export const MAX_SPANS_PER_DAY = 6;
export const MAX_HOLIDAYS = 1000;
export const MAX_HOLIDAY_NAME = 100;

const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes after local midnight of "HH:MM". */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The UTC day number of a calendar date "YYYY-MM-DD", or undefined if no such date. */
export function dayNumber(date: string): number | undefined {
  if (!DATE.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t.getTime() / 86_400_000 : undefined;
}

export interface CalendarIssue { path: Array<string | number>; message: string }

/**
 * Everything wrong with a calendar, as paths into it: the HTTP schema reports them
 * as a 400 and the domain refuses them, so both speak of the same problems.
 */
export function calendarIssues(input: CalendarInput): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  if (!canonicalTimeZone(input.timeZone)) issues.push({ path: ['timeZone'], message: `"${input.timeZone}" is not an IANA time zone (e.g. "Europe/Berlin")` });
  let spans = 0;
  for (const day of WEEKDAYS) {
    const list = input.week[day] ?? [];
    if (list.length > MAX_SPANS_PER_DAY) issues.push({ path: ['week', day], message: `at most ${MAX_SPANS_PER_DAY} spans a day` });
    let previousEnd = -1;
    list.forEach(([start, end], i) => {
      if (!START.test(start)) return issues.push({ path: ['week', day, i, 0], message: 'a start is HH:MM, 00:00 to 23:59' });
      if (!END.test(end)) return issues.push({ path: ['week', day, i, 1], message: 'an end is HH:MM, 00:01 to 24:00' });
      const s = minutesOf(start);
      const e = minutesOf(end);
      if (e <= s) return issues.push({ path: ['week', day, i], message: `the span ${start}–${end} ends before it starts` });
      if (s < previousEnd) issues.push({ path: ['week', day, i], message: `the span ${start}–${end} overlaps or precedes the one before it` });
      previousEnd = e;
      spans++;
    });
  }
  if (spans === 0 && issues.length === 0) {
    issues.push({ path: ['week'], message: 'no working hours at all; to count wall-clock time, delete the calendar instead' });
  }
  if (input.holidays.length > MAX_HOLIDAYS) issues.push({ path: ['holidays'], message: `at most ${MAX_HOLIDAYS} holidays` });
  const seen = new Set<string>();
  input.holidays.forEach((h, i) => {
    if (dayNumber(h.date) === undefined) issues.push({ path: ['holidays', i, 'date'], message: `"${h.date}" is not a date YYYY-MM-DD` });
    else if (seen.has(h.date)) issues.push({ path: ['holidays', i, 'date'], message: `${h.date} is listed twice` });
    seen.add(h.date);
    if (h.name.trim().length === 0 || h.name.length > MAX_HOLIDAY_NAME) issues.push({ path: ['holidays', i, 'name'], message: `a name of 1 to ${MAX_HOLIDAY_NAME} characters` });
  });
  return issues;
}

/** The stored form: canonical zone name, every weekday present, holidays by date. Assumes no issues. */
export function normalizeCalendar(input: CalendarInput): WorkingCalendar {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, (input.week[d] ?? []).map(([s, e]) => [s, e] as Span)])) as Record<Weekday, Span[]>;
  const holidays = input.holidays.map((h) => ({ date: h.date, name: h.name.trim() })).sort((a, b) => a.date.localeCompare(b.date));
  return { kind: 'working', timeZone: canonicalTimeZone(input.timeZone) ?? input.timeZone, week, holidays };
}

/** Same hours, zone and holidays (both normalized). */
export const sameCalendar = (a: CalendarInput, b: CalendarInput) =>
  a.timeZone === b.timeZone && JSON.stringify(a.week) === JSON.stringify(b.week) && JSON.stringify(a.holidays) === JSON.stringify(b.holidays);
