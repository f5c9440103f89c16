import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { applyScope, systemActor, transact, type Actor, type Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { checkThrottle, clearFailures, recordFailure } from './sign-in-throttle.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
const newSecret = () => randomBytes(32).toString('base64url');

const badCredentials = () => new DomainError('unauthenticated', 'bad_credentials', 'The e-mail or the password is wrong.');
const sessionEnded = () => new DomainError('unauthenticated', 'session_expired', 'Your session has ended; sign in again.');

export interface SignInResult { token: string; csrfToken: string; expiresAt: Date; accountId: string }

/**
 * Password sign-in. Failures are counted per account and per address (slowdown,
 * then lockout) and audited in their own transaction, so a refused attempt still
 * leaves its trace. Success opens a new session with a fresh id and CSRF token.
 */
export async function signIn(
  database: Database,
  clock: Clock,
  input: { email: string; password: string; address: string },
  requestId?: string,
): Promise<SignInResult> {
  const email = input.email.toLowerCase();
  const keys = [`account:${email}`, `address:${input.address}`];
  const system = systemActor('system:sign-in');
  const account = await transact(database, system, clock, async (ctx) => {
    await checkThrottle(ctx, keys);
    return ctx.db.selectFrom('accounts').select(['id', 'password_hash', 'disabled_at', 'email'])
      .where(sql<boolean>`lower(email) = ${email}`).executeTakeFirst();
  }, requestId);
  const ok = await verifyPassword(account?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!account || !ok || account.disabled_at) {
    await transact(database, system, clock, async (ctx) => {
      await recordFailure(ctx, keys);
      await recordAudit(ctx, {
        action: 'session.sign_in_failed', targetType: 'account', targetId: account?.id ?? null,
        details: { email: input.email, address: input.address, reason: !account ? 'unknown_email' : account.disabled_at ? 'disabled' : 'wrong_password' },
      });
    }, requestId);
    throw badCredentials();
  }
  return transact(database, { ...system, accountId: account.id, label: account.email }, clock, async (ctx) => {
    await clearFailures(ctx, [`account:${email}`]);
    const session = await openSession(ctx, account.id, 'session', null, new Date(clock.now().getTime() + SESSION_TTL_MS));
    await recordAudit(ctx, { action: 'session.sign_in', targetType: 'account', targetId: account.id, details: { address: input.address } });
    return { ...session, accountId: account.id };
  }, requestId);
}

export async function openSession(ctx: Ctx, accountId: string, kind: 'session' | 'api', name: string | null, expiresAt: Date | null) {
  const token = newSecret();
  const csrfToken = newSecret();
  const id = newId();
  // API tokens get a far expiry rather than none, so every row has one to check.
  const expires = expiresAt ?? new Date('9999-12-31T00:00:00Z');
  await ctx.db.insertInto('sessions').values({
    id, token_hash: tokenHash(token), account_id: accountId, kind, name, csrf_token: kind === 'session' ? csrfToken : null,
    created_at: ctx.clock.now(), expires_at: expires,
  }).execute();
  return { id, token, csrfToken, expiresAt: expires };
}

export interface Authenticated { actor: Actor; sessionId: string; kind: 'session' | 'api'; csrfToken: string | null }

/**
 * Inside the request's own transaction: resolves the token to its account and the
 * scope of the person behind it, read fresh each time — so ending a term, closing a
 * unit or disabling an account takes effect on the very next request.
 */
export async function authenticate(db: Transaction<DB>, clock: Clock, token: string): Promise<Authenticated> {
  await applyScope(db, systemActor('system:auth'));
  const row = (await sql<{
    account_id: string; email: string; is_admin: boolean; person_id: string | null; disabled_at: Date | null;
    expires_at: Date; revoked_at: Date | null; kind: 'session' | 'api'; csrf_token: string | null; session_id: string;
    cell_id: string | null; unit_ids: string[] | null;
  }>`
    select a.id as account_id, a.email, a.is_admin, a.person_id, a.disabled_at, s.expires_at, s.revoked_at, s.kind,
           s.csrf_token, s.id as session_id, p.cell_id,
           (select array_agg(t.unit_id) from official_terms t join units u on u.id = t.unit_id
             where t.person_id = a.person_id and t.ended_at is null and u.closed_at is null) as unit_ids
      from sessions s join accounts a on a.id = s.account_id left join people p on p.id = a.person_id
     where s.token_hash = ${tokenHash(token)}`.execute(db)).rows[0];
  if (!row || row.revoked_at || row.disabled_at || new Date(row.expires_at) <= clock.now()) throw sessionEnded();
  return {
    actor: {
      accountId: row.account_id, personId: row.person_id, label: row.email, isAdmin: row.is_admin,
      officialUnitIds: row.unit_ids ?? [], cellId: row.cell_id,
    },
    sessionId: row.session_id,
    kind: row.kind,
    csrfToken: row.csrf_token,
  };
}

export function csrfMatches(expected: string | null, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends the session behind a token at once, server-side. */
export async function signOut(ctx: Ctx, token: string): Promise<void> {
  const ended = await ctx.db.updateTable('sessions').set({ revoked_at: ctx.clock.now() })
    .where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).returning('account_id').executeTakeFirst();
  if (ended) await recordAudit(ctx, { action: 'session.sign_out', targetType: 'account', targetId: ended.account_id });
}

/** A named, revocable bearer token for an API client. */
export async function createApiToken(ctx: Ctx, input: { name: string; expiresInDays?: number | undefined }) {
  if (!ctx.actor.accountId) throw forbidden('create_api_token', 'Only an account can hold API tokens.', 'no_account');
  const expiresAt = input.expiresInDays ? new Date(ctx.clock.now().getTime() + input.expiresInDays * 86_400_000) : null;
  const { id, token, expiresAt: expires } = await openSession(ctx, ctx.actor.accountId, 'api', input.name, expiresAt);
  await recordAudit(ctx, { action: 'token.create', targetType: 'account', targetId: ctx.actor.accountId, details: { tokenId: id, name: input.name } });
  return { id, token, name: input.name, expiresAt: expiresAt ? expires.toISOString() : null };
}

export async function listApiTokens(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('sessions').select(['id', 'name', 'created_at', 'expires_at'])
    .where('account_id', '=', ctx.actor.accountId ?? '00000000-0000-0000-0000-000000000000')
    .where('kind', '=', 'api').where('revoked_at', 'is', null).orderBy('created_at').execute();
  return {
    items: rows.map((r) => ({
      id: r.id, name: r.name ?? '', createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.getUTCFullYear() === 9999 ? null : r.expires_at.toISOString(),
    })),
  };
}

export async function revokeApiToken(ctx: Ctx, tokenId: string) {
  const revoked = await ctx.db.updateTable('sessions').set({ revoked_at: ctx.clock.now() })
    .where('id', '=', tokenId).where('kind', '=', 'api').where('revoked_at', 'is', null)
    .where('account_id', '=', ctx.actor.accountId ?? '00000000-0000-0000-0000-000000000000')
    .returning('id').executeTakeFirst();
  if (!revoked) throw notFound('token', tokenId);
  await recordAudit(ctx, { action: 'token.revoke', targetType: 'account', targetId: ctx.actor.accountId, details: { tokenId } });
}
