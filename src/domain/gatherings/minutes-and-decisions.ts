import { newId } from '../../platform/ids.ts';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { createDirective } from '../directives/create-directive.ts';
import { getDirective } from '../directives/read-directives.ts';
import { gatheringPolicy, refuseIfCancelled } from './gathering-policy.ts';
import { lockGathering } from './gathering.queries.ts';

/** Adds an agenda item (append) or writes the minutes of one. */
export async function writeAgenda(ctx: Ctx, gatheringId: string, input: { index?: number | undefined; title?: string | undefined; minutes?: string | undefined }) {
  const g = await lockGathering(ctx, gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'keep_minutes');
  refuseIfCancelled(g);
  const items = await ctx.db.selectFrom('agenda_items').select(['idx', 'title', 'minutes']).where('gathering_id', '=', g.id).orderBy('idx').execute();
  if (input.index === undefined) {
    if (!input.title) throw invalid('title_required', 'A new agenda item needs a title.', { field: 'title' });
    await ctx.db.insertInto('agenda_items').values({ gathering_id: g.id, idx: items.length, title: input.title, minutes: input.minutes ?? null }).execute();
  } else {
    const item = items.find((i) => i.idx === input.index);
    if (!item) throw invalid('no_such_item', `The agenda has no item ${input.index}.`, { field: 'index' });
    await ctx.db.updateTable('agenda_items').set({ ...(input.title ? { title: input.title } : {}), ...(input.minutes !== undefined ? { minutes: input.minutes } : {}) })
      .where('gathering_id', '=', g.id).where('idx', '=', input.index).execute();
  }
  await recordAudit(ctx, { action: 'gathering.minutes', targetType: 'gathering', targetId: g.id, unitId: g.convening_unit_id, details: { index: input.index ?? items.length, title: input.title } });
  return { index: input.index ?? items.length };
}

export interface DecisionInput { text: string; agendaIndex?: number | undefined; votes?: { for: number; against: number; abstain: number } | undefined }

/** A decision, with its votes where a vote was taken. */
export async function recordDecision(ctx: Ctx, gatheringId: string, input: DecisionInput): Promise<{ id: string }> {
  const g = await lockGathering(ctx, gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'record_decision');
  refuseIfCancelled(g);
  if (input.agendaIndex !== undefined) {
    const item = await ctx.db.selectFrom('agenda_items').select('idx').where('gathering_id', '=', g.id).where('idx', '=', input.agendaIndex).executeTakeFirst();
    if (!item) throw invalid('no_such_item', `The agenda has no item ${input.agendaIndex}.`, { field: 'agendaIndex' });
  }
  const id = newId();
  await ctx.db.insertInto('decisions').values({
    id, gathering_id: g.id, agenda_idx: input.agendaIndex ?? null, text: input.text,
    votes_for: input.votes?.for ?? null, votes_against: input.votes?.against ?? null, votes_abstain: input.votes?.abstain ?? null,
    created_at: ctx.clock.now(),
  }).execute();
  await recordAudit(ctx, { action: 'gathering.decision', targetType: 'decision', targetId: id, unitId: g.convening_unit_id, details: { gatheringId: g.id, text: input.text, votes: input.votes } });
  return { id };
}

/** Days a pre-filled directive gives its single item, until the issuer edits the draft. */
const DEFAULT_DAYS = 30;

/**
 * Turns a decision into a draft directive of the convening unit, pre-filled with the
 * decision's text and votes, linked both ways; the issuer edits and issues it.
 */
export async function decisionToDirective(ctx: Ctx, decisionId: string) {
  const decision = await withSystemScope(ctx, () => ctx.db.selectFrom('decisions').selectAll().where('id', '=', decisionId).forUpdate().executeTakeFirst());
  if (!decision) throw notFound('decision', decisionId);
  const g = await lockGathering(ctx, decision.gathering_id);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'decision', decisionId, 'make_directive');
  if (decision.directive_id) throw conflict('already_a_directive', 'This decision already has its directive.', { directiveId: decision.directive_id });
  const votes = decision.votes_for === null ? '' : `\n\nVotes: ${decision.votes_for} for, ${decision.votes_against} against, ${decision.votes_abstain} abstaining.`;
  const firstLine = decision.text.split('\n')[0]!.trim();
  const { id } = await createDirective(ctx, {
    issuerUnitId: g.convening_unit_id,
    title: firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine,
    body: `${decision.text}\n\nDecided at "${g.title}" on ${g.starts_at.toISOString().slice(0, 10)}.${votes}`,
    items: [{ title: 'Carry out the decision', dueAt: new Date(ctx.clock.now().getTime() + DEFAULT_DAYS * 86_400_000).toISOString() }],
    target: { kind: 'all' },
    source: { kind: 'decision', id: decision.id, gatheringId: g.id },
  });
  await withSystemScope(ctx, () => ctx.db.updateTable('decisions').set({ directive_id: id }).where('id', '=', decision.id).execute());
  return getDirective(ctx, id);
}
