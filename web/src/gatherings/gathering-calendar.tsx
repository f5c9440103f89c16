import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { GatheringItem } from '../api/gatherings';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/status';
import type { LoadGatherings } from './gathering-list';

/** Monday first, as ISO 8601 weeks do; the same grid in every language keeps the code small. */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/** The days of a month as weeks of seven, with nulls where the month has not begun or has ended. */
export function monthGrid(year: number, month: number): Array<Array<Date | null>> {
  const first = new Date(year, month, 1);
  const days = new Date(year, month + 1, 0).getDate();
  const lead = (first.getDay() + 6) % 7;
  const cells: Array<Date | null> = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => new Date(year, month, i + 1))];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * A month as a table of days with the gatherings that start on each, in the reader's
 * time zone. Every gathering is a link and the months change with buttons, so the
 * keyboard reaches all of it in reading order; no calendar library.
 */
export function MonthCalendar({ listKey, load }: { listKey: string; load: LoadGatherings }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const today = new Date();
  const [month, setMonth] = useState({ year: today.getFullYear(), month: today.getMonth() });
  const from = new Date(month.year, month.month, 1);
  const to = new Date(month.year, month.month + 1, 1);
  const items = useApi(`${listKey}|${from.toISOString()}`, () => load({ from: from.toISOString(), to: to.toISOString(), limit: 200 }));
  const locale = i18n.language;
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(from);
  const dayName = (index: number, style: 'short' | 'long') =>
    new Intl.DateTimeFormat(locale, { weekday: style }).format(new Date(2024, 0, 1 + index)); // 2024-01-01 was a Monday
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  const move = (by: number) => setMonth(({ year, month: m }) => {
    const next = new Date(year, m + by, 1);
    return { year: next.getFullYear(), month: next.getMonth() };
  });
  const inMonth = [...(items.data?.items ?? [])].filter((g) => Date.parse(g.startsAt) >= from.getTime()).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const onDay = (day: Date) => inMonth.filter((g) => sameDay(new Date(g.startsAt), day));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="month-calendar" aria-labelledby={headingId}>
      <div className="month-nav">
        <button type="button" className="secondary" onClick={() => move(-1)}>{t('gatherings.previousMonth')}</button>
        <h2 id={headingId} aria-live="polite">{monthName}</h2>
        <button type="button" className="secondary" onClick={() => move(1)}>{t('gatherings.nextMonth')}</button>
      </div>
      <ErrorMessage error={items.error} />
      {items.loading && <Loading />}
      <table className="month">
        <caption className="visually-hidden">{t('gatherings.calendarCaption', { month: monthName })}</caption>
        <thead>
          <tr>{WEEKDAYS.map((d) => <th key={d} scope="col" abbr={dayName(d, 'long')}>{dayName(d, 'short')}</th>)}</tr>
        </thead>
        <tbody>
          {monthGrid(month.year, month.month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => (
                <td key={d} className={day && sameDay(day, today) ? 'today' : undefined} aria-current={day && sameDay(day, today) ? 'date' : undefined}>
                  {day && <DayCell day={day} label={fullDate.format(day)} gatherings={onDay(day)} time={time} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {/* On a phone the grid has room for a mark per gathering only: the month's gatherings follow as a list. */}
      <div className="month-list">
        <h3 id={`${headingId}-list`}>{t('gatherings.inMonth', { month: monthName })}</h3>
        {items.data && inMonth.length === 0 && <p className="status empty">{t('gatherings.noneInMonth', { month: monthName })}</p>}
        {inMonth.length > 0 && (
          <ul className="plain-list" aria-labelledby={`${headingId}-list`}>
            {inMonth.map((g) => (
              <li key={g.id} className="row"><Link href={`/gatherings/${g.id}`}>{g.title}</Link> <time className="muted" dateTime={g.startsAt}>{when.format(new Date(g.startsAt))}</time></li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function DayCell({ day, label, gatherings, time }: { day: Date; label: string; gatherings: GatheringItem[]; time: Intl.DateTimeFormat }) {
  return (
    <>
      <span className="day-number"><span aria-hidden="true">{day.getDate()}</span><span className="visually-hidden">{label}</span></span>
      {gatherings.length > 0 && (
        <ul>
          {gatherings.map((g) => (
            <li key={g.id}>
              <Link href={`/gatherings/${g.id}`}>
                <span className="event-dot" aria-hidden="true" />
                <span className="event-label"><span className="event-time">{time.format(new Date(g.startsAt))}</span> {g.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
