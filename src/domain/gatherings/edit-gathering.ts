import { sql } from 'kysely';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { gatheringPolicy, refuseIfCancelled } from './gathering-policy.ts';
import { lockGathering, requeueNotices } from './gathering.queries.ts';

export interface GatheringChanges {
  title?: string | undefined;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  /** null removes it. */
  place?: string | null | undefined;
  onlineUrl?: string | null | undefined;
  /** The agenda's titles in order: items keep their minutes by position. */
  agenda?: string[] | undefined;
  /** A course's sessions; once invited, as many as before (each is its own calendar event). */
  sessions?: Array<{ title?: string | undefined; startsAt: string; endsAt: string }> | undefined;
}

interface Snapshot {
  title: string; startsAt: string; endsAt: string; place: string | null; onlineUrl: string | null;
  agenda: string[]; sessions: Array<{ title: string | null; startsAt: string; endsAt: string }>;
}

/**
 * Changes a gathering's time, place, title or agenda. Once the invitations went out,
 * a real change raises the calendar SEQUENCE and queues one update (iTIP REQUEST) for
 * every invitee already told; those not yet told get the new version as their
 * invitation. A change that changes nothing sends nothing.
 */
export async function editGathering(ctx: Ctx, gatheringId: string, input: GatheringChanges) {
  const g = await lockGathering(ctx, gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'edit');
  refuseIfCancelled(g);
  const [sessionRows, agendaRows] = await Promise.all([
    ctx.db.selectFrom('gathering_sessions').selectAll().where('gathering_id', '=', g.id).orderBy('idx').execute(),
    ctx.db.selectFrom('agenda_items').selectAll().where('gathering_id', '=', g.id).orderBy('idx').execute(),
  ]);
  const before: Snapshot = {
    title: g.title, startsAt: g.starts_at.toISOString(), endsAt: g.ends_at.toISOString(), place: g.place, onlineUrl: g.online_url,
    agenda: agendaRows.map((a) => a.title),
    sessions: sessionRows.map((s) => ({ title: s.title, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString() })),
  };
  const iso = (value: string) => new Date(value).toISOString();
  const after: Snapshot = {
    title: input.title ?? before.title,
    startsAt: input.startsAt ? iso(input.startsAt) : before.startsAt,
    endsAt: input.endsAt ? iso(input.endsAt) : before.endsAt,
    place: input.place === undefined ? before.place : input.place,
    onlineUrl: input.onlineUrl === undefined ? before.onlineUrl : input.onlineUrl,
    agenda: input.agenda ?? before.agenda,
    sessions: before.sessions,
  };
  if (!(Date.parse(after.endsAt) > Date.parse(after.startsAt))) throw invalid('ends_before_start', 'A gathering ends after it starts.', { field: input.endsAt ? 'endsAt' : 'startsAt' });
  if (g.kind !== 'course') {
    if (input.sessions) throw invalid('sessions_for_courses', 'Only a course has several sessions.', { field: 'sessions' });
    after.sessions = [{ title: null, startsAt: after.startsAt, endsAt: after.endsAt }];
  } else {
    if (input.sessions) {
      if (input.sessions.length === 0) throw invalid('sessions_required', 'A course needs its sessions.', { field: 'sessions' });
      if (g.status !== 'draft' && input.sessions.length !== before.sessions.length) {
        throw conflict('sessions_fixed', 'Once invited, a course keeps its number of sessions: cancel it and schedule another.', { sessions: before.sessions.length });
      }
      after.sessions = input.sessions.map((s) => ({ title: s.title ?? null, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt) }));
    }
    after.sessions.forEach((s, i) => {
      if (!(Date.parse(s.endsAt) > Date.parse(s.startsAt))) throw invalid('ends_before_start', `Session ${i + 1} ends before it starts.`, { field: `sessions.${i}.endsAt` });
      if (s.startsAt < after.startsAt || s.endsAt > after.endsAt) throw invalid('session_outside', `Session ${i + 1} lies outside the course's dates.`, { field: input.sessions ? `sessions.${i}` : 'startsAt' });
    });
  }
  const changed = (Object.keys(after) as Array<keyof Snapshot>).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
  if (changed.length === 0) return { id: g.id, status: g.status, sequence: g.sequence, changed, updatesQueued: 0 };

  if (changed.includes('agenda') && after.agenda.length < agendaRows.length) {
    // An item with minutes or a decision is a record of the meeting, not a plan: it stays.
    const dropped = agendaRows.slice(after.agenda.length);
    const decided = await withSystemScope(ctx, () => ctx.db.selectFrom('decisions').select('agenda_idx')
      .where('gathering_id', '=', g.id).where('agenda_idx', '>=', after.agenda.length).executeTakeFirst());
    const kept = dropped.find((a) => a.minutes !== null) ?? (decided ? dropped.find((a) => a.idx === decided.agenda_idx) : undefined);
    if (kept) throw conflict('agenda_in_use', `Agenda item ${kept.idx + 1} has minutes or a decision: it cannot be removed.`, { index: kept.idx });
  }

  const now = ctx.clock.now();
  // Invitees already hold a version: a new one for their calendars.
  const sequence = g.status === 'draft' ? g.sequence : g.sequence + 1;
  await ctx.db.updateTable('gatherings').set({
    title: after.title, starts_at: after.startsAt, ends_at: after.endsAt, place: after.place, online_url: after.onlineUrl, sequence, updated_at: now,
  }).where('id', '=', g.id).execute();
  if (changed.includes('sessions')) {
    await sql`update gathering_sessions s set title = v.title, starts_at = v.starts_at, ends_at = v.ends_at
                from unnest(${after.sessions.map((_, i) => i)}::int[], ${after.sessions.map((s) => s.title)}::text[],
                            ${after.sessions.map((s) => s.startsAt)}::timestamptz[], ${after.sessions.map((s) => s.endsAt)}::timestamptz[]) v (idx, title, starts_at, ends_at)
               where s.gathering_id = ${g.id}::uuid and s.idx = v.idx`.execute(ctx.db);
    if (after.sessions.length < before.sessions.length) {
      await ctx.db.deleteFrom('gathering_sessions').where('gathering_id', '=', g.id).where('idx', '>=', after.sessions.length).execute();
    } else if (after.sessions.length > before.sessions.length) {
      await ctx.db.insertInto('gathering_sessions').values(after.sessions.slice(before.sessions.length).map((s, i) => ({
        gathering_id: g.id, idx: before.sessions.length + i, title: s.title, starts_at: s.startsAt, ends_at: s.endsAt,
      }))).execute();
    }
  }
  if (changed.includes('agenda')) {
    for (const [idx, title] of after.agenda.entries()) {
      if (idx < agendaRows.length) {
        if (agendaRows[idx]!.title !== title) await ctx.db.updateTable('agenda_items').set({ title }).where('gathering_id', '=', g.id).where('idx', '=', idx).execute();
      } else {
        await ctx.db.insertInto('agenda_items').values({ gathering_id: g.id, idx, title }).execute();
      }
    }
    if (after.agenda.length < agendaRows.length) await ctx.db.deleteFrom('agenda_items').where('gathering_id', '=', g.id).where('idx', '>=', after.agenda.length).execute();
  }
  const updatesQueued = g.status === 'sent' ? await requeueNotices(ctx, g.id) : 0;
  const pick = (s: Snapshot) => Object.fromEntries(changed.map((k) => [k, s[k]]));
  await recordAudit(ctx, { action: 'gathering.edit', targetType: 'gathering', targetId: g.id, unitId: g.convening_unit_id,
    before: pick(before), after: pick(after), details: { sequence, updatesQueued } });
  return { id: g.id, status: g.status, sequence, changed, updatesQueued };
}
