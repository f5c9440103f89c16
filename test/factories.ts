import type { Database } from '../src/db/database.ts';
import { systemActor, transact, type Actor, type Ctx } from '../src/domain/context.ts';
import { createUnit } from '../src/domain/org/create-unit.ts';
import { createPerson } from '../src/domain/people/create-person.ts';
import { fixedClock } from '../src/platform/clock.ts';

export const testActor: Actor = systemActor('test');
export const testClock = fixedClock('2026-01-05T09:00:00Z');

/** Runs one command in its own transaction, as the transports do. */
export const run = <T>(database: Database, fn: (ctx: Ctx) => Promise<T>) => transact(database, testActor, testClock, fn);

export interface SmallTree {
  root: string;
  regions: string[];
  districts: string[];
  cells: string[];
}

/** central → 2 regions → 2 districts each → 2 cells each (4 levels, 8 cells). */
export async function buildSmallTree(database: Database): Promise<SmallTree> {
  const tree: SmallTree = { root: '', regions: [], districts: [], cells: [] };
  tree.root = (await run(database, (ctx) => createUnit(ctx, { parentId: null, name: 'Centre', level: 'central' }))).id;
  for (let r = 0; r < 2; r++) {
    const region = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.root, name: `Region ${r}`, level: 'region' }))).id;
    tree.regions.push(region);
    for (let d = 0; d < 2; d++) {
      const district = (await run(database, (ctx) => createUnit(ctx, { parentId: region, name: `District ${r}.${d}`, level: 'district' }))).id;
      tree.districts.push(district);
      for (let c = 0; c < 2; c++) {
        tree.cells.push((await run(database, (ctx) => createUnit(ctx, { parentId: district, name: `Cell ${r}.${d}.${c}`, level: 'cell' }))).id);
      }
    }
  }
  return tree;
}

export async function addMembers(database: Database, cellId: string, count: number, prefix = 'Member'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await run(database, (ctx) => createPerson(ctx, { name: `${prefix} ${i}`, cellId }))).id);
  }
  return ids;
}
