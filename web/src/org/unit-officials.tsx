import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { Dialog } from '../components/dialog';
import { SearchBox, type SearchOption } from '../components/search-box';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import type { UnitView } from './unit-page';

const ROLES = ['secretary', 'deputy', 'official'] as const;

export function UnitOfficials({ unit }: { unit: UnitView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const officials = useApi(`officials|${unit.id}`, () => unwrap(api.GET('/api/v1/units/{id}/officials', { params: { path: { id: unit.id } } })));
  const [appointing, setAppointing] = useState(false);
  const [person, setPerson] = useState<SearchOption | null>(null);
  const [role, setRole] = useState<(typeof ROLES)[number]>('secretary');
  const appoint = useAction();
  const end = useAction();
  const manage = unit.abilities.manageOfficials && unit.status === 'open';

  const close = () => { setAppointing(false); setPerson(null); appoint.reset(); };
  return (
    <section aria-labelledby="officials-heading">
      <h2 id="officials-heading">{t('unit.officials')}</h2>
      <ErrorMessage error={officials.error ?? end.error} />
      {officials.loading && !officials.data && <Loading />}
      {officials.data?.items.length === 0 && <Empty>{t('unit.noOfficials')}</Empty>}
      <ul className="plain-list">
        {officials.data?.items.map((o) => (
          <li key={o.personId} className="row">
            <span><Link href={`/people/${o.personId}`}>{o.name}</Link> · {t(`roles.${o.role}`)} <span className="muted">{t('unit.since', { date: format.date(o.since) })}</span></span>
            {manage && (
              <button type="button" className="secondary small" disabled={end.busy}
                aria-label={t('unit.endTermOf', { name: o.name })}
                onClick={() => void end.run(() => unwrap(api.DELETE('/api/v1/units/{id}/officials/{personId}', { params: { path: { id: unit.id, personId: o.personId } } })), officials.reload)}>
                {t('unit.endTerm')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {manage && <button type="button" className="secondary" onClick={() => setAppointing(true)}>{t('unit.appoint')}</button>}
      <Dialog
        title={t('unit.appointTitle', { unit: unit.name })} open={appointing} onClose={close} busy={appoint.busy || !person}
        submitLabel={t('unit.appoint')}
        onSubmit={() => person && appoint.run(() => unwrap(api.POST('/api/v1/units/{id}/officials', { params: { path: { id: unit.id } }, body: { personId: person.id, role } })), () => { close(); officials.reload(); })}
      >
        {person
          ? <p>{t('unit.chosenPerson')}: <strong>{person.name}</strong> ({person.detail}) <button type="button" className="link" onClick={() => setPerson(null)}>{t('common.change')}</button></p>
          : <SearchBox label={t('unit.findPerson')} kind="person" onSelect={setPerson} />}
        <div className="field">
          <label htmlFor="appoint-role">{t('unit.role')}</label>
          <select id="appoint-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        </div>
        <ErrorMessage error={appoint.error} />
      </Dialog>
    </section>
  );
}
