import type { Database } from '../src/db/database.ts';

/**
 * The oracle for directive rollups: every unit's figures counted afresh from the
 * assignment rows and the current tree (read as the owner, past row-level security),
 * in the shape the rollup tables hold — each unit's descendants, not itself.
 */
export async function recountDirective(database: Database, directiveId: string) {
  const units = new Map((await database.db.selectFrom('units').select(['id', 'ancestor_ids']).execute()).map((u) => [u.id, u.ancestor_ids]));
  const assignments = await database.db.selectFrom('assignments').selectAll().where('directive_id', '=', directiveId).execute();
  const figures = await database.db.selectFrom('assignment_items as i').innerJoin('assignments as a', 'a.id', 'i.assignment_id')
    .select(['a.unit_id', 'i.idx', 'i.value', 'i.percent']).where('a.directive_id', '=', directiveId).execute();
  const counts: Record<string, { received: number; acknowledged: number; in_progress: number; done: number; blocked: number; overdue: number }> = {};
  for (const a of assignments) {
    for (const ancestor of units.get(a.unit_id)!) {
      const c = (counts[ancestor] ??= { received: 0, acknowledged: 0, in_progress: 0, done: 0, blocked: 0, overdue: 0 });
      c[a.status] += 1;
      if (a.overdue_since !== null && a.status !== 'done') c.overdue += 1;
    }
  }
  const items: Record<string, { reported: number; value: number; percent: number }> = {};
  for (const f of figures) {
    for (const ancestor of units.get(f.unit_id)!) {
      const x = (items[`${ancestor}/${f.idx}`] ??= { reported: 0, value: 0, percent: 0 });
      x.reported += 1;
      x.value += Number(f.value ?? 0);
      x.percent += Number(f.percent ?? 0);
    }
  }
  return { counts, figures: items };
}
