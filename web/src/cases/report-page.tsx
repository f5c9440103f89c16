import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { CaseKindFields, type Urgency } from './case-fields';
import { PhotoPicker, usePhotoProblem } from './case-photos';
import { useAreaStep } from './report-area-step';
import { Field } from '../components/field';
import { LanguageSwitch } from '../components/layout';
import { ErrorMessage, Loading } from '../components/status';
import { usePageTitle } from '../components/page-title';
import { TrackingLink } from './tracking-link';

/** The public form: anyone brings a difficulty, no account, and leaves with a tracking link. */
export function ReportPage() {
  const { t } = useTranslation();
  const categories = useApi('public-categories', () => unwrap(api.GET('/api/v1/public/categories')));
  const [category, setCategory] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const areaStep = useAreaStep(address);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const photoProblem = usePhotoProblem(photos);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ reference: string; trackingToken: string } | null>(null);
  const [sentTo, setSentTo] = useState('');
  usePageTitle(t('report.title'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // An address that matches no unit: the resident picks their area first (issue 14, item 6).
      if (!(await areaStep.ready())) return;
      const requester = { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
      const body = {
        categoryCode: category, description, urgency,
        ...(address ? { address } : {}), ...areaStep.fields, ...(Object.keys(requester).length ? { requester } : {}),
      };
      // With photos the same body travels as the `case` field of a multipart form, beside the files.
      setSentTo(email);
      setCreated(await unwrap(photos.length
        ? api.POST('/api/v1/public/cases', {
          body: { case: JSON.stringify(body) },
          bodySerializer: () => {
            const form = new FormData();
            form.append('case', JSON.stringify(body));
            for (const photo of photos) form.append('photos', photo);
            return form;
          },
        })
        : api.POST('/api/v1/public/cases', { body })));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="public-page" tabIndex={-1}>
      <div className="brand-row"><span className="brand">Mainstay</span><LanguageSwitch /></div>
      <h1>{t('report.title')}</h1>
      {created ? (
        <TrackingLink reference={created.reference} token={created.trackingToken} emailedTo={sentTo} />
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <p>{t('report.explain')}</p>
          {categories.loading && <Loading />}
          <ErrorMessage error={categories.error} />
          <CaseKindFields categories={categories.data?.items} choose={t('reportDone.chooseCategory')} category={category} onCategory={setCategory} urgency={urgency} onUrgency={setUrgency} />
          <div className="field">
            <label htmlFor="report-description">{t('report.description')}</label>
            <textarea id="report-description" required rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <Field label={t('report.address')} hint={t('report.addressHint')} value={address} onChange={(e) => setAddress(e.target.value)} />
          {areaStep.element}
          <PhotoPicker photos={photos} onChange={setPhotos} problem={photoProblem} />
          <fieldset>
            <legend>{t('report.contact')}</legend>
            <Field label={t('person.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            <Field label={t('person.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            <Field label={t('person.phone')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </fieldset>
          <ErrorMessage error={error} />
          <button type="submit" disabled={busy || !categories.data?.items.length || !category || photoProblem !== null}>{t('report.submit')}</button>
        </form>
      )}
    </main>
  );
}
