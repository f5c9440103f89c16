/**
 * `npm run bench:sweep`: how long one escalation sweep takes to find and escalate N
 * overdue cases (goal: 10,000 in ≤ 5 s on PostgreSQL). A fresh database of its own
 * (BENCH_SWEEP_DATABASE_URL, default mainstay_bench_sweep on the local server) with a
 * small tree; the cases are inserted in one statement, overdue, owned by cells.
 * Prints the figure; it is reported by hand in docs/benchmarks.md.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createCategory, URGENCIES } from '../src/domain/cases/categories.ts';
import { escalateOverdue } from '../src/domain/cases/escalate-overdue.ts';
import { systemActor, transact } from '../src/domain/context.ts';
import { createUnit } from '../src/domain/org/create-unit.ts';
import type { Deadlines } from '../src/db/schema-cases.ts';
import { fixedClock } from '../src/platform/clock.ts';

const url = process.env.BENCH_SWEEP_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mainstay_bench_sweep';
const CASES = Number(process.env.BENCH_SWEEP_CASES ?? 10_000);
const name = new URL(url).pathname.slice(1);
const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
await admin.connect();
await admin.query(`drop database if exists "${name}" with (force)`);
await admin.query(`create database "${name}"`);
await admin.end();

const database = await openDatabase({ url });
await migrate(database);
const clock = fixedClock('2026-03-02T08:00:00Z');
const actor = systemActor('bench');
const run = <T>(fn: Parameters<typeof transact<T>>[3]) => transact(database, actor, clock, fn);

const root = (await run((ctx) => createUnit(ctx, { parentId: null, name: 'Centre', level: 'central' }))).id;
const region = (await run((ctx) => createUnit(ctx, { parentId: root, name: 'Region', level: 'region' }))).id;
const district = (await run((ctx) => createUnit(ctx, { parentId: region, name: 'District', level: 'district' }))).id;
const cells: string[] = [];
for (let i = 0; i < 50; i++) cells.push((await run((ctx) => createUnit(ctx, { parentId: district, name: `Cell ${i}`, level: 'cell' }))).id);
const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines;
const category = await run((ctx) => createCategory(ctx, { code: 'water', name: 'Water', handlingLevel: 'cell', public: true, deadlines }));

// Overdue by an hour: each rises one level (cell → district) in the sweep.
await run((ctx) => sql`
  insert into cases (id, reference, tracking_hash, category_id, urgency, description, channel, received_by_unit_id,
                     owning_unit_id, owner_path, involved_path, status, acknowledge_due_at, resolve_due_at, created_at, updated_at)
  select gen_random_uuid(), 'B-' || i, md5(i::text), ${category.id}::uuid, 'normal', 'Bench case', 'web', c.id,
         c.id, array[${root}::uuid, ${region}::uuid, ${district}::uuid, c.id], array[${root}::uuid, ${region}::uuid, ${district}::uuid, c.id],
         'new', ${new Date(clock.now().getTime() - 3_600_000)}, ${new Date(clock.now().getTime() + 48 * 3_600_000)}, ${clock.now()}, ${clock.now()}
    from generate_series(1, ${CASES}) i
    join lateral (select id from units where id = (${cells}::uuid[])[1 + i % 50]) c on true`.execute(ctx.db));
await sql`analyze`.execute(database.db);

const started = performance.now();
const steps = await run((ctx) => escalateOverdue(ctx, { batch: CASES }));
const ms = performance.now() - started;
const moved = (await sql<{ n: number }>`select count(*)::int as n from cases where owning_unit_id = ${district}::uuid`.execute(database.db)).rows[0]!.n;
console.log(`escalation sweep: ${steps.length} steps for ${CASES} overdue cases in ${(ms / 1000).toFixed(2)} s (${Math.round(CASES / (ms / 1000))} cases/s); ${moved} now owned by the district`);
await database.close();
