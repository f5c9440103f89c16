import { sql } from 'kysely';
import { newId } from '../../platform/ids.ts';
import { personPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { AccessDenied, conflict, DomainError, forbidden, notFound } from '../errors.ts';
import { placePerson } from '../access/guard.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import { issuePasswordLink, NO_PASSWORD } from './password-links.ts';

async function assertEmailFree(ctx: Ctx, email: string) {
  // Uniqueness spans every account, including those outside the actor's scope.
  const taken = await sql<{ n: number }>`select count(*)::int as n from accounts where lower(email) = ${email.toLowerCase()}`.execute(ctx.db);
  if (taken.rows[0]!.n > 0) throw conflict('email_taken', `An account with the e-mail ${email} already exists.`, { field: 'email' });
}

/**
 * An account for a person, made by an administrator or an official over their cell.
 * With a password it is ready at once (administrators, scripts); without one, the
 * person is mailed a one-time link (72 h) to choose their own.
 */
export async function createAccount(
  ctx: Ctx, input: { personId: string; email: string; password?: string | undefined; publicUrl?: string | undefined },
): Promise<{ id: string; invited: boolean }> {
  const person = await placePerson(ctx, input.personId);
  if (!person || !personPolicy.read(ctx.actor, person)) throw new AccessDenied('person', input.personId, 'create_account');
  if (!personPolicy.createAccount(ctx.actor, person)) throw new AccessDenied('person', input.personId, 'create_account', true);
  if (input.password !== undefined) assertAcceptablePassword(input.password, input.email);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : NO_PASSWORD;
  const id = newId();
  // Decided above by the policy; accounts are written past row-level security.
  await withSystemScope(ctx, async () => {
    const existing = await ctx.db.selectFrom('accounts').select('id').where('person_id', '=', input.personId).executeTakeFirst();
    if (existing) throw conflict('person_has_account', 'This person already has an account.', { accountId: existing.id });
    await assertEmailFree(ctx, input.email);
    await ctx.db.insertInto('accounts').values({
      id, email: input.email, password_hash: passwordHash, person_id: input.personId, created_at: ctx.clock.now(),
    }).execute();
  });
  const invited = input.password === undefined;
  if (invited) await issuePasswordLink(ctx, { id, email: input.email }, 'invite', input.publicUrl ?? '');
  await recordAudit(ctx, { action: 'account.create', targetType: 'account', targetId: id, unitId: person.cell.id, details: { personId: input.personId, invited } });
  return { id, invited };
}

/** Changes the actor's own password; every other session of the account ends. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }, keepSessionId?: string): Promise<void> {
  if (!ctx.actor.accountId) throw forbidden('change_password', 'Only an account has a password.', 'no_account');
  const account = await ctx.db.selectFrom('accounts').select(['password_hash', 'email']).where('id', '=', ctx.actor.accountId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new DomainError('invalid', 'wrong_password', 'The current password is wrong.', { field: 'currentPassword' });
  }
  assertAcceptablePassword(input.newPassword, account.email);
  const now = ctx.clock.now();
  await ctx.db.updateTable('accounts').set({ password_hash: await hashPassword(input.newPassword), password_changed_at: now }).where('id', '=', ctx.actor.accountId).execute();
  let others = ctx.db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', ctx.actor.accountId).where('revoked_at', 'is', null);
  if (keepSessionId) others = others.where('id', '<>', keepSessionId);
  await others.execute();
  await recordAudit(ctx, { action: 'account.password_change', targetType: 'account', targetId: ctx.actor.accountId });
}

/** Disables an account and ends all its sessions and tokens at once. */
export async function disableAccount(ctx: Ctx, accountId: string): Promise<void> {
  const account = await withSystemScope(ctx, () =>
    ctx.db.selectFrom('accounts').select(['id', 'person_id', 'disabled_at', 'is_admin']).where('id', '=', accountId).executeTakeFirst());
  if (!account) throw new AccessDenied('account', accountId, 'disable');
  const person = account.person_id ? await placePerson(ctx, account.person_id) : undefined;
  const allowed = ctx.actor.isAdmin || (!account.is_admin && person !== undefined && personPolicy.createAccount(ctx.actor, person));
  // Whether the refusal may admit the account exists: only if its person is visible to the actor.
  const visible = ctx.actor.isAdmin || account.id === ctx.actor.accountId || (person !== undefined && personPolicy.read(ctx.actor, person));
  if (!allowed) throw new AccessDenied('account', accountId, 'disable', visible);
  if (account.disabled_at) return;
  const now = ctx.clock.now();
  await withSystemScope(ctx, async () => {
    await ctx.db.updateTable('accounts').set({ disabled_at: now }).where('id', '=', accountId).execute();
    await ctx.db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null).execute();
  });
  await recordAudit(ctx, { action: 'account.disable', targetType: 'account', targetId: accountId, unitId: person?.cell.id ?? null });
}

/** Who the actor is, for the web app's header and menus. */
export async function whoAmI(ctx: Ctx) {
  const account = ctx.actor.accountId
    ? await ctx.db.selectFrom('accounts').leftJoin('people', 'people.id', 'accounts.person_id')
      .select(['accounts.id', 'accounts.email', 'accounts.person_id', 'people.name']).where('accounts.id', '=', ctx.actor.accountId).executeTakeFirst()
    : undefined;
  if (!account) throw notFound('account', ctx.actor.accountId ?? 'none');
  return {
    accountId: account.id, email: account.email, personId: account.person_id, name: account.name, isAdmin: ctx.actor.isAdmin,
    officialUnitIds: ctx.actor.officialUnitIds, cellId: ctx.actor.cellId,
  };
}
