/** Direct SQL for the benchmark's own bookkeeping: creating its database, finding units, recounting. */
import pg from 'pg';
import { run } from './proc.ts';

pg.types.setTypeParser(20, (value) => Number(value));

/** Refuses databases that belong to others on the shared server. */
export function checkBenchDatabase(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name || ['postgres', 'template0', 'template1', 'test'].includes(name) || /^mainstay_(test|template)_/.test(name)) {
    throw new Error(`BENCH_DATABASE_URL names "${name}": the benchmark drops and recreates its database, so use a database of its own (e.g. mainstay_bench).`);
  }
  return name;
}

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Drops (closing any session on it) and recreates the benchmark database. */
export async function resetDatabase(url: string): Promise<void> {
  const name = checkBenchDatabase(url);
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    const quoted = '"' + name.replaceAll('"', '""') + '"';
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function query<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  return withClient(url, async (c) => (await c.query<R>(text, params)).rows);
}

/** psql with the given script; the wall time of the whole psql process is what is measured. */
export function psql(url: string, script: string) {
  return run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', script]);
}

export interface Recount { units: number; cells: number; members: number }

/**
 * Counts from the rows themselves, for the root and every region (depth 1), in one
 * pass over people: what the maintained counters must equal.
 */
export async function recountRegions(url: string): Promise<{ root: Recount; regions: Map<string, Recount> }> {
  return withClient(url, async (c) => {
    const cellDepth = (await c.query<{ d: number }>('select max(depth) as d from levels')).rows[0]!.d;
    const units = await c.query<{ region: string | null; units: number; cells: number }>(`
      select ancestor_ids[2] as region, count(*)::int as units, count(*) filter (where depth = $1)::int as cells
        from units where cardinality(ancestor_ids) >= 2 group by 1`, [cellDepth]);
    const members = await c.query<{ region: string; members: number }>(`
      select c.ancestor_ids[2] as region, count(*)::int as members
        from people p join units c on c.id = p.cell_id group by 1`);
    const regions = new Map<string, Recount>();
    const regionRows = await c.query<{ id: string }>('select id from units where depth = 1');
    for (const r of regionRows.rows) regions.set(r.id, { units: 0, cells: 0, members: 0 });
    for (const u of units.rows) if (u.region) Object.assign(regions.get(u.region) ?? {}, { units: u.units, cells: u.cells });
    for (const m of members.rows) { const r = regions.get(m.region); if (r) r.members = m.members; }
    const total = (await c.query<{ units: number; cells: number }>(
      'select (count(*) - 1)::int as units, count(*) filter (where depth = $1)::int as cells from units', [cellDepth])).rows[0]!;
    const totalMembers = (await c.query<{ n: number }>('select count(*)::int as n from people')).rows[0]!.n;
    return { root: { units: total.units, cells: total.cells, members: totalMembers }, regions };
  });
}
