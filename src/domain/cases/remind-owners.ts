import { sql } from 'kysely';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { officialRecipients } from '../people/official-addresses.ts';
import { mailLanguage, mailText, mailTime } from '../mail/mail-text.ts';
import { addCaseEvent } from './case.queries.ts';

/** A reminder goes out when this share of a deadline's window is left (in wall-clock time). */
export const REMIND_WHEN_LEFT = 0.25;

export interface Reminder { caseId: string; reference: string; deadline: 'acknowledge' | 'resolve'; dueAt: string; recipients: number }

/**
 * Reminds the officials of each case's owning unit, by e-mail through the outbox, when a
 * quarter of a deadline's window is left. Idempotent: the case remembers which deadline it
 * reminded of, so a repeated or concurrent run sends nothing twice, and a new deadline
 * (referral, escalation, reopening) re-arms it. Runs as the system.
 */
export async function remindOwners(ctx: Ctx, options: { batch?: number } = {}): Promise<Reminder[]> {
  const now = ctx.clock.now();
  const limit = options.batch ?? 500;
  const due = (kind: 'acknowledge' | 'resolve') => sql<{ id: string; reference: string; owning_unit_id: string; due_at: Date }>`
    select c.id, c.reference, c.owning_unit_id, c.${sql.raw(`${kind}_due_at`)} as due_at
      from cases c join case_categories k on k.id = c.category_id
     where ${kind === 'acknowledge' ? sql`c.status = 'new'` : sql`c.status in ('acknowledged', 'in_progress', 'reopened')`}
       and c.${sql.raw(`${kind}_due_at`)} > ${now}
       and c.${sql.raw(`${kind}_due_at`)} <= ${now}::timestamptz
         + ((k.deadlines -> c.urgency ->> ${`${kind}Hours`})::float8 * ${REMIND_WHEN_LEFT}) * interval '1 hour'
       and c.${sql.raw(`${kind}_reminded_for`)} is distinct from c.${sql.raw(`${kind}_due_at`)}
     order by 4 limit ${limit}
     for update of c skip locked`.execute(ctx.db);
  const sent: Reminder[] = [];
  for (const kind of ['acknowledge', 'resolve'] as const) {
    for (const row of (await due(kind)).rows) {
      const recipients = await officialRecipients(ctx, row.owning_unit_id);
      for (const { email: to, language } of recipients) {
        const lang = mailLanguage(language);
        const values = { reference: row.reference, due: mailTime(row.due_at) };
        await enqueueMessage(ctx.db, {
          to, kind: 'case.reminder', refType: 'case', refId: row.id,
          subject: mailText(lang, kind === 'acknowledge' ? 'caseReminderAcknowledgeSubject' : 'caseReminderResolveSubject', values),
          text: `${mailText(lang, kind === 'acknowledge' ? 'caseReminderAcknowledge' : 'caseReminderResolve', values)}\n`,
        }, now);
      }
      await ctx.db.updateTable('cases').set({ [`${kind}_reminded_for`]: row.due_at }).where('id', '=', row.id).execute();
      await addCaseEvent(ctx, row.id, { kind: 'reminded', public: false, note: `${recipients.length} official(s) reminded of the ${kind} deadline`, details: { deadline: kind, dueAt: row.due_at.toISOString() } });
      await recordAudit(ctx, { action: 'case.remind', targetType: 'case', targetId: row.id, unitId: row.owning_unit_id, details: { deadline: kind, recipients: recipients.length } });
      sent.push({ caseId: row.id, reference: row.reference, deadline: kind, dueAt: row.due_at.toISOString(), recipients: recipients.length });
    }
  }
  return sent;
}
