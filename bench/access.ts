/**
 * `npm run bench:access`: what scoped access and the audit trail cost, on the
 * PostgreSQL server (BENCH_DATABASE_URL, default a database `mainstay_bench_access`
 * on 127.0.0.1). Measures, in one run:
 *  - unit reads (the foundation benchmark's GET /units/:id query path) with row-level
 *    security — as the application role with the actor's scope — and without it —
 *    the same query as the tables' owner, which bypasses the policies;
 *  - write throughput (people registered by concurrent writers) with the audit trail
 *    and without it (a bench-only trigger drops the audit rows);
 *  - audit chaining and verification rates over a million events.
 * Prints a Markdown section for docs/benchmarks.md.
 */
import os from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { chainPendingEvents, verifyAudit } from '../src/domain/audit/audit-chain.ts';
import { applyScope, systemActor, transact, type Actor, type Ctx } from '../src/domain/context.ts';
import { loadDemo } from '../src/domain/demo/seed-demo.ts';
import { defaultShape } from '../src/domain/demo/generate-demo.ts';
import { loadUnitViews } from '../src/domain/org/unit-view.ts';
import { createPerson } from '../src/domain/people/create-person.ts';
import { systemClock } from '../src/platform/clock.ts';
import { summarize, type Summary } from './lib/stats.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mainstay_bench_access';
const CELLS = Number(process.env.BENCH_CELLS ?? 20_000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 400_000);
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const READS = Number(process.env.BENCH_READS ?? 3_000);
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);

async function resetDatabase() {
  const name = new URL(url).pathname.slice(1);
  if (!/^mainstay_bench/.test(name)) throw new Error(`refusing to reset ${name}: the bench database's name must start with mainstay_bench`);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

const log = (message: string) => console.error(`[bench:access] ${message}`);

async function timeReads(database: Database, actor: Actor, unitId: string, withRls: boolean): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    await database.db.transaction().execute(async (db) => {
      const ctx: Ctx = { db, actor, clock: systemClock };
      if (withRls) await applyScope(db, actor);
      const [view] = await loadUnitViews(ctx, [unitId]);
      if (!view) throw new Error(`unit ${unitId} not visible`);
    });
    samples.push(performance.now() - started);
  }
  return summarize(samples.slice(Math.floor(READS / 10)));
}

async function writeThroughput(database: Database, cells: string[]): Promise<number> {
  let done = 0;
  const until = Date.now() + WRITE_SECONDS * 1000;
  const actor = systemActor('bench:writer');
  await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
    for (let i = 0; Date.now() < until; i++) {
      await transact(database, actor, systemClock, (ctx) => createPerson(ctx, { name: `Writer ${w}.${i}`, cellId: cells[(w * 7919 + i * 104_729) % cells.length]! }));
      done++;
    }
  }));
  return done / WRITE_SECONDS;
}

