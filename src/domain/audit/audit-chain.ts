import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { authorizeOperator } from '../access/guard.ts';
import type { Ctx } from '../context.ts';

/**
 * The audit trail is hash-chained in commit order, shortly after commit, by one
 * chainer at a time. Writers only append (no global lock, no hot row), so the
 * trail never serialises the system's writes; the price is a short window —
 * bounded by the chainer's interval and reported by verify — in which the newest
 * events are written but not yet chained.
 *
 * hash(n) = sha256(seq | prev_hash | content), prev_hash = hash(n - 1); editing,
 * deleting or inserting an event breaks the link of the next one.
 */
const CHAIN_LOCK = 72_317_002;
export const GENESIS = 'genesis';
/** How often the server chains new events: the bound on how long one stays unchained. */
export const AUDIT_CHAIN_INTERVAL_MS = 1_000;

export const linkHash = (seq: number, prev: string, content: string) =>
  createHash('sha256').update(`${seq}|${prev}|${content}`).digest('hex');

/** Chains up to `limit` committed, unchained events; returns how many. Needs an administrator's scope. */
export async function chainPendingEvents(db: Kysely<DB>, limit = 20_000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', 'mainstay_app', true), set_config('mainstay.admin', 'true', true),
                     pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    const head = await sql<{ chain_seq: number; hash: string }>`
      select chain_seq, hash from audit_events where chain_seq is not null order by chain_seq desc limit 1`.execute(trx);
    let seq = head.rows[0]?.chain_seq ?? 0;
    let prev = head.rows[0]?.hash ?? GENESIS;
    // Ordered by id: within one batch, the order in which events were numbered.
    // An event committed late with a lower id is simply chained in a later batch.
    const pending = await sql<{ id: number; content: string }>`
      select e.id, mainstay_audit_content(e) as content from audit_events e
       where e.chain_seq is null order by e.id limit ${limit}`.execute(trx);
    if (pending.rows.length === 0) return 0;
    const ids: number[] = [];
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const row of pending.rows) {
      seq += 1;
      const hash = linkHash(seq, prev, row.content);
      ids.push(row.id);
      seqs.push(seq);
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    await sql`
      update audit_events e set chain_seq = x.seq, prev_hash = x.prev, hash = x.hash
        from unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) as x(id, seq, prev, hash)
       where e.id = x.id`.execute(trx);
    return pending.rows.length;
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { id: number; chainSeq: number; reason: string };
  /** Written but not yet chained; they are chained within seconds. */
  unchained: number;
}

/**
 * `audit verify`: walks the whole chain in order, recomputing every link — a command
 * like any other, in the actor's transaction and under their scope (administrators).
 */
export async function verifyAudit(ctx: Ctx, pageSize = 20_000): Promise<VerifyResult> {
  authorizeOperator(ctx, 'verify_audit');
  const db = ctx.db;
  let checked = 0;
  let expectedSeq = 1;
  let prev = GENESIS;
  for (;;) {
    const page = (await sql<{ id: number; chain_seq: number; prev_hash: string; hash: string; content: string }>`
        select e.id, e.chain_seq, e.prev_hash, e.hash, mainstay_audit_content(e) as content
          from audit_events e where e.chain_seq >= ${expectedSeq} order by e.chain_seq limit ${pageSize}`.execute(db)).rows;
    for (const e of page) {
      const broken = (reason: string): VerifyResult => ({ ok: false, checked, firstBroken: { id: e.id, chainSeq: e.chain_seq, reason }, unchained: 0 });
      if (e.chain_seq !== expectedSeq) return broken(`event ${expectedSeq} of the chain is missing`);
      if (e.prev_hash !== prev) return broken('it does not link to the event before it (an event was removed or inserted)');
      if (linkHash(e.chain_seq, e.prev_hash, e.content) !== e.hash) return broken('its content does not match its hash (it was edited)');
      prev = e.hash;
      expectedSeq++;
      checked++;
    }
    if (page.length < pageSize) break;
  }
  const unchained = Number((await sql<{ n: number }>`select count(*)::int as n from audit_events where chain_seq is null`.execute(db)).rows[0]!.n);
  return { ok: true, checked, unchained };
}
