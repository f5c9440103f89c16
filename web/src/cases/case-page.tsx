import { systemMessage } from './system-message';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { PhotoStrip } from './case-photos';
import { Dialog } from '../components/dialog';
import { SearchBox, type SearchOption } from '../components/search-box';
import { ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { CaseAssignee } from './case-assignee';
import { MergeCaseDialog } from './merge-case-dialog';

type Target = paths['/api/v1/cases/{id}/transition']['post']['requestBody']['content']['application/json']['to'];

/** One case: what was asked, who owns it, its deadlines and whole timeline, and the next steps the reader may take. */
export function CasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const loaded = useApi(id, () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })));
  const action = useAction();
  const [note, setNote] = useState('');
  const [publicNote, setPublicNote] = useState(false);
  const [referring, setReferring] = useState(false);
  const [merging, setMerging] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const resolve = useAction();
  const [target, setTarget] = useState<SearchOption | null>(null);
  const refer = useAction();
  usePageTitle(loaded.data ? `${t('cases.case')} ${loaded.data.reference}` : t('cases.case'));

  if (loaded.error) return <><h1>{t('cases.case')}</h1><ErrorMessage error={loaded.error} /></>;
  const c = loaded.data;
  if (!c) return <Loading />;
  // Referring and merging need more than a click: a unit, or the case that is kept, and a reason.
  // Resolving is final for the resident: never the primary button, always confirmed with a note to them.
  const simple = c.abilities.transitions.filter((to): to is Target => to !== 'referred' && to !== 'merged' && to !== 'resolved');
  const mayResolve = c.abilities.transitions.includes('resolved');
  const primary = simple.find((to) => to === 'acknowledged' || to === 'in_progress');
  const mayRefer = c.abilities.transitions.includes('referred');
  const mayMerge = c.abilities.transitions.includes('merged');
  const transition = (to: Target) => action.run(
    () => unwrap(api.POST('/api/v1/cases/{id}/transition', { params: { path: { id } }, body: { to, ...(note.trim() ? { note: note.trim(), publicNote } : {}) } })),
    () => { setNote(''); loaded.reload(); },
  );
  return (
    <>
      <div className="page-title">
        <h1>{t('cases.case')} <span className="code">{c.reference}</span></h1>
        <p className="subtitle">{c.category.names[i18n.language] ?? c.category.name} · {t(`urgency.${c.urgency}`)} · <strong>{t(`caseStatus.${c.status}`)}</strong></p>
      </div>
      <p className="description">{c.description}</p>
      <PhotoStrip photos={c.photos} reference={c.reference} url={(position) => `/api/v1/cases/${c.id}/photos/${position}`} />
      <dl className="details">
        <dt>{t('cases.owner')}</dt><dd><Link href={`/units/${c.owningUnitId}/cases`}>{c.owningUnit.name}</Link>{c.triage && <> · <span className="badge">{t('cases.triage')}</span></>}</dd>
        {c.address && <><dt>{t('report.address')}</dt><dd>{c.address}</dd></>}
        {c.status === 'new' && c.acknowledgeDueAt && <><dt>{t('cases.acknowledgeBy')}</dt><dd>{format.dateTime(c.acknowledgeDueAt)}</dd></>}
        {c.resolveDueAt && !['resolved', 'closed', 'merged'].includes(c.status) && <><dt>{t('cases.resolveBy')}</dt><dd>{format.dateTime(c.resolveDueAt)}</dd></>}
        <dt>{t('assign.column')}</dt><dd>{c.assignee?.name ?? t('assign.nobody')}</dd>
        {c.mergedIntoId && <><dt>{t('merge.mergedInto')}</dt><dd><Link href={`/cases/${c.mergedIntoId}`}>{t('merge.keptCase')}</Link></dd></>}
        <dt>{t('cases.requester')}</dt><dd>{c.requester ? [c.requester.name, c.requester.email, c.requester.phone].filter(Boolean).join(' · ') || '—' : t('cases.requesterHidden')}</dd>
        {c.rating && <><dt>{t('track.stars')}</dt><dd>{'★'.repeat(c.rating.stars)} {c.rating.comment}</dd></>}
      </dl>
      {c.abilities.assign && <CaseAssignee caseId={c.id} owningUnitId={c.owningUnitId} assignee={c.assignee} onChanged={loaded.reload} />}
      {c.escalations.length > 0 && (
        <p className="warning" role="note">{t('cases.escalatedTimes', { count: c.escalations.length })}</p>
      )}
      {(simple.length > 0 || mayResolve || mayRefer || mayMerge) && (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('cases.next')}</h2>
          <div className="field">
            <label htmlFor="case-note">{t('cases.note')}</label>
            <textarea id="case-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <label className="check"><input type="checkbox" checked={publicNote} onChange={(e) => setPublicNote(e.target.checked)} /> {t('cases.publicNote')}</label>
          <ErrorMessage error={action.error} />
          <div className="toolbar">
            {simple.map((to) => <button key={to} type="button" className={to === primary ? undefined : 'secondary'} disabled={action.busy} onClick={() => void transition(to)}>{t(`caseAction.${to}`)}</button>)}
            {mayResolve && <button type="button" className="secondary" onClick={() => { setResolution(note); setResolving(true); }}>{t('resolve.open')}</button>}
            {mayRefer && <button type="button" className="secondary" onClick={() => setReferring(true)}>{t('caseAction.referred')}</button>}
            {mayMerge && <button type="button" className="secondary" onClick={() => setMerging(true)}>{t('merge.open')}</button>}
          </div>
        </section>
      )}
      {resolving && (
        <Dialog title={t('resolve.title', { reference: c.reference })} open onClose={() => setResolving(false)} submitLabel={t('resolve.confirm')}
          busy={resolve.busy || !resolution.trim()}
          onSubmit={() => resolve.run(
            () => unwrap(api.POST('/api/v1/cases/{id}/transition', { params: { path: { id } }, body: { to: 'resolved', note: resolution.trim(), publicNote: true } })),
            () => { setResolving(false); setResolution(''); setNote(''); loaded.reload(); },
          )}>
          <p>{t('resolve.explain')}</p>
          <div className="field">
            <label htmlFor="resolve-note">{t('resolve.note')}</label>
            <textarea id="resolve-note" rows={4} required value={resolution} onChange={(e) => setResolution(e.target.value)} />
          </div>
          <ErrorMessage error={resolve.error} />
        </Dialog>
      )}
      {merging && <MergeCaseDialog caseId={c.id} reference={c.reference} onClose={() => setMerging(false)} onMerged={() => { setMerging(false); loaded.reload(); }} />}
      {referring && (
        <Dialog title={t('cases.referTitle', { reference: c.reference })} open onClose={() => setReferring(false)} submitLabel={t('caseAction.referred')}
          busy={refer.busy || !target || !note.trim()}
          onSubmit={() => target && refer.run(
            () => unwrap(api.POST('/api/v1/cases/{id}/transition', { params: { path: { id } }, body: { to: 'referred', toUnitId: target.id, note: note.trim() } })),
            () => { setReferring(false); setTarget(null); setNote(''); loaded.reload(); },
          )}>
          {target
            ? <p>{t('cases.referTo')}: <strong>{target.name}</strong> ({target.detail}) <button type="button" className="link" onClick={() => setTarget(null)}>{t('common.change')}</button></p>
            : <SearchBox label={t('cases.findUnit')} kind="unit" onSelect={setTarget} exclude={(o) => o.id === c.owningUnitId} />}
          <div className="field">
            <label htmlFor="refer-reason">{t('cases.referReason')}</label>
            <textarea id="refer-reason" rows={3} required value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <ErrorMessage error={refer.error} />
        </Dialog>
      )}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('cases.timeline')}</h2>
        <ol className="plain-list timeline">
          {c.timeline.map((e, index) => (
            <li key={index}>
              <span className="muted">{format.dateTime(e.at)}</span> · {t(e.kind === 'reminded' ? 'caseSystem.reminderEvent' : `caseEvent.${e.kind}`, { defaultValue: e.kind })}
              {!e.public && <> <span className="badge">{t('cases.internal')}</span></>}
              {e.assignee && <>: {e.assignee.name}</>}
              {e.message ? <>: {systemMessage(t, e.message, format.dateTime)}</> : e.note && <>: {e.note}</>}
              <span className="muted"> — {e.actor}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
