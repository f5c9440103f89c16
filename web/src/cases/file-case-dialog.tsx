import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { CaseKindFields, type Urgency } from './case-fields';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';

/** An official files a case for someone (after a visit or a phone call); it is routed like any other. */
export function FileCaseDialog({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const categories = useApi('categories', () => unwrap(api.GET('/api/v1/categories')));
  const [category, setCategory] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const action = useAction();
  const chosen = category || categories.data?.items[0]?.code || '';
  const requester = { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  return (
    <Dialog title={t('cases.fileTitle')} open onClose={onClose} submitLabel={t('cases.file')} busy={action.busy || !chosen}
      onSubmit={() => action.run(async () => {
        const created = await unwrap(api.POST('/api/v1/cases', {
          body: {
            categoryCode: chosen, urgency, description, receivedByUnitId: unitId,
            ...(address ? { address } : {}), ...(Object.keys(requester).length ? { requester } : {}),
          },
        }));
        navigate(`/cases/${created.id}`);
      })}>
      <ErrorMessage error={categories.error} />
      <CaseKindFields categories={categories.data?.items} category={chosen} onCategory={setCategory} urgency={urgency} onUrgency={setUrgency} />
      <div className="field">
        <label htmlFor="file-description">{t('report.description')}</label>
        <textarea id="file-description" rows={4} required value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <Field label={t('report.address')} value={address} onChange={(e) => setAddress(e.target.value)} />
      <Field label={t('cases.requesterName')} value={name} onChange={(e) => setName(e.target.value)} />
      <Field label={t('person.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      <Field label={t('person.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}
