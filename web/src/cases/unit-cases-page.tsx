import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useApi } from '../api/use-api';
import { usePages } from '../api/use-pages';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { TableWrap } from '../components/table-wrap';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { CaseAssignBar } from './case-assign-bar';
import { useCategoryName, useDueIn } from './case-due';
import { FileCaseDialog } from './file-case-dialog';
import { useNarrow } from './use-narrow';
import './cases.css';

type Query = NonNullable<paths['/api/v1/units/{id}/cases']['get']['parameters']['query']>;
type Scope = 'own' | 'subtree' | 'involved';
const STATUSES = ['new', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened', 'merged'] as const;

/** A unit's case queue: its own cases or its whole subtree's, filtered down to what needs doing. */
export function UnitCasesPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  usePageTitle(unit.data ? t('cases.titleOf', { unit: unit.data.name }) : t('cases.title'));
  return (
    <>
      <h1>{unit.data ? t('cases.titleOf', { unit: unit.data.name }) : t('cases.title')}</h1>
      <p><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link></p>
      <ErrorMessage error={unit.error} />
      {!unit.data && !unit.error && <Loading />}
      {/* Above the cells the work is below: such a unit's queue opens on its whole subtree. */}
      {unit.data && <CaseQueue id={id} isCell={unit.data.isCell} />}
    </>
  );
}

function CaseQueue({ id, isCell }: { id: string; isCell: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const narrow = useNarrow();
  const dueIn = useDueIn();
  const categoryName = useCategoryName();
  // A link may open the queue filtered (the dashboard's breakdown by unit below does).
  const asked = new URLSearchParams(useSearch());
  const askedScope = asked.get('scope');
  const [scope, setScope] = useState<Scope>(askedScope === 'own' || askedScope === 'subtree' || askedScope === 'involved' ? askedScope : isCell ? 'own' : 'subtree');
  const [status, setStatus] = useState<string>(STATUSES.find((s) => s === asked.get('status')) ?? '');
  const [overdue, setOverdue] = useState(asked.get('overdue') === 'true');
  const [escalated, setEscalated] = useState(asked.get('escalated') === 'true');
  const [sort, setSort] = useState<'due' | 'newest'>(asked.get('sort') === 'newest' ? 'newest' : 'due');
  const [filing, setFiling] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [assignee, setAssignee] = useState<'' | 'me' | 'none'>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const query: Query = { scope, sort, limit: 50, ...(status ? { status: status as Query['status'] } : {}), ...(overdue ? { overdue: 'true' } : {}), ...(escalated ? { escalated: 'true' } : {}), ...(assignee ? { assignee } : {}) };
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
  const active = [scope !== (isCell ? 'own' : 'subtree'), status !== '', overdue, escalated, assignee !== ''].filter(Boolean).length;
  const due = (c: (typeof cases.items)[number]) => c.dueAt;

  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={() => setFiling(true)}>{t('cases.file')}</button>
        {narrow && (
          <button type="button" className="secondary" aria-expanded={filtersOpen} aria-controls="case-filters" onClick={() => setFiltersOpen(!filtersOpen)}>
            {filtersOpen ? t('queue.hideFilters') : active > 0 ? t('queue.showFiltersActive', { count: active }) : t('queue.showFilters')}
          </button>
        )}
      </div>
      {filing && <FileCaseDialog unitId={id} onClose={() => setFiling(false)} />}
      <fieldset className="filters" id="case-filters" hidden={narrow && !filtersOpen}>
        <legend>{t('cases.filters')}</legend>
        <div className="field">
          <label htmlFor="cases-scope">{t('cases.scope')}</label>
          <select id="cases-scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
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
        <div className="field">
          <label htmlFor="cases-sort">{t('queue.sort')}</label>
          <select id="cases-sort" value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
            <option value="due">{t('queue.sortDue')}</option>
            <option value="newest">{t('queue.sortNewest')}</option>
          </select>
        </div>
      </fieldset>
      <h2 id="queue-heading">{t('cases.queue')}</h2>
      {selected.size > 0 && (
        <CaseAssignBar unitId={id} selected={[...selected]} references={new Map(cases.items.map((c) => [c.id, c.reference]))}
          onDone={() => { setSelected(new Set()); cases.reload(); }} onClear={() => setSelected(new Set())} />
      )}
      <ErrorMessage error={cases.error} />
      {cases.items.length === 0 && !cases.loading && !cases.error && (
        scope === 'own' && !isCell
          ? <Empty>{t('queue.noneOwn')} <button type="button" className="link" onClick={() => setScope('subtree')}>{t('queue.seeBelow')}</button></Empty>
          : <Empty>{t('cases.none')}</Empty>
      )}
      {cases.items.length > 0 && narrow && (
        <label className="check pick">
          <input type="checkbox" checked={allShown} ref={(box) => { if (box) box.indeterminate = someShown && !allShown; }}
            onChange={(e) => setSelected(e.target.checked ? new Set([...selected, ...shown]) : new Set([...selected].filter((s) => !shown.includes(s))))} /> {t('assign.selectAll')}
        </label>
      )}
      {cases.items.length > 0 && narrow && (
        <ul className="case-cards" aria-labelledby="queue-heading">
          {cases.items.map((c) => {
            const late = c.overdue;
            return (
              <li key={c.id} className={`case-card${c.urgency === 'urgent' || c.urgency === 'life_threatening' ? ' urgent' : ''}`}>
                <span className="case-card-title"><Link href={`/cases/${c.id}`}>{c.summary} <span className="code muted">{c.reference}</span></Link></span>
                <span className="case-card-meta">
                  <span>{categoryName(c.category)}</span>
                  <strong>{t(`urgency.${c.urgency}`)}</strong>
                  <span className={late ? 'due-late' : undefined}>{dueIn(due(c))}</span>
                </span>
                <span className="case-card-meta muted">
                  <span>{t(`caseStatus.${c.status}`)}</span>
                  {c.escalationLevel > 0 && <span className="badge">{t('cases.escalated')}</span>}
                  {c.triage && <span className="badge">{t('cases.triage')}</span>}
                  {c.assignee && <span>{c.assignee.name}</span>}
                </span>
                <label className="pick check">
                  <input type="checkbox" checked={selected.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {t('assign.select', { reference: c.reference })}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {cases.items.length > 0 && !narrow && (
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
                  <th scope="row"><Link href={`/cases/${c.id}`}>{c.reference}</Link><br /><span className="muted">{c.summary}</span></th>
                  <td>{t(`caseStatus.${c.status}`)}{c.escalationLevel > 0 && <> · <span className="badge">{t('cases.escalated')}</span></>}{c.triage && <> · <span className="badge">{t('cases.triage')}</span></>}</td>
                  <td>{categoryName(c.category)}</td>
                  <td>{t(`urgency.${c.urgency}`)}</td>
                  <td className={c.overdue ? 'error' : undefined}>
                    {due(c) ? format.dateTime(due(c)!) : '—'}
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
