import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return <p className="status" role="status" aria-live="polite">{t('common.loading')}</p>;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/** The server's readable message (never a raw body or stack); a few codes get the reader's language. */
export function ErrorMessage({ error }: { error: ApiError | Error | undefined | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = 'code' in error ? String(error.code) : 'unexpected';
  const key = `errors.${code}`;
  const details = "details" in error ? error.details : {};
  const message = i18n.exists(key) ? t(key, details) : error.message;
  return <p className="error" role="alert">{message}</p>;
}
