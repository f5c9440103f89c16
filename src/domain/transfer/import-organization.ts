import type { Database, RawConnection } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../context.ts';
import { csvRow, type ImportProblem, type MemberRecord, type UnitRecord } from './formats.ts';
import { checkText, importMembers, type MemberCounts } from './import-members.ts';
import type { CsvItem } from './read-csv.ts';

export interface ImportOptions {
  /** Validate and report, then roll everything back. */
  dryRun?: boolean;
  /** Write the good rows and report the bad ones, instead of writing nothing. */
  skipBad?: boolean;
  onProgress?: (progress: { file: 'units' | 'members'; rows: number }) => void;
  /** Problems kept in the report; the rest are only counted. */
  maxProblems?: number;
  /** The HTTP request that asked for the load, for the audit event. */
  requestId?: string | undefined;
}

export interface ImportReport {
  units: { read: number; written: number };
  /** written = added + updated; unchanged rows matched a person and changed nothing. */
  members: MemberCounts;
  problems: ImportProblem[];
  problemCount: number;
  committed: boolean;
}

const CHUNK = 10_000;
/** Loads at least this large refresh the planner's statistics once committed. */
const ANALYZE_AFTER_ROWS = 50_000;

/**
 * Loads units and members in one transaction, streaming: rows are validated as
 * they arrive and copied in chunks (COPY on both backends), so memory stays flat
 * whatever the file size. Everything is checked before the commit; unless skipBad
 * is set, one bad row means nothing is written. Subtree counters are adjusted once,
 * set-based, from the contributions of the new rows.
 */
export async function importOrganization(
  database: Database,
  actor: Actor,
  clock: Clock,
  sources: { units?: AsyncIterable<CsvItem<UnitRecord>>; members?: AsyncIterable<CsvItem<MemberRecord>> },
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { units: { read: 0, written: 0 }, members: { read: 0, written: 0, added: 0, updated: 0, unchanged: 0 }, problems: [], problemCount: 0, committed: false };
  const maxProblems = options.maxProblems ?? 1_000;
  const problem = (p: ImportProblem) => {
    report.problemCount++;
    if (report.problems.length < maxProblems) report.problems.push(p);
  };
  const now = clock.now().toISOString();

  return database.withConnection(async (conn) => {
    await conn.exec('begin');
    // An operator's bulk load: the whole tree, as its owner (row-level security is forced
    // on the owner too unless it is a superuser, so the administrator's scope is set).
    await conn.query("select set_config('mainstay.admin', 'true', true)");
    // The search directory's insert triggers stand aside: refreshDirectory() brings it
    // up to date in one pass at the end instead of once per COPY chunk.
    await conn.query("select set_config('mainstay.bulk_load', 'on', true)");
    try {
      await conn.exec(`
        create temp table import_contrib (unit_id uuid not null, units int not null, cells int not null, members int not null) on commit drop;
        create temp table import_units (line int not null, id uuid not null, code text, name text,
          depth int, parent_code text not null, fault text, fault_column text, reported boolean not null default false) on commit drop;`);
      const levels = (await conn.query<{ depth: number; key: string }>('select depth, key from levels order by depth')).rows;
      const cellDepth = levels.at(-1)!.depth;

      if (sources.units) {
        await stageUnits(conn, sources.units, levels, report, problem, options);
        report.units.written = await insertStagedUnits(conn, cellDepth, now, problem);
      }
      if (sources.members) {
        // A first load into an empty table inserts bare and builds the indexes and
        // foreign key once at the end: several times faster than row by row.
        const firstLoad = (await conn.query('select 1 from people limit 1')).rows.length === 0;
        if (firstLoad) {
          await conn.exec(`drop index people_cell_name; drop index people_member_code; drop index people_email_lower;
            alter table people drop constraint people_cell_id_fkey;`);
        }
        await importMembers(conn, sources.members, cellDepth, now, report.members, problem, options.onProgress);
        if (firstLoad) {
          await conn.exec(`
            create index people_cell_name on people (cell_id, name, id);
            create unique index people_member_code on people (member_code) where member_code is not null;
            create index people_email_lower on people (lower(email)) where email is not null;
            alter table people add constraint people_cell_id_fkey foreign key (cell_id) references units (id);`);
        }
      }
      await applyContributions(conn);

      report.problems.sort((a, b) => (a.file === b.file ? 0 : a.file === 'units' ? -1 : 1) || a.line - b.line);
      const accept = report.problemCount === 0 || options.skipBad;
      if (accept && !options.dryRun) await refreshDirectory(conn);
      if (accept && !options.dryRun && (report.units.written > 0 || report.members.written > 0)) {
        await conn.query(
          `insert into audit_events (at, actor_account_id, actor_label, action, target_type, details, request_id)
           values ($1, $2, $3, 'organization.import', 'organization', $4, $5)`,
          [now, actor.accountId, actor.label, JSON.stringify({ units: report.units.written, members: report.members.written, membersAdded: report.members.added,
            membersUpdated: report.members.updated, membersUnchanged: report.members.unchanged, problems: report.problemCount }), options.requestId ?? null],
        );
      }
      if (accept && !options.dryRun) {
        await conn.exec('commit');
        report.committed = true;
        // A large load leaves the planner without statistics until autovacuum gets round
        // to it (not within 45 minutes of a 10-million-member load, seen here), and
        // without them row-level security's subqueries were planned as scans of every
        // unit: a member search took 850 ms instead of 10.
        if (report.units.written + report.members.written >= ANALYZE_AFTER_ROWS) {
          await conn.exec('analyze units; analyze people; analyze directory_units; analyze directory_members');
        }
      } else {
        await conn.exec('rollback');
      }
      if (!report.committed) {
        report.units.written = 0;
        report.members.written = 0;
        // A check (dry run, or a load refused for its problems) still says what a load would do.
      }
      return report;
    } catch (error) {
      await conn.exec('rollback').catch(() => {});
      throw error;
    }
  });
}

