import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';
import { recordAudit } from './audit/record-audit.ts';
import { AccessDenied } from './errors.ts';

/** Who is acting, and the part of the tree they act on. */
export interface Actor {
  accountId: string | null;
  personId: string | null;
  /** For the audit trail: an e-mail, or `cli:<user>` / `system:<task>` for operators and tasks. */
  label: string;
  isAdmin: boolean;
  /** Units where the actor holds a current official role: they act on these subtrees. */
  officialUnitIds: string[];
  /** The actor's own cell, which a member may read. */
  cellId: string | null;
  /** A stranger at a public door: no scope at all, only the key that door is given (`openDoor`). */
  door?: PublicDoor | undefined;
}

/** The doors that need no account (migration 0016_public_doors.sql). */
export type PublicDoor = 'intake' | 'track' | 'open311' | 'feed' | 'recover';

/**
 * The public at one door: not an administrator, no units, no cell, no person — row-level
 * security shows it nothing but what the door's key opens. Steps that must reach wider
 * (routing, reference numbers, deadlines, counters) use `withSystemScope` for that step only.
 */
export const publicActor = (door: PublicDoor, label: string = `public:${door}`): Actor => ({
  accountId: null, personId: null, label, isAdmin: false, officialUnitIds: [], cellId: null, door,
});

/** The key a public door holds: a tracking token's hash, a calendar token, an API key's hash. */
export async function openDoor(ctx: Ctx, key: 'track' | 'feed' | 'api_key', value: string): Promise<void> {
  await sql`select set_config(${`mainstay.${key}`}, ${value}, true)`.execute(ctx.db);
}

export const systemActor = (label: string): Actor => ({
  accountId: null, personId: null, label, isAdmin: true, officialUnitIds: [], cellId: null,
});

export const cliActor = (): Actor => systemActor(`cli:${process.env.USER ?? 'operator'}`);

/** What every command and read receives: one open transaction, the actor, the time. */
export interface Ctx {
  db: Transaction<DB>;
  actor: Actor;
  clock: Clock;
  /** Ties audit events to the request that caused them. */
  requestId?: string | undefined;
}

/** Reads run in a transaction too: the actor's scope is a transaction-local setting. */
export type ReadCtx = Ctx;

/**
 * Runs `fn` in one transaction as the application role (not the tables' owner,
 * no BYPASSRLS) with the actor's scope set for row-level security. Both settings
 * are transaction-local, so nothing carries over to the next transaction on the
 * same connection. Everything written, audit events included, commits together.
 * A refusal (`AccessDenied`) rolls the transaction back and is then written to
 * the trail in one of its own.
 */
export async function transact<T>(
  database: Database,
  actor: Actor,
  clock: Clock,
  fn: (ctx: Ctx) => Promise<T>,
  requestId?: string,
): Promise<T> {
  try {
    return await database.db.transaction().execute(async (db) => {
      await applyScope(db, actor);
      return fn({ db, actor, clock, requestId });
    });
  } catch (error) {
    if (error instanceof AccessDenied) await recordRefusal(database, actor, clock, error, requestId);
    throw error;
  }
}

/**
 * The one audited path for refusals: `access.denied`, in a transaction of its own
 * (the refused one rolls back), naming what was refused and where (`context`: the
 * HTTP method and route, say). If it cannot be written the caller fails rather than
 * refuse unrecorded.
 */
export async function recordRefusal(
  database: Database, actor: Actor, clock: Clock, refusal: AccessDenied, requestId?: string, context: Record<string, unknown> = {},
): Promise<void> {
  await database.db.transaction().execute(async (db) => {
    await applyScope(db, actor);
    await recordAudit({ db, actor, clock, requestId }, {
      action: 'access.denied', targetType: 'organization',
      details: { what: refusal.what, ...(refusal.id ? { id: refusal.id } : {}), action: refusal.action, ...context },
    });
  });
}

export async function applyScope(db: Transaction<DB>, actor: Actor, admin = actor.isAdmin): Promise<void> {
  await sql`select set_config('role', 'mainstay_app', true),
    set_config('mainstay.admin', ${admin ? 'true' : ''}, true),
    set_config('mainstay.units', ${`{${actor.officialUnitIds.join(',')}}`}, true),
    set_config('mainstay.cell', ${actor.cellId ?? ''}, true),
    set_config('mainstay.person', ${actor.personId ?? ''}, true),
    set_config('mainstay.account', ${actor.accountId ?? ''}, true),
    set_config('mainstay.door', ${actor.door ?? ''}, true)`.execute(db);
}

/**
 * Widens the scope to the whole tree for one step the domain must take outside the
 * actor's own part — locking and updating ancestor counters, reading ancestor names
 * for breadcrumbs — then narrows it again. Use only for such fixed steps, never to
 * return rows the actor could not read.
 */
export async function withSystemScope<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  if (ctx.actor.isAdmin) return fn();
  // Counted per transaction: nested or concurrent calls widen once, and only the last
  // one out narrows again (each resetting on its own cut the others' scope short).
  const depth = systemScopeDepth.get(ctx) ?? 0;
  systemScopeDepth.set(ctx, depth + 1);
  try {
    if (depth === 0) await sql`select set_config('mainstay.admin', 'true', true)`.execute(ctx.db);
    return await fn();
  } finally {
    const left = systemScopeDepth.get(ctx)! - 1;
    systemScopeDepth.set(ctx, left);
    if (left === 0) await sql`select set_config('mainstay.admin', '', true)`.execute(ctx.db);
  }
}
const systemScopeDepth = new WeakMap<Ctx, number>();
