import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api, unwrap } from '../api/client';
import { useLevels } from '../api/levels';
import { useAction } from '../api/use-action';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { SearchBox, type SearchOption } from '../components/search-box';
import { ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';
import type { UnitView } from './unit-page';

type Open = 'create' | 'rename' | 'move' | 'close' | null;

/** Structural changes to a unit, each behind a dialog; only those the server says the reader may make. */
export function UnitActions({ unit, onChanged }: { unit: UnitView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const a = unit.abilities;
  if (unit.status === 'closed' || !(a.createChild || a.rename || a.move || a.close)) return null;
  const done = () => { setOpen(null); onChanged(); };
  return (
    <div className="toolbar" role="group" aria-label={t('unit.actions')}>
      {a.createChild && !unit.isCell && <button type="button" onClick={() => setOpen('create')}>{t('unit.create')}</button>}
      {a.rename && <button type="button" className="secondary" onClick={() => setOpen('rename')}>{t('unit.rename')}</button>}
      {a.move && <button type="button" className="secondary" onClick={() => setOpen('move')}>{t('unit.move')}</button>}
      {a.close && <button type="button" className="secondary" onClick={() => setOpen('close')}>{t('unit.close')}</button>}
      {open === 'create' && <CreateDialog unit={unit} onClose={() => setOpen(null)} />}
      {open === 'rename' && <RenameDialog unit={unit} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'move' && <MoveDialog unit={unit} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'close' && <CloseDialog unit={unit} onClose={() => setOpen(null)} onDone={done} />}
    </div>
  );
}

function CreateDialog({ unit, onClose }: { unit: UnitView; onClose: () => void }) {
  const { t } = useTranslation();
  const { levels, levelName } = useLevels();
  const [, navigate] = useLocation();
  const depth = levels.find((l) => l.key === unit.level)?.depth ?? -1;
  const below = levels.filter((l) => l.depth > depth);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [level, setLevel] = useState<string>('');
  const action = useAction();
  const chosen = level || below[0]?.key || '';
  return (
    <Dialog title={t('unit.createTitle', { unit: unit.name })} open onClose={onClose} submitLabel={t('unit.create')} busy={action.busy}
      onSubmit={() => action.run(async () => {
        const created = await unwrap(api.POST('/api/v1/units', { body: { parentId: unit.id, name, level: chosen, ...(code.trim() ? { code: code.trim() } : {}) } }));
        navigate(`/units/${created.id}`);
      })}>
      <Field label={t('unit.name')} required value={name} onChange={(e) => setName(e.target.value)} />
      <div className="field">
        <label htmlFor="create-level">{t('unit.level')}</label>
        <select id="create-level" value={chosen} onChange={(e) => setLevel(e.target.value)}>
          {below.map((l) => <option key={l.key} value={l.key}>{levelName(l.key)}</option>)}
        </select>
      </div>
      <Field label={t('unit.code')} hint={t('unit.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} />
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

function RenameDialog({ unit, onClose, onDone }: { unit: UnitView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const action = useAction();
  return (
    <Dialog title={t('unit.renameTitle', { unit: unit.name })} open onClose={onClose} submitLabel={t('unit.rename')} busy={action.busy}
      onSubmit={() => action.run(() => unwrap(api.PATCH('/api/v1/units/{id}', { params: { path: { id: unit.id } }, body: { name } })), onDone)}>
      <Field label={t('unit.newName')} required value={name} onChange={(e) => setName(e.target.value)} />
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

function MoveDialog({ unit, onClose, onDone }: { unit: UnitView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [target, setTarget] = useState<SearchOption | null>(null);
  const action = useAction();
  return (
    <Dialog title={t('unit.moveTitle', { unit: unit.name })} open onClose={onClose} submitLabel={t('unit.moveConfirm')} busy={action.busy || !target} danger
      onSubmit={() => target && action.run(() => unwrap(api.POST('/api/v1/units/{id}/move', { params: { path: { id: unit.id } }, body: { parentId: target.id } })), onDone)}>
      {target
        ? <p>{t('unit.moveTo')}: <strong>{target.name}</strong> ({target.detail}) <button type="button" className="link" onClick={() => setTarget(null)}>{t('common.change')}</button></p>
        : <SearchBox label={t('unit.findParent')} kind="unit" onSelect={setTarget} exclude={(o) => o.id === unit.id || o.id === unit.parentId} />}
      <p className="warning" role="note">
        {t('unit.moveSize', { units: format.number(unit.counts.units), cells: format.number(unit.counts.cells), members: format.number(unit.counts.members) })}
      </p>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

function CloseDialog({ unit, onClose, onDone }: { unit: UnitView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  return (
    <Dialog title={t('unit.closeTitle', { unit: unit.name })} open onClose={onClose} submitLabel={t('unit.closeConfirm')} busy={action.busy} danger
      onSubmit={() => action.run(() => unwrap(api.POST('/api/v1/units/{id}/close', { params: { path: { id: unit.id } } })), onDone)}>
      <p>{t('unit.closeExplain')}</p>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}
