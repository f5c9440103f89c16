import type { Database } from '../src/db/database.ts';

export interface Counts { units: number; cells: number; members: number }

/**
 * The test oracle for subtree counters: recomputed in JavaScript from the raw rows,
 * independently of the SQL that maintains them.
 */
export async function recountInJs(database: Database): Promise<{ expected: Map<string, Counts>; actual: Map<string, Counts> }> {
  const units = await database.db.selectFrom('units').select(['id', 'parent_id', 'depth', 'closed_at', 'sub_units', 'sub_cells', 'sub_members']).execute();
  const cellDepth = (await database.db.selectFrom('levels').select((eb) => eb.fn.max('depth').as('d')).executeTakeFirstOrThrow()).d;
  const people = await database.db.selectFrom('people').select(['cell_id']).execute();
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const expected = new Map<string, Counts>(units.map((u) => [u.id, { units: 0, cells: 0, members: 0 }]));
  const membersOf = new Map<string, number>();
  for (const p of people) membersOf.set(p.cell_id, (membersOf.get(p.cell_id) ?? 0) + 1);
  for (const u of units) {
    if (u.closed_at) continue;
    const isCell = u.depth === cellDepth ? 1 : 0;
    const members = membersOf.get(u.id) ?? 0;
    for (let at: string | null = u.id; at; at = parentOf.get(at) ?? null) {
      const c = expected.get(at)!;
      if (at !== u.id) c.units++;
      c.cells += isCell;
      c.members += members;
    }
  }
  const actual = new Map(units.map((u) => [u.id, { units: u.sub_units, cells: u.sub_cells, members: u.sub_members }]));
  return { expected, actual };
}
