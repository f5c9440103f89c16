import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open311Requests } from '../domain/cases/open311.ts';
import { run } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import type { Database } from './database.ts';

let database: Database;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(async () => { await database.close(); });

// PostgreSQL has no `x in ()`: a list that filters down to nothing must not become a syntax error (a 500).
describe('an empty list in a query', () => {
  it('matches nothing with `in` and everything with `not in`, on this backend', async () => {
    const levels = await database.db.selectFrom('levels').select('key').execute();
    expect(levels.length).toBeGreaterThan(0);
    expect(await database.db.selectFrom('levels').select('key').where('key', 'in', []).execute()).toEqual([]);
    expect(await database.db.selectFrom('levels').select('key').where('key', 'not in', []).execute()).toHaveLength(levels.length);
    // Inside a transaction (every command runs in one) too.
    expect(await run(database, (ctx) => ctx.db.selectFrom('levels').select('key').where('key', 'in', []).execute())).toEqual([]);
  });

  it('lets Open311 filter by a status list that names nothing (`status=,`)', async () => {
    const requests = await run(database, (ctx) => open311Requests(ctx, { statuses: [], start: new Date(0), end: new Date() }));
    expect(requests).toEqual([]);
  });
});
