import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useLevels } from '../api/levels';
import type { paths } from '../api/schema';
import { useApi } from '../api/use-api';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';
import { UnitActions } from './unit-actions';
import { UnitMembers } from './unit-members';
import { UnitOfficials } from './unit-officials';
import { UnitSubunits } from './unit-subunits';

export type UnitView = paths['/api/v1/units/{id}']['get']['responses'][200]['content']['application/json'];

/** One unit: where it sits, its counts, officials, subunits and members, and what the reader may change. */
export function UnitPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { levelName } = useLevels();
  const me = useMe();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  usePageTitle(unit.data?.name);

  if (unit.error) return <><h1>{t('unit.title')}</h1><ErrorMessage error={unit.error} /></>;
  if (!unit.data) return <Loading />;
  const u = unit.data;
  return (
    <>
      <Breadcrumbs ancestors={u.ancestors} current={u.name} />
      <div className="page-title">
        <h1>{u.name}</h1>
        <p className="subtitle">
          {levelName(u.level)}
          {u.code && <> · <span className="code">{u.code}</span></>}
          {u.status === 'closed' && <> · <span className="badge">{t('unit.closed')}</span></>}
        </p>
      </div>
      <dl className="counts" aria-label={t('unit.counts')}>
        {!u.isCell && <div><dt>{t('unit.units')}</dt><dd>{format.number(u.counts.units)}</dd></div>}
        {!u.isCell && <div><dt>{t('unit.cells')}</dt><dd>{format.number(u.counts.cells)}</dd></div>}
        <div><dt>{t('unit.members')}</dt><dd>{format.number(u.counts.members)}</dd></div>
      </dl>
      <UnitActions unit={u} onChanged={unit.reload} />
      {u.abilities.readAudit && (
        <p className="links">
          <Link href={`/units/${u.id}/cases`}>{t('unit.cases')}</Link> · <Link href={`/units/${u.id}/dashboard`}>{t('dashboard.link')}</Link> · <Link href={`/audit?unit=${u.id}`}>{t('unit.history')}</Link>
        </p>
      )}
      {u.abilities.readAudit && (
        <p className="links">
          <Link href={`/units/${u.id}/calendar`}>{t('calendar.link')}</Link> · <Link href={`/units/${u.id}/service-area`}>{t('areas.link')}</Link>
          {me.isAdmin && <> · <Link href={`/units/${u.id}/api-keys`}>{t('apiKeys.link')}</Link></>}
        </p>
      )}
      {u.abilities.readAudit && (!u.isCell || u.ancestors.length > 0) && (
        <p className="links">
          {!u.isCell && <Link href={`/units/${u.id}/directives`}>{t('directives.link')}</Link>}
          {!u.isCell && u.ancestors.length > 0 && ' · '}
          {u.ancestors.length > 0 && <Link href={`/units/${u.id}/assignments`}>{t('inbox.link')}</Link>}
        </p>
      )}
      {u.abilities.readAudit && (
        <p className="links">
          <Link href={`/units/${u.id}/gatherings`}>{t('gatherings.link')}</Link> · <Link href={`/units/${u.id}/meetings`}>{t('meetings.link')}</Link>
        </p>
      )}
      <UnitOfficials unit={u} />
      {!u.isCell && <UnitSubunits unit={u} />}
      {u.abilities.readMembers && <UnitMembers unit={u} />}
    </>
  );
}
