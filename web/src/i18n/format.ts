import { useTranslation } from 'react-i18next';

/** Numbers and dates in the reader's language (Intl does the work; no locale data is shipped). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  };
}
