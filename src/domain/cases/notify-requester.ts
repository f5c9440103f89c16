import { enqueueMessage, type NewMessage } from '../../platform/outbox/enqueue.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { mailLanguage, mailText, type MailKey } from '../mail/mail-text.ts';

export type RequesterNotice =
  | { kind: 'received'; trackingUrl?: string | undefined }
  | { kind: 'resolved' }
  | { kind: 'escalated' }
  | { kind: 'update'; note: string }
  | { kind: 'recovered'; trackingUrl: string };

/**
 * Tells a requester who gave an e-mail address what happened, through the outbox: the
 * message is written in the transaction of the change and sent only if it commits.
 * The tracking token is never stored, so only the first message can carry the link.
 */
export async function notifyRequester(ctx: Ctx, caseId: string, notice: RequesterNotice): Promise<void> {
  const row = await withSystemScope(ctx, () => ctx.db.selectFrom('cases as c').leftJoin('case_requesters as r', 'r.case_id', 'c.id')
    .leftJoin('people as p', 'p.id', 'c.requester_person_id')
    .select(['c.id', 'c.reference', 'r.email', 'r.name', (eb) => eb.fn.coalesce('r.language', 'p.language').as('language')])
    .where('c.id', '=', caseId).executeTakeFirst());
  const message = row && requesterMessage(row, notice);
  if (message) await enqueueMessage(ctx.db, message, ctx.clock.now());
}

/** The mail for one requester in their language (else the installation's), or undefined when they gave no address. */
export function requesterMessage(
  row: { id: string; reference: string; email: string | null; name: string | null; language?: string | null | undefined },
  notice: RequesterNotice,
): NewMessage | undefined {
  if (!row.email) return undefined;
  const lang = mailLanguage(row.language);
  const values = { reference: row.reference, name: row.name ?? '', url: notice.kind === 'received' || notice.kind === 'recovered' ? notice.trackingUrl ?? '' : '', note: notice.kind === 'update' ? notice.note : '' };
  const greeting = mailText(lang, row.name ? 'greetingNamed' : 'greeting', values);
  const [subject, body]: [MailKey, MailKey] = {
    received: ['requesterReceivedSubject', notice.kind === 'received' && notice.trackingUrl ? 'requesterReceived' : 'requesterReceivedNoLink'] as [MailKey, MailKey],
    resolved: ['requesterResolvedSubject', 'requesterResolved'] as [MailKey, MailKey],
    escalated: ['requesterEscalatedSubject', 'requesterEscalated'] as [MailKey, MailKey],
    update: ['requesterUpdateSubject', 'requesterUpdate'] as [MailKey, MailKey],
    recovered: ['requesterRecoveredSubject', 'requesterRecovered'] as [MailKey, MailKey],
  }[notice.kind];
  return {
    to: row.email, subject: mailText(lang, subject, values), text: `${greeting}\n\n${mailText(lang, body, values)}\n`,
    kind: `case.${notice.kind}`, refType: 'case', refId: row.id,
  };
}
