import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { AssignmentView } from '../api/directives';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';

type Item = AssignmentView['items'][number];

/** Report on one item: a percentage, a figure against the target, a few words — any of them. */
export function ReportForm({ assignmentId, item, onReported }: { assignmentId: string; item: Item; onReported: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [percent, setPercent] = useState('');
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  const action = useAction();
  const n = item.index + 1;
  const empty = percent.trim() === '' && value.trim() === '' && text.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => unwrap(api.POST('/api/v1/assignments/{id}/reports', {
      params: { path: { id: assignmentId } },
      body: {
        itemIndex: item.index,
        ...(percent.trim() !== '' ? { percent: Number(percent) } : {}),
        ...(value.trim() !== '' ? { value: Number(value) } : {}),
        ...(text.trim() ? { text: text.trim() } : {}),
      },
    })), () => { setPercent(''); setValue(''); setText(''); onReported(); });
  };
  const valueLabel = item.target !== null
    ? t('assignment.valueOfTarget', { n, target: format.number(item.target), label: item.unitLabel ?? '' })
    : t('assignment.value', { n });
  return (
    <form className="report-form" onSubmit={submit} aria-label={t('assignment.reportOn', { n })}>
      <div className="report-fields">
        <Field label={t('assignment.percent', { n })} type="number" min="0" max="100" step="any" inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
        <Field label={valueLabel} type="number" min="0" step="any" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`report-text-${item.index}`}>{t('assignment.text', { n })}</label>
        <textarea id={`report-text-${item.index}`} rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy || empty}>{t('assignment.send', { n })}</button>
    </form>
  );
}
