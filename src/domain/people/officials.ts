import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx, ReadCtx } from '../context.ts';
import { AccessDenied, conflict, notFound } from '../errors.ts';
import { authorize, placePerson, placeUnit } from '../access/guard.ts';
import { personPolicy, unitPolicy } from '../access/policy.ts';
import { getUnit } from '../org/get-unit.ts';

export type OfficialRole = 'secretary' | 'deputy' | 'official';
export interface OfficialView { personId: string; name: string; role: OfficialRole; since: string }

/** Appoints a person to a role at a unit, starting a term now. One secretary per unit. */
export async function appointOfficial(ctx: Ctx, unitId: string, input: { personId: string; role: OfficialRole }): Promise<{ id: string }> {
  await authorizeOfficials(ctx, unitId, 'appoint_official');
  const person = await placePerson(ctx, input.personId);
  // The appointee must be someone the actor can see, though they may live elsewhere in scope.
  if (!person || !personPolicy.read(ctx.actor, person)) throw new AccessDenied('person', input.personId, 'appoint_official');
  const unit = await ctx.db.selectFrom('units').select(['name', 'closed_at']).where('id', '=', unitId).forShare().executeTakeFirst();
  if (!unit) throw notFound('unit', unitId);
  if (unit.closed_at) throw conflict('unit_closed', `The unit "${unit.name}" is closed.`, { unitId });
  const { name: personName } = await ctx.db.selectFrom('people').select(['name']).where('id', '=', input.personId).executeTakeFirstOrThrow();
  const current = await ctx.db
    .selectFrom('official_terms as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['t.person_id', 't.role', 'p.name'])
    .where('t.unit_id', '=', unitId)
    .where('t.ended_at', 'is', null)
    .where((eb) => eb.or([eb('t.person_id', '=', input.personId), eb.and([eb('t.role', '=', 'secretary'), eb.val(input.role === 'secretary')])]))
    .execute();
  const own = current.find((t) => t.person_id === input.personId);
  if (own) throw conflict('already_official', `${personName} already holds the role ${own.role} here; end that term first.`, { role: own.role });
  const secretary = current.find((t) => t.role === 'secretary');
  if (secretary) throw conflict('secretary_exists', `${secretary.name} is the secretary of "${unit.name}"; end that term first.`, { personId: secretary.person_id });
  const id = newId();
  await ctx.db.insertInto('official_terms').values({ id, unit_id: unitId, person_id: input.personId, role: input.role, started_at: ctx.clock.now() }).execute();
  await recordAudit(ctx, { action: 'official.appoint', targetType: 'person', targetId: input.personId, unitId, details: { role: input.role, termId: id } });
  return { id };
}

/** Ends a person's current term at a unit; the term stays in their history. */
export async function endOfficialTerm(ctx: Ctx, unitId: string, personId: string): Promise<void> {
  await authorizeOfficials(ctx, unitId, 'end_official_term');
  const ended = await ctx.db
    .updateTable('official_terms')
    .set({ ended_at: ctx.clock.now() })
    .where('unit_id', '=', unitId)
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .returning(['id', 'role'])
    .execute();
  if (ended.length === 0) throw notFound('official_term', `${unitId}/${personId}`);
  await recordAudit(ctx, { action: 'official.end', targetType: 'person', targetId: personId, unitId, details: { role: ended[0]!.role, termId: ended[0]!.id } });
}

/** The unit's current officials, secretary first. */
export async function listOfficials(ctx: ReadCtx, unitId: string): Promise<{ items: OfficialView[] }> {
  await getUnit(ctx, unitId);
  const rows = await ctx.db
    .selectFrom('official_terms as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['t.person_id', 'p.name', 't.role', 't.started_at'])
    .where('t.unit_id', '=', unitId)
    .where('t.ended_at', 'is', null)
    .execute();
  const rank = { secretary: 0, deputy: 1, official: 2 } as const;
  rows.sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name));
  return { items: rows.map((r) => ({ personId: r.person_id, name: r.name, role: r.role, since: r.started_at.toISOString() })) };
}

async function authorizeOfficials(ctx: Ctx, unitId: string, action: string) {
  const placed = await placeUnit(ctx, unitId);
  if (!placed) throw notFound('unit', unitId);
  authorize(unitPolicy.manageOfficials(ctx.actor, placed), unitPolicy.read(ctx.actor, placed), 'unit', unitId, action);
}
