import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/status';
import { usePageTitle } from '../components/page-title';
import { MonthCalendar } from './gathering-calendar';
import { UpcomingAndPast, type LoadGatherings } from './gathering-list';
import { ScheduleForm } from './gathering-schedule-form';
import { CadenceSetting } from './unit-cadence';

type View = 'list' | 'calendar';

/** What a unit convenes: upcoming and past as a list or a month, the schedule form, and the unit's cadence. */
export function UnitGatheringsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const mayConvene = unit.data?.abilities.readAudit ?? false;
  const stats = useApi(mayConvene ? `stats|${id}` : null, () => unwrap(api.GET('/api/v1/units/{id}/meeting-stats', { params: { path: { id } } })));
  const [view, setView] = useState<View>('list');
  const [scheduling, setScheduling] = useState(false);
  const title = unit.data ? t('gatherings.titleOf', { unit: unit.data.name }) : t('gatherings.heading');
  usePageTitle(title);
  const load: LoadGatherings = ({ from, to, cursor, limit }) => unwrap(api.GET('/api/v1/units/{id}/gatherings', {
    params: { path: { id }, query: { limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(cursor ? { cursor } : {}) } },
  }));

  return (
    <>
      <h1>{title}</h1>
      <p className="links">
        <Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link>
        {mayConvene && <> · <Link href={`/units/${id}/meetings`}>{t('meetings.link')}</Link></>}
      </p>
      <ErrorMessage error={unit.error} />
      {!unit.data && !unit.error && <Loading />}
      {unit.data && mayConvene && unit.data.status !== 'closed' && (scheduling
        ? <ScheduleForm unit={unit.data} onCancel={() => setScheduling(false)} />
        : <div className="toolbar"><button type="button" onClick={() => setScheduling(true)}>{t('gatherings.new')}</button></div>)}
      <div className="toolbar" role="group" aria-label={t('gatherings.view')}>
        <button type="button" className="secondary" aria-pressed={view === 'list'} onClick={() => setView('list')}>{t('gatherings.asList')}</button>
        <button type="button" className="secondary" aria-pressed={view === 'calendar'} onClick={() => setView('calendar')}>{t('gatherings.asMonth')}</button>
      </div>
      {view === 'list' ? <UpcomingAndPast listKey={`unit|${id}`} load={load} /> : <MonthCalendar listKey={`unit|${id}`} load={load} />}
      <ErrorMessage error={stats.error} />
      {stats.data && <CadenceSetting unitId={id} cadence={stats.data.cadence} onChanged={stats.reload} />}
    </>
  );
}
