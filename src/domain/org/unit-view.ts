import { sql } from 'kysely';
import { unitAbilities, type UnitAbilities } from '../access/policy.ts';
import type { Ctx } from '../context.ts';

/** A unit as every transport shows it. */
export interface UnitView {
  id: string;
  code: string | null;
  name: string;
  level: string;
  parentId: string | null;
  ancestors: Array<{ id: string; name: string; level: string }>;
  counts: { units: number; cells: number; members: number };
  isCell: boolean;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
  /** What the actor may do here, so the web app can hide the rest. */
  abilities: UnitAbilities;
}

/**
 * Reads the units the actor can see, in the order of `ids` (the others are left
 * out), with breadcrumbs: the names of ancestors, which an official needs even
 * above their own unit — names only, read past row-level security.
 */
export async function loadUnitViews(ctx: Ctx, ids: string[]): Promise<UnitView[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{
    id: string; code: string | null; name: string; level: string; parent_id: string | null;
    sub_units: number; sub_cells: number; sub_members: number; is_cell: boolean;
    created_at: Date; closed_at: Date | null;
    ancestor_ids: string[];
  }>`
    select u.id, u.code, u.name, l.key as level, u.parent_id, u.sub_units, u.sub_cells, u.sub_members,
      u.depth = (select max(depth) from levels) as is_cell, u.created_at, u.closed_at, u.ancestor_ids
    from units u join levels l on l.depth = u.depth
    where u.id = any(${ids}::uuid[])`.execute(ctx.db);
  const names = await unitNames(ctx, [...new Set(rows.rows.flatMap((r) => r.ancestor_ids))]);
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      parentId: r.parent_id,
      ancestors: r.ancestor_ids.flatMap((a) => names.get(a) ?? []),
      counts: { units: r.sub_units, cells: r.sub_cells, members: r.sub_members },
      isCell: r.is_cell,
      status: r.closed_at ? 'closed' : 'open',
      createdAt: new Date(r.created_at).toISOString(),
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      abilities: unitAbilities(ctx.actor, { id: r.id, ancestorIds: r.ancestor_ids }),
    } satisfies UnitView];
  });
}

/** Names and levels of units by id, whoever may see them: for breadcrumbs and histories only. */
export async function unitNames(ctx: Ctx, ids: string[]): Promise<Map<string, { id: string; name: string; level: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; name: string; level: string }>`select * from mainstay_unit_names(${ids}::uuid[])`.execute(ctx.db);
  return new Map(rows.rows.map((r) => [r.id, r]));
}
