import { randomBytes } from 'node:crypto';
import { mailLanguage, mailText, type MailKey } from '../mail/mail-text.ts';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { systemActor, transact, withSystemScope, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { assertAcceptablePassword, hashPassword } from './passwords.ts';
import { tokenHash } from './sessions.ts';
import { clearFailures } from './sign-in-throttle.ts';

/** How long a link works: an invitation gives time to notice the mail, a reset does not. */
export const LINK_TTL_MS = { invite: 72 * 60 * 60 * 1000, reset: 60 * 60 * 1000 } as const;

/** "Forgot password" requests per hour: per address (answered 429), and mails per e-mail (silently none beyond). */
export const RESET_LIMITS = { perAddressPerHour: 10, mailsPerEmailPerHour: 3 };

/** The web page a link opens; the token is a path segment, redacted from every log (platform/redact-secrets.ts). */
export const SET_PASSWORD_PATH = '/set-password/';

/** Stored where a password is not set yet: no argon2 hash, so it never verifies. */
export const NO_PASSWORD = '!no-password';

const linkInvalid = () => new DomainError('invalid', 'link_invalid', 'This link is not valid any more: it was used, has expired or was replaced by a newer one. Ask for a new one.', { field: 'token' });

/**
 * Makes a one-time link for an account and mails it through the outbox, in the
 * caller's transaction (sent only if it commits). Only the token's SHA-256 is kept;
 * an earlier unused link of the account stops working.
 */
export async function issuePasswordLink(
  ctx: Ctx, account: { id: string; email: string }, purpose: 'invite' | 'reset', publicUrl: string,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await withSystemScope(ctx, async () => {
    await ctx.db.updateTable('password_links').set({ used_at: now }).where('account_id', '=', account.id).where('used_at', 'is', null).execute();
    await ctx.db.insertInto('password_links').values({
      token_hash: tokenHash(token), account_id: account.id, purpose, created_at: now,
      expires_at: new Date(now.getTime() + LINK_TTL_MS[purpose]),
    }).execute();
  });
  const url = `${publicUrl.replace(/\/+$/, '')}${SET_PASSWORD_PATH}${token}`;
  // In the person's own language when the account is someone's, else the installation's.
  const person = await withSystemScope(ctx, () => ctx.db.selectFrom('accounts as a').leftJoin('people as p', 'p.id', 'a.person_id')
    .select('p.language').where('a.id', '=', account.id).executeTakeFirst());
  const lang = mailLanguage(person?.language);
  const [subject, body]: [MailKey, MailKey] = purpose === 'invite' ? ['passwordInviteSubject', 'passwordInvite'] : ['passwordResetSubject', 'passwordReset'];
  await enqueueMessage(ctx.db, {
    to: account.email,
    subject: mailText(lang, subject), text: `${mailText(lang, 'greeting')}\n\n${mailText(lang, body, { url })}\n`,
    kind: `account.password_${purpose}`, refType: 'account', refId: account.id,
  }, now);
}

/**
 * "Forgot password": the same answer whether or not the address has an account. Too
 * many requests from one address are refused (429); beyond a few mails an hour to one
 * address, requests are recorded and answered alike but send nothing.
 */
export async function requestPasswordReset(
  database: Database, clock: Clock, input: { email: string; address: string; publicUrl: string }, requestId?: string,
): Promise<void> {
  const email = input.email.toLowerCase();
  const emailHash = tokenHash(`reset:${email}`);
  await transact(database, systemActor('system:password-reset'), clock, async (ctx) => {
    const now = ctx.clock.now();
    const since = new Date(now.getTime() - 60 * 60 * 1000);
    const counts = await ctx.db.selectFrom('password_reset_requests')
      .select([
        sql<number>`count(*) filter (where address = ${input.address})::int`.as('address'),
        sql<number>`count(*) filter (where email_hash = ${emailHash})::int`.as('email'),
      ])
      .where('at', '>', since)
      .where((eb) => eb.or([eb('address', '=', input.address), eb('email_hash', '=', emailHash)]))
      .executeTakeFirstOrThrow();
    if (counts.address >= RESET_LIMITS.perAddressPerHour) {
      throw new DomainError('throttled', 'too_many_attempts', 'Too many requests from here. Try again in an hour.', { retryAfterSeconds: 3600 });
    }
    await ctx.db.insertInto('password_reset_requests').values({ email_hash: emailHash, address: input.address, at: now }).execute();
    const account = await ctx.db.selectFrom('accounts').select(['id', 'email', 'disabled_at'])
      .where(sql<boolean>`lower(email) = ${email}`).executeTakeFirst();
    const send = account !== undefined && account.disabled_at === null && counts.email < RESET_LIMITS.mailsPerEmailPerHour;
    if (send) await issuePasswordLink(ctx, account, 'reset', input.publicUrl);
    await recordAudit(ctx, {
      action: 'account.password_reset_requested', targetType: 'account', targetId: account?.id ?? null,
      details: { address: input.address, sent: send, ...(send ? {} : { reason: !account ? 'unknown_email' : account.disabled_at ? 'disabled' : 'rate_limited' }) },
    });
  }, requestId);
}

/**
 * Sets the password from a link (an invitation or a reset): the link is used up, every
 * session and API token of the account ends, and the sign-in lock is lifted.
 */
export async function setPasswordWithLink(
  database: Database, clock: Clock, input: { token: string; password: string }, requestId?: string,
): Promise<void> {
  // Checked (and hashed, ~70 ms) before the transaction that locks the link.
  const link = await transact(database, systemActor('system:password-link'), clock, (ctx) => findLink(ctx, input.token), requestId);
  if (!link) throw linkInvalid();
  assertAcceptablePassword(input.password, link.email);
  const passwordHash = await hashPassword(input.password);
  await transact(database, { ...systemActor('system:password-link'), accountId: link.account_id, label: link.email }, clock, async (ctx) => {
    const locked = await findLink(ctx, input.token, true);
    if (!locked) throw linkInvalid();
    const now = ctx.clock.now();
    await ctx.db.updateTable('password_links').set({ used_at: now }).where('account_id', '=', locked.account_id).where('used_at', 'is', null).execute();
    await ctx.db.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: now }).where('id', '=', locked.account_id).execute();
    await ctx.db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', locked.account_id).where('revoked_at', 'is', null).execute();
    await clearFailures(ctx, [`account:${locked.email.toLowerCase()}`]);
    await recordAudit(ctx, { action: 'account.password_set', targetType: 'account', targetId: locked.account_id, details: { via: locked.purpose } });
  }, requestId);
}

async function findLink(ctx: Ctx, token: string, lock = false) {
  let query = ctx.db.selectFrom('password_links as l').innerJoin('accounts as a', 'a.id', 'l.account_id')
    .select(['l.account_id', 'l.purpose', 'a.email'])
    .where('l.token_hash', '=', tokenHash(token)).where('l.used_at', 'is', null)
    .where('l.expires_at', '>', ctx.clock.now()).where('a.disabled_at', 'is', null);
  if (lock) query = query.forUpdate('l');
  return query.executeTakeFirst();
}
