import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { Field } from '../components/field';
import { LanguageSwitch } from '../components/layout';
import { ErrorMessage } from '../components/status';
import { usePageTitle } from '../components/page-title';

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)));

/** "Forgot password?": the same answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('passwordLink.forgotHeading'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/password/forgot', { body: { email } }));
      setSent(true);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <div className="brand-row"><span className="brand">Mainstay</span><LanguageSwitch /></div>
      <h1>{t('passwordLink.forgotHeading')}</h1>
      {sent
        ? <p className="ok" role="status">{t('passwordLink.sent')}</p>
        : (
          <form onSubmit={(event) => void submit(event)}>
            <p>{t('passwordLink.forgotExplain')}</p>
            <Field label={t('passwordLink.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            <ErrorMessage error={error} />
            <button type="submit" disabled={busy}>{t('passwordLink.send')}</button>
          </form>
        )}
      <p><a href="/">{t('passwordLink.backToSignIn')}</a></p>
    </main>
  );
}

/** The page an invitation or reset link opens: choose a password (the token is in the path). */
export function SetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('passwordLink.setHeading'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password !== repeat) {
      setError(new ApiError(0, 'mismatch', t('passwordLink.mismatch')));
      return;
    }
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/password/set', { body: { token, password } }));
      setDone(true);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <div className="brand-row"><span className="brand">Mainstay</span><LanguageSwitch /></div>
      <h1>{t('passwordLink.setHeading')}</h1>
      {done
        ? <p className="ok" role="status">{t('passwordLink.done')}</p>
        : !token
          ? <p className="error" role="alert">{t('passwordLink.missingToken')}</p>
          : (
            <form onSubmit={(event) => void submit(event)}>
              <p>{t('passwordLink.setExplain')}</p>
              <Field label={t('passwordLink.newPassword')} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
              <Field label={t('passwordLink.repeatPassword')} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
              <ErrorMessage error={error} />
              <button type="submit" disabled={busy}>{t('passwordLink.save')}</button>
            </form>
          )}
      <p><a href="/">{t('passwordLink.backToSignIn')}</a></p>
    </main>
  );
}
