import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { invalid } from '../errors.ts';
import { trackingHash } from './create-case.ts';
import { requesterMessage } from './notify-requester.ts';

export interface RecoverInput {
  reference: string;
  /** The e-mail address or phone number the resident gave with the case. */
  contact: string;
  /** Where the web app is reached, for the new link. */
  publicUrl: string;
}

/** What every caller is told, whether the pair matched, did not, or names no case. */
export const RECOVERY_ANSWER = 'If the reference and the contact match a request, a new tracking link has been sent to that contact. '
  + 'Only e-mail can be sent for now; text messages are not sent yet.';

/**
 * A lost tracking link, recovered: the reference and the contact the resident gave → a
 * new link sent to that contact, never shown. Runs as the public at the recovery door
 * (`publicActor('recover')`); the pair is looked up by one narrow function (migration
 * 0020) that answers only a matching pair. Every call is audited, without the contact.
 * The answer is the same whatever happened, so the door tells nobody which references
 * exist or what contact a request was made with.
 */
export async function recoverTrackingLink(ctx: Ctx, input: RecoverInput): Promise<{ message: string }> {
  const contact = input.contact.trim();
  const byEmail = contact.includes('@');
  const digits = contact.replace(/[^0-9]/g, '');
  if (!byEmail && digits.length < 3) {
    throw invalid('contact_format', 'Give the e-mail address or the phone number you gave with your request.', { field: 'contact' });
  }
  const token = randomBytes(24).toString('base64url');
  const found = (await sql<{ case_id: string; email: string | null; name: string | null; replaced: boolean }>`
    select case_id, email, name, replaced
      from mainstay_recover_tracking(${input.reference}, ${byEmail ? contact : null}, ${byEmail ? null : digits}, ${trackingHash(token)})`
    .execute(ctx.db)).rows[0];
  // A matching phone number: no gateway for text messages yet, so nothing is sent (and the old link stays).
  const outcome = !found ? 'no_match' : found.replaced ? 'sent_by_email' : 'phone_not_supported';
  if (found?.email && found.replaced) {
    const reference = input.reference.trim().toUpperCase();
    const message = requesterMessage({ id: found.case_id, reference, email: found.email, name: found.name },
      { kind: 'recovered', trackingUrl: `${input.publicUrl}/track/${token}` });
    if (message) await enqueueMessage(ctx.db, message, ctx.clock.now());
  }
  // No contact and no unknown reference in the trail: only what happened, and to which case.
  await recordAudit(ctx, {
    action: 'case.tracking_recover', targetType: found ? 'case' : 'organization', targetId: found?.case_id,
    details: { outcome, contactKind: byEmail ? 'email' : 'phone' },
  });
  return { message: RECOVERY_ANSWER };
}
