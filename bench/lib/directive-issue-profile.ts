/**
 * Where the time of a national issue goes: the statements of mainstay_issue_assignments()
 * taken apart and run one by one, as the tables' owner, in one transaction that is rolled
 * back (nothing stays but dead rows), each with the WAL it wrote.
 */
import { withClient } from './sql.ts';

export interface IssuePart { part: string; ms: number; rows: number; walBytes: number }

interface PlanNode { 'Node Type': string; 'Actual Rows': number; 'WAL Bytes'?: number; Plans?: PlanNode[] }
/** The most rows any node of the plan produced: the rows a part handled. */
const maxRows = (node: PlanNode): number => Math.max(node['Actual Rows'], ...(node.Plans ?? []).map(maxRows));

/** The rows the issuing function inserts, as it selects them: in unit order, ids growing in that order. */
const SELECT = (directive: string) => `
  select (s.stem || lpad(to_hex(row_number() over (order by u.id)), 8, '0'))::uuid, d.id, u.id, u.ancestor_ids, 'received', now() + interval '30 days', now(), now()
    from directives d
    cross join (select lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
                       || substr(replace(gen_random_uuid()::text, '-', ''), 1, 3) || '8' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 7) as stem) s
    join units u on u.ancestor_ids @> array[d.issuer_unit_id] and u.closed_at is null and u.depth = d.target_depth
   where d.id = '${directive}'
   order by u.id`;
const COLUMNS = '(id, directive_id, unit_id, path, status, next_due_at, created_at, updated_at)';

/** The indexes and insert trigger of migration 0011 as first written (put in place inside the rolled-back transaction). */
const FIRST_VERSION_SCHEMA = `
  drop index assignments_unit; create index assignments_unit on assignments (unit_id, created_at desc);
  drop index assignments_next_due; create index assignments_next_due on assignments (next_due_at) where status <> 'done' and next_due_at is not null;
  create function pg_temp.first_insert_deltas() returns trigger language plpgsql as $$
  begin
    if current_setting('mainstay.directive_bulk', true) = 'on' then return null; end if;
    insert into directive_deltas (directive_id, path, sign, status, overdue)
    select directive_id, path, 1, status, (overdue_since is not null and status <> 'done')::int from new_rows where cardinality(path) > 0;
    return null;
  end $$;
  create trigger bench_first_insert after insert on assignments referencing new table as new_rows
    for each statement execute function pg_temp.first_insert_deltas();
  create function pg_temp.first_issue(directive uuid, first_due timestamptz, at timestamptz) returns int language plpgsql as $$
  declare
    d directives;
    reached int;
  begin
    select * into strict d from directives where id = directive;
    perform set_config('mainstay.directive_bulk', 'on', true);
    with made as (
      insert into assignments (id, directive_id, unit_id, path, status, next_due_at, created_at, updated_at)
      select gen_random_uuid(), d.id, u.id, u.ancestor_ids, 'received', first_due, at, at
        from units u
       where u.ancestor_ids @> array[d.issuer_unit_id] and u.closed_at is null and u.depth = d.target_depth
      returning path
    ), rolled as (
      insert into directive_rollups (directive_id, unit_id, received)
      select d.id, p, count(*) from made cross join lateral unnest(made.path) p group by p
    )
    select count(*)::int into reached from made;
    perform set_config('mainstay.directive_bulk', '', true);
    return reached;
  end $$;`;

/**
 * `drafts`: two drafts with the national target (issuer the root, level cell) — one for
 * the parts, one for the whole function and for the first version of it.
 */
export async function profileIssue(url: string, drafts: [string, string]): Promise<IssuePart[]> {
  const [parts, whole] = drafts;
  return withClient(url, async (c) => {
    await c.query('set jit = off');
    const out: IssuePart[] = [];
    // EXPLAIN ANALYZE (no per-node timing) for the WAL each statement wrote itself — the
    // server's WAL position moves with every other database's writes too; the time is the
    // wall time of the call. A function's statements count in the call's WAL.
    const time = async (part: string, text: string, inserted?: string) => {
      const started = performance.now();
      const r = await c.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (analyze, timing off, wal, format json) ${text}`);
      const elapsed = performance.now() - started;
      const plan = r.rows[0]!['QUERY PLAN'][0]!.Plan;
      const rows = inserted ? (await c.query<{ n: number }>(`select count(*)::int as n from assignments where directive_id = '${inserted}'`)).rows[0]!.n
        : plan['Node Type'] === 'ModifyTable' ? plan.Plans![0]!['Actual Rows'] : maxRows(plan);
      out.push({ part, ms: elapsed, rows, walBytes: plan['WAL Bytes'] ?? 0 });
    };
    await c.query('checkpoint');
    await c.query('begin');
    try {
      // As the function sets it for itself.
      await c.query("set local work_mem = '128MB'");
      await c.query('create table bench_bare (like assignments including defaults) with (fillfactor = 80)');
      await c.query('create table bench_indexed (like assignments including all) with (fillfactor = 80)');
      await time('select the targeted units, sorted, with their new ids (no insert)', `select count(*)::int as n from (${SELECT(parts)}) t`);
      await time('insert them into an empty copy of assignments: no index, no trigger', `insert into bench_bare ${COLUMNS} ${SELECT(parts)}`);
      await time('insert them into an empty copy with the same four indexes', `insert into bench_indexed ${COLUMNS} ${SELECT(parts)}`);
      await time('insert them into assignments (four indexes, the earlier directives\' rows in them)', `insert into assignments ${COLUMNS} ${SELECT(parts)}`);
      await time('rollups: the paths grouped, spread over their ancestors, inserted', `
        insert into directive_rollups (directive_id, unit_id, received)
        select '${parts}', p, sum(g.n) from (select path, count(*) as n from assignments where directive_id = '${parts}' group by path) g
         cross join lateral unnest(g.path) p group by p`);
    } finally {
      await c.query('rollback');
    }
    await c.query('checkpoint');
    await c.query('begin');
    try {
      await time('the whole of mainstay_issue_assignments(), before commit', `select mainstay_issue_assignments('${whole}', now() + interval '30 days', now()) as n`, whole);
    } finally {
      await c.query('rollback');
    }
    // The same issue as first written, for comparison: random ids, rows in the units'
    // physical order, rollups from every row, the old unit and due-date indexes, and an
    // insert trigger whose transition table captured the rows it then ignored.
    await c.query('begin');
    try {
      await c.query(FIRST_VERSION_SCHEMA);
      await c.query('checkpoint');
      await time('the same issue as first written (random ids, physical order, insert trigger), before commit',
        `select pg_temp.first_issue('${whole}', now() + interval '30 days', now())`, whole);
    } finally {
      await c.query('rollback');
    }
    return out;
  });
}
