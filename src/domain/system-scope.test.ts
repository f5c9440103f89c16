import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { testClock } from '../../test/factories.ts';
import { transact, withSystemScope, type Actor, type Ctx } from './context.ts';

let database: Database;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database?.close());

const official: Actor = { accountId: null, personId: null, label: 'test', isAdmin: false, officialUnitIds: [], cellId: null };
const widened = async (ctx: Ctx) => (await sql<{ v: string }>`select coalesce(current_setting('mainstay.admin', true), '') as v`.execute(ctx.db)).rows[0]!.v === 'true';

it('widens the scope once for nested and concurrent steps, and narrows it only when the last one ends', async () => {
  const seen = await transact(database, official, testClock, async (ctx) => {
    const log: boolean[] = [await widened(ctx)];
    await withSystemScope(ctx, async () => {
      await withSystemScope(ctx, async () => { log.push(await widened(ctx)); });
      // The inner step ended: the outer one still reads past the scope.
      log.push(await widened(ctx));
      await Promise.all([
        withSystemScope(ctx, async () => { log.push(await widened(ctx)); }),
        withSystemScope(ctx, async () => { await widened(ctx); log.push(await widened(ctx)); }),
      ]);
      log.push(await widened(ctx));
    });
    log.push(await widened(ctx));
    return log;
  });
  expect(seen).toEqual([false, true, true, true, true, true, false]);
});
