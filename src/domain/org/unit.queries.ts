import { sql, type Kysely } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';

/**
 * Locks the given units and all their ancestors, in id order, before a change to
 * the tree or its counters. One rule for every command keeps lock order global, so
 * two commands touching overlapping paths wait for each other instead of
 * deadlocking. A concurrent move can change a path between reading and locking;
 * the loop re-reads until the locked paths are the ones it read.
 */
export async function lockPaths(ctx: Ctx, unitIds: string[]): Promise<Map<string, Unit>> {
  // Ancestors above the actor's scope are locked too: run past row-level security,
  // for ids and counters only; callers check the policy on what they return.
  return withSystemScope(ctx, () => lockPathsInScope(ctx, unitIds));
}

async function lockPathsInScope({ db }: Ctx, unitIds: string[]): Promise<Map<string, Unit>> {
  for (;;) {
    const seen = await db.selectFrom('units').select(['id', 'ancestor_ids']).where('id', 'in', unitIds).execute();
    if (seen.length !== new Set(unitIds).size) {
      const missing = unitIds.find((id) => !seen.some((u) => u.id === id))!;
      throw notFound('unit', missing);
    }
    const all = [...new Set([...unitIds, ...seen.flatMap((u) => u.ancestor_ids)])];
    const locked = await db
      .selectFrom('units')
      .selectAll()
      .where('id', 'in', all)
      .orderBy('id')
      .forNoKeyUpdate()
      .execute();
    const byId = new Map(locked.map((u) => [u.id, u]));
    const stable = seen.every((u) => sameIds(byId.get(u.id)?.ancestor_ids ?? [], u.ancestor_ids));
    if (stable) return byId;
  }
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export interface CountDelta { units?: number; cells?: number; members?: number }

/** Adds deltas to the maintained subtree counters; the rows must be locked by lockPaths. */
export async function adjustCounts(ctx: Ctx, changes: Array<{ unitIds: string[]; delta: CountDelta }>): Promise<void> {
  const totals = new Map<string, { units: number; cells: number; members: number }>();
  for (const { unitIds, delta } of changes) {
    for (const id of unitIds) {
      const t = totals.get(id) ?? { units: 0, cells: 0, members: 0 };
      t.units += delta.units ?? 0;
      t.cells += delta.cells ?? 0;
      t.members += delta.members ?? 0;
      totals.set(id, t);
    }
  }
  const rows = [...totals].filter(([, t]) => t.units !== 0 || t.cells !== 0 || t.members !== 0);
  if (rows.length === 0) return;
  const update = sql`
    update units set
      sub_units = sub_units + d.du,
      sub_cells = sub_cells + d.dc,
      sub_members = sub_members + d.dm
    from unnest(${rows.map(([id]) => id)}::uuid[], ${rows.map(([, t]) => t.units)}::int[],
                ${rows.map(([, t]) => t.cells)}::int[], ${rows.map(([, t]) => t.members)}::int[]) as d(id, du, dc, dm)
    where units.id = d.id`;
  await withSystemScope(ctx, () => update.execute(ctx.db));
}

/** The path from the root down to and including the unit. */
export const pathOf = (unit: Unit) => [...unit.ancestor_ids, unit.id];

/** Whether the organization has any unit at all (operator tools, on the database's own connection). */
export async function hasAnyUnit(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('units').select('id').limit(1).executeTakeFirst()) !== undefined;
}
