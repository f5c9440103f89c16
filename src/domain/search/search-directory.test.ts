import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { seedActors, type Role, type SeededActor } from '../../../test/actors.ts';
import { directoryDrift } from '../../../test/directory.ts';
import { buildSmallTree, run, testClock, type SmallTree } from '../../../test/factories.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { transact, type Actor } from '../context.ts';
import { DomainError } from '../errors.ts';
import { closeUnit } from '../org/close-unit.ts';
import { createUnit } from '../org/create-unit.ts';
import { moveUnit } from '../org/move-unit.ts';
import { renameUnit } from '../org/rename-unit.ts';
import { createPerson } from '../people/create-person.ts';
import { listMembers } from '../people/list-members.ts';
import { anonymisePerson } from '../people/person-privacy.ts';
import { transferPerson } from '../people/transfer-person.ts';
import { updatePerson } from '../people/update-person.ts';
import { searchDirectory, type SearchInput } from './search-directory.ts';

let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
const people: Record<string, string> = {};

/*
 * The small tree (Centre → Region 0/1 → District r.d → Cell r.d.c), the seeded
 * actors (all in region 0: officials of region 0, district 0.0, cell 0.0.0, and a
 * member of cell 0.0.0), and people whose names the searches below aim at.
 */
beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  actors = await seedActors(database, tree);
  const place: Array<[string, number]> = [
    ['Ada Lovelace', 0], ['Grace Hopper', 0], ['Ann Lovell', 1], ['Adam Smith', 7], ['Lovisa Ek', 7], ['Per Cent_Sign', 2],
  ];
  for (const [name, cell] of place) people[name] = (await run(database, (ctx) => createPerson(ctx, { name, cellId: tree.cells[cell]! }))).id;
  for (const name of ['Gunnord', 'Nordfield', 'Nord']) {
    await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[0]!, name, level: 'cell' }));
  }
});
afterAll(() => database?.close());

const as = (who: Role | Actor, input: SearchInput) =>
  transact(database, typeof who === 'string' ? actors[who].actor : who, testClock, (ctx) => searchDirectory(ctx, input));
const names = <T extends { name: string }>(items: T[]) => items.map((i) => i.name);

