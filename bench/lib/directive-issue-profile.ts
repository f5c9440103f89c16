/**
 * Where the time of a national issue goes: the statements of mainstay_issue_assignments()
 * taken apart and run one by one, as the tables' owner, in one transaction that is rolled
 * back (nothing stays but dead rows), each with the WAL it wrote.
 */
import { withClient } from './sql.ts';

export interface IssuePart { part: string; ms: number; rows: number; walBytes: number }

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

/**
 * `drafts`: two drafts with the national target (issuer the root, level cell) — one for
 * the parts, one for the whole function.
 */
export async function profileIssue(url: string, drafts: [string, string]): Promise<IssuePart[]> {
  const [parts, whole] = drafts;
  return withClient(url, async (c) => {
    await c.query('set jit = off');
    const out: IssuePart[] = [];
    const time = async (part: string, text: string) => {
      const lsn = (await c.query<{ l: string }>('select pg_current_wal_insert_lsn()::text as l')).rows[0]!.l;
      const started = performance.now();
      const r = await c.query(text);
      const elapsed = performance.now() - started;
      const wal = (await c.query<{ b: string }>('select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn)::text as b', [lsn])).rows[0]!.b;
      out.push({ part, ms: elapsed, rows: r.command === 'SELECT' ? Number(r.rows[0]?.n ?? 0) : r.rowCount ?? 0, walBytes: Number(wal) });
    };
    await c.query('checkpoint');
    await c.query('begin');
    try {
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
    await c.query('begin');
    try {
      await time('the whole of mainstay_issue_assignments(), before commit', `select mainstay_issue_assignments('${whole}', now() + interval '30 days', now()) as n`);
    } finally {
      await c.query('rollback');
    }
    return out;
  });
}
