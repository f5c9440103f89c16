import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, ApiError, unwrap } from '../api/client';
import { Field } from '../components/field';
import { LanguageSwitch } from '../components/layout';
import { ErrorMessage } from '../components/status';
import { usePageTitle } from '../components/page-title';

/** A lost tracking link: the reference and the contact given → a new link sent there, never shown here. */
export function RecoverPage() {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('recover.title'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/public/track/recover', { body: { reference: reference.trim(), contact: contact.trim() } }));
      setSent(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="public-page" tabIndex={-1}>
      <div className="brand-row"><span className="brand">Mainstay</span><LanguageSwitch /></div>
      <h1>{t('recover.title')}</h1>
      {sent ? (
        <p role="status">{t('recover.sent')}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <p>{t('recover.explain')}</p>
          <Field label={t('recover.reference')} hint={t('recover.referenceHint')} required autoComplete="off" value={reference} onChange={(e) => setReference(e.target.value)} />
          <Field label={t('recover.contact')} required autoComplete="email" value={contact} onChange={(e) => setContact(e.target.value)} />
          <ErrorMessage error={error} />
          <button type="submit" disabled={busy}>{t('recover.submit')}</button>
        </form>
      )}
      <p className="hint">{t('recover.noSms')}</p>
      <p><Link href="/report">{t('recover.report')}</Link></p>
    </main>
  );
}
