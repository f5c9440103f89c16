/**
 * bench:gatherings at the SQL level, in its own database only: a clean slate, a secretary
 * for every cell, cadences for every cell, and the recount every meeting rollup must equal.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { log, ROOT } from './proc.ts';
import { withClient } from './sql.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const MIGRATION = '0012_gatherings.sql';

/**
 * Migration 0012 is not landed yet and still changes (its policies did, after the national
 * database this one was copied from had applied it). The file's hash is kept in this
 * database; when the file differs, its tables and function are dropped (they hold only
 * benchmark rows, cleared at every run anyway) and the file runs again, in one transaction;
 * foreign keys that later migrations point at its tables are put back.
 */
export async function reapplyGatheringsMigration(url: string): Promise<'as is' | 'reapplied 0012'> {
  const text = readFileSync(join(ROOT, 'src', 'db', 'migrations', MIGRATION), 'utf8');
  const hash = createHash('sha256').update(text).digest('hex');
  return withClient(url, async (c) => {
    await c.query('create table if not exists bench_gatherings_migration (hash text not null)');
    const recorded = (await c.query<{ hash: string }>('select hash from bench_gatherings_migration')).rows[0]?.hash;
    if (recorded === hash) return 'as is' as const;
    log(`${MIGRATION} may differ from the version in the database: running it again`);
    const tables = [...text.matchAll(/^create table (\w+)/gim)].map((m) => m[1]!);
    const functions = [...text.matchAll(/^create function (\w+)/gim)].map((m) => m[1]!);
    await c.query('begin');
    const keys = (await c.query<{ tbl: string; name: string; def: string }>(`
      select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
       where contype = 'f' and confrelid::regclass::text = any($1) and not (conrelid::regclass::text = any($1))`, [tables])).rows;
    await c.query(`drop table if exists ${tables.join(', ')} cascade`);
    for (const f of functions) await c.query(`drop function if exists ${f} cascade`);
    await c.query(text);
    for (const k of keys) await c.query(`alter table ${k.tbl} add constraint ${k.name} ${k.def}`);
    await c.query('delete from bench_gatherings_migration');
    await c.query('insert into bench_gatherings_migration (hash) values ($1)', [hash]);
    await c.query('commit');
    return 'reapplied 0012' as const;
  });
}

/** Each run starts from the same state: no gathering, no cadence, no meeting rollup. */
export async function resetGatherings(url: string): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('begin');
    await c.query(`truncate attendance, gathering_attendance_counts, invitations, agenda_items, decisions, gathering_sessions, gatherings,
      unit_meeting_stats, unit_cadences, calendar_tokens`);
    await c.query(`delete from outbox_messages where kind = 'gathering.invitation'`);
    await c.query('commit');
    await c.query('vacuum analyze invitations, unit_meeting_stats, unit_cadences, gatherings');
  });
}

/**
 * The national loader appoints nobody: every open cell without a current secretary gets
 * one, its first member by name, in one statement as the tables' owner (benchmark data,
 * not a measured path). Idempotent.
 */
export async function appointSecretaries(url: string, cellDepth: number): Promise<{ appointed: number; ms: number }> {
  return withClient(url, async (c) => {
    const t = performance.now();
    const result = await c.query(`
      insert into official_terms (id, unit_id, person_id, role, started_at)
      select gen_random_uuid(), u.id, p.id, 'secretary', now()
        from units u cross join lateral (
          select p.id from people p where p.cell_id = u.id and p.anonymised_at is null order by p.name, p.id limit 1) p
       where u.depth = $1 and u.closed_at is null
         and not exists (select 1 from official_terms t where t.unit_id = u.id and t.role = 'secretary' and t.ended_at is null)
         and not exists (select 1 from official_terms t where t.unit_id = u.id and t.person_id = p.id and t.ended_at is null)`, [cellDepth]);
    if ((result.rowCount ?? 0) > 0) await c.query('vacuum analyze official_terms');
    return { appointed: result.rowCount ?? 0, ms: performance.now() - t };
  });
}

/** Who a conference of cell secretaries must invite: the current secretaries of the open cells. */
export async function cellSecretaries(url: string, cellDepth: number): Promise<number> {
  return withClient(url, async (c) => (await c.query<{ n: number }>(`
    select count(distinct t.person_id)::int as n from official_terms t join units u on u.id = t.unit_id
     where t.role = 'secretary' and t.ended_at is null and u.depth = $1 and u.closed_at is null`, [cellDepth])).rows[0]!.n);
}

/**
 * A cadence for every open cell, set today, with the rollups the domain's setCadence
 * keeps (with_cadence + 1 on the cell and each ancestor) added set-based: the same state
 * as 500,000 calls of setCadence, in two statements.
 */
export async function setCadencesEverywhere(url: string, cellDepth: number, everyDays: number): Promise<{ cells: number; ms: number; rollupMs: number }> {
  return withClient(url, async (c) => {
    await c.query('begin');
    const t = performance.now();
    const inserted = await c.query(`
      insert into unit_cadences (unit_id, every_days, last_met_at, set_at)
      select u.id, $2, (select max(g.starts_at) from gatherings g where g.convening_unit_id = u.id and g.held_at is not null and g.kind in ('meeting', 'enlarged')), now()
        from units u where u.depth = $1 and u.closed_at is null
      on conflict (unit_id) do nothing`, [cellDepth, everyDays]);
    const t2 = performance.now();
    await c.query(`
      insert into unit_meeting_stats (unit_id, with_cadence)
      select p, count(*) from unit_cadences c join units u on u.id = c.unit_id cross join lateral unnest(u.ancestor_ids || u.id) p group by p
      on conflict (unit_id) do update set with_cadence = excluded.with_cadence`);
    await c.query('commit');
    const done = performance.now();
    await c.query('vacuum analyze unit_cadences, unit_meeting_stats');
    return { cells: inserted.rowCount ?? 0, ms: done - t, rollupMs: done - t2 };
  });
}

