import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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
}

/** Reads units with their ancestors in one round trip; order follows `ids`. */
export async function loadUnitViews(db: Kysely<DB>, ids: string[]): Promise<UnitView[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{
    id: string; code: string | null; name: string; level: string; parent_id: string | null;
    sub_units: number; sub_cells: number; sub_members: number; is_cell: boolean;
    created_at: Date; closed_at: Date | null;
    ancestors: Array<{ id: string; name: string; level: string }> | null;
  }>`
    select u.id, u.code, u.name, l.key as level, u.parent_id, u.sub_units, u.sub_cells, u.sub_members,
      u.depth = (select max(depth) from levels) as is_cell, u.created_at, u.closed_at,
      (select json_agg(json_build_object('id', a.id, 'name', a.name, 'level', al.key) order by a.depth)
         from units a join levels al on al.depth = a.depth
        where a.id = any(u.ancestor_ids)) as ancestors
    from units u join levels l on l.depth = u.depth
    where u.id = any(${ids}::uuid[])`.execute(db);
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
      ancestors: r.ancestors ?? [],
      counts: { units: r.sub_units, cells: r.sub_cells, members: r.sub_members },
      isCell: r.is_cell,
      status: r.closed_at ? 'closed' : 'open',
      createdAt: new Date(r.created_at).toISOString(),
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    } satisfies UnitView];
  });
}
