import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../context.ts';
import { DomainError } from '../errors.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

const badCredentials = () => new DomainError('unauthenticated', 'bad_credentials', 'The e-mail or the password is wrong.');

/** Password sign-in: a fresh random token, stored only as its hash. */
export async function signIn(db: Kysely<DB>, clock: Clock, input: { email: string; password: string }): Promise<{ token: string; expiresAt: Date; accountId: string }> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();
  const ok = await verifyPassword(account?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!account || !ok || account.disabled_at) throw badCredentials();
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insertInto('sessions').values({ token_hash: tokenHash(token), account_id: account.id, created_at: now, expires_at: expiresAt }).execute();
  return { token, expiresAt, accountId: account.id };
}

/** The actor a token stands for, or an `unauthenticated` error. */
export async function authenticate(db: Kysely<DB>, clock: Clock, token: string): Promise<Actor> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.email', 'a.is_admin', 'a.disabled_at', 's.expires_at', 's.revoked_at'])
    .where('s.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at || row.expires_at <= clock.now()) {
    throw new DomainError('unauthenticated', 'session_expired', 'Your session has ended; sign in again.');
  }
  return { accountId: row.id, label: row.email, isAdmin: row.is_admin };
}

export async function signOut(db: Kysely<DB>, clock: Clock, token: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: clock.now() }).where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).execute();
}
