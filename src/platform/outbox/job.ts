import type { Database } from '../../db/database.ts';
import type { ScheduledJob } from '../scheduler.ts';
import { deliverDueMessages, type DeliveryOptions } from './deliver.ts';
import { countDue } from './list.ts';
import type { MailTransport } from './transport.ts';

export const OUTBOX_INTERVAL_MS = 1_000;

export interface OutboxJobLog { info(message: string): void; warn(message: string): void }

/**
 * The delivery worker as a scheduled job. Without a transport (no SMTP_URL) mail
 * stays queued, and the job says so once, when it first finds mail waiting: the
 * queue is the record, and setting SMTP_URL later sends it all.
 */
export function outboxJob(database: Database, transport: MailTransport | undefined, log: OutboxJobLog, options: DeliveryOptions = {}): ScheduledJob {
  let warned = false;
  return {
    name: 'outbox',
    everyMs: OUTBOX_INTERVAL_MS,
    async run(now) {
      if (!transport) {
        if (!warned) {
          const waiting = await countDue(database.db, now);
          if (waiting > 0) {
            warned = true;
            log.warn(`Mail is not configured (set SMTP_URL): ${waiting} message(s) stay queued until it is.`);
          }
        }
        return;
      }
      const report = await deliverDueMessages(database.db, transport, now, options);
      if (report.retrying + report.failed > 0) {
        log.warn(`Outbox: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} given up (see \`mainstay outbox\`).`);
      } else if (report.sent > 0) {
        log.info(`Outbox: ${report.sent} sent.`);
      }
    },
  };
}
