import { randomInt } from 'node:crypto';
import { newId } from '../../platform/ids.ts';
import type { GatheringKind, InviteeRule } from '../../db/schema-gatherings.ts';
import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { loadLevels } from '../org/levels.ts';
import { gatheringPolicy } from './gathering-policy.ts';

export interface GatheringInput {
  kind: GatheringKind;
  conveningUnitId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place?: string | undefined;
  onlineUrl?: string | undefined;
  agenda?: string[] | undefined;
  /** A course's sessions; other kinds have one, the gathering's own time. */
  sessions?: Array<{ title?: string | undefined; startsAt: string; endsAt: string }> | undefined;
  invitees: { rule: InviteeRule; unitId: string; level?: string | undefined };
}

/** Schedules a gathering; nobody is invited until it is sent. */
export async function createGathering(ctx: Ctx, input: GatheringInput): Promise<{ id: string }> {
  const unit = await placeUnit(ctx, input.conveningUnitId);
  if (!unit) throw notFound('unit', input.conveningUnitId);
  const path = [...unit.ancestorIds, unit.id];
  authorize(gatheringPolicy.manage(ctx.actor, path), unitPolicy.read(ctx.actor, unit), 'unit', unit.id, 'convene');
  const starts = Date.parse(input.startsAt);
  const ends = Date.parse(input.endsAt);
  if (!(ends > starts)) throw invalid('ends_before_start', 'A gathering ends after it starts.', { field: 'endsAt' });
  const sessions = input.kind === 'course' ? input.sessions ?? [] : [{ startsAt: input.startsAt, endsAt: input.endsAt }];
  if (sessions.length === 0) throw invalid('sessions_required', 'A course needs its sessions.', { field: 'sessions' });
  if (input.kind !== 'course' && input.sessions?.length) throw invalid('sessions_for_courses', 'Only a course has several sessions.', { field: 'sessions' });
  sessions.forEach((s, i) => {
    const [a, b] = [Date.parse(s.startsAt), Date.parse(s.endsAt)];
    if (!(b > a)) throw invalid('ends_before_start', `Session ${i + 1} ends before it starts.`, { field: `sessions.${i}.endsAt` });
    if (a < starts || b > ends) throw invalid('session_outside', `Session ${i + 1} lies outside the course's dates.`, { field: `sessions.${i}` });
  });

  // The invitees' unit must lie in the convening unit's subtree: a unit invites its own.
  const inviteeUnit = await placeUnit(ctx, input.invitees.unitId);
  if (!inviteeUnit || (inviteeUnit.id !== unit.id && !inviteeUnit.ancestorIds.includes(unit.id))) {
    throw invalid('invitees_outside', 'Invitees come from the convening unit or the units below it.', { field: 'invitees.unitId' });
  }
  let depth: number | null = null;
  if (input.invitees.rule === 'secretaries-at-level') {
    if (!input.invitees.level) throw invalid('level_required', 'Name the level whose secretaries are invited.', { field: 'invitees.level' });
    depth = (await loadLevels(ctx.db)).byKey(input.invitees.level).depth;
  }
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.insertInto('gatherings').values({
    id, kind: input.kind, convening_unit_id: unit.id, convening_path: path, title: input.title,
    starts_at: input.startsAt, ends_at: input.endsAt, place: input.place ?? null, online_url: input.onlineUrl ?? null,
    invitee_rule: input.invitees.rule, invitee_unit_id: inviteeUnit.id, invitee_depth: depth,
    checkin_code: String(randomInt(0, 1_000_000)).padStart(6, '0'), created_at: now, updated_at: now,
  }).execute();
  await ctx.db.insertInto('gathering_sessions').values(sessions.map((s, idx) => ({
    gathering_id: id, idx, title: 'title' in s ? s.title ?? null : null, starts_at: s.startsAt, ends_at: s.endsAt,
  }))).execute();
  if (input.agenda?.length) {
    await ctx.db.insertInto('agenda_items').values(input.agenda.map((title, idx) => ({ gathering_id: id, idx, title }))).execute();
  }
  await recordAudit(ctx, { action: 'gathering.create', targetType: 'gathering', targetId: id, unitId: unit.id, after: { kind: input.kind, title: input.title, startsAt: input.startsAt, invitees: input.invitees } });
  return { id };
}
