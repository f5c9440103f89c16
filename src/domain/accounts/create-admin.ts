import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { assertAcceptablePassword, hashPassword } from './passwords.ts';

/** Creates a central administrator: the first account of a production install. */
export async function createAdmin(ctx: Ctx, input: { email: string; password: string }): Promise<{ id: string }> {
  assertAcceptablePassword(input.password, input.email);
  const existing = await ctx.db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();
  if (existing) throw conflict('email_taken', `An account with the e-mail ${input.email} already exists.`, { field: 'email' });
  const id = newId();
  await ctx.db
    .insertInto('accounts')
    .values({ id, email: input.email, password_hash: await hashPassword(input.password), is_admin: true, created_at: ctx.clock.now() })
    .execute();
  await recordAudit(ctx, { action: 'account.create_admin', targetType: 'account', targetId: id, details: { email: input.email } });
  return { id };
}
