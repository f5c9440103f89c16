import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCalendar, WALL_CLOCK, WEEKDAYS, type Span, type WorkingCalendar } from './calendar.ts';
import { addWorkingMs, addWorkingTime, workingTimeBetween } from './working-time.ts';

const H = 3_600_000;
const Q = 15 * 60_000;

// Zones with DST north and south, half-hour DST (Lord Howe), a 45-minute offset
// (Chatham), none at all (Kolkata), and UTC.
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Asia/Kolkata', 'UTC'];
const hhmm = (quarters: number) => `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;
// 2026-01-01 … 2027-12-31, in quarter hours: every offset of these zones is a multiple
// of 15 minutes, and so is every change, which the oracle below relies on.
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 11, 31);

/** A day: an even number of distinct quarter-hour boundaries, paired into ordered spans. */
const daySpans = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((b) => {
  const sorted = b.sort((x, y) => x - y).slice(0, b.length - (b.length % 2));
  const spans: Span[] = [];
  for (let i = 0; i < sorted.length; i += 2) spans.push([hhmm(sorted[i]!), sorted[i + 1] === 96 ? '24:00' : hhmm(sorted[i + 1]!)]);
  return spans;
});

const calendar: fc.Arbitrary<WorkingCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  days: fc.array(daySpans, { minLength: 7, maxLength: 7 }),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 40 }),
}).filter((c) => c.days.some((d) => d.length > 0)).map((c) => normalizeCalendar({
  timeZone: c.timeZone,
  week: Object.fromEntries(WEEKDAYS.map((d, i) => [d, c.days[i]!])) as WorkingCalendar['week'],
  holidays: c.holidays.map((n) => ({ date: new Date(FROM + n * 86_400_000).toISOString().slice(0, 10), name: `Holiday ${n}` })),
}));

const instant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));
const quarterInstant = fc.integer({ min: FROM / Q, max: TO / Q }).map((q) => new Date(q * Q));
const hours = fc.double({ min: 0.001, max: 300, noNaN: true });

/** Independent oracle: read the wall clock of every quarter hour and ask the calendar. */
function oracle(from: Date, to: Date, c: WorkingCalendar): number {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: c.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  const holidays = new Set(c.holidays.map((h) => h.date));
  let working = 0;
  for (let t = from.getTime(); t < to.getTime(); t += Q) {
    const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
    if (holidays.has(`${p.year}-${p.month}-${p.day}`)) continue;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    const spans = c.week[p.weekday!.toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number]];
    if (spans.some(([s, e]) => minute >= Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) && minute < Number(e.slice(0, 2)) * 60 + Number(e.slice(3)))) working += Q;
  }
  return working;
}

describe('working time, for random calendars, starts and durations', () => {
  it('counts back exactly the working time it added', () => {
    fc.assert(fc.property(calendar, instant, hours, (c, start, h) => {
      expect(workingTimeBetween(start, addWorkingTime(start, h, c), c)).toBe(Math.round(h * H));
    }), { numRuns: 200 });
  });

  it('puts the due instant inside working hours or at the end of a span', () => {
    fc.assert(fc.property(calendar, instant, hours, (c, start, h) => {
      const due = addWorkingTime(start, h, c);
      // The millisecond just before the due instant was working time.
      expect(workingTimeBetween(new Date(due.getTime() - 1), due, c)).toBe(1);
    }), { numRuns: 200 });
  });

  it('adds up: a clock paused and resumed loses nothing', () => {
    fc.assert(fc.property(calendar, instant, hours, hours, (c, start, a, b) => {
      const first = addWorkingTime(start, a, c);
      expect(addWorkingMs(first, Math.round(b * H), c)).toEqual(addWorkingMs(start, Math.round(a * H) + Math.round(b * H), c));
      const later = new Date(first.getTime() + b * H);
      expect(workingTimeBetween(start, first, c) + workingTimeBetween(first, later, c)).toBe(workingTimeBetween(start, later, c));
    }), { numRuns: 100 });
  });

  it('agrees with reading the wall clock quarter hour by quarter hour, across DST changes', () => {
    // Starts near the changes of these zones half the time, so the odd days are well covered.
    const changes = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'].map((d) => Date.parse(`${d}T00:00:00Z`));
    const nearChange = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -8 * 24 * 4, max: 4 * 24 * 4 })).map(([d, q]) => new Date(d + q * Q));
    fc.assert(fc.property(calendar, fc.oneof(quarterInstant, nearChange), fc.integer({ min: 1, max: 10 * 24 * 4 }), (c, from, quarters) => {
      const to = new Date(from.getTime() + quarters * Q);
      expect(workingTimeBetween(from, to, c)).toBe(oracle(from, to, c));
    }), { numRuns: 150 });
  });

  it('equals the wall clock for a calendar open around the clock', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), instant, hours, (timeZone, start, h) => {
      const clock = normalizeCalendar({ timeZone, week: Object.fromEntries(WEEKDAYS.map((d) => [d, [['00:00', '24:00']]])) as WorkingCalendar['week'], holidays: [] });
      expect(addWorkingTime(start, h, clock)).toEqual(addWorkingTime(start, h, WALL_CLOCK));
    }), { numRuns: 100 });
  });
});
