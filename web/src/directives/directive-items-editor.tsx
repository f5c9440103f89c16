import { useTranslation } from 'react-i18next';
import type { DirectiveItem, ItemInput } from '../api/directives';
import { Field } from '../components/field';

/** One item as typed: every field a string, as the inputs hold it. */
export interface ItemDraft {
  key: number; title: string; dueAt: string; target: string; unitLabel: string;
  /** A stored item's instant and how the input showed it: unchanged, it goes back to the second. */
  stored?: { iso: string; local: string };
}

export const MAX_ITEMS = 50;
let nextKey = 0;

export const emptyItem = (): ItemDraft => ({ key: nextKey++, title: '', dueAt: '', target: '', unitLabel: '' });

/** A stored item for the editor: the due date in the reader's local time, as datetime-local shows it. */
export function itemDraftOf(item: DirectiveItem): ItemDraft {
  const due = new Date(item.dueAt);
  const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  return {
    key: nextKey++, title: item.title, dueAt: local, target: item.target === null ? '' : String(item.target), unitLabel: item.unitLabel ?? '',
    stored: { iso: item.dueAt, local },
  };
}

/** What the API takes: the local date-time becomes an instant with its offset. */
export function itemInputOf(draft: ItemDraft): ItemInput {
  const target = draft.target.trim() === '' ? undefined : Number(draft.target);
  return {
    title: draft.title.trim(), dueAt: draft.stored?.local === draft.dueAt ? draft.stored.iso : new Date(draft.dueAt).toISOString(),
    ...(target !== undefined ? { target } : {}), ...(draft.unitLabel.trim() ? { unitLabel: draft.unitLabel.trim() } : {}),
  };
}

/**
 * The items of a directive as rows to add and remove. `fixed` items cannot be removed:
 * an issued directive keeps every item units may have reported on.
 */
export function ItemsEditor({ items, onChange, fixed = 0 }: { items: ItemDraft[]; onChange: (items: ItemDraft[]) => void; fixed?: number }) {
  const { t } = useTranslation();
  const set = (key: number, change: Partial<ItemDraft>) => onChange(items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  return (
    <fieldset className="items-editor">
      <legend>{t('directives.items')}</legend>
      <ol className="plain-list item-rows">
        {items.map((item, index) => {
          const n = index + 1;
          return (
            <li key={item.key} className="item-row">
              <Field label={t('directives.itemTitle', { n })} required maxLength={200} value={item.title} onChange={(e) => set(item.key, { title: e.target.value })} />
              <Field label={t('directives.itemDue', { n })} type="datetime-local" required value={item.dueAt} onChange={(e) => set(item.key, { dueAt: e.target.value })} />
              <Field label={t('directives.itemTarget', { n })} hint={t('directives.itemTargetHint')} type="number" min="0" step="any" inputMode="decimal"
                value={item.target} onChange={(e) => set(item.key, { target: e.target.value })} />
              <Field label={t('directives.itemUnitLabel', { n })} hint={t('directives.itemUnitLabelHint')} maxLength={40}
                value={item.unitLabel} onChange={(e) => set(item.key, { unitLabel: e.target.value })} />
              {index >= fixed && items.length > 1 && (
                <button type="button" className="secondary" onClick={() => onChange(items.filter((i) => i.key !== item.key))}>{t('directives.removeItem', { n })}</button>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" disabled={items.length >= MAX_ITEMS} onClick={() => onChange([...items, emptyItem()])}>{t('directives.addItem')}</button>
    </fieldset>
  );
}
