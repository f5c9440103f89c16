import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../domain/context.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { claimIdempotencyKey, readIdempotencyKey, saveIdempotentResponse } from '../domain/idempotency.queries.ts';

export interface IdempotentOutcome { status: number; body: unknown; replayed: boolean }

const requestHash = (request: FastifyRequest) =>
  createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('base64url');

/**
 * Claims the key by inserting it first. A concurrent request with the same key
 * blocks on that uncommitted row until the first commits (then replays its answer)
 * or rolls back (then runs itself), so fifty racing POSTs still create one row.
 */
export async function runIdempotent(
  ctx: Ctx,
  claim: { accountId: string; key: string; request: FastifyRequest },
  status: number,
  run: () => Promise<unknown>,
): Promise<IdempotentOutcome> {
  if (claim.key.length < 1 || claim.key.length > 200) {
    throw invalid('bad_idempotency_key', 'An Idempotency-Key has 1 to 200 characters.', { header: 'Idempotency-Key' });
  }
  const hash = requestHash(claim.request);
  const claimed = await claimIdempotencyKey(ctx, { accountId: claim.accountId, key: claim.key, requestHash: hash, status });
  if (!claimed) {
    const first = await readIdempotencyKey(ctx, claim.accountId, claim.key);
    if (first.request_hash !== hash) {
      throw new DomainError('invalid', 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.', { header: 'Idempotency-Key' });
    }
    return { status: first.status_code, body: first.response, replayed: true };
  }
  const body = await run();
  await saveIdempotentResponse(ctx, claim.accountId, claim.key, body);
  return { status, body, replayed: false };
}
