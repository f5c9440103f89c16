import { useTranslation } from 'react-i18next';
import { translated, type Amendment, type DirectiveItem, type DirectiveView } from '../api/directives';
import { useFormat } from '../i18n/format';

type Text = Pick<DirectiveView, 'body' | 'bodies' | 'items'>;

/** The body and the items of a directive, in the reader's language where the issuer gave one. */
export function DirectiveText({ directive, withItems = true }: { directive: Text; withItems?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="text-heading">
      <h2 id="text-heading">{t('directives.text')}</h2>
      <p className="description">{translated(directive.body, directive.bodies, i18n.language)}</p>
      {withItems && (
        <>
          <h3 id="items-heading">{t('directives.items')}</h3>
          <ol className="directive-items" aria-labelledby="items-heading">
            {directive.items.map((item) => <li key={item.index}><ItemSummary item={item} /></li>)}
          </ol>
        </>
      )}
    </section>
  );
}

export function ItemSummary({ item }: { item: DirectiveItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <strong>{item.title}</strong>
      <span className="muted"> · {t('directives.dueOn', { date: format.dateTime(item.dueAt) })}</span>
      {item.target !== null && <span className="muted"> · {t('directives.targetOf', { n: format.number(item.target), label: item.unitLabel ?? '' }).trim()}</span>}
    </>
  );
}

interface ItemChange { idx: number; before: { title: string; dueAt: string; target: number | null } | null; after: { title: string; dueAt: string; target: number | null } }

/** Every amendment with its note and what it changed: receivers read this before acknowledging again. */
export function Amendments({ amendments }: { amendments: Amendment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (amendments.length === 0) return null;
  const item = (i: ItemChange['after']) => [i.title, t('directives.dueOn', { date: format.dateTime(i.dueAt) }), i.target === null ? null : t('directives.targetOf', { n: format.number(i.target), label: '' }).trim()]
    .filter(Boolean).join(' · ');
  return (
    <section aria-labelledby="amendments-heading">
      <h2 id="amendments-heading">{t('directives.amendments')}</h2>
      <ol className="plain-list">
        {[...amendments].reverse().map((a) => {
          const changes = a.changes as { title?: { before: string; after: string }; body?: { before: string; after: string }; items?: ItemChange[]; attachments?: Array<{ name: string }> };
          return (
            <li key={a.version}>
              <p><strong>{t('directives.version', { n: a.version })}</strong> <span className="muted">· {format.dateTime(a.at)} · {a.by}</span></p>
              {a.note && <p>{a.note}</p>}
              <ul className="changes">
                {changes.title && <li>{t('directives.changedTitle', { before: changes.title.before, after: changes.title.after })}</li>}
                {changes.body && <li>{t('directives.changedBody')}<details><summary>{t('directives.previousBody')}</summary><p className="description">{changes.body.before}</p></details></li>}
                {changes.items?.map((c) => (
                  <li key={c.idx}>
                    {c.before
                      ? t('directives.changedItem', { n: c.idx + 1, before: item(c.before), after: item(c.after) })
                      : t('directives.addedItem', { n: c.idx + 1, after: item(c.after) })}
                  </li>
                ))}
                {changes.attachments && <li>{t('files.added', { names: changes.attachments.map((f) => `“${f.name}”`).join(', ') })}</li>}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
