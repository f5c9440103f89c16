import { sql } from 'kysely';
import type { Ctx } from './context.ts';

export interface IdempotencyClaim { accountId: string; key: string; requestHash: string; status: number }

/**
 * Inserts the key, or does nothing when it is already there. A concurrent claim of the
 * same key blocks on that uncommitted row until the first transaction ends. True when
 * this transaction holds the key.
 */
export async function claimIdempotencyKey(ctx: Ctx, claim: IdempotencyClaim): Promise<boolean> {
  const claimed = await ctx.db
    .insertInto('idempotency_keys')
    .values({ account_id: claim.accountId, key: claim.key, request_hash: claim.requestHash, status_code: claim.status, response: 'null', created_at: ctx.clock.now() })
    .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** The first request's hash and answer under a key already claimed. */
export async function readIdempotencyKey(ctx: Ctx, accountId: string, key: string) {
  return ctx.db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
}

/** Keeps the answer so a repeat of the request replays it. */
export async function saveIdempotentResponse(ctx: Ctx, accountId: string, key: string, body: unknown): Promise<void> {
  await sql`update idempotency_keys set response = ${JSON.stringify(body ?? null)}::jsonb
            where account_id = ${accountId} and key = ${key}`.execute(ctx.db);
}