type Problem = (p: ImportProblem) => void;

async function stageUnits(
  conn: RawConnection,
  source: AsyncIterable<CsvItem<UnitRecord>>,
  levels: Array<{ depth: number; key: string }>,
  report: ImportReport,
  problem: Problem,
  options: ImportOptions,
) {
  let chunk = '';
  let rows = 0;
  const flush = async () => {
    if (chunk) await conn.copyCsv('copy import_units (line, id, code, name, depth, parent_code, fault, fault_column, reported) from stdin with (format csv)', chunk);
    chunk = '';
    rows = 0;
    options.onProgress?.({ file: 'units', rows: report.units.read });
  };
  for await (const item of source) {
    if ('problem' in item) { problem(item.problem); continue; }
    const r = item.record;
    report.units.read++;
    const level = levels.find((l) => l.key === r.level);
    // Every problem of the row is reported, not only the first.
    const faults = [
      checkText(r.code, 'code', 64, true), checkText(r.name, 'name', 200, true), checkText(r.parent_code, 'parent_code', 64, false),
      level ? undefined : { column: 'level', reason: `unknown level "${r.level}"; the levels are ${levels.map((l) => l.key).join(', ')}` },
    ].filter((f) => f !== undefined);
    const fault = faults[0];
    if (fault) {
      for (const f of faults) problem({ file: 'units', line: r.line, ...f });
      // Staged all the same (marked as reported), so that its children can say that
      // their parent was rejected instead of calling it unknown.
      const code = faults.some((f) => f.column === 'code') ? null : r.code;
      const parentCode = faults.some((f) => f.column === 'parent_code') ? '' : r.parent_code;
      chunk += csvRow([r.line, newId(), code, null, level?.depth ?? null, parentCode, fault.reason, fault.column, 'true']);
    } else {
      chunk += csvRow([r.line, newId(), r.code, r.name, level!.depth, r.parent_code, null, null, 'false']);
    }
    if (++rows >= CHUNK) await flush();
  }
  await flush();
}

