import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { fromLocalInput, toLocalInput, type GatheringView } from '../api/gatherings';
import { useAction } from '../api/use-action';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';

/**
 * "Edit" and "Cancel gathering" for those who manage it (the API's `abilities`), each in
 * a dialog. Invitees already told hear of a change or a cancellation by e-mail; the
 * dialogs say so before, and the page says how many after.
 */
export function GatheringChangeActions({ g, onChanged }: { g: GatheringView; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'cancel' | null>(null);
  if (!g.abilities.edit && !g.abilities.cancel) return null;
  const done = (message: string) => { setOpen(null); onChanged(message); };
  return (
    <>
      <div className="toolbar">
        {g.abilities.edit && <button type="button" className="secondary" onClick={() => setOpen('edit')}>{t('gatherings.edit')}</button>}
        {g.abilities.cancel && <button type="button" className="secondary" onClick={() => setOpen('cancel')}>{t('gatherings.cancelGathering')}</button>}
      </div>
      {open === 'edit' && <EditDialog g={g} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'cancel' && <CancelDialog g={g} onClose={() => setOpen(null)} onDone={done} />}
    </>
  );
}

function EditDialog({ g, onClose, onDone }: { g: GatheringView; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const agendaId = useId();
  const [title, setTitle] = useState(g.title);
  const [startsAt, setStartsAt] = useState(toLocalInput(new Date(g.startsAt)));
  const [endsAt, setEndsAt] = useState(toLocalInput(new Date(g.endsAt)));
  const [place, setPlace] = useState(g.place ?? '');
  const [onlineUrl, setOnlineUrl] = useState(g.onlineUrl ?? '');
  const [agenda, setAgenda] = useState(g.agenda.map((a) => a.title).join('\n'));
  const action = useAction();
  // A course's dates go with its sessions: changed through the API, not this form.
  const timed = g.kind !== 'course';
  const sent = g.status === 'sent';
  const submit = () => action.run(async () => {
    const result = await unwrap(api.PATCH('/api/v1/gatherings/{id}', {
      params: { path: { id: g.id } },
      body: {
        title: title.trim(), place: place.trim() || null, onlineUrl: onlineUrl.trim() || null,
        agenda: agenda.split('\n').map((line) => line.trim()).filter(Boolean),
        ...(timed ? { startsAt: fromLocalInput(startsAt), endsAt: fromLocalInput(endsAt) } : {}),
      },
    }));
    onDone(result.changed.length === 0 ? t('gatherings.unchanged')
      : result.updatesQueued > 0 ? t('gatherings.editedNotified', { count: result.updatesQueued }) : t('gatherings.edited'));
  });
  return (
    <Dialog title={t('gatherings.editTitle', { title: g.title })} open onClose={onClose} submitLabel={t('gatherings.editSave')} busy={action.busy} onSubmit={submit}>
      <Field label={t('gatherings.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      {timed && (
        <div className="field-pair">
          <Field label={t('gatherings.startsAt')} type="datetime-local" required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          <Field label={t('gatherings.endsAt')} type="datetime-local" required min={startsAt || undefined} value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        </div>
      )}
      <Field label={t('gatherings.placeOptional')} maxLength={300} value={place} onChange={(e) => setPlace(e.target.value)} />
      <Field label={t('gatherings.onlineUrl')} type="url" maxLength={2000} value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} />
      <div className="field">
        <label htmlFor={agendaId}>{t('gatherings.agendaLines')}</label>
        <textarea id={agendaId} rows={4} aria-describedby={`${agendaId}-hint`} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
        <small id={`${agendaId}-hint`}>{t('gatherings.agendaEditHint')}</small>
      </div>
      <p className="hint">{sent ? t('gatherings.editExplainSent') : t('gatherings.editExplainDraft')}</p>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

function CancelDialog({ g, onClose, onDone }: { g: GatheringView; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = () => action.run(async () => {
    const result = await unwrap(api.POST('/api/v1/gatherings/{id}/cancel', { params: { path: { id: g.id } }, body: { reason: reason.trim() } }));
    onDone(result.cancellationsQueued > 0 ? t('gatherings.cancelledNotified', { count: result.cancellationsQueued }) : t('gatherings.cancelledQuietly'));
  });
  return (
    <Dialog title={t('gatherings.cancelTitle', { title: g.title })} open onClose={onClose} submitLabel={t('gatherings.cancelConfirm')} busy={action.busy} danger onSubmit={submit}>
      <div className="field">
        <label htmlFor={reasonId}>{t('gatherings.cancelReason')}</label>
        <textarea id={reasonId} rows={3} required maxLength={1000} aria-describedby={`${reasonId}-hint`} value={reason} onChange={(e) => setReason(e.target.value)} />
        <small id={`${reasonId}-hint`}>{t('gatherings.cancelReasonHint')}</small>
      </div>
      <p>{g.status === 'sent' ? t('gatherings.cancelExplainSent') : t('gatherings.cancelExplainDraft')}</p>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}
