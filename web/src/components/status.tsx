import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return <p className="status" role="status" aria-live="polite">{t('common.loading')}</p>;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/**
 * The message of an error in the reader's language: the catalogue's entry for its `code`
 * (en-errors.ts, ko-errors.ts — every code the server sends has one, checked by
 * test/i18n-catalogues.test.ts). In English the server's own message is shown where it
 * has one, as it names the field or the value at fault.
 */
export function ErrorMessage({ error }: { error: ApiError | Error | undefined | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = 'code' in error ? String(error.code) : 'unexpected';
  const key = `errors.${code}`;
  const details = 'details' in error ? error.details : {};
  const fromServer = 'status' in error && error.message ? error.message : undefined;
  const english = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  const message = english && fromServer ? fromServer : i18n.exists(key) ? t(key, details) : fromServer ?? t('errors.unexpected');
  return <p className="error" role="alert">{message}</p>;
}
