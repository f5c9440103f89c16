import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { FILE_LIMITS, type DirectiveFile } from '../api/directive-files';
import type { DirectiveView } from '../api/directives';
import { useAction } from '../api/use-action';
import { FileLinks } from '../components/file-links';
import { FilePicker, useFileProblem } from '../components/file-picker';
import { ErrorMessage } from '../components/status';

/**
 * A directive's attachments, and for its issuer the form that adds more: to a draft
 * freely, to an issued directive as an amendment with a note that receivers read.
 */
export function DirectiveAttachments({ directiveId, status, files, canAttach = false, onChanged }: {
  directiveId: string; status: DirectiveView['status']; files: DirectiveFile[]; canAttach?: boolean; onChanged?: () => void;
}) {
  const { t } = useTranslation();
  if (files.length === 0 && !canAttach) return null;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('files.attachments')}</h2>
      {files.length === 0 ? <p className="hint">{t('files.none')}</p> : <FileLinks files={files} label={t('files.attachments')} />}
      {canAttach && files.length < FILE_LIMITS.count && <AttachForm directiveId={directiveId} issued={status === 'issued'} already={files.length} onAttached={onChanged} />}
    </section>
  );
}

function AttachForm({ directiveId, issued, already, onAttached }: { directiveId: string; issued: boolean; already: number; onAttached?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<File[]>([]);
  const [note, setNote] = useState('');
  // A file input cannot be emptied from script: a new one after each upload.
  const [round, setRound] = useState(0);
  const problem = useFileProblem(chosen, FILE_LIMITS, 'files', already);
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => unwrap(api.POST('/api/v1/directives/{id}/attachments', {
      params: { path: { id: directiveId } },
      // The typed body stands in for the form the serializer sends.
      body: { files: [] },
      bodySerializer: () => {
        const form = new FormData();
        if (issued) form.append('note', note.trim());
        for (const file of chosen) form.append('files', file);
        return form;
      },
    })), () => { setChosen([]); setNote(''); setRound((r) => r + 1); onAttached?.(); });
  };
  return (
    <form onSubmit={submit} aria-label={t('files.addTitle')}>
      {issued && <p className="hint">{t('files.amendExplain')}</p>}
      <FilePicker key={round} texts="files" limits={FILE_LIMITS} files={chosen} onChange={setChosen} problem={problem} label={t('files.addLabel')} />
      {issued && (
        <div className="field">
          <label htmlFor="attach-note">{t('files.note')}</label>
          <textarea id="attach-note" rows={2} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      )}
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy || chosen.length === 0 || problem !== null || (issued && !note.trim())}>{t('files.add')}</button>
    </form>
  );
}
