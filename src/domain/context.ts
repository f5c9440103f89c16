import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';

/** Who is acting. The access issue narrows this to a scope in the tree. */
export interface Actor {
  accountId: string | null;
  /** For the audit trail: an e-mail, or `cli` / `system` for operator commands. */
  label: string;
  isAdmin: boolean;
}

export const cliActor = (): Actor => ({ accountId: null, label: `cli:${process.env.USER ?? 'operator'}`, isAdmin: true });

/** What every command receives: one open transaction, the actor, and the time. */
export interface Ctx {
  db: Transaction<DB>;
  actor: Actor;
  clock: Clock;
}

/** What every read receives: reads need no transaction of their own. */
export interface ReadCtx {
  db: Kysely<DB>;
  actor: Actor;
  clock: Clock;
}

/**
 * Runs a command in one transaction: everything it writes, its audit events
 * included, commits together or not at all.
 */
export function transact<T>(database: Database, actor: Actor, clock: Clock, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute((db) => fn({ db, actor, clock }));
}
