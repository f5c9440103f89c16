import { sql } from 'kysely';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import type { CaseStatus } from '../../db/schema-cases.ts';

export interface CaseEvent {
  kind: string;
  public: boolean;
  fromStatus?: CaseStatus | undefined;
  toStatus?: CaseStatus | undefined;
  fromUnitId?: string | undefined;
  toUnitId?: string | undefined;
  note?: string | undefined;
  details?: Record<string, unknown>;
  at?: Date;
}

/** One entry in the case's timeline, in the command's transaction. */
export const addCaseEvent = (ctx: Ctx, caseId: string, event: CaseEvent): Promise<void> => addCaseEvents(ctx, caseId, [event]);

/** Several entries in one statement; they take their ids, and so their timeline order, as listed. */
export async function addCaseEvents(ctx: Ctx, caseId: string, events: CaseEvent[]): Promise<void> {
  await ctx.db.insertInto('case_events').values(events.map((event) => ({
    case_id: caseId, at: event.at ?? ctx.clock.now(), kind: event.kind, public: event.public,
    actor_label: ctx.actor.label, actor_account_id: ctx.actor.accountId,
    from_status: event.fromStatus ?? null, to_status: event.toStatus ?? null,
    from_unit_id: event.fromUnitId ?? null, to_unit_id: event.toUnitId ?? null,
    note: event.note ?? null, details: JSON.stringify(event.details ?? {}),
  }))).execute();
}

/**
 * The case row locked for a change, read past row-level security so the policy can
 * decide on the truth (a refusal outside scope then reads like a missing case).
 */
export async function lockCase(ctx: Ctx, caseId: string) {
  const row = await withSystemScope(ctx, () =>
    ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst());
  if (!row) throw notFound('case', caseId);
  return row;
}

/** The id of the case with this reference, read past row-level security (the caller decides who may see it). */
export async function caseIdByReference(ctx: Ctx, reference: string): Promise<string> {
  const row = await withSystemScope(ctx, () =>
    ctx.db.selectFrom('cases').select('id').where('reference', '=', reference.trim().toUpperCase()).executeTakeFirst());
  if (!row) throw notFound('case', reference);
  return row.id;
}

/** A unit's place, for moving a case's ownership. */
export async function unitPath(ctx: Ctx, unitId: string) {
  const unit = await withSystemScope(ctx, () =>
    ctx.db.selectFrom('units').select(['id', 'name', 'parent_id', 'ancestor_ids', 'closed_at']).where('id', '=', unitId).executeTakeFirst());
  return unit ? { ...unit, path: [...unit.ancestor_ids, unit.id] } : undefined;
}

export const unionPath = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Short, readable and unambiguous (no 0/O, 1/I/L): what a person reads out on the phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newReference(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `C-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export const isOverdueSql = (now: Date) => sql<boolean>`(status = 'new' and acknowledge_due_at < ${now})
  or (status in ('acknowledged', 'in_progress', 'reopened') and resolve_due_at < ${now})`;
