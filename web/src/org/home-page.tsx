import { useTranslation } from 'react-i18next';
import { Link, Redirect } from 'wouter';
import { api, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/status';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';

/** The top of the signed-in person's part of the tree: the root, their unit, or their cell. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('nav.home'));
  const root = useApi(me.isAdmin ? 'root' : null, () => unwrap(api.GET('/api/v1/units/root')));
  const units = useApi(!me.isAdmin && me.officialUnitIds.length > 1 ? me.officialUnitIds.join() : null, () =>
    Promise.all(me.officialUnitIds.map((id) => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })))));

  if (me.isAdmin) {
    if (root.data) return <Redirect to={`/units/${root.data.id}`} replace />;
    if (root.error?.status === 404) return <><h1>{t('home.title')}</h1><p>{t('home.noRoot')}</p></>;
    return root.error ? <ErrorMessage error={root.error} /> : <Loading />;
  }
  if (me.officialUnitIds.length === 1) return <Redirect to={`/units/${me.officialUnitIds[0]}`} replace />;
  if (me.officialUnitIds.length === 0) {
    if (me.cellId) return <Redirect to={`/units/${me.cellId}`} replace />;
    return <><h1>{t('home.title')}</h1><p>{t('home.nothing')}</p></>;
  }
  return (
    <>
      <h1>{t('home.yourUnits')}</h1>
      {units.error && <ErrorMessage error={units.error} />}
      {units.loading && <Loading />}
      <ul className="plain-list">
        {units.data?.map((unit) => <li key={unit.id}><Link href={`/units/${unit.id}`}>{unit.name}</Link></li>)}
      </ul>
    </>
  );
}
