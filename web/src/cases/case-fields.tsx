import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export const URGENCIES = ['low', 'normal', 'urgent', 'life_threatening'] as const;
export type Urgency = (typeof URGENCIES)[number];

interface CategoryOption { code: string; name: string; names: Record<string, string> }

/** What a case is about and how urgent it is: the same two choices on the public form and an official's. */
export function CaseKindFields({ categories, category, onCategory, urgency, onUrgency, choose }: {
  categories: CategoryOption[] | undefined;
  category: string;
  onCategory: (code: string) => void;
  urgency: Urgency;
  onUrgency: (urgency: Urgency) => void;
  /** Start with no category chosen and require a choice (the public form: a guess would route the case wrongly). */
  choose?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('report.category')}</label>
        <select id={`${id}-category`} value={category} required={choose !== undefined} onChange={(e) => onCategory(e.target.value)}>
          {choose !== undefined && <option value="" disabled>{choose}</option>}
          {categories?.map((c) => <option key={c.code} value={c.code}>{c.names[i18n.language] ?? c.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-urgency`}>{t('report.urgency')}</label>
        <select id={`${id}-urgency`} value={urgency} onChange={(e) => onUrgency(e.target.value as Urgency)}>
          {URGENCIES.map((u) => <option key={u} value={u}>{t(`urgency.${u}`)}</option>)}
        </select>
      </div>
    </>
  );
}