async function main() {
  log(`resetting ${url}`);
  await resetDatabase();
  const database = await openDatabase({ url, poolSize: WRITERS + 4 });
  await migrate(database);
  log(`loading a demo organization: ${CELLS} cells, ${MEMBERS} members`);
  await loadDemo(database, systemClock, defaultShape(['central', 'region', 'district', 'cell'], CELLS, MEMBERS, 1));
  const root = (await database.db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
  const region = (await database.db.selectFrom('units').select(['id']).where('depth', '=', 1).orderBy('code').limit(1).executeTakeFirstOrThrow()).id;
  const district = (await database.db.selectFrom('units').select(['id']).where('depth', '=', 2).where(sql<boolean>`ancestor_ids @> array[${region}::uuid]`).orderBy('code').limit(1).executeTakeFirstOrThrow()).id;
  const cells = (await database.db.selectFrom('units').select('id').where('depth', '=', 3).execute()).map((c) => c.id);

  // The actors a read at each level is typical of: an administrator at the root,
  // an official of the region, an official of the district.
  const official = (unitId: string): Actor => ({ accountId: null, personId: null, label: 'bench', isAdmin: false, officialUnitIds: [unitId], cellId: null });
  const levels: Array<[string, string, Actor]> = [['root', root, systemActor('bench:admin')], ['region', region, official(region)], ['district', district, official(district)]];
  const reads: Array<{ level: string; withRls: Summary; without: Summary }> = [];
  for (const [level, id, actor] of levels) {
    log(`unit reads at the ${level}`);
    // Interleave the two to share whatever else the machine is doing.
    const a = await timeReads(database, actor, id, true);
    const b = await timeReads(database, actor, id, false);
    const c = await timeReads(database, actor, id, true);
    const d = await timeReads(database, actor, id, false);
    reads.push({ level, withRls: a.p50 < c.p50 ? a : c, without: b.p50 < d.p50 ? b : d });
  }

  log(`write throughput, ${WRITERS} writers, with the audit trail`);
  const withTrail = await writeThroughput(database, cells);
  await database.withConnection((conn) => conn.exec(`
    create function bench_drop_audit() returns trigger language plpgsql as $$ begin return null; end $$;
    create trigger bench_drop_audit before insert on audit_events for each row execute function bench_drop_audit();`));
  log('write throughput without the audit trail');
  const withoutTrail = await writeThroughput(database, cells);
  await database.withConnection((conn) => conn.exec('drop trigger bench_drop_audit on audit_events; drop function bench_drop_audit();'));

  log(`generating ${EVENTS} audit events`);
  await database.withConnection((conn) => conn.exec(`
    insert into audit_events (at, actor_label, action, target_type, target_id, unit_id, details)
    select now() - (g || ' seconds')::interval, 'bench', 'unit.rename', 'unit', '${district}', '${district}',
           jsonb_build_object('n', g)
      from generate_series(1, ${EVENTS}) g;`));
  log('chaining');
  let chainMs = performance.now();
  let chained = 0;
  for (let n; (n = await chainPendingEvents(database.db, 50_000)) > 0;) chained += n;
  chainMs = performance.now() - chainMs;
  log('verifying');
  let verifyMs = performance.now();
  const verified = await transact(database, systemActor('bench:verify'), systemClock, (ctx) => verifyAudit(ctx, 50_000));
  verifyMs = performance.now() - verifyMs;
  if (!verified.ok) throw new Error(`verification failed: ${JSON.stringify(verified.firstBroken)}`);
  await database.close();

  const f = (n: number) => n.toFixed(2);
  const lines = [
    '## Scoped access and the audit trail',
    '',
    `Measured ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), PostgreSQL server, with \`npm run bench:access\``,
    `(demo organization of ${CELLS.toLocaleString('en-US')} cells and ${MEMBERS.toLocaleString('en-US')} members; everything in one process, so the figures are the database path without HTTP).`,
    '',
    '### The cost of row-level security on unit reads (the query behind `GET /api/v1/units/:id`)',
    '',
    `One transaction per read, ${READS} reads per series (first 10% dropped), two interleaved series each; the better median is shown.`,
    'With RLS: as `mainstay_app` with the actor\'s scope (one extra `set_config` statement, and the policies). Without: the same query as the tables\' owner.',
    '',
    '| level (actor) | with RLS p50 / p95 | without p50 / p95 | cost at p50 |',
    '|---|---|---|---|',
    ...reads.map((r) => `| ${r.level} | ${f(r.withRls.p50)} / ${f(r.withRls.p95)} ms | ${f(r.without.p50)} / ${f(r.without.p95)} ms | +${f(r.withRls.p50 - r.without.p50)} ms |`),
    '',
    '### Write throughput with and without the trail',
    '',
    `${WRITERS} concurrent writers registering members in random cells for ${WRITE_SECONDS} s each (every registration also updates the counters of its cell's path).`,
    '',
    '| | registrations/s |',
    '|---|---|',
    `| with the audit trail | ${withTrail.toFixed(0)} |`,
    `| without (audit inserts dropped by a bench-only trigger) | ${withoutTrail.toFixed(0)} |`,
    '',
    'The trail adds one insert per command and no shared lock: events are chained after commit.',
    '',
    '### Chaining and verifying the trail',
    '',
    '| | events | time | rate |',
    '|---|---|---|---|',
    `| chain (batches of 50,000) | ${chained.toLocaleString('en-US')} | ${(chainMs / 1000).toFixed(1)} s | ${Math.round(chained / (chainMs / 1000)).toLocaleString('en-US')}/s |`,
    `| verify (\`mainstay audit verify\`'s work) | ${verified.checked.toLocaleString('en-US')} | ${(verifyMs / 1000).toFixed(1)} s | ${Math.round(verified.checked / (verifyMs / 1000)).toLocaleString('en-US')}/s |`,
    '',
  ];
  console.log(lines.join('\n'));
}

await main();
