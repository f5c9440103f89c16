import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'mainstay.language';

/** The remembered choice, else the browser's preference, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ko') return stored;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'en',
  resources: { en: { translation: en }, ko: { translation: ko } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

// Level names are configured capitalised ("Cell"); inside an English sentence they read in lower case.
i18next.services.formatter?.add('lowercase', (value: unknown, language: string | undefined) => String(value).toLocaleLowerCase(language));

export { i18next };
