import { mailEn } from './mail-en.ts';
import { mailKo } from './mail-ko.ts';

export const MAIL_LANGUAGES = ['en', 'ko'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export type MailKey = keyof typeof mailEn;

const CATALOGUES: Record<MailLanguage, Record<MailKey, string>> = { en: mailEn, ko: mailKo };

/** The installation's language (MAINSTAY_LANGUAGE, else English): for people who chose none. */
export function installationLanguage(): MailLanguage {
  const configured = process.env.MAINSTAY_LANGUAGE;
  return configured === 'ko' || configured === 'en' ? configured : 'en';
}

/** A recipient's language: their own if they have one, else the installation's. */
export function mailLanguage(language: string | null | undefined): MailLanguage {
  return language === 'en' || language === 'ko' ? language : installationLanguage();
}

/** One template of the mail catalogue in a language, its {{values}} filled in. */
export function mailText(language: MailLanguage, key: MailKey, values: Record<string, string> = {}): string {
  return CATALOGUES[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

/** A UTC time as mails write it: 2026-01-05 09:00. */
export const mailTime = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');
