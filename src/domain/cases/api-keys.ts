import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../platform/ids.ts';
import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { openDoor, withSystemScope, type Ctx } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';

/** Recognisable in logs and secret scanners; 32 random bytes after it. */
export const API_KEY_PREFIX = 'ms311_';

export const apiKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

async function placedForKeys(ctx: Ctx, unitId: string, action: string) {
  const placed = await placeUnit(ctx, unitId);
  if (!placed) throw notFound('unit', unitId);
  // Administrators only; an official sees a 403 inside their scope, a 404 outside it.
  authorize(ctx.actor.isAdmin, unitPolicy.read(ctx.actor, placed), 'unit', unitId, action);
  return placed;
}

/**
 * A key for a machine client of the unit (an Open311 app): requests it files are
 * received by the unit. The key is returned once; only its SHA-256 is kept, and the
 * audit trail names the key by id and name, never the key.
 */
export async function issueApiKey(ctx: Ctx, unitId: string, input: { name: string }): Promise<{ id: string; key: string }> {
  await placedForKeys(ctx, unitId, 'issue_api_key');
  const unit = await ctx.db.selectFrom('units').select('closed_at').where('id', '=', unitId).executeTakeFirstOrThrow();
  if (unit.closed_at) throw conflict('unit_closed', 'A closed unit receives no requests; it gets no API key.', { unitId });
  const id = newId();
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  await ctx.db.insertInto('unit_api_keys').values({
    id, unit_id: unitId, name: input.name, key_hash: apiKeyHash(key), created_at: ctx.clock.now(), created_by_account_id: ctx.actor.accountId,
  }).execute();
  await recordAudit(ctx, { action: 'unit.api_key.issue', targetType: 'unit', targetId: unitId, unitId, details: { keyId: id, name: input.name } });
  return { id, key };
}

export interface ApiKeyView { id: string; name: string; createdAt: string; revokedAt: string | null }

/** The unit's keys, newest first, revoked ones included (never the key: only its hash is kept). */
export async function listApiKeys(ctx: Ctx, unitId: string): Promise<{ items: ApiKeyView[] }> {
  await placedForKeys(ctx, unitId, 'list_api_keys');
  const rows = await ctx.db.selectFrom('unit_api_keys').select(['id', 'name', 'created_at', 'revoked_at'])
    .where('unit_id', '=', unitId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null })) };
}

/** Revoked at once; revoking a revoked key changes nothing. */
export async function revokeApiKey(ctx: Ctx, unitId: string, keyId: string): Promise<void> {
  await placedForKeys(ctx, unitId, 'revoke_api_key');
  const row = await ctx.db.selectFrom('unit_api_keys').select(['id', 'revoked_at']).where('id', '=', keyId).where('unit_id', '=', unitId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('api_key', keyId);
  if (row.revoked_at) return;
  await ctx.db.updateTable('unit_api_keys').set({ revoked_at: ctx.clock.now() }).where('id', '=', keyId).execute();
  await recordAudit(ctx, { action: 'unit.api_key.revoke', targetType: 'unit', targetId: unitId, unitId, details: { keyId } });
}

/**
 * The Open311 door's access decision: the unit a key speaks for — by its hash, not
 * revoked, the unit open — or a refusal (403, audited). Runs as the public at the
 * Open311 door: the key's hash opens its own row to row-level security, nothing else.
 */
export async function open311Client(ctx: Ctx, key: string | undefined): Promise<{ keyId: string; unitId: string; name: string }> {
  if (!key) throw forbidden('file_open311_request', 'api_key is required: ask an administrator for a key of your unit.', 'api_key_required');
  const invalid = forbidden('file_open311_request', 'api_key is not valid (unknown or revoked).', 'api_key_invalid');
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) throw invalid;
  await openDoor(ctx, 'api_key', apiKeyHash(key));
  const row = await ctx.db.selectFrom('unit_api_keys').select(['id', 'unit_id', 'name'])
    .where('key_hash', '=', apiKeyHash(key)).where('revoked_at', 'is', null).executeTakeFirst();
  // Whether its unit is still open: a fact about the tree, read for this one step.
  const open = row && await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('id').where('id', '=', row.unit_id).where('closed_at', 'is', null).executeTakeFirst());
  if (!row || !open) throw invalid;
  return { keyId: row.id, unitId: row.unit_id, name: row.name };
}
