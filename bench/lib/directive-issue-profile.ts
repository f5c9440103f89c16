/**
 * Where the time of a national issue goes: its parts run one by one, as the tables'
 * owner, in one transaction that is rolled back (nothing stays but dead rows).
 */
import { withClient } from './sql.ts';

export interface IssuePart { part: string; ms: number; rows: number }

/** The targeted units' rows as the issuing function selects them: every open cell below the root. */
const SELECT = (directive: string) => `
  select gen_random_uuid(), d.id, u.id, u.ancestor_ids, 'received', now() + interval '30 days', now(), now()
    from directives d join units u on u.ancestor_ids @> array[d.issuer_unit_id] and u.closed_at is null and u.depth = d.target_depth
   where d.id = '${directive}'`;
const COLUMNS = '(id, directive_id, unit_id, path, status, next_due_at, created_at, updated_at)';

/**
 * `drafts`: two drafts with the national target (issuer the root, level cell) — one for
 * the parts, one for the whole function.
 */
export async function profileIssue(url: string, drafts: [string, string]): Promise<IssuePart[]> {
  const [parts, whole] = drafts;
  return withClient(url, async (c) => {
    const out: IssuePart[] = [];
    const time = async (part: string, text: string) => {
      const started = performance.now();
      const r = await c.query(text);
      out.push({ part, ms: performance.now() - started, rows: r.rowCount ?? Number(r.rows[0]?.n ?? 0) });
    };
    await c.query('checkpoint');
    await c.query('begin');
    try {
      await c.query('create table bench_bare (like assignments including defaults) with (fillfactor = 80)');
      await c.query('create table bench_indexed (like assignments including all) with (fillfactor = 80)');
      await time('select the targeted units (count only)', `select count(*)::int as n from (${SELECT(parts)}) t`);
      await time('insert into a bare copy of assignments (no index, no trigger)', `insert into bench_bare ${COLUMNS} ${SELECT(parts)}`);
      await time('insert into a copy with the same four indexes (no trigger)', `insert into bench_indexed ${COLUMNS} ${SELECT(parts)}`);
      await c.query("select set_config('mainstay.directive_bulk', 'on', true)");
      await time('insert into assignments (four indexes, statement triggers capturing the new rows)', `insert into assignments ${COLUMNS} ${SELECT(parts)}`);
      await time('rollup insert: every assignment counted at each ancestor', `
        insert into directive_rollups (directive_id, unit_id, received)
        select directive_id, p, count(*) from assignments cross join lateral unnest(path) p where directive_id = '${parts}' group by directive_id, p`);
    } finally {
      await c.query('rollback');
    }
    await c.query('begin');
    try {
      await time('the whole of mainstay_issue_assignments() (before commit)', `select mainstay_issue_assignments('${whole}', now() + interval '30 days', now()) as n`);
    } finally {
      await c.query('rollback');
    }
    return out;
  });
}
