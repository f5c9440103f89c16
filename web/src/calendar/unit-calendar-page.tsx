import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { Dialog } from '../components/dialog';
import { ErrorMessage, Loading } from '../components/status';
import { TableWrap } from '../components/table-wrap';
import { usePageTitle } from '../components/page-title';
import { CalendarEditor, DAYS, dayName, formatSpans, type CalendarData } from './calendar-editor';

/** Where nothing is set yet, editing starts from office hours, Monday to Friday. */
const OFFICE_HOURS = (): CalendarData => ({
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  week: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [], sun: [] },
  holidays: [],
});

/** A unit's working-time calendar: the one in effect and where it comes from; the level above edits it. */
export function UnitCalendarPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const unit = useApi(`unit|${id}`, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const calendar = useApi(`calendar|${id}`, () => unwrap(api.GET('/api/v1/units/{id}/calendar', { params: { path: { id } } })));
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [saved, setSaved] = useState(false);
  const remove = useAction();
  const title = unit.data ? t('calendar.titleOf', { unit: unit.data.name }) : t('calendar.title');
  usePageTitle(title);

  const header = <><h1>{title}</h1><p><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link></p></>;
  if (calendar.error) return <>{header}<ErrorMessage error={calendar.error} /></>;
  const c = calendar.data;
  if (!c) return <>{header}<Loading /></>;
  const own = c.source !== null && !c.source.inherited;
  const holidayDate = (date: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

  return (
    <>
      {header}
      <p>{t('calendar.explain')}</p>
      <p className="notice" role="note">
        {c.source === null && t('calendar.wallClock')}
        {own && t('calendar.own')}
        {c.source?.inherited && <>{t('calendar.inheritedFrom')} <Link href={`/units/${c.source.unitId}/calendar`}>{c.source.name}</Link>.</>}
      </p>
      {saved && <p className="ok" role="status">{t('calendar.saved')}</p>}
      {c.calendar && !editing && (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{t('calendar.inEffect')}</h2>
          <dl className="details">
            <dt>{t('calendar.timeZone')}</dt><dd>{c.calendar.timeZone}</dd>
          </dl>
          <TableWrap labelledBy="calendar-heading">
            <table>
              <thead><tr><th scope="col">{t('calendar.day')}</th><th scope="col">{t('calendar.hours')}</th></tr></thead>
              <tbody>
                {DAYS.map((day) => (
                  <tr key={day}>
                    <th scope="row">{dayName(i18n.language, day)}</th>
                    <td>{c.calendar!.week[day].length > 0 ? formatSpans(c.calendar!.week[day]) : t('calendar.restDay')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <h3 id="holidays-heading">{t('calendar.holidays')}</h3>
          {c.calendar.holidays.length === 0
            ? <p className="status">{t('calendar.noHolidays')}</p>
            : <ul className="plain-list">{c.calendar.holidays.map((h) => <li key={h.date}>{holidayDate(h.date)} · {h.name}</li>)}</ul>}
        </section>
      )}
      {!c.abilities.set && <p className="muted">{t('calendar.readOnly')}</p>}
      {c.abilities.set && !editing && (
        <div className="toolbar">
          <button type="button" onClick={() => { setSaved(false); setEditing(true); }}>{own ? t('calendar.edit') : t('calendar.create')}</button>
          {own && <button type="button" className="secondary" onClick={() => setRemoving(true)}>{t('calendar.removeOwn')}</button>}
        </div>
      )}
      {editing && (
        <CalendarEditor unitId={id} start={(c.calendar as CalendarData | null) ?? OFFICE_HOURS()}
          onSaved={() => { setEditing(false); setSaved(true); calendar.reload(); }} onCancel={() => setEditing(false)} />
      )}
      {removing && (
        <Dialog title={t('calendar.removeTitle', { unit: unit.data?.name ?? '' })} open danger submitLabel={t('calendar.removeOwn')} busy={remove.busy}
          onClose={() => { setRemoving(false); remove.reset(); }}
          onSubmit={() => remove.run(
            () => unwrap(api.DELETE('/api/v1/units/{id}/calendar', { params: { path: { id } } })),
            () => { setRemoving(false); setSaved(false); calendar.reload(); },
          )}>
          <p>{t('calendar.removeExplain')}</p>
          <ErrorMessage error={remove.error} />
        </Dialog>
      )}
    </>
  );
}
