/**
 * `npm run bench:today`: GET /api/v1/me/today for a district secretary over 500 cells, against
 * a bare route doing the same reads (the same two statements in one transaction under the
 * same scope; no sign-in, no validation, no ordering or shaping, no response schema). The goal
 * of issue 14 is a ratio of at least 0.5. PostgreSQL server (BENCH_DATABASE_URL, default a
 * database `mainstay_bench_today` on 127.0.0.1). Prints a Markdown section for docs/benchmarks.md.
 */
import os from 'node:os';
import Fastify from 'fastify';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createAccount } from '../src/domain/accounts/accounts.ts';
import { createCategory } from '../src/domain/cases/categories.ts';
import { createCase } from '../src/domain/cases/create-case.ts';
import { systemActor, transact, type Actor, type Ctx } from '../src/domain/context.ts';
import { createDirective } from '../src/domain/directives/create-directive.ts';
import { issueDirective } from '../src/domain/directives/issue-directive.ts';
import { missedMeetingsJob } from '../src/domain/gatherings/cadence.ts';
import { createUnit } from '../src/domain/org/create-unit.ts';
import { createPerson } from '../src/domain/people/create-person.ts';
import { appointOfficial } from '../src/domain/people/officials.ts';
import { TODAY_HORIZONS, TODAY_LIMIT } from '../src/domain/today/today.ts';
import { readCellSummaries, readTodayRows } from '../src/domain/today/today.queries.ts';
import { buildServer } from '../src/http/server.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { summarize } from './lib/stats.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mainstay_bench_today';
const CELLS = Number(process.env.BENCH_CELLS ?? 500);
const READS = Number(process.env.BENCH_READS ?? 400);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const log = (message: string) => console.error(`[bench:today] ${message}`);
const PASSWORD = 'a long bench passphrase';

