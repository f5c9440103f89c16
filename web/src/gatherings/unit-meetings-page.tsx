import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { BarChart } from '../components/bar-chart';
import { TableWrap } from '../components/table-wrap';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { CadenceSummary } from './unit-cadence';

/** A unit's meeting statistics for its subtree, each child unit's, and attendance per child as a chart. */
export function UnitMeetingsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const stats = useApi(`stats|${id}`, () => unwrap(api.GET('/api/v1/units/{id}/meeting-stats', { params: { path: { id } } })));
  const title = unit.data ? t('meetings.titleOf', { unit: unit.data.name }) : t('meetings.heading');
  usePageTitle(title);
  const percent = (rate: number | null) => (rate === null ? '—' : t('attendance.percent', { n: format.number(rate) }));
  const s = stats.data;
  const rated = s?.children.filter((c) => c.attendance.rate !== null) ?? [];

  return (
    <>
      <h1>{title}</h1>
      <p className="links">
        <Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link> · <Link href={`/units/${id}/gatherings`}>{t('gatherings.link')}</Link>
      </p>
      <ErrorMessage error={unit.error ?? stats.error} />
      {!s && !stats.error && <Loading />}
      {s && (
        <>
          <dl className="counts" aria-label={t('meetings.subtree')}>
            <div><dt>{t('meetings.held')}</dt><dd>{format.number(s.gatheringsHeld)}</dd></div>
            <div><dt>{t('attendance.rate')}</dt><dd>{percent(s.attendance.rate)}</dd></div>
            <div><dt>{t('meetings.withCadence')}</dt><dd>{format.number(s.withCadence)}</dd></div>
            <div><dt>{t('meetings.missedCount')}</dt><dd>{format.number(s.missed)}</dd></div>
            <div><dt>{t('today.neverMet')}</dt><dd>{format.number(s.neverMet)}</dd></div>
          </dl>
          <p className="hint">{t('meetings.explain')}</p>
          <p>{t('meetings.ownCadence')}: <CadenceSummary cadence={s.cadence} /></p>
          {s.children.length > 0 && (
            <>
              <h2 id="children-heading">{t('meetings.children')}</h2>
              <TableWrap labelledBy="children-heading">
                <table className="meeting-children">
                  <thead>
                    <tr>
                      <th scope="col">{t('review.unit')}</th>
                      <th scope="col" className="num">{t('meetings.heldShort')}</th>
                      <th scope="col" className="num">{t('meetings.rateShort')}</th>
                      <th scope="col" className="num">{t('meetings.missedOf')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.children.map((c) => (
                      <tr key={c.unitId}>
                        <th scope="row">
                          <Link href={`/units/${c.unitId}/meetings`}>{c.name}</Link>
                          {(c.missed > 0 || c.cadence?.missedSince) && <> <span className="badge danger">{t('meetings.missed')}</span></>}
                          <span className="unit-cadence"><CadenceSummary cadence={c.cadence} missedBadge={false} /></span>
                        </th>
                        <td className="num">{format.number(c.gatheringsHeld)}</td>
                        <td className="num">{percent(c.attendance.rate)}</td>
                        <td className="num">{t('meetings.missedOfValue', { missed: format.number(c.missed), of: format.number(c.withCadence) })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <h2>{t('meetings.chartHeading')}</h2>
              {rated.length === 0 ? <Empty>{t('meetings.noAttendance')}</Empty> : (
                <BarChart
                  horizontal max={100} caption={t('meetings.chartCaption')} labelHeading={t('review.unit')}
                  labels={s.children.map((c) => c.name)} formatValue={percent}
                  series={[{ label: t('attendance.rate'), values: s.children.map((c) => c.attendance.rate), color: '#0b5cad' }]}
                />
              )}
            </>
          )}
          {s.children.length === 0 && <Empty>{t('meetings.noChildren')}</Empty>}
        </>
      )}
    </>
  );
}
