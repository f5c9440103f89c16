import { authorize, placePerson } from '../access/guard.ts';
import { personPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { AccessDenied } from '../errors.ts';
import { getPerson } from './get-person.ts';
import { personHistory } from './person-history.ts';

/** A person's full record and history as one JSON document, for them or an official over them. */
export async function exportPerson(ctx: Ctx, personId: string) {
  const placed = await placePerson(ctx, personId);
  if (!placed || !personPolicy.read(ctx.actor, placed)) throw new AccessDenied('person', personId, 'export_person');
  authorize(personPolicy.export(ctx.actor, placed), true, 'person', personId, 'export_person');
  const person = await getPerson(ctx, personId);
  const history = await personHistory(ctx, personId);
  const account = await withSystemScope(ctx, () =>
    ctx.db.selectFrom('accounts').select(['id', 'email', 'created_at', 'disabled_at']).where('person_id', '=', personId).executeTakeFirst());
  // Reading someone's whole record is itself an access worth accounting for.
  await recordAudit(ctx, { action: 'person.export', targetType: 'person', targetId: personId, unitId: placed.cell.id });
  const { abilities: _abilities, ...record } = person;
  return {
    exportedAt: ctx.clock.now().toISOString(),
    person: record,
    history: history.items,
    account: account ? { id: account.id, email: account.email, createdAt: account.created_at.toISOString(), disabledAt: account.disabled_at?.toISOString() ?? null } : null,
  };
}

/**
 * Replaces a person's name and contact details for good, keeping the membership
 * and role history (and the audit trail, which never held their contact details).
 * Their account, if any, is disabled.
 */
export async function anonymisePerson(ctx: Ctx, personId: string): Promise<void> {
  const placed = await placePerson(ctx, personId);
  if (!placed || !personPolicy.read(ctx.actor, placed)) throw new AccessDenied('person', personId, 'anonymise_person');
  authorize(personPolicy.anonymise(ctx.actor), true, 'person', personId, 'anonymise_person');
  const now = ctx.clock.now();
  await ctx.db.updateTable('people')
    .set({ name: `Anonymised ${personId.slice(-8)}`, email: null, phone: null, birth_year: null, anonymised_at: now })
    .where('id', '=', personId).execute();
  await withSystemScope(ctx, async () => {
    const account = await ctx.db.updateTable('accounts').set({ disabled_at: now, email: `anonymised-${personId}@invalid` })
      .where('person_id', '=', personId).returning('id').executeTakeFirst();
    if (account) await ctx.db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', account.id).where('revoked_at', 'is', null).execute();
  });
  await recordAudit(ctx, { action: 'person.anonymise', targetType: 'person', targetId: personId, unitId: placed.cell.id });
}
