import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorMessage } from '../components/status';

interface Failure { caseId: string; reason: string }

/**
 * The bulk action bar of a case queue: assign the selected cases to one of the unit's
 * officials, or unassign them. The server takes all or none; when it refuses, each
 * failing case is listed with its reason.
 */
export function CaseAssignBar({ unitId, selected, references, onDone, onClear }: {
  unitId: string;
  selected: string[];
  references: Map<string, string>;
  onDone: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const officials = useApi(`officials|${unitId}`, () => unwrap(api.GET('/api/v1/units/{id}/officials', { params: { path: { id: unitId } } })));
  const [personId, setPersonId] = useState('');
  const action = useAction();
  const failures = ((action.error?.details.failures ?? []) as Failure[]);
  const assign = (assigneePersonId: string | null) => action.run(
    () => unwrap(api.POST('/api/v1/cases/assign', { body: { caseIds: selected, assigneePersonId } })),
    onDone,
  );

  return (
    <section className="bulk-bar" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" className="visually-hidden">{t('assign.bulk')}</h2>
      <p role="status">{t('assign.selected', { count: selected.length })}</p>
      <div className="bulk-controls">
        <div className="field">
          <label htmlFor="bulk-assignee">{t('assign.to')}</label>
          <select id="bulk-assignee" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{t('assign.choose')}</option>
            {officials.data?.items.map((o) => <option key={o.personId} value={o.personId}>{o.name} · {t(`roles.${o.role}`)}</option>)}
          </select>
        </div>
        <button type="button" disabled={action.busy || !personId || selected.length === 0} onClick={() => void assign(personId)}>{t('assign.assign')}</button>
        <button type="button" className="secondary" disabled={action.busy || selected.length === 0} onClick={() => void assign(null)}>{t('assign.unassign')}</button>
        <button type="button" className="secondary" onClick={() => { action.reset(); onClear(); }}>{t('assign.clear')}</button>
      </div>
      <ErrorMessage error={officials.error ?? action.error} />
      {failures.length > 0 && (
        <ul className="failures">
          {failures.map((f) => (
            <li key={f.caseId}><span className="code">{references.get(f.caseId) ?? f.caseId}</span>: {t(`assign.reason.${f.reason}`, { defaultValue: f.reason })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