async function resetDatabase() {
  const name = new URL(url).pathname.slice(1);
  if (!/^mainstay_bench/.test(name)) throw new Error(`refusing to reset ${name}: the bench database's name must start with mainstay_bench`);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

async function main() {
  await resetDatabase();
  const database = await openDatabase({ url, poolSize: CONNECTIONS + 4 });
  await migrate(database);
  const clock = fixedClock('2026-06-01T08:00:00Z');
  const run = <T>(fn: (ctx: Ctx) => Promise<T>) => transact(database, systemActor('bench'), clock, fn);
  log(`building a district of ${CELLS} cells with cases, a directive and cadences`);
  const root = (await run((ctx) => createUnit(ctx, { parentId: null, name: 'Centre', level: 'central' }))).id;
  const region = (await run((ctx) => createUnit(ctx, { parentId: root, name: 'Region', level: 'region' }))).id;
  const district = (await run((ctx) => createUnit(ctx, { parentId: region, name: 'District', level: 'district' }))).id;
  const cells: string[] = [];
  for (let i = 0; i < CELLS; i++) cells.push((await run((ctx) => createUnit(ctx, { parentId: district, name: `Cell ${i}`, level: 'cell' }))).id);
  const deadlines = Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as never;
  await run((ctx) => createCategory(ctx, { code: 'water', name: 'Water', handlingLevel: 'cell', public: true, deadlines }));
  await run((ctx) => createCategory(ctx, { code: 'roads', name: 'Roads', handlingLevel: 'district', public: true, deadlines }));
  // Two cases per cell, and 30 in the district's own queue.
  for (const [i, cell] of cells.entries()) {
    for (let k = 0; k < 2; k++) await run((ctx) => createCase(ctx, { categoryCode: 'water', description: `Leak ${i}.${k}`, urgency: k ? 'urgent' : 'normal', receivedByUnitId: cell }, 'official'));
  }
  for (let k = 0; k < 30; k++) await run((ctx) => createCase(ctx, { categoryCode: 'roads', description: `Pothole ${k}`, urgency: 'normal', receivedByUnitId: district }, 'official'));
  const { id: directive } = await run((ctx) => createDirective(ctx, {
    issuerUnitId: district, title: 'Count the wells', body: 'Every cell counts.', items: [{ title: 'Count', dueAt: '2026-06-10T00:00:00Z' }], target: { kind: 'all' },
  }));
  await run((ctx) => issueDirective(ctx, directive));
  // Later: cases overdue, cells past the default cadence.
  clock.advance(40 * 86_400_000);
  await missedMeetingsJob(database).run(clock.now());
  const person = await run((ctx) => createPerson(ctx, { name: 'District secretary', cellId: cells[0]! }));
  await run((ctx) => appointOfficial(ctx, district, { personId: person.id, role: 'secretary' }));
  const email = 'district@bench.example';
  await run((ctx) => createAccount(ctx, { personId: person.id, email, password: PASSWORD }));
  const actor: Actor = { accountId: null, personId: person.id, label: email, isAdmin: false, officialUnitIds: [district], cellId: cells[0]! };

  const app = await buildServer({ database, clock, logger: false });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = ((await (await fetch(`${appUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })).json()) as { token: string }).token;
  // The bare route: the same reads under the same scope, the rows as they come.
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => transact(database, actor, clock, async (ctx) => {
    const now = clock.now();
    const rows = await readTodayRows(ctx, {
      units: actor.officialUnitIds, personId: actor.personId, now, perKind: TODAY_LIMIT,
      casesSoon: new Date(now.getTime() + TODAY_HORIZONS.casesSoonMs), assignmentsSoon: new Date(now.getTime() + TODAY_HORIZONS.assignmentsSoonMs),
      gatheringsUntil: new Date(now.getTime() + TODAY_HORIZONS.gatheringsMs), unrecordedSince: new Date(now.getTime() - TODAY_HORIZONS.unrecordedMs),
    });
    return { rows, summaries: await readCellSummaries(ctx, actor.officialUnitIds, now) };
  }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const today = async () => {
    const response = await fetch(`${appUrl}/api/v1/me/today`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`today: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ items: unknown[]; counts: Record<string, number> }>;
  };
  const bareRead = async () => {
    const response = await fetch(`${bareUrl}/bare`);
    if (response.status !== 200) throw new Error(`bare: ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const sample = await today();
  log(`today: ${sample.items.length} items, counts ${JSON.stringify(sample.counts)}`);

  const sequential = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      await fn();
      samples.push(performance.now() - started);
    }
    return summarize(samples.slice(Math.floor(READS / 10)));
  };
  const throughput = async (fn: () => Promise<unknown>) => {
    let done = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => { while (Date.now() < until) { await fn(); done++; } }));
    return done / SECONDS;
  };
  log('sequential reads, interleaved');
  const seq = { today: [await sequential(today)], bare: [await sequential(bareRead)] };
  seq.today.push(await sequential(today));
  seq.bare.push(await sequential(bareRead));
  log(`${CONNECTIONS} concurrent clients, interleaved`);
  const rate = { today: [await throughput(today)], bare: [await throughput(bareRead)] };
  rate.today.push(await throughput(today));
  rate.bare.push(await throughput(bareRead));
  await app.close();
  await bare.close();
  await database.close();

  const best = <T extends { p50: number }>(xs: T[]) => xs.reduce((a, b) => (b.p50 < a.p50 ? b : a));
  const [t, b] = [best(seq.today), best(seq.bare)];
  const [rt, rb] = [Math.max(...rate.today), Math.max(...rate.bare)];
  const load = os.loadavg()[0]!.toFixed(2);
  console.log([
    '## Today (`npm run bench:today`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), PostgreSQL server, load average ${load} at the end`,
    `(the machine is shared with other work: read the ratio, not the absolute figures). A district secretary over ${CELLS} cells (two cases each, one`,
    'directive unacknowledged by all, every cell past the default cadence) and 30 cases in the district\'s own queue; the answer had',
    `${sample.items.length} items. The bare route runs the same two statements in one transaction under the same scope, without sign-in, validation,`,
    'ordering, shaping or a response schema; both over HTTP on loopback, the client in the same process.',
    '',
    '| | GET /api/v1/me/today | bare route | ratio (goal ≥ 0.5) |',
    '|---|---|---|---|',
    `| one at a time, p50 / p95 (${READS} reads, two interleaved series, the better shown) | ${t.p50.toFixed(2)} / ${t.p95.toFixed(2)} ms | ${b.p50.toFixed(2)} / ${b.p95.toFixed(2)} ms | ${(b.p50 / t.p50).toFixed(2)} |`,
    `| ${CONNECTIONS} concurrent clients, ${SECONDS} s, requests/s (the better of two) | ${rt.toFixed(0)} | ${rb.toFixed(0)} | ${(rt / rb).toFixed(2)} |`,
    '',
  ].join('\n'));
}

await main();
