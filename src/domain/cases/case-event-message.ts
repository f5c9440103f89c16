/**
 * A timeline entry the system wrote (routing, escalation, reminders) as a message key and
 * its parameters, so the reader sees it in their language (issue 14, item 10). The stored
 * note is English and stays as written (the trail of what was said); these patterns are
 * the sentences route-case.ts, escalate-overdue.ts and remind-owners.ts write, so older
 * entries are translated too. An entry that matches none keeps its note.
 */
export interface SystemMessage { key: string; params: Record<string, string> }

const ROUTING: Array<[RegExp, string, string[]]> = [
  [/^the place lies in the service area of (.+)$/s, 'routed_area', ['unit']],
  [/^the address names (.+), a locality of (.+)$/s, 'routed_locality', ['locality', 'unit']],
  [/^a member's own request goes to their cell, (.+)$/s, 'routed_own_cell', ['unit']],
  [/^the place could not be matched to a unit, so the case waits in the triage queue of (.+)$/s, 'triage_unmatched', ['unit']],
];

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function caseSystemMessage(e: { kind: string; note: string | null; details: unknown }): SystemMessage | null {
  const details = (e.details && typeof e.details === 'object' ? e.details : {}) as Record<string, unknown>;
  const note = e.note ?? '';
  if (e.kind === 'routed' || e.kind === 'triage') {
    for (const [pattern, key, names] of ROUTING) {
      const m = pattern.exec(note);
      if (m) return { key, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) };
    }
    return null;
  }
  if (e.kind === 'escalated' && details.deadline) {
    return { key: 'escalated', params: { deadline: text(details.deadline), dueAt: text(details.dueAt), unit: /rose to (.+)\.$/s.exec(note)?.[1] ?? '' } };
  }
  if (e.kind === 'reminded' && details.deadline) {
    return { key: 'reminded', params: { deadline: text(details.deadline), count: /^(\d+) official/.exec(note)?.[1] ?? '' } };
  }
  return null;
}

/** The note as stored, and for a system-written one its message key too (the web words that in the reader's language). */
export function withMessage(e: { kind: string; note: string | null; details: unknown }) {
  return { note: e.note, message: caseSystemMessage(e) };
}