describe('directory search', () => {
  it('finds units and people by any part of the name, whatever the case', async () => {
    const found = await as('admin', { q: 'LOVE' });
    expect(names(found.people).sort()).toEqual(['Ada Lovelace', 'Ann Lovell']);
    const units = await as('admin', { q: 'strict 0.', kind: 'unit' });
    expect(units.units).toEqual([
      { id: tree.districts[0], name: 'District 0.0', level: 'district', isCell: false, path: 'Region 0' },
      { id: tree.districts[1], name: 'District 0.1', level: 'district', isCell: false, path: 'Region 0' },
    ]);
    expect(units.people).toEqual([]);
    const person = (await as('admin', { q: 'hopper', kind: 'person' })).people;
    expect(person).toEqual([{ id: people['Grace Hopper'], name: 'Grace Hopper', cellId: tree.cells[0], cellName: 'Cell 0.0.0', cellPath: 'Region 0 › District 0.0' }]);
  });

  it('puts the whole name first, then word starts, then the rest', async () => {
    expect(names((await as('admin', { q: 'nord', kind: 'unit' })).units)).toEqual(['Nord', 'Nordfield', 'Gunnord']);
    expect(names((await as('admin', { q: 'ada', kind: 'person' })).people)).toEqual(['Ada Lovelace', 'Adam Smith']);
  });

  it('matches word starts only below three characters', async () => {
    expect(names((await as('admin', { q: 'lo', kind: 'person' })).people).sort()).toEqual(['Ada Lovelace', 'Ann Lovell', 'Lovisa Ek']);
    expect(names((await as('admin', { q: 'ov', kind: 'person' })).people)).toEqual([]);
    expect(names((await as('admin', { q: 'ove', kind: 'person' })).people).sort()).toEqual(['Ada Lovelace', 'Ann Lovell']);
  });

  it('takes % and _ literally', async () => {
    expect(names((await as('admin', { q: 't_s', kind: 'person' })).people)).toEqual(['Per Cent_Sign']);
    expect(names((await as('admin', { q: 'a%e', kind: 'person' })).people)).toEqual([]);
  });

  it('stays within the scope: officials their subtree, members their own cell, administrators everything', async () => {
    const everyone = ['Ada Lovelace', 'Adam Smith'];
    expect(names((await as('admin', { q: 'ada', kind: 'person' })).people)).toEqual(everyone);
    expect(names((await as('regionOfficial', { q: 'ada', kind: 'person' })).people)).toEqual(['Ada Lovelace']);
    expect(names((await as('districtOfficial', { q: 'lov', kind: 'person' })).people).sort()).toEqual(['Ada Lovelace', 'Ann Lovell']);
    expect(names((await as('cellSecretary', { q: 'lov', kind: 'person' })).people)).toEqual(['Ada Lovelace']);
    expect(names((await as('member', { q: 'lov', kind: 'person' })).people)).toEqual(['Ada Lovelace']);
    // Units: a district official finds their district and below, never another district.
    expect(names((await as('districtOfficial', { q: 'district', kind: 'unit' })).units)).toEqual(['District 0.0']);
    expect(names((await as('districtOfficial', { q: 'cell 1', kind: 'unit' })).units)).toEqual([]);
    expect(names((await as('member', { q: 'cell', kind: 'unit' })).units)).toEqual(['Cell 0.0.0']);
    expect((await as('admin', { q: 'district', kind: 'unit' })).units).toHaveLength(4);
    // An actor with no scope at all finds nothing.
    const nobody: Actor = { accountId: null, personId: null, label: 'nobody', isAdmin: false, officialUnitIds: [], cellId: null };
    expect(await as(nobody, { q: 'ada' })).toEqual({ units: [], people: [] });
  });

  it('filters units by level, and both kinds by subtree', async () => {
    // Word starts first ("… 1.0.x"), then the rest ("… 0.1.0", "… 1.1.0").
    expect(names((await as('admin', { q: '1.0', level: 'cell' })).units)).toEqual(['Cell 1.0.0', 'Cell 1.0.1', 'Cell 0.1.0', 'Cell 1.1.0']);
    expect(names((await as('admin', { q: '1.0', level: 'district' })).units)).toEqual(['District 1.0']);
    expect(names((await as('admin', { q: 'cell', within: tree.districts[2]!, kind: 'unit' })).units)).toEqual(['Cell 1.0.0', 'Cell 1.0.1']);
    expect(names((await as('admin', { q: 'lov', within: tree.regions[1]! })).people)).toEqual(['Lovisa Ek']);
    expect(names((await as('admin', { q: 'district 1', within: tree.districts[2]! })).units)).toEqual(['District 1.0']);
    expect((await as('admin', { q: 'cell', limit: 3, kind: 'unit' })).units).toHaveLength(3);
  });

  it('refuses a short query, an unknown level, and a subtree out of scope', async () => {
    const code = (promise: Promise<unknown>) => promise.then(() => 'no error', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));
    expect(await code(as('admin', { q: 'a' }))).toBe('query_too_short');
    expect(await code(as('admin', { q: ' -- ' }))).toBe('query_too_short');
    expect(await code(as('admin', { q: 'ada', level: 'planet' }))).toBe('unknown_level');
    expect(await code(as('districtOfficial', { q: 'ada', within: tree.districts[3]! }))).toBe('unit_not_found');
  });

  it('follows every change: rename, move, close, registration, transfer, a new name for a person, anonymisation', async () => {
    const cell = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[3]!, name: 'Quarry', level: 'cell' }))).id;
    const person = (await run(database, (ctx) => createPerson(ctx, { name: 'Zelda Quill', cellId: cell }))).id;
    expect(names((await as('admin', { q: 'quill' })).people)).toEqual(['Zelda Quill']);
    expect(names((await as('regionOfficial', { q: 'quill' })).people)).toEqual([]);

    await run(database, (ctx) => renameUnit(ctx, cell, { name: 'Quarrymen' }));
    expect((await as('admin', { q: 'quarrymen' })).units.map((u) => u.path)).toEqual(['Region 1 › District 1.1']);
    // Moved into region 0: now in the region official's scope, under its new path.
    await run(database, (ctx) => moveUnit(ctx, cell, { parentId: tree.districts[1]! }));
    expect((await as('regionOfficial', { q: 'quarrymen' })).units.map((u) => u.path)).toEqual(['Region 0 › District 0.1']);
    expect((await as('regionOfficial', { q: 'quill' })).people.map((p) => p.cellPath)).toEqual(['Region 0 › District 0.1']);
    expect((await as('districtOfficial', { q: 'quill' })).people).toEqual([]);

    await run(database, (ctx) => transferPerson(ctx, person, { cellId: tree.cells[0]! }));
    expect((await as('cellSecretary', { q: 'quill' })).people.map((p) => p.cellName)).toEqual(['Cell 0.0.0']);
    await run(database, (ctx) => updatePerson(ctx, person, { name: 'Zelda Quinn' }));
    expect(names((await as('admin', { q: 'quill' })).people)).toEqual([]);
    expect(names((await as('admin', { q: 'quinn' })).people)).toEqual(['Zelda Quinn']);
    await run(database, (ctx) => anonymisePerson(ctx, person));
    expect(names((await as('admin', { q: 'quinn' })).people)).toEqual([]);
    // Found under the name anonymisation gave them, as member lists show them.
    expect((await as('admin', { q: 'anonymised' })).people.map((p) => p.id)).toEqual([person]);

    await run(database, (ctx) => closeUnit(ctx, cell));
    expect((await as('admin', { q: 'quarrymen' })).units).toEqual([]);
    expect(await directoryDrift(database)).toEqual([]);
  });

  it('keeps a cell\'s names whole when its members are renamed at the same time', async () => {
    const cell = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[2]!, name: 'Busy', level: 'cell' }))).id;
    const members: string[] = [];
    for (let i = 0; i < 12; i++) members.push((await run(database, (ctx) => createPerson(ctx, { name: `Busy ${i}`, cellId: cell }))).id);
    await Promise.all(members.map((id, i) => run(database, (ctx) => updatePerson(ctx, id, { name: `Renamed ${i}` }))));
    expect(await directoryDrift(database)).toEqual([]);
    expect((await as('admin', { q: 'renamed', limit: 50 })).people).toHaveLength(12);
  });

  it('lists members by part of the name through the same index, with the same answer', async () => {
    const list = (unitId: string, q: string, scope: 'direct' | 'subtree' = 'subtree') =>
      transact(database, actors.admin.actor, testClock, (ctx) => listMembers(ctx, unitId, { scope, q }));
    expect(names((await list(tree.root, 'LOVE')).items)).toEqual(['Ada Lovelace', 'Ann Lovell']);
    expect(names((await list(tree.regions[1]!, 'lov')).items)).toEqual(['Lovisa Ek']);
    expect(names((await list(tree.root, 't_s')).items)).toEqual(['Per Cent_Sign']);
    expect(names((await list(tree.cells[0]!, 'ace', 'direct')).items)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(names((await list(tree.root, 'e')).items)).toContain('Grace Hopper'); // one letter: no index, same filter
  });

  it('keeps the directory out of the application role\'s reach', async () => {
    for (const table of ['directory_units', 'directory_members']) {
      await expect(transact(database, actors.admin.actor, testClock, (ctx) => sql`select count(*) from ${sql.table(table)}`.execute(ctx.db)))
        .rejects.toThrow(/permission denied/);
    }
  });
});
