import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { FILE_LIMITS, formWith } from '../api/directive-files';
import type { AssignmentView } from '../api/directives';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { FilePicker, useFileProblem } from '../components/file-picker';
import { ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';

type Item = AssignmentView['items'][number];

/** Report on one item: a percentage, a figure against the target, a few words, photos or files — any of them. */
export function ReportForm({ assignmentId, item, onReported }: { assignmentId: string; item: Item; onReported: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [percent, setPercent] = useState('');
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  // "Not applicable": the reason goes in the text, and no figures go with it.
  const [notApplicable, setNotApplicable] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  // A file input cannot be emptied from script: a new one after each report.
  const [round, setRound] = useState(0);
  const problem = useFileProblem(files, FILE_LIMITS, 'files');
  const action = useAction();
  const n = item.index + 1;
  const empty = notApplicable ? text.trim() === '' : percent.trim() === '' && value.trim() === '' && text.trim() === '' && files.length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      itemIndex: item.index,
      ...(!notApplicable && percent.trim() !== '' ? { percent: Number(percent) } : {}),
      ...(!notApplicable && value.trim() !== '' ? { value: Number(value) } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(notApplicable ? { notApplicable: true } : {}),
    };
    const path = { params: { path: { id: assignmentId } } };
    // With evidence the same body travels as the `report` field of a multipart form, beside the files.
    void action.run(() => unwrap(files.length
      ? api.POST('/api/v1/assignments/{id}/reports', { ...path, body: { report: JSON.stringify(body) }, bodySerializer: () => formWith('report', body, files) })
      : api.POST('/api/v1/assignments/{id}/reports', { ...path, body })),
    () => { setPercent(''); setValue(''); setText(''); setNotApplicable(false); setFiles([]); setRound((r) => r + 1); onReported(); });
  };
  const valueLabel = item.target !== null
    ? t('assignment.valueOfTarget', { n, target: format.number(item.target), label: item.unitLabel ?? '' })
    : t('assignment.value', { n });
  return (
    <form className="report-form" onSubmit={submit} aria-label={t('assignment.reportOn', { n })}>
      <label className="check">
        <input type="checkbox" checked={notApplicable} onChange={(e) => setNotApplicable(e.target.checked)} /> {t('honesty.notApplicable', { n })}
      </label>
      {!notApplicable && (
        <div className="report-fields">
          <Field label={t('assignment.percent', { n })} type="number" min="0" max="100" step="any" inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
          <Field label={valueLabel} type="number" min="0" step="any" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`report-text-${item.index}`}>{notApplicable ? t('honesty.notApplicableReason', { n }) : t('assignment.text', { n })}</label>
        <textarea id={`report-text-${item.index}`} rows={2} maxLength={4000} required={notApplicable} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <FilePicker key={round} texts="files" limits={FILE_LIMITS} files={files} onChange={setFiles} problem={problem} label={t('files.evidenceLabel', { n })} />
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy || empty || problem !== null}>{t('assignment.send', { n })}</button>
    </form>
  );
}
