import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { ASSIGNMENT_STATUSES, type AssignmentStatus, type InboxItem } from '../api/directives';
import { useApi } from '../api/use-api';
import { usePages } from '../api/use-pages';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';

/** A unit's inbox of directives: what it has not acknowledged (new or amended) first, then the newest. */
export function UnitAssignmentsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const [status, setStatus] = useState<AssignmentStatus | ''>('');
  const inbox = usePages(`${id}|${status}`, (cursor) => unwrap(api.GET('/api/v1/units/{id}/assignments', {
    params: { path: { id }, query: { limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } },
  })));
  const title = unit.data ? t('inbox.titleOf', { unit: unit.data.name }) : t('inbox.title');
  usePageTitle(title);

  return (
    <>
      <h1>{title}</h1>
      <p className="links"><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link></p>
      <div className="field filter-field">
        <label htmlFor="inbox-status">{t('inbox.status')}</label>
        <select id="inbox-status" value={status} onChange={(e) => setStatus(e.target.value as AssignmentStatus | '')}>
          <option value="">{t('cases.any')}</option>
          {ASSIGNMENT_STATUSES.map((s) => <option key={s} value={s}>{t(`assignmentStatus.${s}`)}</option>)}
        </select>
      </div>
      <h2 id="inbox-heading">{t('inbox.list')}</h2>
      <ErrorMessage error={inbox.error ?? unit.error} />
      {inbox.items.length === 0 && !inbox.loading && !inbox.error && <Empty>{t('inbox.none')}</Empty>}
      {inbox.items.length > 0 && (
        <ul className="plain-list inbox" aria-labelledby="inbox-heading">
          {inbox.items.map((a) => <InboxRow key={a.id} item={a} />)}
        </ul>
      )}
      {inbox.loading && <Loading />}
      {inbox.hasMore && !inbox.loading && <button type="button" className="secondary" onClick={inbox.more}>{t('common.showMore')}</button>}
    </>
  );
}

function InboxRow({ item: a }: { item: InboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className={a.needsAcknowledgement ? 'unread' : undefined}>
      <Link href={`/assignments/${a.id}`}>{a.title}</Link>
      <span className="badges">
        {a.needsAcknowledgement && <span className="badge">{t(a.status === 'received' ? 'inbox.new' : 'inbox.amended')}</span>}
        {a.overdue && <span className="badge danger">{t('inbox.overdue')}</span>}
        {a.directiveStatus === 'withdrawn' && <span className="badge muted-badge">{t('directiveStatus.withdrawn')}</span>}
      </span>
      <span className="muted">
        {t(`assignmentStatus.${a.status}`)}
        {a.nextDueAt && a.status !== 'done' && <> · {t('inbox.nextDue', { date: format.dateTime(a.nextDueAt) })}</>}
        {' · '}{t('inbox.received', { date: format.date(a.createdAt) })}
      </span>
    </li>
  );
}
