import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The queue holds recipients' addresses, readable only with an administrator's
 * scope (migration 0006): the worker and the operator's list run as the
 * application role with that scope, like the audit chainer.
 */
export function asSystem<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', 'mainstay_app', true), set_config('mainstay.admin', 'true', true)`.execute(trx);
    return fn(trx);
  });
}
