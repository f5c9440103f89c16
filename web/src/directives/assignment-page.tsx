import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { translated, type AssignmentStatus, type AssignmentView } from '../api/directives';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { Dialog } from '../components/dialog';
import { FileLinks } from '../components/file-links';
import { ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { ReportForm } from './assignment-report-form';
import { DirectiveAttachments } from './directive-attachments';
import { DirectiveQuestions } from './directive-questions';
import { Amendments, DirectiveText, ItemSummary } from './directive-text';

type To = Exclude<AssignmentStatus, 'received'>;

/** What a unit received: the directive, what changed, its items with figures and report forms, the next steps, the history. */
export function AssignmentPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const loaded = useApi(id, () => unwrap(api.GET('/api/v1/assignments/{id}', { params: { path: { id } } })));
  const action = useAction();
  const [blocking, setBlocking] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [reason, setReason] = useState('');
  const a = loaded.data;
  const title = a ? translated(a.directive.title, a.directive.titles, i18n.language) : t('assignment.title');
  usePageTitle(title);
  if (loaded.error) return <><h1>{t('assignment.title')}</h1><ErrorMessage error={loaded.error} /></>;
  if (!a) return <Loading />;

  const move = (to: To, why?: string) => action.run(
    () => unwrap(api.POST('/api/v1/assignments/{id}/transition', { params: { path: { id } }, body: { to, ...(why ? { reason: why } : {}) } })),
    () => { setBlocking(false); setFinishing(false); setReason(''); loaded.reload(); },
  );
  // Acknowledging has its own button wherever it is due (new or amended); the rest are the next states.
  const steps = a.abilities.transitions.filter((to): to is To => to !== 'acknowledged' && to !== 'received');
  const amended = a.needsAcknowledgement && a.acknowledgedVersion > 0;

  return (
    <>
      <p className="links">
        <Link href={`/units/${a.unitId}/assignments`}>{t('inbox.titleOf', { unit: a.unitName })}</Link>
        {' · '}<Link href={`/directives/${a.directiveId}`}>{t('assignment.directiveLink')}</Link>
      </p>
      <div className="page-title">
        <h1>{title}</h1>
        <p className="subtitle">
          {a.unitName} · <strong>{t(`assignmentStatus.${a.status}`)}</strong> · {t('directives.from', { unit: a.directive.issuerName })}
          {a.overdue && <> · <span className="badge danger">{t('inbox.overdue')}</span></>}
        </p>
      </div>
      {a.directive.status === 'withdrawn' && (
        <p className="warning" role="note">{t('directives.withdrawnOn', { date: a.directive.withdrawnAt ? format.date(a.directive.withdrawnAt) : '' })} {a.directive.withdrawReason}</p>
      )}
      {a.needsAcknowledgement && (
        <div className="notice" role="note">
          <p>{amended ? t('assignment.amendedExplain', { n: a.directive.version }) : t('assignment.newExplain')}</p>
          {a.abilities.act && <button type="button" disabled={action.busy} onClick={() => void move('acknowledged')}>{t('assignment.acknowledge')}</button>}
        </div>
      )}
      {a.status === 'blocked' && a.blockedReason && <p className="warning" role="note">{t('assignment.blockedBecause', { reason: a.blockedReason })}</p>}
      {a.nextDueAt && a.status !== 'done' && (
        <p className={a.overdue ? 'error' : undefined}>{t('inbox.nextDue', { date: format.dateTime(a.nextDueAt) })}</p>
      )}
      {steps.length > 0 && (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t('assignment.steps')}</h2>
          <div className="toolbar">
            {/* A final step is never the primary button, and asks first (issue 14). */}
            {steps.map((to) => (
              <button key={to} type="button" className="secondary" disabled={action.busy}
                onClick={() => (to === 'blocked' ? setBlocking(true) : to === 'done' ? setFinishing(true) : void move(to))}>
                {t(stepLabel(a.status, to))}
              </button>
            ))}
          </div>
        </section>
      )}
      {!blocking && !finishing && <ErrorMessage error={action.error} />}
      {finishing && <DoneDialog assignment={a} busy={action.busy} error={action.error} note={reason} onNote={setReason}
        onClose={() => setFinishing(false)} onConfirm={() => move('done', reason.trim())} />}
      {blocking && (
        <Dialog title={t('assignment.blockTitle')} open onClose={() => setBlocking(false)} busy={action.busy || !reason.trim()} submitLabel={t('assignment.block')}
          onSubmit={() => move('blocked', reason.trim())}>
          <div className="field">
            <label htmlFor="block-reason">{t('assignment.blockReason')}</label>
            <textarea id="block-reason" rows={3} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <ErrorMessage error={action.error} />
        </Dialog>
      )}
      <DirectiveText directive={a.directive} withItems={false} />
      <DirectiveAttachments directiveId={a.directiveId} status={a.directive.status} files={a.directive.files} />
      <Amendments amendments={a.directive.amendments} />
      <Items assignment={a} onReported={loaded.reload} />
      <DirectiveQuestions directiveId={a.directiveId} questions={a.directive.questions} askThrough={a.abilities.act ? a.id : undefined} onChanged={loaded.reload} />
      <History assignment={a} />
    </>
  );
}

