import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api, unwrap } from '../api/client';
import { fromLocalInput, KINDS, toLocalInput, type GatheringBody, type GatheringKind, type InviteeRule } from '../api/gatherings';
import { useLevels } from '../api/levels';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';
import type { UnitView } from '../org/unit-page';

interface SessionDraft { key: number; title: string; startsAt: string; endsAt: string }

let nextKey = 0;
const emptySession = (): SessionDraft => ({ key: nextKey++, title: '', startsAt: '', endsAt: '' });
const TWO_HOURS = 2 * 3_600_000;

/** Schedules a gathering of the unit; nobody is invited until the invitations are sent from its page. */
export function ScheduleForm({ unit, onCancel }: { unit: UnitView; onCancel: () => void }) {
  const { t } = useTranslation();
  const { levels, levelName } = useLevels();
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<GatheringKind>('meeting');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [place, setPlace] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [agenda, setAgenda] = useState('');
  const [rule, setRule] = useState<InviteeRule>('unit-members');
  const [level, setLevel] = useState('');
  const [sessions, setSessions] = useState<SessionDraft[]>(() => [emptySession()]);
  const create = useAction();
  const depth = levels.find((l) => l.key === unit.level)?.depth ?? -1;
  const below = levels.filter((l) => l.depth > depth);
  const chosenLevel = level || below.at(-1)?.key || '';

  // The end follows a new start two hours later, until the reader sets an end of their own after it.
  const changeStart = (value: string) => {
    setStartsAt(value);
    if (value && (!endsAt || endsAt <= value)) setEndsAt(toLocalInput(new Date(new Date(value).getTime() + TWO_HOURS)));
  };
  const setSession = (key: number, change: Partial<SessionDraft>) => setSessions((previous) => previous.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: GatheringBody = {
      kind, conveningUnitId: unit.id, title: title.trim(), startsAt: fromLocalInput(startsAt), endsAt: fromLocalInput(endsAt),
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(onlineUrl.trim() ? { onlineUrl: onlineUrl.trim() } : {}),
      agenda: agenda.split('\n').map((line) => line.trim()).filter(Boolean),
      invitees: { rule, unitId: unit.id, ...(rule === 'secretaries-at-level' ? { level: chosenLevel } : {}) },
      ...(kind === 'course' ? {
        sessions: sessions.map((s) => ({ ...(s.title.trim() ? { title: s.title.trim() } : {}), startsAt: fromLocalInput(s.startsAt), endsAt: fromLocalInput(s.endsAt) })),
      } : {}),
    };
    void create.run(async () => {
      const made = await unwrap(api.POST('/api/v1/gatherings', { body }));
      navigate(`/gatherings/${made.id}`);
    });
  };

  return (
    <form className="compose" onSubmit={submit} aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('gatherings.scheduleTitle', { unit: unit.name })}</h2>
      <p className="hint">{t('gatherings.scheduleExplain')}</p>
      <div className="field">
        <label htmlFor="gathering-kind">{t('gatherings.kind')}</label>
        <select id="gathering-kind" value={kind} onChange={(e) => setKind(e.target.value as GatheringKind)}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`gatheringKind.${k}`)}</option>)}
        </select>
      </div>
      <Field label={t('gatherings.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="field-pair">
        <Field label={t('gatherings.startsAt')} type="datetime-local" required value={startsAt} onChange={(e) => changeStart(e.target.value)} />
        <Field label={t('gatherings.endsAt')} type="datetime-local" required min={startsAt || undefined} value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
      </div>
      <Field label={t('gatherings.placeOptional')} maxLength={300} value={place} onChange={(e) => setPlace(e.target.value)} />
      <Field label={t('gatherings.onlineUrl')} hint={t('gatherings.onlineUrlHint')} type="url" maxLength={2000} value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} />
      <div className="field">
        <label htmlFor="gathering-agenda">{t('gatherings.agendaLines')}</label>
        <textarea id="gathering-agenda" rows={4} aria-describedby="gathering-agenda-hint" value={agenda} onChange={(e) => setAgenda(e.target.value)} />
        <small id="gathering-agenda-hint">{t('gatherings.agendaLinesHint')}</small>
      </div>
      <fieldset>
        <legend>{t('gatherings.invitees')}</legend>
        <label className="check"><input type="radio" name="invitee-rule" checked={rule === 'unit-members'} onChange={() => setRule('unit-members')} /> {t('gatherings.ruleMembers', { unit: unit.name })}</label>
        <label className="check"><input type="radio" name="invitee-rule" checked={rule === 'officials-below'} onChange={() => setRule('officials-below')} /> {t('gatherings.ruleOfficials', { unit: unit.name })}</label>
        {below.length > 0 && (
          <label className="check">
            <input type="radio" name="invitee-rule" checked={rule === 'secretaries-at-level'} onChange={() => setRule('secretaries-at-level')} />
            {' '}{t('gatherings.ruleSecretaries', { unit: unit.name })}
          </label>
        )}
        {rule === 'secretaries-at-level' && (
          <div className="field">
            <label htmlFor="gathering-level">{t('gatherings.level')}</label>
            <select id="gathering-level" value={chosenLevel} onChange={(e) => setLevel(e.target.value)}>
              {below.map((l) => <option key={l.key} value={l.key}>{levelName(l.key)}</option>)}
            </select>
          </div>
        )}
        <p className="hint">{t('gatherings.inviteesExplain')}</p>
      </fieldset>
      {kind === 'course' && (
        <fieldset>
          <legend>{t('gatherings.sessions')}</legend>
          <p className="hint">{t('gatherings.sessionsExplain')}</p>
          <ol className="item-rows session-rows">
            {sessions.map((s, i) => (
              <li key={s.key}>
                <Field label={t('gatherings.sessionTitle', { n: i + 1 })} maxLength={200} value={s.title} onChange={(e) => setSession(s.key, { title: e.target.value })} />
                <Field label={t('gatherings.sessionStarts', { n: i + 1 })} type="datetime-local" required value={s.startsAt}
                  onChange={(e) => setSession(s.key, { startsAt: e.target.value, ...(e.target.value && (!s.endsAt || s.endsAt <= e.target.value) ? { endsAt: toLocalInput(new Date(new Date(e.target.value).getTime() + TWO_HOURS)) } : {}) })} />
                <Field label={t('gatherings.sessionEnds', { n: i + 1 })} type="datetime-local" required value={s.endsAt} onChange={(e) => setSession(s.key, { endsAt: e.target.value })} />
                {sessions.length > 1 && (
                  <button type="button" className="secondary" onClick={() => setSessions((previous) => previous.filter((p) => p.key !== s.key))}>{t('gatherings.removeSession', { n: i + 1 })}</button>
                )}
              </li>
            ))}
          </ol>
          <button type="button" className="secondary" onClick={() => setSessions((previous) => [...previous, emptySession()])}>{t('gatherings.addSession')}</button>
        </fieldset>
      )}
      <ErrorMessage error={create.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
        <button type="submit" disabled={create.busy}>{t('gatherings.schedule')}</button>
      </div>
    </form>
  );
}