/**
 * Resolves parents inside the staged file and against the organization, then
 * inserts every unit reachable from an existing unit (or the new root) in one
 * statement. What cannot be reached is reported with the reason.
 */
async function insertStagedUnits(conn: RawConnection, cellDepth: number, now: string, problem: Problem): Promise<number> {
  await conn.exec(`
    create index on import_units (code);
    create index on import_units (parent_code);
    alter table import_units add column parent_id_hint uuid;
    update import_units set parent_id_hint = parent_code::uuid
     where parent_code ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';`);
  // Codes used twice in the file, or already taken in the organization.
  await conn.exec(`
    update import_units s set fault = 'the code "' || s.code || '" is already used on line ' || f.first_line, fault_column = 'code'
      from (select code, min(line) as first_line from import_units group by code having count(*) > 1) f
     where s.code = f.code and s.line <> f.first_line;
    update import_units s set fault = 'the code "' || s.code || '" is already taken by a unit of the organization', fault_column = 'code'
      from units u where u.code = s.code and s.fault is null;
    -- An export names a unit without a code by its id: that id is taken as well.
    update import_units s set fault = 'the code "' || s.code || '" is the id of a unit of the organization (an export names units that have no code by their id)', fault_column = 'code'
      from units u where u.code is null and s.fault is null
       and u.id = case when s.code ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then s.code::uuid end;`);
  await conn.query(`
    update import_units s set fault = 'the organization already has a root unit; give a parent_code', fault_column = 'parent_code'
     where s.parent_code = '' and s.fault is null and exists (select 1 from units where parent_id is null)`);
  await conn.query(`
    update import_units s set fault = 'a root unit must be of the top level', fault_column = 'level'
     where s.parent_code = '' and s.fault is null and s.depth <> (select min(depth) from levels)`);
  await conn.query(`
    update import_units s set fault = 'only one root unit is allowed (another is on line ' || f.first_line || ')', fault_column = 'parent_code'
      from (select min(line) as first_line from import_units where parent_code = '' and fault is null) f
     where s.parent_code = '' and s.fault is null and s.line <> f.first_line`);

  // Walk down from the anchors: the new root, or parents that already exist.
  await conn.exec(`
    create temp table import_resolved on commit drop as
    with recursive walk as (
      select s.line, s.id, s.code, s.name, s.depth, p.id as parent_id,
             case when p.id is null then '{}'::uuid[] else p.ancestor_ids || p.id end as ancestor_ids
        from import_units s
        left join units pc on pc.code = s.parent_code
        -- units made through the API have no code; exports name them by id
        left join units pi on pi.id = s.parent_id_hint and pi.code is null
        cross join lateral (select coalesce(pc.id, pi.id) as id, coalesce(pc.ancestor_ids, pi.ancestor_ids) as ancestor_ids,
                                   coalesce(pc.closed_at, pi.closed_at) as closed_at, coalesce(pc.depth, pi.depth) as depth) p
       where s.fault is null
         and (s.parent_code = '' or (p.id is not null and p.closed_at is null and p.depth < s.depth))
      union all
      select c.line, c.id, c.code, c.name, c.depth, w.id, w.ancestor_ids || w.id
        from walk w join import_units c on c.parent_code = w.code
       where c.fault is null and c.depth > w.depth
    )
    select * from walk;`);
  // Rows whose parent_code leads round in a circle: each one's file parent is the
  // first row with that code, so following parents either ends or comes back.
  const unresolved = await conn.query<{ line: number; reason: string; col: string }>(`
    with recursive pending as (
      select s.line, s.parent_code from import_units s left join import_resolved r on r.id = s.id
       where r.id is null and s.fault is null and s.parent_code <> ''
    ), up (start, line, path, looped) as (
      select line, line, array[line], false from pending
      union all
      select up.start, f.line, up.path || f.line, f.line = any(up.path)
        from up join pending c on c.line = up.line
        join pending f on f.line = (select min(line) from import_units x where x.code = c.parent_code)
       where not up.looped and cardinality(up.path) < 64
    ), cycles as (
      select start, path from up where looped and line = start
    )
    select s.line, coalesce(s.fault, case
        when p.id is null and fp.line is null then 'parent_code "' || s.parent_code || '" is neither in this file nor in the organization'
        when p.closed_at is not null then 'the parent "' || s.parent_code || '" is closed'
        when coalesce(p.depth, fp.depth) >= s.depth then 'a ' || sl.key || ' cannot be placed under the ' || pl.key || ' "' || s.parent_code || '"; a parent must be of a higher level'
        when cy.start is not null then 'its parent_code leads round in a circle back to it (lines ' || array_to_string(cy.path, ' → ') || ')'
        when fp.fault is not null then 'its parent on line ' || fp.line || ' was rejected'
        when fp.line is not null then 'its parent on line ' || fp.line || ' could not be imported'
        else 'its parent chain does not reach the organization' end) as reason,
      coalesce(s.fault_column, 'parent_code') as col
      from import_units s
      left join import_resolved r on r.id = s.id
      left join units p on p.code = s.parent_code or (p.code is null and p.id = s.parent_id_hint)
      left join import_units fp on fp.code = s.parent_code and fp.line = (select min(line) from import_units x where x.code = s.parent_code)
      left join levels sl on sl.depth = s.depth
      left join levels pl on pl.depth = coalesce(p.depth, fp.depth)
      left join cycles cy on cy.start = s.line
     where r.id is null and not s.reported
     order by s.line`);
  for (const u of unresolved.rows) problem({ file: 'units', line: u.line, column: u.col, reason: u.reason });

  const inserted = await conn.query<{ n: number }>(`
    with ins as (
      insert into units (id, code, name, depth, parent_id, ancestor_ids, created_at)
      select id, code, name, depth, parent_id, ancestor_ids, $1 from import_resolved
      returning id, depth)
    insert into import_contrib (unit_id, units, cells, members)
    select id, 1, (depth = $2)::int, 0 from ins
    returning 1 as n`, [now, cellDepth]);
  return inserted.rows.length;
}

