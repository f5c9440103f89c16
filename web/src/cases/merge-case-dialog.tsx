import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Closes a duplicate by merging it into the case that is kept, named by its reference or id. */
export function MergeCaseDialog({ caseId, reference, onClose, onMerged }: { caseId: string; reference: string; onClose: () => void; onMerged: () => void }) {
  const { t } = useTranslation();
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const target = other.trim();
  return (
    <Dialog title={t('merge.title', { reference })} open onClose={onClose} submitLabel={t('merge.submit')} danger
      busy={action.busy || !target || !reason.trim()}
      onSubmit={() => action.run(
        () => unwrap(api.POST('/api/v1/cases/{id}/transition', {
          params: { path: { id: caseId } },
          body: { to: 'merged', ...(UUID.test(target) ? { intoCaseId: target } : { intoReference: target }), note: reason.trim() },
        })),
        onMerged,
      )}>
      <p>{t('merge.explain', { reference })}</p>
      <Field label={t('merge.target')} hint={t('merge.targetHint')} value={other} required autoComplete="off" onChange={(e) => setOther(e.target.value)} />
      <div className="field">
        <label htmlFor="merge-reason">{t('merge.reason')}</label>
        <textarea id="merge-reason" rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}
