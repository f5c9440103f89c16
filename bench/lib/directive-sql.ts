/**
 * bench:directives at the SQL level: its database (a copy of the national one), the
 * concurrent writers, the change-log sampler, the parts of an issue, and the recount
 * that every rollup must equal.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { log, mainstay, ROOT, run } from './proc.ts';
import { query, withClient } from './sql.ts';

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const adminUrl = (url: string) => url.replace(/\/[^/]*$/, '/postgres');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Copies a complete national database (CREATE DATABASE … TEMPLATE) instead of loading
 * the tree again: PostgreSQL refuses while anyone is connected to the template, so it
 * waits for a quiet spell (another benchmark may be using it) and retries.
 */
export async function copyDatabase(url: string, templateUrl: string, waitMinutes: number): Promise<void> {
  const template = dbName(templateUrl);
  const deadline = Date.now() + waitMinutes * 60_000;
  for (let attempt = 1; ; attempt++) {
    const [{ n }] = await query<{ n: number }>(adminUrl(url), 'select count(*)::int as n from pg_stat_activity where datname = $1', [template]) as [{ n: number }];
    if (n === 0) {
      try {
        // FILE_COPY: one checkpoint and a file copy, instead of writing the 5 GB through the WAL.
        await query(adminUrl(url), `create database "${dbName(url)}" template "${template}" strategy file_copy`);
        return;
      } catch (error) {
        if (!/being accessed by other users/.test(String(error))) throw error;
      }
    }
    if (Date.now() > deadline) throw new Error(`${template} stayed in use for ${waitMinutes} min; set BENCH_DIRECTIVES_WAIT_MIN or try later.`);
    if (attempt % 12 === 1) log(`waiting for ${template} to be free to copy (${n} sessions on it)`);
    await sleep(5_000);
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  return (await query<{ n: number }>(adminUrl(url), 'select count(*)::int as n from pg_database where datname = $1', [dbName(url)]))[0]!.n > 0;
}

export const unitCount = async (url: string) => (await query<{ n: number }>(url, 'select count(*)::int as n from units'))[0]!.n;

const MIGRATION = '0011_directives.sql';
const MIGRATIONS_DIR = join(ROOT, 'src', 'db', 'migrations');

/**
 * Migration 0011 is not landed yet and may still change, while a copied database
 * carries whatever version of it was applied when it was made. The hash of it and of
 * the migrations after it is kept in the benchmark's database; when they differ (or
 * nobody recorded them), the tables and functions those files create are dropped, their
 * rows in schema_migrations deleted, and the migration runner applies them again. The
 * later files only create objects of their own (gatherings, directive files), so this
 * is a clean re-run; a file that alters an earlier table would make it fail loudly.
 */
export async function applyMigrations(url: string, env: NodeJS.ProcessEnv): Promise<'as is' | 'reapplied from 0011'> {
  await mainstay(['migrate'], { env });
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql') && f >= MIGRATION).sort();
  const texts = files.map((f) => readFileSync(join(MIGRATIONS_DIR, f), 'utf8'));
  const hash = createHash('sha256').update(files.join('\n')).update(texts.join('\n')).digest('hex');
  const recorded = await withClient(url, async (c) => {
    await c.query('create table if not exists bench_directives_migration (hash text not null)');
    return (await c.query<{ hash: string }>('select hash from bench_directives_migration')).rows[0]?.hash;
  });
  if (recorded === hash) return 'as is';
  log(`${files.join(', ')} may differ from what the database holds: applying them again`);
  const all = texts.join('\n');
  const tables = [...all.matchAll(/^create table (\w+)/gim)].map((m) => m[1]!);
  const functions = [...all.matchAll(/^create function (\w+)/gim)].map((m) => m[1]!);
  await withClient(url, async (c) => {
    await c.query('begin');
    await c.query(`drop table if exists ${tables.join(', ')} cascade`);
    for (const f of functions) await c.query(`drop function if exists ${f} cascade`);
    await c.query('delete from schema_migrations where name >= $1', [MIGRATION]);
    await c.query('commit');
  });
  await mainstay(['migrate'], { env });
  await withClient(url, async (c) => {
    await c.query('delete from bench_directives_migration');
    await c.query('insert into bench_directives_migration (hash) values ($1)', [hash]);
  });
  return 'reapplied from 0011';
}

const DIRECTIVE_TABLES = ['directives', 'directive_items', 'directive_amendments', 'assignments', 'assignment_items', 'assignment_reports',
  'assignment_events', 'directive_questions', 'directive_rollups', 'directive_item_rollups', 'directive_deltas'];

/**
 * A clean slate for the directives (this benchmark's database only), so each run starts
 * from the same state. Tables of later migrations that point at them (attachments, a
 * meeting's decisions) are emptied with them, and named.
 */
export async function resetDirectives(url: string): Promise<void> {
  const others = (await query<{ name: string }>(url, `
    select distinct conrelid::regclass::text as name from pg_constraint
     where contype = 'f' and confrelid::regclass::text = any($1) and not (conrelid::regclass::text = any($1))`, [DIRECTIVE_TABLES])).map((r) => r.name);
  if (others.length > 0) log(`emptying too, as they point at directives or assignments: ${others.join(', ')}`);
  await query(url, `truncate ${DIRECTIVE_TABLES.join(', ')} cascade`);
  await query(url, `vacuum analyze ${DIRECTIVE_TABLES.join(', ')}`);
}

// ---- sustained status changes ---------------------------------------------------------------------

/**
 * A table of one directive's assignment ids numbered 1..n in random order, for
 * pgbench to pick from (it draws numbers, not uuids). Answers n.
 */
export async function prepareFlipTargets(url: string, table: string, directiveId: string): Promise<number> {
  return withClient(url, async (c) => {
    await c.query(`drop table if exists ${table}`);
    await c.query(`create table ${table} (n int primary key, id uuid not null)`);
    const r = await c.query(`insert into ${table} select row_number() over (order by random()), id from assignments where directive_id = $1`, [directiveId]);
    await c.query(`analyze ${table}`);
    await c.query(`grant select on ${table} to mainstay_app`);
    return r.rowCount ?? 0;
  });
}

export type WriterMode = 'rollups' | 'baseline';
export interface FlipRun { tps: number; transactions: number; latencyMs: number; failed: number }

/**
 * pgbench (C, light on the shared CPU) with `clients` connections for `seconds`: each
 * transaction is one statement moving a random assignment of `table` to another state.
 * The sessions run as the application role with the administrator's scope, so row-level
 * security is evaluated as in the app; the baseline's also set session_replication_role
 * = replica, in which PostgreSQL fires no trigger — same table, indexes and statement.
 */
export async function runFlips(url: string, table: string, rows: number, mode: WriterMode, clients: number, seconds: number): Promise<FlipRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-flips-'));
  const script = join(dir, 'flip.sql');
  writeFileSync(script, `\\set n random(1, ${rows})
update assignments set status = case status when 'received' then 'acknowledged' when 'acknowledged' then 'in_progress'
  when 'in_progress' then 'done' else 'in_progress' end, updated_at = now() where id = (select id from ${table} where n = :n);
`);
  const options = `-c role=mainstay_app -c mainstay.admin=true -c jit=off${mode === 'baseline' ? ' -c session_replication_role=replica' : ''}`;
  try {
    const r = await run('pgbench', ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', script, url],
      { env: { ...process.env, PGOPTIONS: options } });
    const num = (re: RegExp) => Number(re.exec(r.stdout)?.[1] ?? Number.NaN);
    return {
      tps: num(/tps = ([\d.]+) \(without initial connection time\)/),
      transactions: num(/number of transactions actually processed: (\d+)/),
      latencyMs: num(/latency average = ([\d.]+) ms/),
      failed: num(/number of failed transactions: (\d+)/) || 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface LagSample { at: number; rows: number; ageMs: number }

/** Samples the change log's size and the age of its oldest row every `everyMs` until stopped. */
export function sampleLag(url: string, everyMs = 250) {
  const samples: LagSample[] = [];
  let stopped = false;
  const client = new pg.Client({ connectionString: url });
  const running = (async () => {
    await client.connect();
    const t0 = performance.now();
    while (!stopped) {
      const r = (await client.query<{ rows: number; age: number }>(`select count(*)::int as rows,
        coalesce(extract(epoch from clock_timestamp() - min(queued_at)) * 1000, 0)::float8 as age from directive_deltas`)).rows[0]!;
      samples.push({ at: performance.now() - t0, rows: r.rows, ageMs: r.age });
      await sleep(everyMs);
    }
    await client.end();
  })();
  return { samples, async stop() { stopped = true; await running; return samples; } };
}

/** Waits until the server's job has folded the change log; answers how long that took. */
export async function waitForEmptyLog(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  return withClient(url, async (c) => {
    for (;;) {
      const n = (await c.query<{ n: number }>('select count(*)::int as n from directive_deltas')).rows[0]!.n;
      if (n === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`the change log still holds ${n} rows after ${timeoutMs / 1000} s`);
      await sleep(50);
    }
  });
}

// ---- the recount ------------------------------------------------------------------------------------

const RECOUNT = `
  select x.anc as unit_id,
         count(*) filter (where a.status = 'received')::int as received, count(*) filter (where a.status = 'acknowledged')::int as acknowledged,
         count(*) filter (where a.status = 'in_progress')::int as in_progress, count(*) filter (where a.status = 'done')::int as done,
         count(*) filter (where a.status = 'blocked')::int as blocked,
         count(*) filter (where a.overdue_since is not null and a.status <> 'done')::int as overdue
    from assignments a join units u on u.id = a.unit_id cross join lateral unnest(u.ancestor_ids) x (anc)
   where a.directive_id = $1 group by x.anc`;

export interface RecountResult {
  /** Units with assignments below them (rows of the recount). */
  units: number;
  /** Rollup rows whose figures differ from the recount (missing rows count as zeros). */
  differing: number;
  /** Item rollups that differ from a recount of the reported figures. */
  itemsDiffering: number;
  /** Assignments whose stored path is not their unit's current ancestors. */
  stalePaths: number;
  root: { received: number; acknowledged: number; in_progress: number; done: number; blocked: number; overdue: number };
  ms: number;
}

/**
 * Every rollup of a directive against a recount from the assignment rows, grouped by
 * each ancestor of the unit in the current tree (units.ancestor_ids, not the stored
 * path: the rollups must follow the tree) — one pass over the directive's assignments.
 */
export async function recountDirective(url: string, directiveId: string, rootId: string): Promise<RecountResult> {
  const started = performance.now();
  return withClient(url, async (c) => {
    const diff = (await c.query<{ units: number; differing: number }>(`
      with recount as (${RECOUNT}), kept as (select * from directive_rollups where directive_id = $1)
      select count(r.unit_id)::int as units,
             count(*) filter (where (coalesce(r.received, 0), coalesce(r.acknowledged, 0), coalesce(r.in_progress, 0), coalesce(r.done, 0),
                                     coalesce(r.blocked, 0), coalesce(r.overdue, 0))
                            is distinct from (coalesce(k.received, 0), coalesce(k.acknowledged, 0), coalesce(k.in_progress, 0), coalesce(k.done, 0),
                                     coalesce(k.blocked, 0), coalesce(k.overdue, 0)))::int as differing
        from recount r full join kept k on k.unit_id = r.unit_id`, [directiveId])).rows[0]!;
    const items = (await c.query<{ differing: number }>(`
      with recount as (
        select x.anc as unit_id, i.idx, count(*)::int as reported, sum(coalesce(i.value, 0)) as value_sum, sum(coalesce(i.percent, 0)) as percent_sum
          from assignment_items i join assignments a on a.id = i.assignment_id join units u on u.id = a.unit_id
         cross join lateral unnest(u.ancestor_ids) x (anc)
         where a.directive_id = $1 group by x.anc, i.idx
      ), kept as (select * from directive_item_rollups where directive_id = $1)
      select count(*) filter (where (coalesce(r.reported, 0), coalesce(r.value_sum, 0), coalesce(r.percent_sum, 0))
                                    is distinct from (coalesce(k.reported, 0), coalesce(k.value_sum, 0), coalesce(k.percent_sum, 0)))::int as differing
        from recount r full join kept k on k.unit_id = r.unit_id and k.idx = r.idx`, [directiveId])).rows[0]!;
    const stale = (await c.query<{ n: number }>(`select count(*)::int as n from assignments a join units u on u.id = a.unit_id
      where a.directive_id = $1 and a.path is distinct from u.ancestor_ids`, [directiveId])).rows[0]!;
    const root = (await c.query<RecountResult['root']>(`select
        count(*) filter (where status = 'received')::int as received, count(*) filter (where status = 'acknowledged')::int as acknowledged,
        count(*) filter (where status = 'in_progress')::int as in_progress, count(*) filter (where status = 'done')::int as done,
        count(*) filter (where status = 'blocked')::int as blocked, count(*) filter (where overdue_since is not null and status <> 'done')::int as overdue
      from assignments a join units u on u.id = a.unit_id where a.directive_id = $1 and (u.id = $2 or u.ancestor_ids @> array[$2::uuid])`, [directiveId, rootId])).rows[0]!;
    return { units: diff.units, differing: diff.differing, itemsDiffering: items.differing, stalePaths: stale.n, root, ms: performance.now() - started };
  });
}

/**
 * Writes a directive's rollups afresh from the recount: after the baseline's writers
 * changed its assignments with the triggers off, so the database is left consistent.
 */
export async function rebuildRollups(url: string, directiveId: string): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('begin');
    await c.query('delete from directive_rollups where directive_id = $1', [directiveId]);
    await c.query(`insert into directive_rollups (directive_id, unit_id, received, acknowledged, in_progress, done, blocked, overdue)
      select $1, unit_id, received, acknowledged, in_progress, done, blocked, overdue from (${RECOUNT}) r`, [directiveId]);
    await c.query('commit');
  });
}