/** Adds every new row's contribution to its unit and all ancestors, in one statement. */
async function applyContributions(conn: RawConnection) {
  // Writers of the tree wait for the end of the import rather than interleave row
  // locks with this bulk update (which would risk deadlocks); readers go on.
  await conn.exec(`
    lock table units in share row exclusive mode;
    analyze import_contrib;
    create temp table import_deltas on commit drop as
    select t.target as id,
           sum(case when t.target <> k.unit_id then k.units else 0 end)::int as du,
           sum(k.cells)::int as dc, sum(k.members)::int as dm
      from import_contrib k join units c on c.id = k.unit_id
      cross join lateral unnest(c.ancestor_ids || c.id) as t(target)
     group by t.target;
    update units u set sub_units = u.sub_units + d.du, sub_cells = u.sub_cells + d.dc, sub_members = u.sub_members + d.dm
      from import_deltas d where u.id = d.id;`);
}

/**
 * The search directory (migration 0003) for what this load added: the new units and
 * the cells that gained members, refreshed in place when they are a small part of
 * the organization; rebuilt whole, its indexes built once, when they are not (a first
 * load, or a file spread over most cells), which is several times faster than
 * updating hundreds of thousands of rows one index entry at a time. A rebuild holds
 * the directory, and so searches, until the import commits.
 */
async function refreshDirectory(conn: RawConnection) {
  const { rows: [counts] } = await conn.query<{ touched: number; existing: number }>(`
    select (select count(*) from import_contrib where units > 0 or members > 0)::int as touched,
           (select count(*) from directory_units)::int as existing`);
  if (counts!.touched === 0) return;
  if (counts!.touched * 4 > counts!.existing) {
    await conn.query('select mainstay_directory_rebuild()');
    return;
  }
  await conn.query('select mainstay_directory_refresh_units(array(select unit_id from import_contrib where units > 0))');
  await conn.query('select mainstay_directory_refresh_cells(array(select distinct unit_id from import_contrib where members > 0))');
}

