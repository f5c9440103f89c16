import { withMessage } from './case-event-message.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { openDoor, withSystemScope, type Ctx } from '../context.ts';
import { conflict, DomainError, invalid } from '../errors.ts';
import { loadLevels } from '../org/levels.ts';
import { addCaseEvent, unitPath } from './case.queries.ts';
import { casePhotoList, readTrackedPhoto } from './case-photos.ts';
import { trackingHash } from './create-case.ts';
import { freshDeadlines, resumedDue } from './deadlines.ts';

/** How long after its resolution a requester may still reopen a case. */
export const REOPEN_WINDOW_MS = 14 * 24 * 3_600_000;

/**
 * The requester's side, reached by the tracking token alone (no account). It runs as
 * the public at the tracking door (`publicActor('track')`): the token's hash opens
 * that one case, its public timeline and photos to row-level security, and nothing
 * else. Everything it returns is still chosen here — status, public updates, the
 * owning level — never an official's name or a note meant for officials.
 */
async function caseByToken(ctx: Ctx, token: string, lock = false) {
  const hash = trackingHash(token);
  await openDoor(ctx, 'track', hash);
  let query = ctx.db.selectFrom('cases').selectAll().where('tracking_hash', '=', hash);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  // A wrong token and a missing case read the same.
  if (!row) throw new DomainError('not_found', 'case_not_found', 'No case has this tracking link.');
  return row;
}

export async function trackCase(ctx: Ctx, token: string) {
  const row = await caseByToken(ctx, token);
  // The owning unit's level (depth only): the one read above the case.
  const owner = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('depth').where('id', '=', row.owning_unit_id).executeTakeFirstOrThrow());
  const levels = await loadLevels(ctx.db);
  const category = await ctx.db.selectFrom('case_categories').select(['code', 'name', 'names']).where('id', '=', row.category_id).executeTakeFirstOrThrow();
  const updates = await ctx.db.selectFrom('case_events').select(['at', 'kind', 'to_status', 'note', 'details'])
    .where('case_id', '=', row.id).where('public', '=', true).orderBy('id').execute();
  const photos = await casePhotoList(ctx, row.id);
  const now = ctx.clock.now().getTime();
  const withinWindow = row.resolved_at !== null && now - row.resolved_at.getTime() <= REOPEN_WINDOW_MS;
  return {
    reference: row.reference, status: row.status, category: { code: category.code, name: category.name, names: category.names },
    owningLevel: levels.byDepth(owner.depth).name, createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    updates: updates.map((u) => ({ at: u.at.toISOString(), kind: u.kind, status: u.to_status, ...withMessage(u) })),
    rating: row.rating_stars ? { stars: row.rating_stars, comment: row.rating_comment } : null,
    photos,
    can: {
      confirm: row.status === 'resolved',
      reopen: (row.status === 'resolved' || row.status === 'closed') && withinWindow,
      rate: (row.status === 'resolved' || row.status === 'closed') && row.rating_stars === null,
      addInformation: !['closed', 'merged'].includes(row.status),
    },
  };
}

/** A photo the requester sent with the case, back to them by the tracking token. */
export async function trackedPhoto(ctx: Ctx, token: string, position: number) {
  return readTrackedPhoto(ctx, await caseByToken(ctx, token), position);
}

/** The requester confirms the resolution: the case closes. */
export async function confirmCase(ctx: Ctx, token: string) {
  const row = await caseByToken(ctx, token, true);
  if (row.status !== 'resolved') throw conflict('not_resolved', 'Only a resolved case can be confirmed.', { status: row.status });
  await withSystemScope(ctx, async () => {
    await ctx.db.updateTable('cases').set({ status: 'closed', closed_at: ctx.clock.now(), updated_at: ctx.clock.now() }).where('id', '=', row.id).execute();
    await addCaseEvent(ctx, row.id, { kind: 'confirmed', public: true, fromStatus: 'resolved', toStatus: 'closed' });
    await recordAudit(ctx, { action: 'case.confirm', targetType: 'case', targetId: row.id, unitId: row.owning_unit_id });
  });
}

