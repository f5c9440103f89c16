import { authorize, placePerson } from '../access/guard.ts';
import { personPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import type { ContactDetails } from './create-person.ts';

/**
 * Corrects a person's name, contact details or language. The trail names the fields, not
 * their values: it can never be edited, so personal data in it could never be anonymised.
 */
export async function updatePerson(ctx: Ctx, personId: string, input: ContactDetails & { name?: string | undefined; language?: 'en' | 'ko' | null | undefined }): Promise<void> {
  const placed = await placePerson(ctx, personId);
  if (!placed) throw notFound('person', personId);
  authorize(personPolicy.update(ctx.actor, placed), personPolicy.read(ctx.actor, placed), 'person', personId, 'update_person');
  const person = await ctx.db.selectFrom('people').select(['cell_id']).where('id', '=', personId).forNoKeyUpdate().executeTakeFirst();
  if (!person) throw notFound('person', personId);
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.birthYear !== undefined ? { birth_year: input.birthYear } : {}),
    // The language e-mails to them are written in (null: the installation's).
    ...(input.language !== undefined ? { language: input.language } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await ctx.db.updateTable('people').set(changes).where('id', '=', personId).execute();
  await recordAudit(ctx, { action: 'person.update', targetType: 'person', targetId: personId, unitId: person.cell_id, details: { fields: Object.keys(changes) } });
}
