import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * Repeated failed sign-ins first slow down, then lock: per account (guessing one
 * person's password) and per address (spraying many accounts). A success clears
 * the account's count; the lock ends by itself, with the time said in the error.
 */
export const THROTTLE = {
  account: { slowAfter: 5, lockAfter: 10 },
  address: { slowAfter: 20, lockAfter: 50 },
  lockMs: 15 * 60 * 1000,
  /** Forgotten after this long without a failure. */
  windowMs: 60 * 60 * 1000,
};

const limitsFor = (key: string) => (key.startsWith('account:') ? THROTTLE.account : THROTTLE.address);

export async function checkThrottle(ctx: Ctx, keys: string[]): Promise<void> {
  const now = ctx.clock.now();
  const rows = await ctx.db.selectFrom('sign_in_failures').select(['key', 'locked_until']).where('key', 'in', keys).execute();
  const until = rows.map((r) => r.locked_until).filter((d): d is Date => d !== null && d > now).sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    throw new DomainError('throttled', 'too_many_attempts',
      `Too many failed sign-ins. Try again after ${until.toISOString().slice(11, 16)} UTC (in ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}).`,
      { retryAfter: until.toISOString(), retryAfterSeconds: seconds });
  }
}

export async function recordFailure(ctx: Ctx, keys: string[]): Promise<void> {
  const now = ctx.clock.now();
  for (const key of keys) {
    const limits = limitsFor(key);
    const row = (await sql<{ failures: number }>`
      insert into sign_in_failures (key, failures, first_at, last_at) values (${key}, 1, ${now}, ${now})
      on conflict (key) do update set
        failures = case when sign_in_failures.last_at < ${new Date(now.getTime() - THROTTLE.windowMs)} then 1 else sign_in_failures.failures + 1 end,
        last_at = excluded.last_at
      returning failures`.execute(ctx.db)).rows[0]!;
    let lockMs = 0;
    if (row.failures >= limits.lockAfter) lockMs = THROTTLE.lockMs;
    else if (row.failures >= limits.slowAfter) lockMs = Math.min(THROTTLE.lockMs, 1000 * 2 ** (row.failures - limits.slowAfter));
    if (lockMs > 0) {
      await ctx.db.updateTable('sign_in_failures').set({ locked_until: new Date(now.getTime() + lockMs) }).where('key', '=', key).execute();
    }
  }
}

export async function clearFailures(ctx: Ctx, keys: string[]): Promise<void> {
  await ctx.db.deleteFrom('sign_in_failures').where('key', 'in', keys).execute();
}
