import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { asSystem } from './system-scope.ts';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

export interface OutboxListItem {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}

/** The queue, newest first, for operators (`mainstay outbox`). */
export async function listOutbox(db: Kysely<DB>, filter: { status?: OutboxStatus | undefined; limit?: number } = {}): Promise<OutboxListItem[]> {
  return asSystem(db, async (trx) => {
    let query = trx.selectFrom('outbox_messages')
      .select(['id', 'kind', 'to_address', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'next_attempt_at', 'sent_at'])
      .orderBy('created_at', 'desc').orderBy('id', 'desc')
      .limit(filter.limit ?? 50);
    if (filter.status) query = query.where('status', '=', filter.status);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id, kind: r.kind, to: r.to_address, subject: r.subject, status: r.status, attempts: r.attempts,
      lastError: r.last_error, createdAt: r.created_at, nextAttemptAt: r.next_attempt_at, sentAt: r.sent_at,
    }));
  });
}

/** How many messages are waiting to be sent at `now`. */
export async function countDue(db: Kysely<DB>, now: Date): Promise<number> {
  return asSystem(db, async (trx) => {
    const row = await trx.selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'sending'])
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
}
