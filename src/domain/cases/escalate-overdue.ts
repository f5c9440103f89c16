import { sql } from 'kysely';
import type { Deadlines, Urgency } from '../../db/schema-cases.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { addWorkingTime } from '../calendar/working-time.ts';
import type { Ctx } from '../context.ts';
import { calendarFor } from './deadlines.ts';
import { requesterMessage } from './notify-requester.ts';

export interface EscalationStep { caseId: string; reference: string; level: number; fromUnitId: string; toUnitId: string; deadline: 'acknowledge' | 'resolve'; dueAt: string }

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

/**
 * Every case whose deadline has passed rises to the parent of its owner, with a fresh
 * deadline from its category counted from the moment it should have risen; that repeats
 * while deadlines have passed, up to the root — so a sweep after downtime catches up.
 * Decided from the database alone: cases are claimed with SKIP LOCKED and each step has
 * its own key (case, level), so concurrent or repeated sweeps never escalate twice.
 * Set-based: a batch is read in three queries, the steps are worked out in memory (the
 * working-time arithmetic is the calendar's), and written in a few multi-row statements.
 * Runs as the system; `dryRun` reports what would happen and changes nothing.
 */
export async function escalateOverdue(ctx: Ctx, options: { dryRun?: boolean; batch?: number } = {}): Promise<EscalationStep[]> {
  const now = ctx.clock.now();
  if (!options.dryRun) await markOverdueAtRoot(ctx, now);
  const cases = (await sql<{
    id: string; reference: string; status: string; urgency: Urgency; owning_unit_id: string; escalation_level: number;
    acknowledge_due_at: Date | null; resolve_due_at: Date | null; owner_path: string[]; deadlines: Deadlines;
  }>`
    select c.id, c.reference, c.status, c.urgency, c.owning_unit_id, c.escalation_level, c.acknowledge_due_at, c.resolve_due_at,
           c.owner_path, k.deadlines
      from cases c join units u on u.id = c.owning_unit_id join case_categories k on k.id = c.category_id
     where u.parent_id is not null
       and ((c.status = 'new' and c.acknowledge_due_at <= ${now})
         or (c.status in ('acknowledged', 'in_progress', 'reopened') and c.resolve_due_at <= ${now}))
     order by least(c.acknowledge_due_at, c.resolve_due_at), c.id
     limit ${options.batch ?? 1_000}
     for update of c skip locked`.execute(ctx.db)).rows;
  if (cases.length === 0) return [];

  // Every unit a case can rise through is on its owner's path.
  const unitIds = [...new Set(cases.flatMap((c) => c.owner_path))];
  const units = new Map((await ctx.db.selectFrom('units').select(['id', 'name', 'parent_id']).where('id', 'in', unitIds).execute()).map((u) => [u.id, u]));
  const calendars = new Map<string, Calendar>();
  const calendarOf = async (unitId: string, urgency: Urgency) => {
    const key = urgency === 'life_threatening' ? 'wall' : unitId;
    if (!calendars.has(key)) calendars.set(key, await calendarFor(ctx, unitId, urgency));
    return calendars.get(key)!;
  };

  const steps: EscalationStep[] = [];
  const updates: Array<{ id: string; owner: string; level: number; acknowledgeDue: Date | null; resolveDue: Date | null }> = [];
  for (const c of cases) {
    const kind: 'acknowledge' | 'resolve' = c.status === 'new' ? 'acknowledge' : 'resolve';
    const hours = c.deadlines[c.urgency];
    let owner = units.get(c.owning_unit_id)!;
    let due = (kind === 'acknowledge' ? c.acknowledge_due_at : c.resolve_due_at)!;
    let acknowledgeDue = c.acknowledge_due_at;
    let resolveDue = c.resolve_due_at;
    let level = c.escalation_level;
    while (due <= now && owner.parent_id) {
      const parent = units.get(owner.parent_id)!;
      level += 1;
      steps.push({ caseId: c.id, reference: c.reference, level, fromUnitId: owner.id, toUnitId: parent.id, deadline: kind, dueAt: due.toISOString() });
      const calendar = await calendarOf(parent.id, c.urgency);
      const at = due;
      resolveDue = addWorkingTime(at, hours.resolveHours, calendar);
      if (kind === 'acknowledge') {
        acknowledgeDue = addWorkingTime(at, hours.acknowledgeHours, calendar);
        due = acknowledgeDue;
      } else {
        due = resolveDue;
      }
      owner = parent;
    }
    updates.push({ id: c.id, owner: owner.id, level, acknowledgeDue, resolveDue });
  }
  if (options.dryRun) return steps;

  const name = (id: string) => units.get(id)!.name;
  for (let i = 0; i < steps.length; i += CHUNK) {
    const chunk = steps.slice(i, i + CHUNK);
    // The key (case, level) refuses a second escalation of the same step outright.
    await ctx.db.insertInto('case_escalations').values(chunk.map((s) => ({
      case_id: s.caseId, level: s.level, from_unit_id: s.fromUnitId, to_unit_id: s.toUnitId, deadline: s.deadline, due_at: s.dueAt, at: now,
    }))).execute();
    await ctx.db.insertInto('case_events').values(chunk.map((s) => ({
      case_id: s.caseId, at: now, kind: 'escalated', public: true, actor_label: ctx.actor.label, actor_account_id: ctx.actor.accountId,
      from_status: null, to_status: null, from_unit_id: s.fromUnitId, to_unit_id: s.toUnitId,
      note: `The ${s.deadline} deadline passed at ${s.dueAt}; the case rose to ${name(s.toUnitId)}.`,
      details: JSON.stringify({ level: s.level, deadline: s.deadline, dueAt: s.dueAt }),
    }))).execute();
    await ctx.db.insertInto('audit_events').values(chunk.map((s) => ({
      at: now, actor_account_id: ctx.actor.accountId, actor_label: ctx.actor.label, action: 'case.escalate', target_type: 'case',
      target_id: s.caseId, unit_id: s.toUnitId, details: JSON.stringify({ level: s.level, deadline: s.deadline, dueAt: s.dueAt }),
      before: JSON.stringify({ owningUnitId: s.fromUnitId }), after: JSON.stringify({ owningUnitId: s.toUnitId }), request_id: ctx.requestId ?? null,
    }))).execute();
  }
  for (let i = 0; i < updates.length; i += CHUNK) {
    const chunk = updates.slice(i, i + CHUNK);
    // The assignee was an official of the old owner: the new owner's officials choose.
    await sql`
      update cases c
         set owning_unit_id = v.owner, owner_path = u.ancestor_ids || u.id, escalation_level = v.level,
             acknowledge_due_at = v.acknowledge_due, resolve_due_at = v.resolve_due, assignee_person_id = null, updated_at = ${now}
        from unnest(${chunk.map((u) => u.id)}::uuid[], ${chunk.map((u) => u.owner)}::uuid[], ${chunk.map((u) => u.level)}::int[],
                    ${chunk.map((u) => u.acknowledgeDue)}::timestamptz[], ${chunk.map((u) => u.resolveDue)}::timestamptz[])
             as v(id, owner, level, acknowledge_due, resolve_due)
        join units u on u.id = v.owner
       where c.id = v.id`.execute(ctx.db);
  }
  // The requesters who gave an address hear that their case went up.
  const mailed = await ctx.db.selectFrom('case_requesters as r').innerJoin('cases as c', 'c.id', 'r.case_id')
    .leftJoin('people as p', 'p.id', 'c.requester_person_id')
    .select(['c.id', 'c.reference', 'r.email', 'r.name', (eb) => eb.fn.coalesce('r.language', 'p.language').as('language')])
    .where('r.case_id', 'in', updates.map((u) => u.id)).where('r.email', 'is not', null).execute();
  for (const row of mailed) {
    const message = requesterMessage(row, { kind: 'escalated' });
    if (message) await enqueueMessage(ctx.db, message, now);
  }
  return steps;
}

/**
 * A case owned by the root has nowhere to rise: it is marked overdue from the moment
 * its deadline passed, which the dashboards count (the mark goes when its status,
 * owner or deadlines change — see migration 0008).
 */
async function markOverdueAtRoot(ctx: Ctx, now: Date): Promise<void> {
  await sql`
    update cases c
       set overdue_since = case when c.status = 'new' then c.acknowledge_due_at else c.resolve_due_at end
      from units u
     where u.id = c.owning_unit_id and u.parent_id is null and c.overdue_since is null
       and ((c.status = 'new' and c.acknowledge_due_at <= ${now})
         or (c.status in ('acknowledged', 'in_progress', 'reopened') and c.resolve_due_at <= ${now}))`.execute(ctx.db);
}
