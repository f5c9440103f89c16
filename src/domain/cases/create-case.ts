import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../platform/ids.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { authorize } from '../access/guard.ts';
import type { Urgency } from '../../db/schema-cases.ts';
import { addCaseEvents, newReference, unitPath } from './case.queries.ts';
import { casePolicy } from './case-policy.ts';
import { storeCasePhotos } from './case-photos.ts';
import { categoryByCode } from './categories.ts';
import { freshDeadlines } from './deadlines.ts';
import { requesterMessage } from './notify-requester.ts';
import { cleanPhotos, type PhotoUpload } from './photos.ts';
import { routeCase } from './route-case.ts';

export interface CreateCaseInput {
  categoryCode: string;
  description: string;
  urgency: Urgency;
  lat?: number | undefined;
  long?: number | undefined;
  address?: string | undefined;
  requester?: { name?: string | undefined; email?: string | undefined; phone?: string | undefined } | undefined;
  /** The public form: the area the resident picked because the place matched none. */
  areaUnitId?: string | undefined;
  /** The unit whose form or API key received it: its triage queue takes what cannot be placed. */
  receivedByUnitId?: string | undefined;
  /** Where the web app is reached, for the tracking link in the requester's first e-mail. */
  publicUrl?: string | undefined;
  /** Up to three images, checked and stripped of their metadata before anything is written. */
  photos?: readonly PhotoUpload[] | undefined;
}

export type Channel = 'web' | 'official' | 'member' | 'open311';

export interface CreatedCase { id: string; reference: string; trackingToken: string; owningUnitId: string }

export const trackingHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A difficulty enters: it is placed (routing, recorded with its reason), owned by one
 * unit with deadlines from its category, and given a tracking link and a reference.
 * The three doors — the public form, an official filing on someone's behalf, a member's
 * own request, Open311 — all land here; `channel` says which.
 */
export async function createCase(ctx: Ctx, input: CreateCaseInput, channel: Channel): Promise<CreatedCase> {
  if ((input.lat === undefined) !== (input.long === undefined)) {
    throw invalid('incomplete_place', 'Give both lat and long, or neither.', { field: input.lat === undefined ? 'lat' : 'long' });
  }
  // A bad photo refuses the whole case, before anything is read or written.
  const photos = await cleanPhotos(input.photos ?? []);
  const category = await categoryByCode(ctx, input.categoryCode);
  if (channel !== 'official' && !category.public) {
    throw invalid('unknown_category', `There is no category "${input.categoryCode}".`, { field: 'categoryCode', code: input.categoryCode });
  }
  // A unit the caller names must exist — and at the staff door be one the actor acts in,
  // refused exactly as a missing one (the public form and an API key may name any unit).
  const named = input.receivedByUnitId;
  if (named) {
    const unit = await unitPath(ctx, named);
    if (!unit) throw notFound('unit', named);
    const staff = channel === 'official' || channel === 'member';
    authorize(!staff || casePolicy.receiveIn(ctx.actor, { id: unit.id, ancestorIds: unit.ancestor_ids }), false, 'unit', named, 'receive_case');
  }
  const receivedBy = named ?? await defaultReceiver(ctx, channel);
  const routing = await routeCase(ctx, {
    lat: input.lat, long: input.long, address: input.address, receivedByUnitId: receivedBy, handlingDepth: category.handling_depth,
    pickedUnitId: input.areaUnitId,
    memberCellId: channel === 'member' ? ctx.actor.cellId ?? undefined : undefined,
  });
  const now = ctx.clock.now();
  const id = newId();
  const trackingToken = randomBytes(24).toString('base64url');
  const reference = await uniqueReference(ctx);
  const due = await freshDeadlines(ctx, routing.owningUnitId, now, category.deadlines, input.urgency);
  await ctx.db.insertInto('cases').values({
    id, reference, tracking_hash: trackingHash(trackingToken), category_id: category.id, urgency: input.urgency,
    description: input.description, lat: input.lat ?? null, long: input.long ?? null, address: input.address ?? null,
    requester_person_id: channel === 'member' ? ctx.actor.personId : null, channel,
    received_by_unit_id: receivedBy, owning_unit_id: routing.owningUnitId,
    owner_path: routing.ownerPath, involved_path: routing.ownerPath, triage: routing.triage,
    status: 'new', ...due, created_at: now, updated_at: now,
  }).execute();
  const requester = input.requester;
  if (requester && (requester.name || requester.email || requester.phone)) {
    await ctx.db.insertInto('case_requesters').values({
      case_id: id, name: requester.name ?? null, email: requester.email ?? null, phone: requester.phone ?? null,
    }).execute();
  }
  await storeCasePhotos(ctx, id, photos);
  await addCaseEvents(ctx, id, [
    { kind: 'created', public: true, toStatus: 'new', toUnitId: routing.owningUnitId, details: { channel } },
    { kind: routing.triage ? 'triage' : 'routed', public: false, toUnitId: routing.owningUnitId, note: routing.reason, details: { placedUnitId: routing.placedUnitId } },
  ]);
  // No personal data in the trail: the requester's details live with the case only.
  await recordAudit(ctx, {
    action: 'case.create', targetType: 'case', targetId: id, unitId: routing.owningUnitId,
    details: { reference, category: category.code, urgency: input.urgency, channel, triage: routing.triage, ...(photos.length ? { photos: photos.length } : {}) },
  });
  // The requester's details are at hand: the message is made from them rather than read back.
  const message = requesterMessage({ id, reference, email: requester?.email ?? null, name: requester?.name ?? null },
    { kind: 'received', trackingUrl: input.publicUrl ? `${input.publicUrl}/track/${trackingToken}` : undefined });
  if (message) await enqueueMessage(ctx.db, message, now);
  return { id, reference, trackingToken, owningUnitId: routing.owningUnitId };
}

/** The staff door (`POST /api/v1/cases`): the policy says whether this is an official's filing or a member's own. */
export const fileCase = (ctx: Ctx, input: CreateCaseInput) => createCase(ctx, input, casePolicy.staffChannel(ctx.actor));

/** Where a case comes in when the caller names no unit: an official's own unit, a member's cell, else the root. */
async function defaultReceiver(ctx: Ctx, channel: Channel): Promise<string> {
  if (channel === 'official' && ctx.actor.officialUnitIds[0]) return ctx.actor.officialUnitIds[0];
  if (channel === 'member' && ctx.actor.cellId) return ctx.actor.cellId;
  const root = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirst());
  if (!root) throw invalid('no_organization', 'The organization has no units yet.');
  return root.id;
}

async function uniqueReference(ctx: Ctx): Promise<string> {
  for (;;) {
    const reference = newReference();
    const taken = await withSystemScope(ctx, () => ctx.db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst());
    if (!taken) return reference;
  }
}
