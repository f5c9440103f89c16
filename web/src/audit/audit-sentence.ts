import type { TFunction } from 'i18next';

/** What the sentence needs of an event (the API's audit item). */
export interface AuditEventShape {
  action: string;
  actor: string;
  details?: unknown;
  before?: unknown;
  after?: unknown;
  names: Record<'actor' | 'person' | 'unit' | 'subject' | 'from' | 'to', { id: string; name: string } | null>;
}

const field = (o: unknown, key: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The catalogue key of an event kind: `gathering.attendance` → `auditEvent.gathering_attendance`. */
export const eventKey = (action: string) => `auditEvent.${action.replaceAll('.', '_')}`;

/** Who acted, by name when the reader may see them; else the system, a resident, or the recorded label. */
export function actorName(t: TFunction, e: AuditEventShape): string {
  if (e.names.actor) return e.names.actor.name;
  if (e.actor.startsWith('system:') || e.actor.startsWith('cli:')) return t('auditTrail.system');
  if (e.actor.startsWith('public:')) return t('auditTrail.requester');
  return e.actor;
}

/**
 * One event as a sentence in the reader's language, from the event-kind → template
 * catalogue (en-audit.ts, ko-audit.ts). Values that are codes (a status, a role, an
 * answer) are translated through their own catalogues; names the reader may not see
 * become a neutral word.
 */
export function auditSentence(t: TFunction, e: AuditEventShape, exists: (key: string) => boolean): string {
  const value = (prefix: string, code: unknown) => {
    const key = `${prefix}.${text(code)}`;
    return text(code) && exists(key) ? t(key) : text(code);
  };
  const status = field(e.after, 'status');
  const params = {
    actor: actorName(t, e),
    person: e.names.person?.name ?? t('auditTrail.someone'),
    unit: e.names.unit?.name ?? t('auditTrail.aUnit'),
    subject: e.names.subject?.name ?? t('auditTrail.something'),
    from: e.names.from?.name ?? t('auditTrail.aUnit'),
    to: e.names.to?.name ?? t('auditTrail.aUnit'),
    status: e.action.startsWith('gathering.') ? value('attendanceStatus', status) : value('assignmentStatus', status),
    role: value('roles', field(e.details, 'role')),
    rsvp: value('rsvp.said', field(e.after, 'rsvp')),
    stars: text(field(e.details, 'stars')),
    oldName: text(field(e.before, 'name')),
    newName: text(field(e.after, 'name')),
    action: e.action,
  };
  const key = eventKey(e.action);
  return exists(key) ? t(key, params) : t('auditEvent.other', params);
}

/** The families of event kinds the trail filters by (an action's first part). */
export const KIND_FAMILIES = ['person', 'official', 'account', 'session', 'unit', 'case', 'directive', 'assignment', 'gathering', 'category', 'access'] as const;
