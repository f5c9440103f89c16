import { sql } from 'kysely';
import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page, type PageRequest } from '../pagination.ts';
import type { AssignmentStatus, DirectiveStatus } from '../../db/schema-directives.ts';
import { attachmentsOf, evidenceOf } from './directive-files.ts';
import { assignmentPolicy, directivePolicy } from './directive-policy.ts';
import { ASSIGNMENT_TRANSITIONS } from './act-on-assignment.ts';
import { previewReach } from './issue-directive.ts';

const num = (v: string | null) => (v === null ? null : Number(v));

/** A directive with its items, attachments, amendments and questions; a draft with how many units it would reach. */
export async function getDirective(ctx: Ctx, directiveId: string) {
  const d = await ctx.db.selectFrom('directives').selectAll().where('id', '=', directiveId).executeTakeFirst();
  if (!d) throw notFound('directive', directiveId);
  const items = await ctx.db.selectFrom('directive_items').selectAll().where('directive_id', '=', d.id).orderBy('idx').execute();
  const amendments = await ctx.db.selectFrom('directive_amendments').selectAll().where('directive_id', '=', d.id).orderBy('version').execute();
  const questions = await ctx.db.selectFrom('directive_questions').selectAll().where('directive_id', '=', d.id).orderBy('asked_at').execute();
  const manage = directivePolicy.manage(ctx.actor, d.issuer_path);
  const issuer = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('name').where('id', '=', d.issuer_unit_id).executeTakeFirstOrThrow());
  return {
    id: d.id, status: d.status, version: d.version, issuerUnitId: d.issuer_unit_id, issuerName: issuer.name,
    title: d.title, body: d.body, titles: d.titles, bodies: d.bodies,
    target: { kind: d.target_kind, depth: d.target_depth, unitIds: d.target_unit_ids },
    items: items.map((i) => ({ index: i.idx, title: i.title, dueAt: i.due_at.toISOString(), target: num(i.target), unitLabel: i.unit_label })),
    files: await attachmentsOf(ctx, d.id),
    amendments: amendments.map((a) => ({ version: a.version, at: a.at.toISOString(), by: a.actor_label, note: a.note, changes: a.changes })),
    questions: questions.map((q) => ({ id: q.id, unitId: q.unit_id, text: q.text, askedAt: q.asked_at.toISOString(), askedBy: q.asked_by,
      answer: q.answer, answeredAt: q.answered_at?.toISOString() ?? null })),
    source: d.source, createdAt: d.created_at.toISOString(), issuedAt: d.issued_at?.toISOString() ?? null,
    withdrawnAt: d.withdrawn_at?.toISOString() ?? null, withdrawReason: d.withdraw_reason,
    reach: d.status === 'draft' && manage ? await previewReach(ctx, d) : null,
    abilities: {
      manage, issue: manage && d.status === 'draft', amend: manage && d.status === 'issued', withdraw: manage && d.status === 'issued', answer: manage,
      attach: manage && d.status !== 'withdrawn',
    },
  };
}

