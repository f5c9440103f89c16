import { authorize } from '../access/guard.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { loadLevels } from '../org/levels.ts';
import { casePolicy, placedCase } from './case-policy.ts';
import { TRANSITIONS } from './transition-case.ts';

/** A case with its timeline and escalations; the requester only along the owning unit's chain. */
export async function getCase(ctx: Ctx, caseId: string) {
  const row = await withSystemScope(ctx, () => ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst());
  if (!row) throw notFound('case', caseId);
  const placed = placedCase(row);
  authorize(casePolicy.read(ctx.actor, placed), false, 'case', caseId, 'read_case');
  const levels = await loadLevels(ctx.db);
  const category = await ctx.db.selectFrom('case_categories').select(['code', 'name', 'names', 'handling_depth']).where('id', '=', row.category_id).executeTakeFirstOrThrow();
  const owner = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select(['name', 'depth']).where('id', '=', row.owning_unit_id).executeTakeFirstOrThrow());
  const requester = casePolicy.readRequester(ctx.actor, placed)
    ? await ctx.db.selectFrom('case_requesters').select(['name', 'email', 'phone']).where('case_id', '=', caseId).executeTakeFirst()
    : undefined;
  const events = await ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  const escalations = await ctx.db.selectFrom('case_escalations').selectAll().where('case_id', '=', caseId).orderBy('level').execute();
  const mayAct = casePolicy.act(ctx.actor, placed);
  return {
    id: row.id, reference: row.reference, status: row.status, urgency: row.urgency,
    category: { code: category.code, name: category.name, names: category.names },
    description: row.description, lat: row.lat, long: row.long, address: row.address, channel: row.channel,
    owningUnitId: row.owning_unit_id, owningUnit: { name: owner.name, level: levels.byDepth(owner.depth).key },
    receivedByUnitId: row.received_by_unit_id, triage: row.triage, escalationLevel: row.escalation_level,
    acknowledgeDueAt: row.acknowledge_due_at?.toISOString() ?? null, resolveDueAt: row.resolve_due_at?.toISOString() ?? null,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null, resolvedAt: row.resolved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null, mergedIntoId: row.merged_into_id, reopenCount: row.reopen_count,
    rating: row.rating_stars ? { stars: row.rating_stars, comment: row.rating_comment } : null,
    createdAt: row.created_at.toISOString(),
    requester: requester ? { name: requester.name, email: requester.email, phone: requester.phone } : null,
    escalations: escalations.map((e) => ({ fromUnitId: e.from_unit_id, toUnitId: e.to_unit_id, at: e.at.toISOString(), deadline: e.deadline, level: e.level })),
    timeline: events.map((e) => ({
      at: e.at.toISOString(), kind: e.kind, public: e.public, actor: e.actor_label,
      fromStatus: e.from_status, toStatus: e.to_status, fromUnitId: e.from_unit_id, toUnitId: e.to_unit_id, note: e.note,
    })),
    abilities: { act: mayAct, transitions: mayAct ? [...TRANSITIONS[row.status]] : [] },
  };
}
