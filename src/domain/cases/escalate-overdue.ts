import { sql } from 'kysely';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { addCaseEvent, unitPath } from './case.queries.ts';
import { dueAt } from './deadlines.ts';
import { notifyRequester } from './notify-requester.ts';
import type { Deadlines, Urgency } from '../../db/schema-cases.ts';

export interface EscalationStep { caseId: string; reference: string; level: number; fromUnitId: string; toUnitId: string; deadline: 'acknowledge' | 'resolve'; dueAt: string }

/**
 * Every case whose deadline has passed rises to the parent of its owner, with a fresh
 * deadline from its category counted from the moment it should have risen; that repeats
 * while deadlines have passed, up to the root — so a sweep after downtime catches up.
 * Decided from the database alone: cases are claimed with SKIP LOCKED and each step has
 * its own key (case, level), so concurrent or repeated sweeps never escalate twice.
 * Runs as the system; `dryRun` reports what would happen and changes nothing.
 */
export async function escalateOverdue(ctx: Ctx, options: { dryRun?: boolean; batch?: number } = {}): Promise<EscalationStep[]> {
  const now = ctx.clock.now();
  const due = await sql<{ id: string }>`
    select c.id from cases c join units u on u.id = c.owning_unit_id
     where u.parent_id is not null
       and ((c.status = 'new' and c.acknowledge_due_at <= ${now})
         or (c.status in ('acknowledged', 'in_progress', 'reopened') and c.resolve_due_at <= ${now}))
     order by least(c.acknowledge_due_at, c.resolve_due_at), c.id
     limit ${options.batch ?? 1_000}
     for update of c skip locked`.execute(ctx.db);
  const steps: EscalationStep[] = [];
  for (const { id } of due.rows) steps.push(...await escalateOne(ctx, id, now, options.dryRun ?? false));
  return steps;
}

async function escalateOne(ctx: Ctx, caseId: string, now: Date, dryRun: boolean): Promise<EscalationStep[]> {
  const row = await ctx.db.selectFrom('cases as c').innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .select(['c.id', 'c.reference', 'c.status', 'c.urgency', 'c.owning_unit_id', 'c.escalation_level', 'c.acknowledge_due_at', 'c.resolve_due_at', 'c.involved_path', 'k.deadlines'])
    .where('c.id', '=', caseId).executeTakeFirstOrThrow();
  const deadlines = row.deadlines as Deadlines;
  const kind: 'acknowledge' | 'resolve' = row.status === 'new' ? 'acknowledge' : 'resolve';
  let owner = (await unitPath(ctx, row.owning_unit_id))!;
  let dueTime = (kind === 'acknowledge' ? row.acknowledge_due_at : row.resolve_due_at)!;
  let level = row.escalation_level;
  let resolveDue = row.resolve_due_at;
  const steps: EscalationStep[] = [];
  while (dueTime <= now && owner.parent_id) {
    const parent = (await unitPath(ctx, owner.parent_id))!;
    level += 1;
    steps.push({ caseId, reference: row.reference, level, fromUnitId: owner.id, toUnitId: parent.id, deadline: kind, dueAt: dueTime.toISOString() });
    const at = dueTime;
    const hours = deadlines[row.urgency as Urgency];
    dueTime = await dueAt(ctx, parent.id, at, kind === 'acknowledge' ? hours.acknowledgeHours : hours.resolveHours, row.urgency as Urgency);
    if (kind === 'acknowledge') resolveDue = await dueAt(ctx, parent.id, at, hours.resolveHours, row.urgency as Urgency);
    else resolveDue = dueTime;
    if (!dryRun) {
      // The key (case, level) refuses a second escalation of the same step outright.
      await ctx.db.insertInto('case_escalations').values({
        case_id: caseId, level, from_unit_id: owner.id, to_unit_id: parent.id, deadline: kind, due_at: at, at: now,
      }).execute();
      await addCaseEvent(ctx, caseId, {
        kind: 'escalated', public: true, fromUnitId: owner.id, toUnitId: parent.id,
        note: `The ${kind} deadline passed at ${at.toISOString()}; the case rose to ${parent.name}.`,
        details: { level, deadline: kind, dueAt: at.toISOString() },
      });
      await recordAudit(ctx, {
        action: 'case.escalate', targetType: 'case', targetId: caseId, unitId: parent.id,
        before: { owningUnitId: owner.id }, after: { owningUnitId: parent.id }, details: { level, deadline: kind, dueAt: at.toISOString() },
      });
    }
    owner = parent;
  }
  if (!dryRun && steps.length > 0) {
    await notifyRequester(ctx, caseId, { kind: 'escalated' });
    await ctx.db.updateTable('cases').set({
      owning_unit_id: owner.id, owner_path: owner.path, escalation_level: level, updated_at: now,
      ...(kind === 'acknowledge' ? { acknowledge_due_at: dueTime } : {}), resolve_due_at: resolveDue,
    }).where('id', '=', caseId).execute();
  }
  return steps;
}
