import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/status';
import { TableWrap } from '../components/table-wrap';
import { TrendChart } from '../components/trend-chart';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { useLevels } from '../api/levels';
import { useCategoryName } from './case-due';

/** A unit's casework at a glance, for its whole subtree: what is open, what is late, how well it is handled. */
export function UnitDashboardPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryName = useCategoryName();
  const { levelName } = useLevels();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const figures = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}/case-dashboard', { params: { path: { id }, query: {} } })));
  const title = unit.data ? t('dashboard.titleOf', { unit: unit.data.name }) : t('dashboard.title');
  usePageTitle(title);
  const hours = (h: number | null) => (h === null ? '—' : h < 48 ? t('dashboard.hours', { n: format.number(Math.round(h * 10) / 10) }) : t('dashboard.days', { count: Math.round(h / 2.4) / 10, n: format.number(Math.round(h / 2.4) / 10) }));

  return (
    <>
      <h1>{title}</h1>
      <p className="links"><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link> · <Link href={`/units/${id}/cases`}>{t('unit.cases')}</Link></p>
      <ErrorMessage error={figures.error ?? unit.error} />
      {!figures.data && !figures.error && <Loading />}
      {figures.data && (() => {
        const f = figures.data;
        const reopenShare = f.resolved > 0 ? Math.round((f.reopened / f.resolved) * 100) : null;
        return (
          <>
            <p className="subtitle">{t('dashboard.scope')}</p>
            <dl className="counts" aria-label={t('dashboard.now')}>
              <div><dt>{t('dashboard.open')}</dt><dd>{format.number(f.open)}</dd></div>
              <div><dt>{t('dashboard.overdue')}</dt><dd className={f.overdue > 0 ? 'error' : undefined}>{format.number(f.overdue)}</dd></div>
              <div><dt>{t('dashboard.escalated')}</dt><dd>{format.number(f.escalated)}</dd></div>
            </dl>
            <dl className="counts" aria-label={t('dashboard.handling')}>
              <div><dt>{t('dashboard.medianAcknowledge')}</dt><dd>{hours(f.medianAcknowledgeHours)}</dd></div>
              <div><dt>{t('dashboard.medianResolve')}</dt><dd>{hours(f.medianResolveHours)}</dd></div>
              <div><dt>{t('dashboard.resolved')}</dt><dd>{format.number(f.resolved)}</dd></div>
              <div>
                <dt>{t('dashboard.reopened')}</dt>
                <dd>{format.number(f.reopened)}{reopenShare !== null && <> ({t('dashboard.ofResolved', { pct: reopenShare })})</>}</dd>
              </div>
              <div>
                <dt>{t('dashboard.satisfaction')}</dt>
                <dd>{f.satisfaction.average === null ? '—' : t('dashboard.stars', { avg: format.number(f.satisfaction.average), count: f.satisfaction.ratings, n: format.number(f.satisfaction.ratings) })}</dd>
              </div>
            </dl>
            <h2 id="by-unit">{t('dashboardUnits.heading')}</h2>
            {f.byUnit.length === 0 ? <p>{t('dashboardUnits.none')}</p> : (
              <TableWrap labelledBy="by-unit">
                <table>
                  <thead>
                    <tr><th scope="col">{t('dashboardUnits.unit')}</th><th scope="col">{t('dashboard.open')}</th><th scope="col">{t('dashboard.overdue')}</th><th scope="col">{t('dashboard.escalated')}</th></tr>
                  </thead>
                  <tbody>
                    {f.byUnit.map((u) => {
                      const queue = `/units/${u.unitId}/cases?scope=subtree`;
                      return (
                        <tr key={u.unitId}>
                          <th scope="row">{u.name} <span className="muted">{levelName(u.level)}</span></th>
                          <td><Link href={queue} aria-label={`${format.number(u.open)} · ${t('dashboardUnits.openOf', { unit: u.name })}`}>{format.number(u.open)}</Link></td>
                          <td className={u.overdue > 0 ? 'error' : undefined}><Link href={`${queue}&overdue=true`} aria-label={`${format.number(u.overdue)} · ${t('dashboardUnits.overdueOf', { unit: u.name })}`}>{format.number(u.overdue)}</Link></td>
                          <td><Link href={`${queue}&escalated=true`} aria-label={`${format.number(u.escalated)} · ${t('dashboardUnits.escalatedOf', { unit: u.name })}`}>{format.number(u.escalated)}</Link></td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <h2>{t('dashboard.trend')}</h2>
            <TrendChart weeks={f.weeks} caption={t('dashboard.trendCaption', { count: f.weeks.length, n: f.weeks.length })} />
            <h2 id="by-category">{t('dashboard.byCategory')}</h2>
            {f.byCategory.length === 0 ? <p>{t('cases.none')}</p> : (
              <TableWrap labelledBy="by-category">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.category')}</th><th scope="col">{t('dashboard.open')}</th><th scope="col">{t('dashboard.overdue')}</th>
                      <th scope="col">{t('dashboard.escalated')}</th><th scope="col">{t('dashboard.resolved')}</th><th scope="col">{t('dashboard.reopened')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.byCategory.map((c) => (
                      <tr key={c.code}>
                        <th scope="row">{categoryName(c)}</th><td>{format.number(c.open)}</td><td>{format.number(c.overdue)}</td>
                        <td>{format.number(c.escalated)}</td><td>{format.number(c.resolved)}</td><td>{format.number(c.reopened)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <p className="hint">{t('dashboard.asOf', { at: format.dateTime(f.asOf) })}</p>
          </>
        );
      })()}
    </>
  );
}
