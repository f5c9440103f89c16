import { describe, expect, it } from 'vitest';
import { calendarIssues, normalizeCalendar, WALL_CLOCK, WEEKDAYS, type CalendarInput, type Span, type Weekday } from './calendar.ts';
import { addWorkingMs, addWorkingTime, workingTimeBetween } from './working-time.ts';

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
const week = (days: Partial<Record<Weekday, Span[]>>) => Object.fromEntries(WEEKDAYS.map((d) => [d, days[d] ?? []])) as Record<Weekday, Span[]>;
const office = (timeZone: string, spans: Span[] = [['09:00', '18:00']], holidays: CalendarInput['holidays'] = []) =>
  normalizeCalendar({ timeZone, week: week({ mon: spans, tue: spans, wed: spans, thu: spans, fri: spans }), holidays });
const allDay = (timeZone: string) => normalizeCalendar({ timeZone, week: week(Object.fromEntries(WEEKDAYS.map((d) => [d, [['00:00', '24:00']]]))), holidays: [] });

describe('addWorkingTime', () => {
  const berlin = office('Europe/Berlin');

  it('carries Friday 17:00 + 2 h over the weekend to Monday 10:00', () => {
    // 2026-01-09 is a Friday; Berlin is UTC+1 in winter.
    expect(addWorkingTime(at('2026-01-09T16:00:00Z'), 2, berlin)).toEqual(at('2026-01-12T09:00:00Z'));
  });

  it('ends a deadline at the end of a span rather than at the next start', () => {
    expect(addWorkingTime(at('2026-01-09T16:00:00Z'), 1, berlin)).toEqual(at('2026-01-09T17:00:00Z'));
  });

  it('starts counting at the next span when started outside working hours', () => {
    expect(addWorkingTime(at('2026-01-10T12:00:00Z'), 1, berlin)).toEqual(at('2026-01-12T09:00:00Z'));
    expect(addWorkingTime(at('2026-01-12T06:00:00Z'), 0.5, berlin)).toEqual(at('2026-01-12T08:30:00Z'));
  });

  it('skips holidays', () => {
    const christmas = office('Europe/Berlin', [['09:00', '18:00']], [{ date: '2026-12-25', name: 'Christmas Day' }]);
    // Thursday 24 Dec 17:00 + 2 h: one hour that day, Friday 25 is a holiday, so Monday 28 at 10:00.
    expect(addWorkingTime(at('2026-12-24T16:00:00Z'), 2, christmas)).toEqual(at('2026-12-28T09:00:00Z'));
  });

  it('uses every span of a split day', () => {
    const split = office('Europe/Berlin', [['09:00', '12:00'], ['13:00', '18:00']]);
    expect(addWorkingTime(at('2026-01-12T10:00:00Z'), 2, split)).toEqual(at('2026-01-12T13:00:00Z')); // 11:00 + 2 h, lunch skipped → 14:00 local
    expect(workingTimeBetween(at('2026-01-12T08:00:00Z'), at('2026-01-12T17:00:00Z'), split)).toBe(8 * H);
  });

  it('follows local hours across the spring and autumn changes in Europe/Berlin', () => {
    // Friday 27 March 2026 17:00 CET + 2 h → Monday 30 March 10:00 CEST (UTC+2).
    expect(addWorkingTime(at('2026-03-27T16:00:00Z'), 2, berlin)).toEqual(at('2026-03-30T08:00:00Z'));
    // Friday 23 October 17:00 CEST + 2 h → Monday 26 October 10:00 CET (UTC+1).
    expect(addWorkingTime(at('2026-10-23T15:00:00Z'), 2, berlin)).toEqual(at('2026-10-26T09:00:00Z'));
  });

  it('counts the skipped hour as nothing and the repeated hour twice (a night shift on the change days)', () => {
    const night = normalizeCalendar({ timeZone: 'Europe/Berlin', week: week({ sun: [['00:00', '06:00']] }), holidays: [] });
    // 29 March 2026: 02:00 → 03:00, so six wall-clock hours are five real ones.
    expect(workingTimeBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), night)).toBe(5 * H);
    // 25 October 2026: 03:00 → 02:00, so they are seven.
    expect(workingTimeBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'), night)).toBe(7 * H);
    expect(addWorkingTime(at('2026-03-28T12:00:00Z'), 5, night)).toEqual(at('2026-03-29T04:00:00Z')); // 06:00 CEST
    expect(addWorkingTime(at('2026-10-24T12:00:00Z'), 7, night)).toEqual(at('2026-10-25T05:00:00Z')); // 06:00 CET
  });

  it('follows America/New_York across its own change date', () => {
    const ny = office('America/New_York');
    // Friday 6 March 2026 17:00 EST (UTC-5) + 2 h → Monday 9 March 10:00 EDT (UTC-4).
    expect(addWorkingTime(at('2026-03-06T22:00:00Z'), 2, ny)).toEqual(at('2026-03-09T14:00:00Z'));
  });

  it('equals wall-clock time for a calendar working around the clock, DST days included', () => {
    const clock = allDay('Europe/Berlin');
    for (const [from, hours] of [['2026-03-27T10:00:00Z', 72], ['2026-10-24T22:30:00Z', 49.25], ['2026-06-01T00:00:00Z', 0.01]] as const) {
      expect(addWorkingTime(at(from), hours, clock)).toEqual(addWorkingTime(at(from), hours, WALL_CLOCK));
      expect(addWorkingTime(at(from), hours, WALL_CLOCK)).toEqual(new Date(at(from).getTime() + hours * H));
    }
    expect(workingTimeBetween(at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'), clock)).toBe(72 * H);
  });

  it('returns the start for zero and refuses a negative or endless duration', () => {
    expect(addWorkingTime(at('2026-01-10T12:00:00Z'), 0, berlin)).toEqual(at('2026-01-10T12:00:00Z'));
    expect(() => addWorkingTime(at('2026-01-10T12:00:00Z'), -1, berlin)).toThrow(RangeError);
    expect(() => addWorkingTime(at('2026-01-10T12:00:00Z'), Number.POSITIVE_INFINITY, berlin)).toThrow(RangeError);
  });
});

describe('a paused clock', () => {
  it('keeps its remaining working time and resumes with it', () => {
    const berlin = office('Europe/Berlin');
    const opened = at('2026-01-12T08:00:00Z'); // Monday 09:00, 16 working hours to go
    const due = addWorkingTime(opened, 16, berlin);
    expect(due).toEqual(at('2026-01-13T15:00:00Z')); // 9 h on Monday, 7 on Tuesday: 16:00
    const paused = at('2026-01-12T12:00:00Z'); // 13:00, 4 h used; then waiting on the requester for a week
    const used = workingTimeBetween(opened, paused, berlin);
    expect(used).toBe(4 * H);
    const resumed = at('2026-01-19T12:00:00Z'); // the next Monday 13:00
    // 12 h left: 5 that Monday afternoon, 7 on Tuesday → Tuesday 16:00 again.
    expect(addWorkingMs(resumed, 16 * H - used, berlin)).toEqual(at('2026-01-20T15:00:00Z'));
  });
});

describe('workingTimeBetween', () => {
  it('is zero for an empty or backward range', () => {
    const berlin = office('Europe/Berlin');
    expect(workingTimeBetween(at('2026-01-12T10:00:00Z'), at('2026-01-12T10:00:00Z'), berlin)).toBe(0);
    expect(workingTimeBetween(at('2026-01-12T12:00:00Z'), at('2026-01-12T10:00:00Z'), WALL_CLOCK)).toBe(0);
  });
});

describe('calendarIssues', () => {
  const valid: CalendarInput = { timeZone: 'Europe/Berlin', week: week({ mon: [['09:00', '12:00'], ['13:00', '24:00']] }), holidays: [{ date: '2026-12-25', name: 'Christmas' }] };
  const paths = (input: CalendarInput) => calendarIssues(input).map((i) => i.path.join('.'));

  it('accepts a valid calendar and canonicalises the zone name', () => {
    expect(calendarIssues(valid)).toEqual([]);
    expect(normalizeCalendar({ ...valid, timeZone: 'europe/berlin' }).timeZone).toBe('Europe/Berlin');
  });

  it('names what is wrong', () => {
    expect(paths({ ...valid, timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(paths({ ...valid, timeZone: '+01:00' })).toEqual(['timeZone']);
    expect(paths({ ...valid, week: week({ mon: [['09:00', '12:00'], ['11:00', '18:00']] }) })).toEqual(['week.mon.1']);
    expect(paths({ ...valid, week: week({ mon: [['13:00', '18:00'], ['09:00', '12:00']] }) })).toEqual(['week.mon.1']);
    expect(paths({ ...valid, week: week({ tue: [['18:00', '09:00']] }) })).toEqual(['week.tue.0']);
    expect(paths({ ...valid, week: week({ wed: [['24:00', '24:00']] }) })).toEqual(['week.wed.0.0']);
    expect(paths({ ...valid, week: week({ wed: [['9:00', '18:00']] }) })).toEqual(['week.wed.0.0']);
    expect(paths({ ...valid, week: week({}) })).toEqual(['week']);
    expect(paths({ ...valid, holidays: [{ date: '2026-02-30', name: 'No such day' }] })).toEqual(['holidays.0.date']);
    expect(paths({ ...valid, holidays: [{ date: '2026-05-01', name: 'A' }, { date: '2026-05-01', name: 'B' }] })).toEqual(['holidays.1.date']);
  });
});
