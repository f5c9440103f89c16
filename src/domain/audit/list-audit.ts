import { sql } from 'kysely';
import { authorizeOperator, placePerson, placeUnit } from '../access/guard.ts';
import { inScope, personPolicy, unitPolicy } from '../access/policy.ts';
import type { ReadCtx } from '../context.ts';
import { AccessDenied } from '../errors.ts';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page, type PageRequest } from '../pagination.ts';

export interface AuditItem {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  unitId: string | null;
  details: unknown;
  before: unknown;
  after: unknown;
  requestId: string | null;
  chained: boolean;
}

/**
 * The trail, newest first: of one entity (a unit or a person), or everything the
 * actor may see. Administrators and officials only; row-level security keeps an
 * official to the events of units in their scope.
 */
export async function listAudit(ctx: ReadCtx, input: PageRequest & { entity?: string | undefined }): Promise<Page<AuditItem>> {
  if (input.entity) {
    const unit = await placeUnit(ctx, input.entity);
    const person = unit ? undefined : await placePerson(ctx, input.entity);
    const where = unit ?? person?.cell;
    if (!where || !inScope(ctx.actor, where)) {
      const readable = unit ? unitPolicy.read(ctx.actor, unit) : person ? personPolicy.read(ctx.actor, person) : false;
      throw new AccessDenied('entity', input.entity, 'read_audit', readable);
    }
  }
  authorizeOperator(ctx, 'read_audit');
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 1);
  let query = ctx.db.selectFrom('audit_events')
    .select(['id', 'at', 'actor_label', 'action', 'target_type', 'target_id', 'unit_id', 'details', 'before', 'after', 'request_id', 'chain_seq']);
  if (input.entity) query = query.where((eb) => eb.or([eb('target_id', '=', input.entity!), eb('unit_id', '=', input.entity!)]));
  if (after) query = query.where(sql<boolean>`id < ${Number(after[0])}`);
  const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [String(r.id)]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id, at: r.at.toISOString(), actor: r.actor_label, action: r.action, targetType: r.target_type,
      targetId: r.target_id, unitId: r.unit_id, details: r.details, before: r.before ?? null, after: r.after ?? null,
      requestId: r.request_id, chained: r.chain_seq !== null,
    })),
  };
}
