import { authorize } from '../access/guard.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { loadLevels } from '../org/levels.ts';
import { assigneeNames, assigneeOf } from './assignee-names.ts';
import { withMessage } from './case-event-message.ts';
import { casePhotoList } from './case-photos.ts';
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
  const photos = await casePhotoList(ctx, caseId);
  const escalations = await ctx.db.selectFrom('case_escalations').selectAll().where('case_id', '=', caseId).orderBy('level').execute();
  const mayAct = casePolicy.act(ctx.actor, placed);
  // Assignment entries name the person by id; the name is read now, so an anonymised person reads as such.
  const assignedTo = (e: { kind: string; details: Record<string, unknown> }) =>
    (e.kind === 'assigned' && typeof e.details.assigneePersonId === 'string' ? e.details.assigneePersonId : null);
  const names = await assigneeNames(ctx, [row.assignee_person_id, ...events.map(assignedTo)]);
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
    createdAt: row.created_at.toISOString(), assignee: assigneeOf(row.assignee_person_id, names),
    requester: requester ? { name: requester.name, email: requester.email, phone: requester.phone } : null,
    photos,
    escalations: escalations.map((e) => ({ fromUnitId: e.from_unit_id, toUnitId: e.to_unit_id, at: e.at.toISOString(), deadline: e.deadline, level: e.level })),
    timeline: events.map((e) => ({
      at: e.at.toISOString(), kind: e.kind, public: e.public, actor: e.actor_label,
      fromStatus: e.from_status, toStatus: e.to_status, fromUnitId: e.from_unit_id, toUnitId: e.to_unit_id,
      ...withMessage(e), assignee: assigneeOf(assignedTo(e), names),
    })),
    abilities: { act: mayAct, transitions: mayAct ? [...TRANSITIONS[row.status]] : [], assign: mayAct && row.status !== 'closed' && row.status !== 'merged' },
  };
}