/** The directives a unit issued, newest first. */
export async function listIssuedDirectives(ctx: Ctx, unitId: string, input: PageRequest & { status?: DirectiveStatus | undefined }) {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(unitPolicy.readAudit(ctx.actor, unit), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'read_directives');
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 2);
  let q = ctx.db.selectFrom('directives').select(['id', 'title', 'status', 'version', 'created_at', 'issued_at']).where('issuer_unit_id', '=', unitId);
  if (input.status) q = q.where('status', '=', input.status);
  if (after) q = q.where(sql<boolean>`(created_at, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return pageOf(rows.map((r) => ({ id: r.id, title: r.title, status: r.status, version: r.version, createdAt: r.created_at.toISOString(), issuedAt: r.issued_at?.toISOString() ?? null })),
    limit, (r) => [r.createdAt, r.id]);
}

export interface AssignmentItem {
  id: string; directiveId: string; title: string; status: AssignmentStatus; directiveStatus: DirectiveStatus; issuerUnitId: string;
  nextDueAt: string | null; overdue: boolean; needsAcknowledgement: boolean; createdAt: string;
}

/** A unit's inbox: what it has not acknowledged (new or amended) first, then the newest. */
export async function listUnitAssignments(ctx: Ctx, unitId: string, input: PageRequest & { status?: AssignmentStatus | undefined; overdue?: boolean | undefined }): Promise<Page<AssignmentItem>> {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(assignmentPolicy.act(ctx.actor, { unitId, path: unit.ancestorIds }), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'read_assignments');
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 3);
  const pending = sql<number>`(case when d.status = 'issued' and a.acknowledged_version < d.version then 0 else 1 end)`;
  let q = ctx.db.selectFrom('assignments as a').innerJoin('directives as d', 'd.id', 'a.directive_id')
    .select(['a.id', 'a.directive_id', 'd.title', 'a.status', 'd.status as directive_status', 'd.issuer_unit_id', 'a.next_due_at', 'a.overdue_since', 'a.created_at'])
    .select(pending.as('rank'))
    .where('a.unit_id', '=', unitId);
  if (input.status) q = q.where('a.status', '=', input.status);
  if (input.overdue !== undefined) q = q.where('a.overdue_since', input.overdue ? 'is not' : 'is', null);
  // Unacknowledged first (rank 0), newest first within a rank.
  if (after) {
    q = q.where(sql<boolean>`(${pending} > ${Number(after[0])}::int
      or (${pending} = ${Number(after[0])}::int and (a.created_at, a.id) < (${after[1]}::timestamptz, ${after[2]}::uuid)))`);
  }
  const rows = await q.orderBy(pending).orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
  const items = rows.map((r) => ({
    id: r.id, directiveId: r.directive_id, title: r.title, status: r.status, directiveStatus: r.directive_status, issuerUnitId: r.issuer_unit_id,
    nextDueAt: r.next_due_at?.toISOString() ?? null, overdue: r.overdue_since !== null, needsAcknowledgement: r.rank === 0, createdAt: r.created_at.toISOString(),
  }));
  return pageOf(items, limit, (r) => [String(r.needsAcknowledgement ? 0 : 1), r.createdAt, r.id]);
}

/** One assignment: the directive as addressed to the unit, its figures per item, reports and history. */
export async function getAssignment(ctx: Ctx, assignmentId: string) {
  const a = await withSystemScope(ctx, () => ctx.db.selectFrom('assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst());
  if (!a) throw notFound('assignment', assignmentId);
  const mayAct = assignmentPolicy.act(ctx.actor, { unitId: a.unit_id, path: a.path });
  authorize(mayAct, false, 'assignment', assignmentId, 'read_assignment');
  const directive = await withSystemScope(ctx, () => getDirective(ctx, a.directive_id));
  const unit = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('name').where('id', '=', a.unit_id).executeTakeFirstOrThrow());
  const figures = await ctx.db.selectFrom('assignment_items').selectAll().where('assignment_id', '=', a.id).execute();
  const reports = await ctx.db.selectFrom('assignment_reports').selectAll().where('assignment_id', '=', a.id).orderBy('id').execute();
  const evidence = await evidenceOf(ctx, a.id);
  const events = await ctx.db.selectFrom('assignment_events').selectAll().where('assignment_id', '=', a.id).orderBy('id').execute();
  const inForce = directive.status === 'issued';
  const { abilities: _managerAbilities, reach: _reach, ...text } = directive;
  return {
    id: a.id, directiveId: a.directive_id, unitId: a.unit_id, unitName: unit.name, status: a.status, blockedReason: a.blocked_reason,
    acknowledgedVersion: a.acknowledged_version, needsAcknowledgement: inForce && a.acknowledged_version < directive.version,
    nextDueAt: a.next_due_at?.toISOString() ?? null, overdue: a.overdue_since !== null,
    directive: text,
    items: directive.items.map((item) => {
      const f = figures.find((x) => x.idx === item.index);
      return { ...item, percent: f ? num(f.percent) : null, value: f ? num(f.value) : null };
    }),
    reports: reports.map((r) => ({
      itemIndex: r.idx, percent: num(r.percent), value: num(r.value), text: r.text, at: r.at.toISOString(), by: r.actor_label, notApplicable: r.not_applicable, files: evidence.get(Number(r.id)) ?? [],
    })),
    history: events.map((e) => ({
      at: e.at.toISOString(), from: e.from_status, to: e.to_status, by: e.actor_label,
      // The first report starts the work; act-on-assignment.ts writes that reason in English: a key for the web too.
      reason: e.reason, message: e.reason === REPORTED_PROGRESS ? 'reported_progress' as const : null,
    })),
    abilities: { act: mayAct && inForce, transitions: mayAct && inForce ? [...ASSIGNMENT_TRANSITIONS[a.status]] : [] },
  };
}

/** The reason act-on-assignment.ts records when a first report starts the work. */
const REPORTED_PROGRESS = 'Reported progress';