/** Marking done: which items still lack a report (then it cannot be confirmed), and a note for the issuer. */
function DoneDialog({ assignment: a, busy, error, note, onNote, onClose, onConfirm }: {
  assignment: AssignmentView; busy: boolean; error: Parameters<typeof ErrorMessage>[0]['error']; note: string;
  onNote: (note: string) => void; onClose: () => void; onConfirm: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const missing = a.items.filter((item) => !a.reports.some((r) => r.itemIndex === item.index));
  return (
    <Dialog title={t('honesty.doneTitle')} open onClose={onClose} busy={busy || missing.length > 0 || !note.trim()} submitLabel={t('honesty.doneConfirm')}
      onSubmit={onConfirm}>
      {missing.length > 0 ? (
        <div className="warning" role="note">
          <p>{t('honesty.doneMissing')}</p>
          <ul>{missing.map((item) => <li key={item.index}>{t('honesty.doneMissingItem', { n: item.index + 1, title: item.title })}</li>)}</ul>
        </div>
      ) : <p>{t('honesty.doneExplain')}</p>}
      <div className="field">
        <label htmlFor="done-note">{t('honesty.doneNote')}</label>
        <textarea id="done-note" rows={3} required maxLength={2000} value={note} onChange={(e) => onNote(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
    </Dialog>
  );
}

function stepLabel(from: AssignmentStatus, to: To): string {
  if (to === 'in_progress') return from === 'blocked' ? 'assignment.resume' : from === 'done' ? 'assignment.reopen' : 'assignment.start';
  return to === 'done' ? 'assignment.markDone' : 'assignment.reportBlocked';
}

function Items({ assignment: a, onReported }: { assignment: AssignmentView; onReported: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = (item: AssignmentView['items'][number]) => [
    item.percent === null ? null : t('progress.percent', { n: format.number(item.percent) }),
    item.value === null ? null : `${item.target === null ? format.number(item.value) : t('progress.ofTarget', { value: format.number(item.value), target: format.number(item.target) })} ${item.unitLabel ?? ''}`.trim(),
  ].filter(Boolean).join(' · ');
  return (
    <section aria-labelledby="work-heading">
      <h2 id="work-heading">{t('assignment.items')}</h2>
      <ol className="plain-list work-items">
        {a.items.map((item) => {
          const reports = a.reports.filter((r) => r.itemIndex === item.index);
          return (
            <li key={item.index}>
              <h3>{t('assignment.itemHeading', { n: item.index + 1 })} <ItemSummary item={item} /></h3>
              <p>{t('assignment.figures')}: {figures(item) || '—'}</p>
              {reports.length > 0 && (
                <ul className="reports">
                  {reports.map((r, i) => (
                    <li key={i}>
                      <span className="muted">{format.dateTime(r.at)} · {r.by}:</span>{' '}
                      {r.notApplicable
                        ? t('honesty.notApplicableShown', { reason: r.text ?? '' })
                        : [r.percent === null ? null : t('progress.percent', { n: format.number(r.percent) }), r.value === null ? null : format.number(r.value), r.text].filter(Boolean).join(' · ')}
                      <FileLinks files={r.files} label={t('files.evidenceOf', { at: format.dateTime(r.at) })} />
                    </li>
                  ))}
                </ul>
              )}
              {a.abilities.act && <ReportForm assignmentId={a.id} item={item} onReported={onReported} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function History({ assignment: a }: { assignment: AssignmentView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('assignment.history')}</h2>
      <ol className="plain-list timeline">
        <li><span className="muted">{format.dateTime(a.directive.issuedAt ?? a.directive.createdAt)}</span> · {t('assignment.receivedEvent')}</li>
        {a.history.map((e, i) => (
          <li key={i}>
            <span className="muted">{format.dateTime(e.at)}</span> · {e.from !== null && e.from === e.to
              ? t('assignment.acknowledgedAgain')
              : e.to ? t(`assignmentStatus.${e.to}`, { defaultValue: e.to }) : '—'}
            {e.message ? <>: {t(`assignmentSystem.${e.message}`)}</> : e.reason && <>: {e.reason}</>}
            <span className="muted"> — {e.by}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
