import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api, unwrap } from '../api/client';
import { FILE_LIMITS, formWith } from '../api/directive-files';
import type { DirectiveBody } from '../api/directives';
import { useLevels } from '../api/levels';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { FilePicker, useFileProblem } from '../components/file-picker';
import { SearchBox, type SearchOption } from '../components/search-box';
import { ErrorMessage } from '../components/status';
import { emptyItem, itemInputOf, ItemsEditor, type ItemDraft } from './directive-items-editor';
import type { UnitView } from '../org/unit-page';

type Kind = DirectiveBody['target']['kind'];

/** The form that drafts a directive: nothing reaches anyone until it is issued from its page. */
export function DirectiveCompose({ unit, onCancel }: { unit: UnitView; onCancel: () => void }) {
  const { t } = useTranslation();
  const { levels, levelName } = useLevels();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [items, setItems] = useState<ItemDraft[]>(() => [emptyItem()]);
  const [kind, setKind] = useState<Kind>('all');
  const depth = levels.find((l) => l.key === unit.level)?.depth ?? -1;
  const below = levels.filter((l) => l.depth > depth);
  const [level, setLevel] = useState('');
  const [subtrees, setSubtrees] = useState<SearchOption[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const fileProblem = useFileProblem(files, FILE_LIMITS, 'files');
  const create = useAction();
  const chosenLevel = level || below.at(-1)?.key || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target: DirectiveBody['target'] = kind === 'level' ? { kind, level: chosenLevel } : kind === 'subtrees' ? { kind, unitIds: subtrees.map((s) => s.id) } : { kind };
    void create.run(async () => {
      const draft = { issuerUnitId: unit.id, title: title.trim(), body: body.trim(), items: items.map(itemInputOf), target };
      // With attachments the same body travels as the `directive` field of a multipart form, beside the files.
      const made = await unwrap(files.length
        ? api.POST('/api/v1/directives', { body: { directive: JSON.stringify(draft) }, bodySerializer: () => formWith('directive', draft, files) })
        : api.POST('/api/v1/directives', { body: draft }));
      navigate(`/directives/${made.id}`);
    });
  };

  return (
    <form className="compose" onSubmit={submit} aria-labelledby="compose-heading">
      <h2 id="compose-heading">{t('directives.newTitle', { unit: unit.name })}</h2>
      <p className="hint">{t('directives.draftExplain')}</p>
      <Field label={t('directives.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="field">
        <label htmlFor="directive-body">{t('directives.body')}</label>
        <textarea id="directive-body" rows={6} required maxLength={20_000} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <ItemsEditor items={items} onChange={setItems} />
      <FilePicker texts="files" limits={FILE_LIMITS} files={files} onChange={setFiles} problem={fileProblem} label={t('files.attachLabel')} />
      <fieldset>
        <legend>{t('directives.target')}</legend>
        <label className="check"><input type="radio" name="target" checked={kind === 'all'} onChange={() => setKind('all')} /> {t('directives.targetAll', { unit: unit.name })}</label>
        <label className="check">
          <input type="radio" name="target" checked={kind === 'level'} disabled={below.length === 0} onChange={() => setKind('level')} /> {t('directives.targetLevel')}
        </label>
        <label className="check"><input type="radio" name="target" checked={kind === 'subtrees'} onChange={() => setKind('subtrees')} /> {t('directives.targetSubtrees')}</label>
        {kind === 'level' && (
          <div className="field">
            <label htmlFor="directive-level">{t('directives.level')}</label>
            <select id="directive-level" value={chosenLevel} onChange={(e) => setLevel(e.target.value)}>
              {below.map((l) => <option key={l.key} value={l.key}>{levelName(l.key)}</option>)}
            </select>
          </div>
        )}
        {kind === 'subtrees' && (
          <>
            <SearchBox label={t('directives.findSubtree')} kind="unit" onSelect={(option) => setSubtrees((previous) => [...previous, option])}
              exclude={(o) => o.id === unit.id || subtrees.some((s) => s.id === o.id)} />
            <p className="hint">{t('directives.subtreesHint', { unit: unit.name })}</p>
            {subtrees.length === 0 ? <p className="hint">{t('directives.noSubtrees')}</p> : (
              <ul className="plain-list" aria-label={t('directives.chosenSubtrees')}>
                {subtrees.map((s) => (
                  <li key={s.id} className="row">
                    <span>{s.name} <span className="muted">{s.detail}</span></span>
                    <button type="button" className="secondary" onClick={() => setSubtrees((previous) => previous.filter((p) => p.id !== s.id))}>
                      {t('directives.removeSubtree', { name: s.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </fieldset>
      <ErrorMessage error={create.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
        <button type="submit" disabled={create.busy || fileProblem !== null || (kind === 'subtrees' && subtrees.length === 0)}>{t('directives.saveDraft')}</button>
      </div>
    </form>
  );
}
