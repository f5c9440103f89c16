import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { usePages } from '../api/use-pages';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';
import { auditSentence, KIND_FAMILIES } from './audit-sentence';

/**
 * The audit trail of a unit, or of the reader's whole scope, as sentences with names
 * (issue 14); filtered by kind, person and date through the address, so a filtered
 * view can be linked to; and whether the chain verifies.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [, navigate] = useLocation();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const unitId = params.get('unit') ?? undefined;
  const personId = params.get('person') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const subject = useApi(unitId ?? personId ?? null, async () =>
    unitId
      ? (await unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId } } }))).name
      : (await unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id: personId! } } }))).name);
  const query = {
    limit: 50, ...(unitId ? { entity: unitId } : {}), ...(personId ? { person: personId } : {}),
    ...(kind ? { kind } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
  };
  const events = usePages(`audit?${search}`, (cursor) =>
    unwrap(api.GET('/api/v1/audit', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } })));
  const verify = useApi(me.isAdmin ? 'verify' : null, () => unwrap(api.GET('/api/v1/audit/verify')));
  const title = subject.data ? t('audit.titleOf', { name: subject.data }) : t('audit.title');
  usePageTitle(title);

  /** The same page with some filters changed (an empty value removes one). */
  const withFilters = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    const q = next.toString();
    return q ? `/audit?${q}` : '/audit';
  };
  const [draft, setDraft] = useState({ kind: kind ?? '', from: from ?? '', to: to ?? '' });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(withFilters({ kind: draft.kind || undefined, from: draft.from || undefined, to: draft.to || undefined }));
  };
  const filtered = Boolean(personId || kind || from || to);

  return (
    <>
      <h1>{title}</h1>
      {(unitId || personId) && <p><Link href={unitId ? `/units/${unitId}` : `/people/${personId}`}>{t('audit.back')}</Link> · <Link href="/audit">{t('audit.all')}</Link></p>}
      <form className="filters audit-filters" onSubmit={apply} aria-label={t('auditTrail.filters')}>
        <div className="field">
          <label htmlFor="audit-kind">{t('auditTrail.kind')}</label>
          <select id="audit-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{t('auditTrail.anyKind')}</option>
            {KIND_FAMILIES.map((k) => <option key={k} value={k}>{t(`auditTrail.kinds.${k}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('auditTrail.from')}</label>
          <input id="audit-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('auditTrail.to')}</label>
          <input id="audit-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit">{t('auditTrail.apply')}</button>
        {filtered && <Link href={withFilters({ person: undefined, kind: undefined, from: undefined, to: undefined })} onClick={() => setDraft({ kind: '', from: '', to: '' })}>{t('auditTrail.clear')}</Link>}
      </form>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('audit.events')}</h2>
        <ErrorMessage error={events.error} />
        {events.items.length === 0 && !events.loading && !events.error && <Empty>{t('audit.none')}</Empty>}
        {events.items.length > 0 && (
          <ol className="audit-events">
            {events.items.map((e) => {
              const actor = e.names.actor;
              return (
                <li key={e.id}>
                  <p className="sentence">{auditSentence(t, e, (key) => i18n.exists(key))}</p>
                  <p className="muted">
                    <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                    {' · '}{e.chained ? <span className="ok">✓ {t('audit.chained')}</span> : <span>{t('audit.pending')}</span>}
                    {actor && actor.id !== personId && <>{' · '}<Link href={withFilters({ person: actor.id })}>{t('auditTrail.filterBy', { name: actor.name })}</Link></>}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        {events.loading && <Loading />}
        {events.hasMore && !events.loading && <button type="button" className="secondary" onClick={events.more}>{t('common.showMore')}</button>}
      </section>
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
    </>
  );
}
