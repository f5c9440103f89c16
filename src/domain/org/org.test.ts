import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { addMembers, buildSmallTree, run, type SmallTree } from '../../../test/factories.ts';
import { recountInJs } from '../../../test/recount.ts';
import { DomainError } from '../errors.ts';
import { closeUnit } from './close-unit.ts';
import { createUnit } from './create-unit.ts';
import { getUnit } from './get-unit.ts';
import { listChildren } from './list-children.ts';
import { moveUnit } from './move-unit.ts';
import { renameUnit } from './rename-unit.ts';
import { transferPerson } from '../people/transfer-person.ts';

let database: Database;
let tree: SmallTree;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
});
afterAll(() => database?.close());

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
};

async function expectCountsTrue() {
  const { expected, actual } = await recountInJs(database);
  expect(actual).toEqual(expected);
}

describe('the organization tree', () => {
  it('counts units, cells and members of every subtree', async () => {
    await addMembers(database, tree.cells[0]!, 3);
    await addMembers(database, tree.cells[7]!, 2);
    const root = await run(database, (ctx) => getUnit(ctx, tree.root));
    expect(root.counts).toEqual({ units: 14, cells: 8, members: 5 });
    const region = await run(database, (ctx) => getUnit(ctx, tree.regions[1]!));
    expect(region.counts).toEqual({ units: 6, cells: 4, members: 2 });
    expect(region.ancestors.map((a) => a.id)).toEqual([tree.root]);
    await expectCountsTrue();
  });

  it('moves a subtree with its counts, and refuses a move under its own descendant', async () => {
    const moved = await run(database, (ctx) => moveUnit(ctx, tree.districts[0]!, { parentId: tree.regions[1]! }));
    expect(moved.moved).toBe(3);
    const r0 = await run(database, (ctx) => getUnit(ctx, tree.regions[0]!));
    const r1 = await run(database, (ctx) => getUnit(ctx, tree.regions[1]!));
    expect(r0.counts).toEqual({ units: 3, cells: 2, members: 0 });
    expect(r1.counts).toEqual({ units: 9, cells: 6, members: 5 });
    const cell = await run(database, (ctx) => getUnit(ctx, tree.cells[0]!));
    expect(cell.ancestors.map((a) => a.id)).toEqual([tree.root, tree.regions[1], tree.districts[0]]);
    expect(await codeOf(run(database, (ctx) => moveUnit(ctx, tree.regions[1]!, { parentId: tree.districts[0]! })))).toBe('move_under_descendant');
    expect(await codeOf(run(database, (ctx) => moveUnit(ctx, tree.cells[1]!, { parentId: tree.cells[2]! })))).toBe('level_not_below_parent');
    expect(await codeOf(run(database, (ctx) => moveUnit(ctx, tree.root, { parentId: tree.regions[0]! })))).toBe('move_root');
    await expectCountsTrue();
  });

  it('closes only empty units, keeps them, and drops them from counts and lists', async () => {
    expect(await codeOf(run(database, (ctx) => closeUnit(ctx, tree.cells[0]!)))).toBe('unit_not_empty');
    expect(await codeOf(run(database, (ctx) => closeUnit(ctx, tree.districts[3]!)))).toBe('unit_not_empty');
    await run(database, (ctx) => closeUnit(ctx, tree.cells[6]!));
    const closed = await run(database, (ctx) => getUnit(ctx, tree.cells[6]!));
    expect(closed.status).toBe('closed');
    const district = await run(database, (ctx) => getUnit(ctx, tree.districts[3]!));
    expect(district.counts.cells).toBe(1);
    const children = await run(database, (ctx) => listChildren(ctx, tree.districts[3]!, {}));
    expect(children.items.map((c) => c.id)).toEqual([tree.cells[7]]);
    expect(await codeOf(run(database, (ctx) => createUnit(ctx, { parentId: tree.cells[6]!, name: 'x', level: 'cell' })))).toBe('unit_closed');
    await expectCountsTrue();
  });

  it('transfers members between cells with counts on both paths', async () => {
    const [person] = await addMembers(database, tree.cells[2]!, 1, 'Mover');
    await run(database, (ctx) => transferPerson(ctx, person!, { cellId: tree.cells[7]! }));
    expect(await codeOf(run(database, (ctx) => transferPerson(ctx, person!, { cellId: tree.cells[7]! })))).toBe('already_in_cell');
    expect(await codeOf(run(database, (ctx) => transferPerson(ctx, person!, { cellId: tree.districts[1]! })))).toBe('not_a_cell');
    expect(await codeOf(run(database, (ctx) => transferPerson(ctx, person!, { cellId: tree.cells[6]! })))).toBe('unit_closed');
    await expectCountsTrue();
  });

  it('refuses bad levels, a second root, and renames with an audit entry', async () => {
    expect(await codeOf(run(database, (ctx) => createUnit(ctx, { parentId: null, name: 'Other', level: 'central' })))).toBe('root_exists');
    expect(await codeOf(run(database, (ctx) => createUnit(ctx, { parentId: tree.root, name: 'x', level: 'galaxy' })))).toBe('unknown_level');
    expect(await codeOf(run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[1]!, name: 'x', level: 'region' })))).toBe('level_not_below_parent');
    await run(database, (ctx) => renameUnit(ctx, tree.regions[0]!, { name: 'Northern Region' }));
    const audit = await database.db.selectFrom('audit_events').selectAll().where('target_id', '=', tree.regions[0]!).where('action', '=', 'unit.rename').execute();
    expect(audit).toHaveLength(1);
    expect([audit[0]!.before, audit[0]!.after]).toEqual([{ name: 'Region 0' }, { name: 'Northern Region' }]);
  });

  it('pages children with a cursor', async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await run(database, (ctx) => listChildren(ctx, tree.regions[1]!, { limit: 1, cursor }));
      names.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(['District 0.0', 'District 1.0', 'District 1.1']);
  });
});
