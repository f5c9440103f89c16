import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { addMembers, buildSmallTree, run, type SmallTree } from '../../../test/factories.ts';
import { moveUnit } from '../org/move-unit.ts';
import { renameUnit } from '../org/rename-unit.ts';
import { transferPerson } from '../people/transfer-person.ts';
import { chainPendingEvents, verifyAudit } from './audit-chain.ts';

const verifyAuditChain = (_db: unknown, pageSize?: number) => run(database, (ctx) => verifyAudit(ctx, pageSize));

let database: Database;
let tree: SmallTree;

async function chainAll() {
  while ((await chainPendingEvents(database.db, 500)) > 0) { /* next batch */ }
}

// Tampering goes straight to the table as its owner, the way someone with database access would.
const tamper = (query: ReturnType<typeof sql>) => query.execute(database.db);

beforeEach(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
});
afterEach(() => database?.close());

describe('the hash-chained audit trail', () => {
  it('verifies intact after thousands of mixed changes, chained in batches', async () => {
    const people = [...(await addMembers(database, tree.cells[0]!, 300)), ...(await addMembers(database, tree.cells[5]!, 300))];
    for (let i = 0; i < people.length; i++) {
      await run(database, (ctx) => transferPerson(ctx, people[i]!, { cellId: i < 300 ? tree.cells[7]! : tree.cells[2]! }));
      if (i % 50 === 0) await run(database, (ctx) => renameUnit(ctx, tree.regions[i % 2]!, { name: `Region ${i}` }));
      if (i % 200 === 0) await chainAll();
    }
    await run(database, (ctx) => moveUnit(ctx, tree.districts[0]!, { parentId: tree.regions[1]! }));
    await chainAll();
    const result = await verifyAuditChain(database.db, 777);
    expect(result.ok).toBe(true);
    expect(result.unchained).toBe(0);
    const total = Number((await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(database.db)).rows[0]!.n);
    expect(total).toBeGreaterThan(1_200);
    expect(result.checked).toBe(total);
  }, 240_000);

  it('detects an edited event', async () => {
    await addMembers(database, tree.cells[0]!, 5);
    await chainAll();
    await tamper(sql`update audit_events set actor_label = 'someone else' where chain_seq = 7`);
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ chainSeq: 7, reason: expect.stringMatching(/edited/) });
    expect(result.checked).toBe(6);
  });

  it('detects a deleted event', async () => {
    await addMembers(database, tree.cells[0]!, 5);
    await chainAll();
    await tamper(sql`delete from audit_events where chain_seq = 10`);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { chainSeq: 11, reason: expect.stringMatching(/missing/) } });
  });

  it('detects an inserted event, even one given a well-formed hash of its own', async () => {
    await addMembers(database, tree.cells[0]!, 5);
    await chainAll();
    // Make room at position 5 and slip a forged event in, hashed onto event 4.
    await tamper(sql`update audit_events set chain_seq = -chain_seq where chain_seq >= 5`);
    await tamper(sql`update audit_events set chain_seq = -chain_seq + 1 where chain_seq < 0`);
    const { linkHash } = await import('./audit-chain.ts');
    const prev = (await sql<{ hash: string }>`select hash from audit_events where chain_seq = 4`.execute(database.db)).rows[0]!.hash;
    const forged = (await sql<{ id: number }>`insert into audit_events (actor_label, action, target_type, details, chain_seq, prev_hash)
      values ('forger', 'unit.rename', 'unit', '{}', 5, ${prev}) returning id`.execute(database.db)).rows[0]!.id;
    const content = (await sql<{ c: string }>`select mainstay_audit_content(e) as c from audit_events e where id = ${forged}`.execute(database.db)).rows[0]!.c;
    await tamper(sql`update audit_events set hash = ${linkHash(5, prev, content)} where id = ${forged}`);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { chainSeq: 6, reason: expect.stringMatching(/removed or inserted/) } });
  });

  it('chains events committed late in a later batch, without gaps', async () => {
    await addMembers(database, tree.cells[0]!, 3);
    await chainAll();
    await addMembers(database, tree.cells[1]!, 3);
    const before = await verifyAuditChain(database.db);
    expect(before.ok).toBe(true);
    expect(before.unchained).toBe(3);
    await chainAll();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, unchained: 0, checked: before.checked + 3 });
  });
});
