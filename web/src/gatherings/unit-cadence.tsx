import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { Cadence } from '../api/gatherings';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';

/** A unit's cadence as words: how often, when it last met, and (unless a table marks it otherwise) since when it is overdue. */
export function CadenceSummary({ cadence, missedBadge = true }: { cadence: Cadence; missedBadge?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!cadence) return <span className="muted">{t('cadence.none')}</span>;
  return (
    <>
      {t('cadence.every', { count: cadence.everyDays, n: format.number(cadence.everyDays) })}
      {cadence.lastMetAt && <> · {t('cadence.lastMet', { date: format.date(cadence.lastMetAt) })}</>}
      {missedBadge && cadence.missedSince && <> <span className="badge danger">{t('cadence.missedSince', { date: format.date(cadence.missedSince) })}</span></>}
    </>
  );
}

/** How often the unit is expected to meet: a missed meeting then shows here and on every unit above. */
export function CadenceSetting({ unitId, cadence, onChanged }: { unitId: string; cadence: Cadence; onChanged: () => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(cadence ? String(cadence.everyDays) : '');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = (everyDays: number | null) => {
    setSaved(false);
    void action.run(() => unwrap(api.PUT('/api/v1/units/{id}/cadence', { params: { path: { id: unitId } }, body: { everyDays } })), () => {
      setSaved(true);
      if (everyDays === null) setDays('');
      onChanged();
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(days.trim() === '' ? null : Number(days));
  };
  return (
    <section aria-labelledby="cadence-heading">
      <h2 id="cadence-heading">{t('cadence.heading')}</h2>
      <p><CadenceSummary cadence={cadence} /></p>
      <form className="inline-form" onSubmit={submit}>
        <Field label={t('cadence.everyDays')} hint={t('cadence.hint')} type="number" inputMode="numeric" min={1} max={366} value={days} onChange={(e) => setDays(e.target.value)} />
        <button type="submit" disabled={action.busy}>{t('cadence.save')}</button>
        {cadence && <button type="button" className="secondary" disabled={action.busy} onClick={() => save(null)}>{t('cadence.remove')}</button>}
        <ErrorMessage error={action.error} />
        {saved && <p className="ok" role="status">{t('cadence.saved')}</p>}
      </form>
    </section>
  );
}
