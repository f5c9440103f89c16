import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { DEMO_SIGN_IN } from './seed-demo.ts';

/**
 * The demo seed gives its sign-ins addresses under this domain, and the README publishes
 * their password. Only these accounts are checked: verifying every account's hash at
 * start-up would cost ~50 ms an account, and other passwords were chosen by their owners.
 */
export const DEMO_EMAIL_DOMAIN = '@demo.mainstay';

async function onPublishedPassword(db: Kysely<DB>): Promise<Array<{ id: string; email: string }>> {
  const accounts = await db.selectFrom('accounts').select(['id', 'email', 'password_hash'])
    .where('email', 'ilike', `%${DEMO_EMAIL_DOMAIN}`).where('disabled_at', 'is', null).orderBy('email').execute();
  const found: Array<{ id: string; email: string }> = [];
  for (const a of accounts) if (await verifyPassword(a.password_hash, DEMO_SIGN_IN.password)) found.push({ id: a.id, email: a.email });
  return found;
}

/** The e-mails of the demo accounts that still sign in with the published password. */
export async function demoAccountsOnPublishedPassword(db: Kysely<DB>): Promise<string[]> {
  return (await onPublishedPassword(db)).map((a) => a.email);
}

/**
 * Gives every demo account still on the published password a new random one (their
 * sessions end), audited; answers the new passwords, which exist nowhere else.
 */
export async function resetDemoPasswords(ctx: Ctx): Promise<Array<{ email: string; password: string }>> {
  const reset: Array<{ email: string; password: string }> = [];
  const now = ctx.clock.now();
  for (const account of await onPublishedPassword(ctx.db)) {
    const password = randomBytes(15).toString('base64url');
    await ctx.db.updateTable('accounts').set({ password_hash: await hashPassword(password), password_changed_at: now }).where('id', '=', account.id).execute();
    await ctx.db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', account.id).where('revoked_at', 'is', null).execute();
    await recordAudit(ctx, { action: 'account.password_reset', targetType: 'account', targetId: account.id, details: { reason: 'published_demo_password' } });
    reset.push({ email: account.email, password });
  }
  return reset;
}
