import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { api, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { usePages } from '../api/use-pages';
import { TableWrap } from '../components/table-wrap';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';

/** The audit trail of a unit, a person, or the reader's whole scope, and whether the chain verifies. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const params = new URLSearchParams(useSearch());
  const unitId = params.get('unit');
  const personId = params.get('person');
  const entity = unitId ?? personId ?? undefined;
  const subject = useApi(entity ?? null, async () =>
    unitId
      ? (await unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId } } }))).name
      : (await unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id: personId! } } }))).name);
  const events = usePages(entity ?? 'all', (cursor) =>
    unwrap(api.GET('/api/v1/audit', { params: { query: { limit: 50, ...(entity ? { entity } : {}), ...(cursor ? { cursor } : {}) } } })));
  const verify = useApi(me.isAdmin ? 'verify' : null, () => unwrap(api.GET('/api/v1/audit/verify')));
  const title = subject.data ? t('audit.titleOf', { name: subject.data }) : t('audit.title');
  usePageTitle(title);

  return (
    <>
      <h1>{title}</h1>
      {entity && <p><Link href={unitId ? `/units/${unitId}` : `/people/${personId}`}>{t('audit.back')}</Link> · <Link href="/audit">{t('audit.all')}</Link></p>}
      <section aria-labelledby="verify-heading" className="verify">
        <h2 id="verify-heading">{t('audit.verification')}</h2>
        {!me.isAdmin && <p>{t('audit.verifyAdminsOnly')}</p>}
        {me.isAdmin && verify.loading && <Loading />}
        <ErrorMessage error={verify.error} />
        {verify.data && (verify.data.ok
          ? <p className="ok" role="status">✓ {t('audit.verified', { checked: format.number(verify.data.checked), unchained: format.number(verify.data.unchained) })}</p>
          : <p className="error" role="alert">{t('audit.broken', { id: verify.data.firstBroken?.id ?? '?', reason: verify.data.firstBroken?.reason ?? '' })}</p>)}
        {me.isAdmin && <button type="button" className="secondary" onClick={verify.reload} disabled={verify.loading}>{t('audit.verifyAgain')}</button>}
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('audit.events')}</h2>
        <ErrorMessage error={events.error} />
        {events.items.length === 0 && !events.loading && !events.error && <Empty>{t('audit.none')}</Empty>}
        {events.items.length > 0 && (
          <TableWrap labelledBy="events-heading">
            <table>
              <thead>
                <tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.chained')}</th></tr>
              </thead>
              <tbody>
                {events.items.map((e) => (
                  <tr key={e.id}>
                    <td>{format.dateTime(e.at)}</td>
                    <td>{e.actor}</td>
                    <td><code>{e.action}</code>{summarize(e.after ?? e.details)}</td>
                    <td>{e.chained ? <span className="ok">✓ {t('audit.yes')}</span> : <span className="muted">{t('audit.pending')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {events.loading && <Loading />}
        {events.hasMore && !events.loading && <button type="button" className="secondary" onClick={events.more}>{t('common.showMore')}</button>}
      </section>
    </>
  );
}

/** A short, readable view of an event's changed fields (values are ids and non-personal fields only). */
function summarize(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length ? ` — ${parts.join(', ')}` : '';
}
