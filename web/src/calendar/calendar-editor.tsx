import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export interface CalendarData { timeZone: string; week: Record<Day, string[][]>; holidays: Array<{ date: string; name: string }> }

/** The weekday's name in the reader's language (1 January 2024 was a Monday). */
export const dayName = (locale: string, day: Day) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day))));

export const formatSpans = (spans: string[][]) => spans.map(([from, to]) => `${from}–${to}`).join(', ');

/** "9:00-12:00, 13:00–18:00" → [["09:00","12:00"],["13:00","18:00"]]; undefined if it does not read as hours. */
function parseSpans(text: string): string[][] | undefined {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  const spans: string[][] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) return undefined;
    spans.push([`${match[1]!.padStart(2, '0')}:${match[2]}`, `${match[3]!.padStart(2, '0')}:${match[4]}`]);
  }
  return spans;
}

const zones = (): string[] => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : [];
};

/**
 * The form for a unit's own calendar: a time zone, working hours per weekday (a day
 * without hours is a rest day) and holidays. The server checks it again and names
 * each problem by its place, e.g. "week.mon.1".
 */
export function CalendarEditor({ unitId, start, onSaved, onCancel }: { unitId: string; start: CalendarData; onSaved: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [timeZone, setTimeZone] = useState(start.timeZone);
  const [days, setDays] = useState(() => Object.fromEntries(DAYS.map((d) => [d, { rest: start.week[d].length === 0, hours: formatSpans(start.week[d]) }])) as Record<Day, { rest: boolean; hours: string }>);
  const [holidays, setHolidays] = useState(() => start.holidays.map((h, index) => ({ key: index, ...h })));
  const [nextKey, setNextKey] = useState(start.holidays.length);
  const action = useAction();
  const [problem, setProblem] = useState<ApiError | null>(null);

  const setDay = (day: Day, change: Partial<{ rest: boolean; hours: string }>) => setDays((previous) => ({ ...previous, [day]: { ...previous[day], ...change } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const week = {} as Record<Day, string[][]>;
    for (const day of DAYS) {
      const spans = days[day].rest ? [] : parseSpans(days[day].hours);
      if (!spans) {
        setProblem(new ApiError(0, 'bad_hours', t('calendar.badHours', { day: dayName(i18n.language, day) })));
        return;
      }
      week[day] = spans;
    }
    const body = { timeZone: timeZone.trim(), week: week as Record<Day, [string, string][]>, holidays: holidays.map(({ date, name }) => ({ date, name: name.trim() })) };
    void action.run(() => unwrap(api.PUT('/api/v1/units/{id}/calendar', { params: { path: { id: unitId } }, body })), onSaved);
  };

  return (
    <form onSubmit={submit} aria-labelledby="calendar-edit-heading">
      <h2 id="calendar-edit-heading">{t('calendar.editing')}</h2>
      <Field label={t('calendar.timeZone')} hint={t('calendar.timeZoneHint')} value={timeZone} required list="time-zones" autoComplete="off"
        onChange={(e) => setTimeZone(e.target.value)} />
      <datalist id="time-zones">{zones().map((z) => <option key={z} value={z} />)}</datalist>
      <fieldset>
        <legend>{t('calendar.week')}</legend>
        <p className="hint" id="hours-hint">{t('calendar.hoursHint')}</p>
        {DAYS.map((day) => {
          const name = dayName(i18n.language, day);
          return (
            <div key={day} className="day-row">
              <div className="field">
                <label htmlFor={`hours-${day}`}>{name}</label>
                <input id={`hours-${day}`} aria-describedby="hours-hint" value={days[day].rest ? '' : days[day].hours} disabled={days[day].rest}
                  inputMode="numeric" autoComplete="off" onChange={(e) => setDay(day, { hours: e.target.value })} />
              </div>
              <label className="check">
                <input type="checkbox" checked={days[day].rest} onChange={(e) => setDay(day, { rest: e.target.checked })} />
                {t('calendar.restDay')}<span className="visually-hidden"> ({name})</span>
              </label>
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('calendar.holidays')}</legend>
        {holidays.length === 0 && <p className="status">{t('calendar.noHolidays')}</p>}
        {holidays.map((h, index) => (
          <div key={h.key} className="holiday-row">
            <Field label={t('calendar.date')} type="date" required value={h.date}
              onChange={(e) => setHolidays(holidays.map((x, i) => (i === index ? { ...x, date: e.target.value } : x)))} />
            <Field label={t('calendar.holidayName')} required value={h.name}
              onChange={(e) => setHolidays(holidays.map((x, i) => (i === index ? { ...x, name: e.target.value } : x)))} />
            <button type="button" className="secondary" aria-label={t('calendar.removeHoliday', { name: h.name || h.date || index + 1 })}
              onClick={() => setHolidays(holidays.filter((_, i) => i !== index))}>{t('calendar.remove')}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => { setHolidays([...holidays, { key: nextKey, date: '', name: '' }]); setNextKey(nextKey + 1); }}>
          {t('calendar.addHoliday')}
        </button>
      </fieldset>
      <ErrorMessage error={problem ?? action.error} />
      <div className="toolbar">
        <button type="submit" disabled={action.busy}>{t('calendar.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
