import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { DirectiveView } from '../api/directives';
import { useAction } from '../api/use-action';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';
import { itemDraftOf, itemInputOf, ItemsEditor, type ItemDraft } from './directive-items-editor';

/** Issue a draft, or amend or withdraw an issued directive: each a deliberate step behind a dialog. */
export function DirectiveActions({ directive: d, onChanged }: { directive: DirectiveView; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<'issue' | 'amend' | 'withdraw' | null>(null);
  const close = () => setOpen(null);
  const done = () => { setOpen(null); onChanged(); };
  if (!d.abilities.issue && !d.abilities.amend && !d.abilities.withdraw) return null;
  return (
    <>
      {d.abilities.issue && d.reach !== null && (
        <p className="notice" role="note">{t('directives.reach', { count: d.reach, n: format.number(d.reach) })}</p>
      )}
      <div className="toolbar">
        {d.abilities.issue && <button type="button" onClick={() => setOpen('issue')}>{t('directives.issue')}</button>}
        {d.abilities.amend && <button type="button" className="secondary" onClick={() => setOpen('amend')}>{t('directives.amend')}</button>}
        {d.abilities.withdraw && <button type="button" className="secondary" onClick={() => setOpen('withdraw')}>{t('directives.withdraw')}</button>}
      </div>
      {open === 'issue' && <IssueDialog directive={d} onClose={close} onDone={done} />}
      {open === 'amend' && <AmendDialog directive={d} onClose={close} onDone={done} />}
      {open === 'withdraw' && <WithdrawDialog directive={d} onClose={close} onDone={done} />}
    </>
  );
}

interface DialogProps { directive: DirectiveView; onClose: () => void; onDone: () => void }

function IssueDialog({ directive: d, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const action = useAction();
  const reach = d.reach ?? 0;
  return (
    <Dialog title={t('directives.issueTitle', { title: d.title })} open onClose={onClose} busy={action.busy}
      submitLabel={t('directives.issueConfirm', { count: reach, n: format.number(reach) })}
      onSubmit={() => action.run(() => unwrap(api.POST('/api/v1/directives/{id}/issue', { params: { path: { id: d.id } } })), onDone)}>
      <p>{t('directives.issueExplain', { count: reach, n: format.number(reach) })}</p>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

function AmendDialog({ directive: d, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [title, setTitle] = useState(d.title);
  const [body, setBody] = useState(d.body);
  const [items, setItems] = useState<ItemDraft[]>(() => d.items.map(itemDraftOf));
  const [note, setNote] = useState('');
  return (
    <Dialog title={t('directives.amendTitle', { title: d.title })} open onClose={onClose} busy={action.busy || !note.trim()} submitLabel={t('directives.amendConfirm')}
      onSubmit={() => action.run(() => unwrap(api.POST('/api/v1/directives/{id}/amend', {
        params: { path: { id: d.id } }, body: { title: title.trim(), body: body.trim(), items: items.map(itemInputOf), note: note.trim() },
      })), onDone)}>
      <p className="hint">{t('directives.amendExplain')}</p>
      <Field label={t('directives.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="field">
        <label htmlFor="amend-body">{t('directives.body')}</label>
        <textarea id="amend-body" rows={5} required maxLength={20_000} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <ItemsEditor items={items} onChange={setItems} fixed={d.items.length} />
      <div className="field">
        <label htmlFor="amend-note">{t('directives.amendNote')}</label>
        <textarea id="amend-note" rows={3} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

function WithdrawDialog({ directive: d, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [reason, setReason] = useState('');
  return (
    <Dialog title={t('directives.withdrawTitle', { title: d.title })} open danger onClose={onClose} busy={action.busy || !reason.trim()} submitLabel={t('directives.withdrawConfirm')}
      onSubmit={() => action.run(() => unwrap(api.POST('/api/v1/directives/{id}/withdraw', { params: { path: { id: d.id } }, body: { reason: reason.trim() } })), onDone)}>
      <p>{t('directives.withdrawExplain')}</p>
      <div className="field">
        <label htmlFor="withdraw-reason">{t('directives.withdrawReason')}</label>
        <textarea id="withdraw-reason" rows={3} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}
