import type { TFunction } from 'i18next';

/** A note the system wrote, from its key, in the reader's language (dates in the reader's format). */
export function systemMessage(t: TFunction, message: { key: string; params: Record<string, string> }, dateTime: (iso: string) => string): string {
  const p = { ...message.params };
  if (p.deadline) p.deadline = t(`caseSystem.deadline.${p.deadline}`, { defaultValue: p.deadline });
  if (p.dueAt) p.dueAt = dateTime(p.dueAt);
  return t(`caseSystem.${message.key}`, { ...p, defaultValue: message.key });
}
