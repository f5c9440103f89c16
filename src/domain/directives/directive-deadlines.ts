import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { systemActor, transact, type Ctx } from '../context.ts';
import { officialRecipients } from '../people/official-addresses.ts';
import { mailLanguage, mailText, mailTime } from '../mail/mail-text.ts';

/** Officials hear of an item's due date this long before it. */
export const REMIND_BEFORE_MS = 24 * 3_600_000;
/** Assignments marked overdue per run: a national deadline is marked over a few runs, each a bounded transaction. */
const MARK_BATCH = 50_000;

/**
 * Marks the assignments whose next due date passed with the work not done (the rollups
 * count them through the change log), and reminds the officials of units whose next due
 * date is near. Idempotent: marks are set once, and an assignment remembers which due
 * date it reminded of — a new due date (an amendment, a completed item) re-arms it.
 */
export async function runDirectiveDeadlines(ctx: Ctx, options: { batch?: number } = {}) {
  const now = ctx.clock.now();
  const marked = await sql`
    update assignments a set overdue_since = a.next_due_at
     where a.id in (select a2.id from assignments a2 join directives d on d.id = a2.directive_id and d.status = 'issued'
                     where a2.status <> 'done' and a2.next_due_at <= ${now} and a2.overdue_since is null
                     limit ${MARK_BATCH} for update of a2 skip locked)`.execute(ctx.db);
  const due = (await sql<{ id: string; unit_id: string; next_due_at: Date; title: string; directive_id: string }>`
    select a.id, a.unit_id, a.next_due_at, d.title, d.id as directive_id
      from assignments a join directives d on d.id = a.directive_id and d.status = 'issued'
     where a.status <> 'done' and a.next_due_at > ${now} and a.next_due_at <= ${new Date(now.getTime() + REMIND_BEFORE_MS)}
       and a.reminded_for is distinct from a.next_due_at
     order by a.next_due_at limit ${options.batch ?? 500}
     for update of a skip locked`.execute(ctx.db)).rows;
  for (const row of due) {
    const recipients = await officialRecipients(ctx, row.unit_id);
    for (const { email: to, language } of recipients) {
      const lang = mailLanguage(language);
      const values = { title: row.title, due: mailTime(row.next_due_at) };
      await enqueueMessage(ctx.db, {
        to, kind: 'directive.reminder', refType: 'assignment', refId: row.id,
        subject: mailText(lang, 'directiveReminderSubject', values).replace(/[\r\n]+/g, ' '),
        text: `${mailText(lang, 'directiveReminder', values)}\n`,
      }, now);
    }
    await ctx.db.updateTable('assignments').set({ reminded_for: row.next_due_at }).where('id', '=', row.id).execute();
    await recordAudit(ctx, { action: 'assignment.remind', targetType: 'assignment', targetId: row.id, unitId: row.unit_id, details: { directiveId: row.directive_id, dueAt: row.next_due_at.toISOString(), recipients: recipients.length } });
  }
  return { markedOverdue: Number(marked.numAffectedRows ?? 0n), reminded: due.length };
}

/** Folds at most a batch of the change log into the rollups per statement, until it is empty. */
export async function applyDirectiveDeltas(ctx: Ctx, maxRows = 20_000): Promise<number> {
  let folded = 0;
  for (;;) {
    const n = (await sql<{ n: number }>`select mainstay_apply_directive_deltas(${maxRows}::int) as n`.execute(ctx.db)).rows[0]!.n;
    folded += n;
    if (n < maxRows) return folded;
  }
}

export const directiveDeadlinesJob = (database: Database): ScheduledJob => ({
  name: 'directives.deadlines',
  everyMs: 60_000,
  run: (now) => transact(database, systemActor('system:directive-deadlines'), { now: () => now }, (ctx) => runDirectiveDeadlines(ctx)),
});

export const directiveRollupsJob = (database: Database): ScheduledJob => ({
  name: 'directives.rollups',
  everyMs: 1_000,
  run: (now) => transact(database, systemActor('system:directive-rollups'), { now: () => now }, (ctx) => applyDirectiveDeltas(ctx)),
});