/**
 * Not resolved after all: within 14 days the case goes back to the unit that resolved
 * it, with a fresh deadline, and counts against that unit's resolution figures.
 */
export async function reopenCase(ctx: Ctx, token: string, reason: string) {
  const row = await caseByToken(ctx, token, true);
  if (!(row.status === 'resolved' || row.status === 'closed') || !row.resolved_at) {
    throw conflict('not_resolved', 'Only a resolved case can be reopened.', { status: row.status });
  }
  if (ctx.clock.now().getTime() - row.resolved_at.getTime() > REOPEN_WINDOW_MS) {
    throw conflict('reopen_window_passed', 'A case can be reopened within 14 days of its resolution; file a new request instead.');
  }
  await withSystemScope(ctx, async () => {
    const unit = (await unitPath(ctx, row.resolved_by_unit_id ?? row.owning_unit_id))!;
    const category = await ctx.db.selectFrom('case_categories').select('deadlines').where('id', '=', row.category_id).executeTakeFirstOrThrow();
    const now = ctx.clock.now();
    const due = await freshDeadlines(ctx, unit.id, now, category.deadlines, row.urgency);
    await ctx.db.updateTable('cases').set({
      status: 'reopened', owning_unit_id: unit.id, owner_path: unit.path, closed_at: null, resolved_at: null,
      resolve_due_at: due.resolve_due_at, reopen_count: row.reopen_count + 1, updated_at: now,
    }).where('id', '=', row.id).execute();
    await addCaseEvent(ctx, row.id, { kind: 'reopened', public: true, fromStatus: row.status, toStatus: 'reopened', toUnitId: unit.id, note: reason });
    await recordAudit(ctx, { action: 'case.reopen', targetType: 'case', targetId: row.id, unitId: unit.id, details: { reopenCount: row.reopen_count + 1 } });
  });
}

export async function rateCase(ctx: Ctx, token: string, input: { stars: number; comment?: string | undefined }) {
  const row = await caseByToken(ctx, token, true);
  if (!(row.status === 'resolved' || row.status === 'closed')) throw conflict('not_resolved', 'A case is rated once it is resolved.', { status: row.status });
  if (row.rating_stars !== null) throw conflict('already_rated', 'This case has been rated already.');
  if (!Number.isInteger(input.stars) || input.stars < 1 || input.stars > 5) throw invalid('bad_stars', 'Give 1 to 5 stars.', { field: 'stars' });
  await withSystemScope(ctx, async () => {
    await ctx.db.updateTable('cases').set({ rating_stars: input.stars, rating_comment: input.comment ?? null, rated_at: ctx.clock.now() }).where('id', '=', row.id).execute();
    await addCaseEvent(ctx, row.id, { kind: 'rated', public: true, note: input.comment, details: { stars: input.stars } });
    await recordAudit(ctx, { action: 'case.rate', targetType: 'case', targetId: row.id, unitId: row.owning_unit_id, details: { stars: input.stars } });
  });
}

/** The requester adds information; a case waiting on them resumes, its clock running again. */
export async function addRequesterInformation(ctx: Ctx, token: string, text: string) {
  const row = await caseByToken(ctx, token, true);
  if (row.status === 'closed' || row.status === 'merged') throw conflict('case_closed', 'This case is closed; file a new request instead.');
  await withSystemScope(ctx, async () => {
    const now = ctx.clock.now();
    if (row.status === 'waiting') {
      const resolveDue = row.resolve_due_at && row.paused_at
        ? await resumedDue(ctx, row.owning_unit_id, row.urgency, row.paused_at, row.resolve_due_at, now) : row.resolve_due_at;
      await ctx.db.updateTable('cases').set({ status: 'in_progress', paused_at: null, resolve_due_at: resolveDue, updated_at: now }).where('id', '=', row.id).execute();
      await addCaseEvent(ctx, row.id, { kind: 'in_progress', public: true, fromStatus: 'waiting', toStatus: 'in_progress' });
    }
    await addCaseEvent(ctx, row.id, { kind: 'requester_information', public: true, note: text });
    await recordAudit(ctx, { action: 'case.requester_information', targetType: 'case', targetId: row.id, unitId: row.owning_unit_id });
  });
}
