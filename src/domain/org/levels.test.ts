import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { run } from '../../../test/factories.ts';
import { DomainError } from '../errors.ts';
import { createUnit } from './create-unit.ts';
import { configureLevels, loadLevels } from './levels.ts';

let database: Database;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database?.close());

it('configures deeper trees while empty, then refuses to re-level a live tree', async () => {
  const five = ['central', 'region', 'district', 'sub-district', 'cell'].map((key) => ({ key, name: key }));
  await run(database, (ctx) => configureLevels(ctx, five));
  const levels = await loadLevels(database.db);
  expect(levels.all.map((l) => l.key)).toEqual(five.map((l) => l.key));
  expect(levels.cellDepth).toBe(4);

  const root = await run(database, (ctx) => createUnit(ctx, { parentId: null, name: 'Centre', level: 'central' }));
  // Levels may be skipped: a region can hold a cell directly.
  await run(database, (ctx) => createUnit(ctx, { parentId: root.id, name: 'Direct cell', level: 'cell' }));
  const refused = await run(database, (ctx) => configureLevels(ctx, five)).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DomainError);
  expect((refused as DomainError).code).toBe('organization_not_empty');
  const audit = await database.db.selectFrom('audit_events').select('action').where('action', '=', 'levels.configure').execute();
  expect(audit).toHaveLength(1);
});

it('rejects duplicate and malformed level keys', async () => {
  const codeOf = (levels: Array<{ key: string; name: string }>) =>
    run(database, (ctx) => configureLevels(ctx, levels)).then(() => 'ok', (e: DomainError) => e.code);
  expect(await codeOf([{ key: 'a', name: 'A' }])).toBe('too_few_levels');
  expect(await codeOf([{ key: 'a', name: 'A' }, { key: 'a', name: 'B' }])).toBe('duplicate_level');
  expect(await codeOf([{ key: 'A B', name: 'A' }, { key: 'cell', name: 'B' }])).toBe('bad_level_key');
});
