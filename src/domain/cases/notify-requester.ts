import { enqueueMessage, type NewMessage } from '../../platform/outbox/enqueue.ts';
import { withSystemScope, type Ctx } from '../context.ts';

export type RequesterNotice =
  | { kind: 'received'; trackingUrl?: string | undefined }
  | { kind: 'resolved' }
  | { kind: 'escalated' }
  | { kind: 'update'; note: string }
  | { kind: 'recovered'; trackingUrl: string };

const SUBJECT: Record<RequesterNotice['kind'], string> = {
  received: 'We received your request',
  resolved: 'Your request is resolved — please confirm',
  escalated: 'Your request has gone to the level above',
  update: 'An update on your request',
  recovered: 'Your new tracking link',
};

/**
 * Tells a requester who gave an e-mail address what happened, through the outbox: the
 * message is written in the transaction of the change and sent only if it commits.
 * The tracking token is never stored, so only the first message can carry the link.
 */
export async function notifyRequester(ctx: Ctx, caseId: string, notice: RequesterNotice): Promise<void> {
  const row = await withSystemScope(ctx, () => ctx.db.selectFrom('cases as c').leftJoin('case_requesters as r', 'r.case_id', 'c.id')
    .select(['c.id', 'c.reference', 'r.email', 'r.name']).where('c.id', '=', caseId).executeTakeFirst());
  const message = row && requesterMessage(row, notice);
  if (message) await enqueueMessage(ctx.db, message, ctx.clock.now());
}

/** The mail for one requester, or undefined when they gave no address. */
export function requesterMessage(row: { id: string; reference: string; email: string | null; name: string | null }, notice: RequesterNotice): NewMessage | undefined {
  if (!row.email) return undefined;
  const greeting = row.name ? `Dear ${row.name},` : 'Hello,';
  const body = {
    received: `we received your request ${row.reference}. ${notice.kind === 'received' && notice.trackingUrl ? `Follow it, add information and confirm the result at:\n${notice.trackingUrl}\n\nKeep this message: the link is the key to your request.` : 'Keep its reference.'}`,
    resolved: `your request ${row.reference} has been marked resolved. Please confirm it, or reopen it within 14 days, with the link from our first message.`,
    escalated: `your request ${row.reference} was not handled in time, so it has gone to the level above, which now answers for it.`,
    recovered: `someone asked for the tracking link of your request ${row.reference} again. Here is a new one; the old link no longer works:\n${notice.kind === 'recovered' ? notice.trackingUrl : ''}\n\nIf it was not you, you can ignore this message: the link was sent only to you.`,
    update: `there is news on your request ${row.reference}:\n\n${notice.kind === 'update' ? notice.note : ''}`,
  }[notice.kind];
  return {
    to: row.email, subject: `${SUBJECT[notice.kind]} (${row.reference})`, text: `${greeting}\n\n${body}\n`,
    kind: `case.${notice.kind}`, refType: 'case', refId: row.id,
  };
}
