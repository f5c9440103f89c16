import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../ids.ts';

export interface OutboxAttachment {
  filename: string;
  /** e.g. `text/calendar; charset=utf-8; method=REQUEST` */
  contentType: string;
  /** Text as is, or bytes; a string with `encoding: 'base64'` is taken as base64. */
  content: string | Uint8Array;
  encoding?: 'utf8' | 'base64';
}

export interface NewMessage {
  /** One address: each recipient is queued, retried and failed on its own. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: OutboxAttachment[];
  /** What this is, e.g. `case.assigned` (lower case, dots). */
  kind: string;
  refType?: string;
  refId?: string;
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/**
 * Queues a message in the caller's transaction, so it is sent only if the change it
 * reports commits. Any scope may enqueue; only the worker can read the queue back,
 * so nothing is returned from the row (no RETURNING: it would need read access).
 * `at` is the caller's clock (ctx.clock.now()), recorded as the creation time.
 */
export async function enqueueMessage(db: Transaction<DB>, message: NewMessage, at?: Date): Promise<string> {
  if (!ADDRESS.test(message.to)) throw new TypeError(`Not a single e-mail address: "${message.to}".`);
  // Header injection: a subject is one line.
  if (/[\r\n]/.test(message.subject)) throw new TypeError('A subject is one line.');
  const id = newId(at?.getTime());
  await db.insertInto('outbox_messages').values({
    id,
    kind: message.kind,
    ref_type: message.refType ?? null,
    ref_id: message.refId ?? null,
    to_address: message.to,
    subject: message.subject,
    text_body: message.text,
    html_body: message.html ?? null,
    attachments: JSON.stringify((message.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      base64: typeof a.content === 'string'
        ? Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8').toString('base64')
        : Buffer.from(a.content).toString('base64'),
    }))),
    ...(at ? { created_at: at } : {}),
  }).execute();
  return id;
}
