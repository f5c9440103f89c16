import { useTranslation } from 'react-i18next';
import { api, unwrap } from './client';
import { useApi } from './use-api';

export interface Level { depth: number; key: string; name: string }

let cached: Promise<Level[]> | undefined;

/** The configured levels, top first (read once per page load: they change only while the tree is empty). */
export function useLevels() {
  const loaded = useApi('levels', () => {
    cached ??= unwrap(api.GET('/api/v1/levels')).then((r) => r.items).catch((error: unknown) => { cached = undefined; throw error; });
    return cached;
  });
  const { t } = useTranslation();
  const levels = loaded.data ?? [];
  return {
    levels,
    /** The configured name, in the reader's language where the key is one we translate. */
    levelName: (key: string) => t(`levels.${key}`, { defaultValue: levels.find((l) => l.key === key)?.name ?? key }),
    cellLevel: levels.at(-1)?.key,
  };
}
