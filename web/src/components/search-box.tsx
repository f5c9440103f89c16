import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchDirectory, type SearchQuery } from '../api/search';
import { useApi } from '../api/use-api';

export interface SearchOption {
  kind: 'unit' | 'person';
  id: string;
  name: string;
  detail: string;
}

interface SearchBoxProps {
  label: string;
  kind: NonNullable<SearchQuery['kind']>;
  level?: string | undefined;
  onSelect: (option: SearchOption) => void;
  /** Hide the label visually (the header search), keeping it for screen readers. */
  hiddenLabel?: boolean;
  exclude?: (option: SearchOption) => boolean;
}

const DEBOUNCE_MS = 150;

/** Search as you type, as an ARIA combobox: arrows move, Enter picks, Escape closes. */
export function SearchBox({ label, kind, level, onSelect, hiddenLabel, exclude }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const searching = query.length >= 2;
  const result = useApi(searching ? `${kind}|${level ?? ''}|${query}` : null, () =>
    searchDirectory({ q: query, kind, ...(level ? { level } : {}), limit: 8 }));
  const options: SearchOption[] = [
    ...(result.data?.units ?? []).map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name, detail: [t(`levels.${u.level}`, { defaultValue: u.level }), u.path].filter(Boolean).join(' · ') })),
    ...(result.data?.people ?? []).map((p) => ({ kind: 'person' as const, id: p.id, name: p.name, detail: [p.cellName, p.cellPath].filter(Boolean).join(' · ') })),
  ].filter((o) => !exclude?.(o));

  const choose = (option: SearchOption | undefined) => {
    if (!option) return;
    onSelect(option);
    setText('');
    setQuery('');
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, options.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (event.key === 'Enter' && open && options.length > 0) { event.preventDefault(); choose(options[active]); }
    else if (event.key === 'Escape') setOpen(false);
  };
  const listId = `${id}-list`;
  const expanded = open && searching;
  return (
    <div className="search-box">
      <label htmlFor={id} className={hiddenLabel ? 'visually-hidden' : undefined}>{label}</label>
      <input
        id={id} type="search" role="combobox" autoComplete="off" value={text} placeholder={hiddenLabel ? label : undefined}
        aria-expanded={expanded} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={expanded && options[active] ? `${id}-${active}` : undefined}
        onChange={(event) => { setText(event.target.value); setOpen(true); setActive(0); }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label={label} hidden={!expanded} className="search-results">
        {expanded && result.loading && options.length === 0 && <li className="hint" role="presentation">{t('common.searching')}</li>}
        {expanded && !result.loading && options.length === 0 && <li className="hint" role="presentation">{result.error ? result.error.message : t('search.noMatch')}</li>}
        {expanded && options.map((option, index) => (
          <li
            key={`${option.kind}-${option.id}`} id={`${id}-${index}`} role="option" aria-selected={index === active}
            onMouseDown={(event) => { event.preventDefault(); choose(option); }}
          >
            <span className="option-kind">{t(option.kind === 'unit' ? 'search.unit' : 'search.person')}</span>
            <span className="option-name">{option.name}</span>
            <span className="option-detail">{option.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
