import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useApi } from '../api/use-api';
import { usePages } from '../api/use-pages';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { TableWrap } from '../components/table-wrap';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { CaseAssignBar } from './case-assign-bar';
import { FileCaseDialog } from './file-case-dialog';

type Query = NonNullable<paths['/api/v1/units/{id}/cases']['get']['parameters']['query']>;
const STATUSES = ['new', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened', 'merged'] as const;

/** A unit's case queue: its own cases or its whole subtree's, filtered down to what needs doing. */
export function UnitCasesPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const [scope, setScope] = useState<'own' | 'subtree' | 'involved'>('own');
  const [status, setStatus] = useState<string>('');
  const [overdue, setOverdue] = useState(false);
  const [escalated, setEscalated] = useState(false);
  const [filing, setFiling] = useState(false);
  const [assignee, setAssignee] = useState<'' | 'me' | 'none'>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  usePageTitle(unit.data ? t('cases.titleOf', { unit: unit.data.name }) : t('cases.title'));
  const query: Query = { scope, limit: 50, ...(status ? { status: status as Query['status'] } : {}), ...(overdue ? { overdue: 'true' } : {}), ...(escalated ? { escalated: 'true' } : {}), ...(assignee ? { assignee } : {}) };
  const key = JSON.stringify([id, query]);
  const cases = usePages(key, (cursor) =>
    unwrap(api.GET('/api/v1/units/{id}/cases', { params: { path: { id }, query: { ...query, ...(cursor ? { cursor } : {}) } } })));
  // A selection belongs to the list it was made in: other filters, another list.
  useEffect(() => setSelected(new Set()), [key]);
  const toggle = (caseId: string, on: boolean) => setSelected((previous) => {
    const next = new Set(previous);
    if (on) next.add(caseId); else next.delete(caseId);
    return next;
  });
  const shown = cases.items.map((c) => c.id);
  const allShown = shown.length > 0 && shown.every((caseId) => selected.has(caseId));
  const someShown = shown.some((caseId) => selected.has(caseId));

  return (
    <>
      <h1>{unit.data ? t('cases.titleOf', { unit: unit.data.name }) : t('cases.title')}</h1>
      <p><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link></p>
      <div className="toolbar"><button type="button" onClick={() => setFiling(true)}>{t('cases.file')}</button></div>
      {filing && <FileCaseDialog unitId={id} onClose={() => setFiling(false)} />}
      <fieldset className="filters">
        <legend>{t('cases.filters')}</legend>
        <div className="field">
          <label htmlFor="cases-scope">{t('cases.scope')}</label>
          <select id="cases-scope" value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
            <option value="own">{t('cases.own')}</option>
            <option value="subtree">{t('cases.subtree')}</option>
            <option value="involved">{t('cases.involved')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cases-status">{t('track.status')}</label>
          <select id="cases-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('cases.any')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`caseStatus.${s}`)}</option>)}
          </select>
        </div>
        <label className="check"><input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {t('cases.overdueOnly')}</label>
        <div className="field">
          <label htmlFor="cases-assignee">{t('assign.filter')}</label>
          <select id="cases-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value as typeof assignee)}>
            <option value="">{t('assign.anyone')}</option>
            <option value="me">{t('assign.me')}</option>
            <option value="none">{t('assign.nobody')}</option>
          </select>
        </div>
        <label className="check"><input type="checkbox" checked={escalated} onChange={(e) => setEscalated(e.target.checked)} /> {t('cases.escalatedOnly')}</label>
      </fieldset>
      <h2 id="queue-heading">{t('cases.queue')}</h2>
      {selected.size > 0 && (
        <CaseAssignBar unitId={id} selected={[...selected]} references={new Map(cases.items.map((c) => [c.id, c.reference]))}
          onDone={() => { setSelected(new Set()); cases.reload(); }} onClear={() => setSelected(new Set())} />
      )}
      <ErrorMessage error={cases.error} />
      {cases.items.length === 0 && !cases.loading && !cases.error && <Empty>{t('cases.none')}</Empty>}
      {cases.items.length > 0 && (
        <TableWrap labelledBy="queue-heading">
          <table>
            <thead><tr>
              <td className="pick-cell">
                <label className="pick">
                  <input type="checkbox" checked={allShown} ref={(box) => { if (box) box.indeterminate = someShown && !allShown; }}
                    onChange={(e) => setSelected(e.target.checked ? new Set([...selected, ...shown]) : new Set([...selected].filter((s) => !shown.includes(s))))} />
                  <span className="visually-hidden">{t('assign.selectAll')}</span>
                </label>
              </td>
              <th scope="col">{t('report.reference')}</th><th scope="col">{t('track.status')}</th><th scope="col">{t('report.category')}</th><th scope="col">{t('report.urgency')}</th><th scope="col">{t('cases.due')}</th><th scope="col">{t('assign.column')}</th></tr></thead>
            <tbody>
              {cases.items.map((c) => (
                <tr key={c.id}>
                  <td className="pick-cell">
                    <label className="pick">
                      <input type="checkbox" checked={selected.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                      <span className="visually-hidden">{t('assign.select', { reference: c.reference })}</span>
                    </label>
                  </td>
                  <th scope="row"><Link href={`/cases/${c.id}`}>{c.reference}</Link></th>
                  <td>{t(`caseStatus.${c.status}`)}{c.escalationLevel > 0 && <> · <span className="badge">{t('cases.escalated')}</span></>}{c.triage && <> · <span className="badge">{t('cases.triage')}</span></>}</td>
                  <td>{c.categoryCode}</td>
                  <td>{t(`urgency.${c.urgency}`)}</td>
                  <td className={c.overdue ? 'error' : undefined}>
                    {(c.status === 'new' ? c.acknowledgeDueAt : c.resolveDueAt) ? format.dateTime((c.status === 'new' ? c.acknowledgeDueAt : c.resolveDueAt)!) : '—'}
                    {c.overdue && <> · {t('cases.overdue')}</>}
                  </td>
                  <td>{c.assignee?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {cases.loading && <Loading />}
      {cases.hasMore && !cases.loading && <button type="button" className="secondary" onClick={cases.more}>{t('common.showMore')}</button>}
    </>
  );
}
