import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { Field } from '../components/field';
import { LanguageSwitch } from '../components/layout';
import { ErrorMessage } from '../components/status';
import { useSession } from '../session';
import { usePageTitle } from '../components/page-title';

export function SignInPage({ reason }: { reason?: 'expired' | 'signed-out' | undefined }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('signIn.title'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <div className="brand-row"><span className="brand">Mainstay</span><LanguageSwitch /></div>
      <h1>{t('signIn.title')}</h1>
      {reason === 'expired' && <p className="notice" role="status">{t('signIn.expired')}</p>}
      {reason === 'signed-out' && <p className="notice" role="status">{t('signIn.signedOut')}</p>}
      <form onSubmit={(event) => void submit(event)}>
        <Field label={t('signIn.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field label={t('signIn.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>{busy ? t('signIn.signingIn') : t('signIn.submit')}</button>
      </form>
      <p><Link href="/forgot-password">{t('passwordLink.forgotLink')}</Link></p>
      <p><Link href="/report">{t('signInLinks.report')}</Link></p>
      <p><Link href="/track">{t('signInLinks.recover')}</Link></p>
    </main>
  );
}
