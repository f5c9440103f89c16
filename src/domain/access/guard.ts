import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { withSystemScope } from '../context.ts';
import { AccessDenied, forbidden } from '../errors.ts';
import { operatorPolicy, type OperatorAction, type Placed, type PlacedPerson } from './policy.ts';

/**
 * Where a unit sits in the tree, read past row-level security: the policy needs
 * the true place of a target to decide, including one it will then refuse.
 * Returns ids only, never content.
 */
export async function placeUnit(ctx: Ctx, unitId: string): Promise<Placed | undefined> {
  const row = await withSystemScope(ctx, () =>
    ctx.db.selectFrom('units').select(['id', 'ancestor_ids']).where('id', '=', unitId).executeTakeFirst());
  return row ? { id: row.id, ancestorIds: row.ancestor_ids } : undefined;
}

export async function placePerson(ctx: Ctx, personId: string): Promise<PlacedPerson | undefined> {
  const row = await withSystemScope(ctx, () =>
    ctx.db.selectFrom('people as p').innerJoin('units as c', 'c.id', 'p.cell_id')
      .select(['p.id', 'c.id as cell_id', 'c.ancestor_ids']).where('p.id', '=', personId).executeTakeFirst());
  return row ? { id: row.id, cell: { id: row.cell_id, ancestorIds: row.ancestor_ids } } : undefined;
}

/**
 * Refuses unless `allowed`. Outside what the actor may read, the refusal is the
 * same 404 a missing object gets; inside it, a 403.
 */
export function authorize(allowed: boolean, readable: boolean, what: string, id: string, action: string): void {
  if (!allowed) throw new AccessDenied(what, id, action, readable);
}

const OPERATOR_REFUSALS: Record<OperatorAction, string> = {
  configure_categories: 'Categories are configured by administrators.',
  import_organization: 'Importing is for administrators.',
  verify_audit: 'Verifying the trail is for administrators.',
  move_test_clock: 'Moving the test clock is for administrators.',
  read_audit: 'The audit trail is for administrators and officials.',
};

/** Refuses (403, audited) unless the actor may use this tool of the installation. */
export function authorizeOperator(ctx: Ctx, action: OperatorAction): void {
  if (!operatorPolicy[action](ctx.actor)) throw forbidden(action, OPERATOR_REFUSALS[action]);
}

/**
 * The list filter: which of these units the actor may read, in one query — the
 * application's own filter, evaluated past row-level security so that it stands
 * on its own (the property test holds it to the single-object policy).
 */
export async function readableUnitIds(ctx: Ctx, unitIds: string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const { actor } = ctx;
  const rows = await withSystemScope(ctx, () =>
    sql<{ id: string }>`
      select id from units
       where id = any(${unitIds}::uuid[])
         and (${actor.isAdmin} or id = any(${actor.officialUnitIds}::uuid[])
              or ancestor_ids && ${actor.officialUnitIds}::uuid[] or id = ${actor.cellId}::uuid)`.execute(ctx.db));
  return new Set(rows.rows.map((r) => r.id));
}
