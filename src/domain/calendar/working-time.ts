import { dayNumber, minutesOf, WEEKDAYS, type Calendar, type WorkingCalendar } from './calendar.ts';
import { offsetAt, transitionBetween } from './time-zone.ts';

/**
 * Working time, pure (no database, no clock). An instant is working time when the
 * wall clock of the calendar's zone then reads a time inside one of that weekday's
 * spans, on a date that is not a holiday. That one rule settles DST: the hour that
 * a spring change skips is never working time, the hour an autumn change repeats
 * counts twice if it is inside a span — as it would for someone at work.
 *
 * Assumes a zone changes offset at most once in any 24 hours (true of every zone
 * in the tz database in modern times).
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** How far ahead addWorkingTime looks before giving up (a calendar of holidays only). */
const HORIZON = 100 * 366 * DAY;

interface Compiled { timeZone: string; byWeekday: Array<Array<[number, number]>>; holidays: Set<number> }

// Calendars are immutable values in practice; compile each once.
const compiled = new WeakMap<WorkingCalendar, Compiled>();

function compile(calendar: WorkingCalendar): Compiled {
  let c = compiled.get(calendar);
  if (!c) {
    c = {
      timeZone: calendar.timeZone,
      byWeekday: WEEKDAYS.map((d) => (calendar.week[d] ?? []).map(([s, e]) => [minutesOf(s) * MINUTE, minutesOf(e) * MINUTE] as [number, number])),
      holidays: new Set(calendar.holidays.map((h) => dayNumber(h.date)).filter((d): d is number => d !== undefined)),
    };
    compiled.set(calendar, c);
  }
  return c;
}

/** Day 0 (1970-01-01) was a Thursday: index 3 in WEEKDAYS. */
const weekdayIndex = (day: number) => (((day + 3) % 7) + 7) % 7;

/**
 * Working intervals [a, b) in [from, until), in order. The timeline is walked a day
 * at a time and cut at offset changes, so within each piece local time is UTC plus
 * one constant offset, and a local span maps to instants by subtracting it.
 */
function* workingIntervals(from: number, until: number, c: Compiled): Generator<[number, number]> {
  let t0 = from;
  let o0 = offsetAt(t0, c.timeZone);
  while (t0 < until) {
    const t1 = Math.min(t0 + DAY, until);
    const o1 = offsetAt(t1, c.timeZone);
    if (o1 === o0) yield* inPiece(t0, t1, o0, c);
    else {
      const change = transitionBetween(t0, t1, c.timeZone);
      yield* inPiece(t0, change, o0, c);
      yield* inPiece(change, t1, o1, c);
    }
    t0 = t1;
    o0 = o1;
  }
}

function* inPiece(t0: number, t1: number, offset: number, c: Compiled): Generator<[number, number]> {
  const lo = t0 + offset;
  const hi = t1 + offset;
  for (let day = Math.floor(lo / DAY); day * DAY < hi; day++) {
    if (c.holidays.has(day)) continue;
    for (const [s, e] of c.byWeekday[weekdayIndex(day)]!) {
      const a = Math.max(day * DAY + s, lo);
      const b = Math.min(day * DAY + e, hi);
      if (a < b) yield [a - offset, b - offset];
    }
  }
}

/**
 * The instant `ms` milliseconds of working time after `start`: inside working
 * hours, or exactly at the end of a span (Friday 17:00 + 1 h is Friday 18:00, not
 * Monday 09:00). Resuming a paused clock adds what was left of it.
 */
export function addWorkingMs(start: Date, ms: number, calendar: Calendar): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Working time must be a finite, non-negative duration (got ${ms}).`);
  const s = start.getTime();
  const need = Math.round(ms);
  if (calendar.kind === 'wall-clock' || need === 0) return new Date(s + need);
  let remaining = need;
  for (const [a, b] of workingIntervals(s, s + HORIZON, compile(calendar))) {
    if (b - a >= remaining) return new Date(a + remaining);
    remaining -= b - a;
  }
  throw new RangeError('The calendar has no working time in the next hundred years.');
}

/** The due instant of a deadline of `hours` working hours from `start`. */
export const addWorkingTime = (start: Date, hours: number, calendar: Calendar): Date => addWorkingMs(start, hours * HOUR, calendar);

/** Working milliseconds in [from, to); 0 when `to` is not after `from`. What a paused clock had used. */
export function workingTimeBetween(from: Date, to: Date, calendar: Calendar): number {
  const f = from.getTime();
  const t = to.getTime();
  if (t <= f) return 0;
  if (calendar.kind === 'wall-clock') return t - f;
  let sum = 0;
  for (const [a, b] of workingIntervals(f, t, compile(calendar))) sum += b - a;
  return sum;
}
