import { sql } from 'kysely';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { gatheringPolicy, refuseIfCancelled } from './gathering-policy.ts';
import { lockGathering } from './gathering.queries.ts';

/**
 * Resolves the invitees from the rule, now, and keeps them: one INSERT … SELECT whatever
 * their number (a national conference of cell secretaries is 500,000). Each invitation
 * records the unit the person stood in for the rule, so later transfers rewrite nothing.
 * The mails go out through the outbox in the background (`gatherings.invitations` job),
 * a batch per transaction, each with its iCalendar file.
 */
export async function sendInvitations(ctx: Ctx, gatheringId: string): Promise<{ invited: number }> {
  const g = await lockGathering(ctx, gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'send_invitations');
  refuseIfCancelled(g);
  if (g.status !== 'draft') throw conflict('already_sent', 'The invitations were sent already.', { status: g.status });
  const inSubtree = sql`(u.id = ${g.invitee_unit_id}::uuid or u.ancestor_ids @> array[${g.invitee_unit_id}::uuid]) and u.closed_at is null`;
  const resolved = g.invitee_rule === 'unit-members'
    ? sql`select p.id as person_id, p.cell_id as unit_id from people p join units u on u.id = p.cell_id where ${inSubtree} and p.anonymised_at is null`
    : g.invitee_rule === 'officials-below'
      ? sql`select distinct on (t.person_id) t.person_id, t.unit_id from official_terms t join units u on u.id = t.unit_id
             where t.ended_at is null and ${inSubtree} order by t.person_id, u.depth`
      : sql`select distinct on (t.person_id) t.person_id, t.unit_id from official_terms t join units u on u.id = t.unit_id
             where t.ended_at is null and t.role = 'secretary' and u.depth = ${g.invitee_depth} and ${inSubtree} order by t.person_id, u.depth`;
  const invited = await withSystemScope(ctx, async () => {
    const result = await sql`insert into invitations (gathering_id, person_id, unit_id) select ${g.id}::uuid, r.person_id, r.unit_id from (${resolved}) r`.execute(ctx.db);
    return Number(result.numAffectedRows ?? 0n);
  });
  const now = ctx.clock.now();
  await ctx.db.updateTable('gatherings').set({ status: 'sent', sent_at: now, invited, sequence: g.sequence + 1, updated_at: now }).where('id', '=', g.id).execute();
  await recordAudit(ctx, { action: 'gathering.send', targetType: 'gathering', targetId: g.id, unitId: g.convening_unit_id, details: { invited, rule: g.invitee_rule } });
  return { invited };
}
