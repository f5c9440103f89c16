import { useTranslation } from 'react-i18next';

/** "due in 3 hours" / "was due 2 days ago", in the reader's language (Intl.RelativeTimeFormat). */
export function useDueIn() {
  const { t, i18n } = useTranslation();
  return (dueAt: string | null, now = Date.now()) => {
    if (!dueAt) return t('queue.noDue');
    const ms = new Date(dueAt).getTime() - now;
    const minutes = Math.round(ms / 60_000);
    const [value, unit]: [number, Intl.RelativeTimeFormatUnit] = Math.abs(minutes) < 60 ? [minutes, 'minute']
      : Math.abs(minutes) < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
    const when = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }).format(value, unit);
    return t(ms < 0 ? 'queue.dueAgo' : 'queue.dueIn', { when });
  };
}

/** The reader's name of a category: the translation in their language, else the configured name — never the code. */
export function useCategoryName() {
  const { i18n } = useTranslation();
  return (category: { name: string; names: Record<string, string> }) => category.names[i18n.language] ?? category.name;
}
