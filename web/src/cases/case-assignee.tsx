import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorMessage } from '../components/status';

interface Props {
  caseId: string;
  owningUnitId: string;
  assignee: { personId: string; name: string } | null;
  onChanged: () => void;
}

/** Changes who handles a case: an official of the owning unit, or nobody. */
export function CaseAssignee({ caseId, owningUnitId, assignee, onChanged }: Props) {
  const { t } = useTranslation();
  const officials = useApi(`officials|${owningUnitId}`, () => unwrap(api.GET('/api/v1/units/{id}/officials', { params: { path: { id: owningUnitId } } })));
  const [choice, setChoice] = useState(assignee?.personId ?? '');
  const action = useAction();
  const options = officials.data?.items ?? [];
  // A term may have ended since: the current assignee stays listed so the choice reads true.
  const stale = assignee && !options.some((o) => o.personId === assignee.personId) ? assignee : null;
  return (
    <form className="inline-form" onSubmit={(e) => {
      e.preventDefault();
      void action.run(() => unwrap(api.POST('/api/v1/cases/assign', { body: { caseIds: [caseId], assigneePersonId: choice || null } })), onChanged);
    }}>
      <div className="field">
        <label htmlFor="case-assignee">{t('assign.change')}</label>
        <select id="case-assignee" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('assign.nobody')}</option>
          {stale && <option value={stale.personId}>{stale.name}</option>}
          {options.map((o) => <option key={o.personId} value={o.personId}>{o.name} · {t(`roles.${o.role}`)}</option>)}
        </select>
      </div>
      <button type="submit" className="secondary" disabled={action.busy || choice === (assignee?.personId ?? '')}>{t('assign.save')}</button>
      <ErrorMessage error={officials.error ?? action.error} />
    </form>
  );
}
