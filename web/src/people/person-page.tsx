import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useLevels } from '../api/levels';
import type { paths } from '../api/schema';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { SearchBox, type SearchOption } from '../components/search-box';
import { TableWrap } from '../components/table-wrap';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';

type Person = paths['/api/v1/people/{id}']['get']['responses'][200]['content']['application/json'];

/** A person: contact details, current cell, roles and the whole history of their memberships and roles. */
export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const person = useApi(id, () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id } } })));
  const history = useApi(`history|${id}|${person.data?.cellId ?? ''}|${person.data?.roles.length ?? 0}`, () =>
    unwrap(api.GET('/api/v1/people/{id}/history', { params: { path: { id } } })));
  const [open, setOpen] = useState<'edit' | 'transfer' | null>(null);
  usePageTitle(person.data?.name);

  if (person.error) return <><h1>{t('person.title')}</h1><ErrorMessage error={person.error} /></>;
  if (!person.data) return <Loading />;
  const p = person.data;
  const done = () => { setOpen(null); person.reload(); };
  return (
    <>
      <div className="page-title">
        <h1>{p.name}</h1>
        <p className="subtitle">{t('person.memberOf')} <Link href={`/units/${p.cell.id}`}>{p.cell.name}</Link> · {t('unit.since', { date: format.date(p.memberSince) })}</p>
      </div>
      <div className="toolbar" role="group" aria-label={t('person.actions')}>
        {p.abilities.update && <button type="button" className="secondary" onClick={() => setOpen('edit')}>{t('person.edit')}</button>}
        {p.abilities.transfer && <button type="button" onClick={() => setOpen('transfer')}>{t('person.transfer')}</button>}
      </div>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('person.details')}</h2>
        <dl className="details">
          <dt>{t('person.email')}</dt><dd>{p.email ?? '—'}</dd>
          <dt>{t('person.phone')}</dt><dd>{p.phone ?? '—'}</dd>
          <dt>{t('person.birthYear')}</dt><dd>{p.birthYear ?? '—'}</dd>
        </dl>
      </section>
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('person.roles')}</h2>
        {p.roles.length === 0 ? <Empty>{t('person.noRoles')}</Empty> : (
          <ul className="plain-list">
            {p.roles.map((r) => <li key={`${r.unitId}-${r.role}`}>{t(`roles.${r.role}`)} · <Link href={`/units/${r.unitId}`}>{r.unitName}</Link> <span className="muted">{t('unit.since', { date: format.date(r.since) })}</span></li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('person.history')}</h2>
        <ErrorMessage error={history.error} />
        {history.loading && !history.data && <Loading />}
        {history.data && (
          <TableWrap labelledBy="history-heading">
            <table>
              <thead><tr><th scope="col">{t('person.what')}</th><th scope="col">{t('person.unit')}</th><th scope="col">{t('person.from')}</th><th scope="col">{t('person.until')}</th></tr></thead>
              <tbody>
                {history.data.items.map((h, index) => (
                  <tr key={index}>
                    <td>{h.kind === 'membership' ? t('person.membership') : t(`roles.${h.role ?? 'official'}`)}</td>
                    <td>{h.unitName}</td>
                    <td>{format.date(h.startedAt)}</td>
                    <td>{h.endedAt ? format.date(h.endedAt) : t('person.now')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <p><Link href={`/audit?person=${p.id}`}>{t('person.auditTrail')}</Link></p>
      </section>
      {open === 'edit' && <EditDialog person={p} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'transfer' && <TransferDialog person={p} onClose={() => setOpen(null)} onDone={done} />}
    </>
  );
}

function EditDialog({ person, onClose, onDone }: { person: Person; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(person.name);
  const [email, setEmail] = useState(person.email ?? '');
  const [phone, setPhone] = useState(person.phone ?? '');
  const [birthYear, setBirthYear] = useState(person.birthYear?.toString() ?? '');
  const action = useAction();
  const body = {
    name,
    email: email.trim() || null,
    phone: phone.trim() || null,
    birthYear: birthYear.trim() ? Number(birthYear) : null,
  };
  return (
    <Dialog title={t('person.editTitle')} open onClose={onClose} submitLabel={t('common.save')} busy={action.busy}
      onSubmit={() => action.run(() => unwrap(api.PATCH('/api/v1/people/{id}', { params: { path: { id: person.id } }, body })), onDone)}>
      <Field label={t('person.name')} required value={name} onChange={(e) => setName(e.target.value)} />
      <Field label={t('person.email')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      <Field label={t('person.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      <Field label={t('person.birthYear')} inputMode="numeric" pattern="[0-9]{4}" value={birthYear} onChange={(e) => setBirthYear(e.target.value)} />
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

function TransferDialog({ person, onClose, onDone }: { person: Person; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { cellLevel } = useLevels();
  const [cell, setCell] = useState<SearchOption | null>(null);
  const action = useAction();
  return (
    <Dialog title={t('person.transferTitle', { name: person.name })} open onClose={onClose} submitLabel={t('person.transferConfirm')} busy={action.busy || !cell}
      onSubmit={() => cell && action.run(() => unwrap(api.POST('/api/v1/people/{id}/transfer', { params: { path: { id: person.id } }, body: { cellId: cell.id } })), onDone)}>
      <p>{t('person.currentCell')}: <strong>{person.cell.name}</strong></p>
      {cell
        ? <p>{t('person.newCell')}: <strong>{cell.name}</strong> ({cell.detail}) <button type="button" className="link" onClick={() => setCell(null)}>{t('common.change')}</button></p>
        : <SearchBox label={t('person.findCell')} kind="unit" level={cellLevel} onSelect={setCell} exclude={(o) => o.id === person.cellId} />}
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}