export interface MeetingFigures { gatheringsHeld: number; present: number; excused: number; absent: number; withCadence: number; missed: number }
export interface MeetingRecount { units: number; differing: number; sample: string[]; root: MeetingFigures; ms: number }

/**
 * Every unit's meeting rollup against a recount from the rows: meetings held and
 * attendance marks by each unit on the gathering's stored path, cadences and missed
 * marks by each unit on the cell's current path (a missing row counts as zeros).
 */
export async function recountMeetingStats(url: string, rootId: string): Promise<MeetingRecount> {
  return withClient(url, async (c) => {
    const t = performance.now();
    const rows = (await c.query<{ unit_id: string; stored: string; counted: string }>(`
      with held as (
        select p as unit_id, count(*) as gatherings_held from gatherings g cross join lateral unnest(g.convening_path) p where g.held_at is not null group by p
      ), marks as (
        select p as unit_id, count(*) filter (where a.status = 'present') as present, count(*) filter (where a.status = 'excused') as excused,
               count(*) filter (where a.status = 'absent') as absent
          from attendance a join gatherings g on g.id = a.gathering_id cross join lateral unnest(g.convening_path) p group by p
      ), cadences as (
        select p as unit_id, count(*) as with_cadence, count(*) filter (where c.missed_since is not null) as missed
          from unit_cadences c join units u on u.id = c.unit_id cross join lateral unnest(u.ancestor_ids || u.id) p group by p
      ), counted as (
        select coalesce(h.unit_id, m.unit_id, k.unit_id) as unit_id,
               coalesce(h.gatherings_held, 0) as gatherings_held, coalesce(m.present, 0) as present, coalesce(m.excused, 0) as excused,
               coalesce(m.absent, 0) as absent, coalesce(k.with_cadence, 0) as with_cadence, coalesce(k.missed, 0) as missed
          from held h full join marks m on m.unit_id = h.unit_id full join cadences k on k.unit_id = coalesce(h.unit_id, m.unit_id)
      )
      select coalesce(s.unit_id, n.unit_id) as unit_id,
             concat_ws('/', coalesce(s.gatherings_held, 0), coalesce(s.present, 0), coalesce(s.excused, 0), coalesce(s.absent, 0), coalesce(s.with_cadence, 0), coalesce(s.missed, 0)) as stored,
             concat_ws('/', coalesce(n.gatherings_held, 0), coalesce(n.present, 0), coalesce(n.excused, 0), coalesce(n.absent, 0), coalesce(n.with_cadence, 0), coalesce(n.missed, 0)) as counted
        from unit_meeting_stats s full join counted n on n.unit_id = s.unit_id`)).rows;
    const differing = rows.filter((r) => r.stored !== r.counted);
    const [gatheringsHeld = 0, present = 0, excused = 0, absent = 0, withCadence = 0, missed = 0] = rows.find((r) => r.unit_id === rootId)?.counted.split('/').map(Number) ?? [];
    return {
      units: rows.length, differing: differing.length, ms: performance.now() - t,
      sample: differing.slice(0, 3).map((r) => `${r.unit_id}: stored ${r.stored}, counted ${r.counted}`),
      root: { gatheringsHeld, present, excused, absent, withCadence, missed },
    };
  });
}

// ---- the machine ------------------------------------------------------------------------------------

/** Other heavy work on the machine right now (benchmarks, national loads, test runs, browsers), by kind. */
export function otherWork(): string[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const mine = new Set([String(process.pid), String(process.ppid)]);
  const found = new Set<string>();
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!m || mine.has(m[1]!)) continue;
    const args = m[2]!;
    const bench = /bench\/([\w-]+)\.ts/.exec(args);
    if (bench && bench[1] !== 'gatherings') found.add(`bench/${bench[1]}.ts`);
    else if (/mainstay\.js (import|demo)\b/.test(args)) found.add('a national load (`mainstay import`/`demo`)');
    else if (/vitest\/dist\/workers|node_modules\/\.bin\/vitest/.test(args)) found.add('vitest');
    else if (/\/chromium\b.*--headless/.test(args)) found.add('headless Chromium');
    else if (/node_modules\/\.bin\/tsc/.test(args)) found.add('tsc');
  }
  return [...found].sort();
}

export const loadAverage = () => os.loadavg()[0]!;

/** Waits (up to `minutes`) while another benchmark loads the national tree: the 2 cores would measure the load, not us. */
export async function waitWhileLoading(minutes: number): Promise<number> {
  const started = Date.now();
  for (let i = 0; ; i++) {
    if (!otherWork().some((w) => w.startsWith('a national load'))) return Date.now() - started;
    if (Date.now() - started > minutes * 60_000) {
      log(`a national load is still running after ${minutes} min; measuring anyway (see the report)`);
      return Date.now() - started;
    }
    if (i % 4 === 0) log('another benchmark is loading the national tree: waiting before measuring');
    await sleep(30_000);
  }
}
