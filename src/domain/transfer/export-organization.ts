import { once } from 'node:events';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { WriteStream } from 'node:fs';
import type { Database, RawConnection } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { systemClock } from '../../platform/clock.ts';
import { csvLine, MEMBER_COLUMNS, UNIT_COLUMNS } from './formats.ts';

export const EXPORT_FILES = { units: 'units.csv', members: 'members.csv', json: 'organization.json' } as const;

export interface ExportOptions {
  clock?: Clock;
  /** Rows fetched per query (keyset pages); memory stays proportional to it. */
  pageSize?: number;
  onProgress?: (progress: { file: 'units' | 'members' | 'json'; rows: number }) => void;
}

export interface ExportReport {
  /** Open units in units.csv. */
  units: number;
  /** Members in members.csv. */
  members: number;
  /** organization.json: every unit (closed ones too), official terms and ended memberships. */
  json: { units: number; closedUnits: number; officialTerms: number; membershipHistory: number };
  files: string[];
}

interface TreeUnit { id: string; key: string; name: string; depth: number; sub_members: number }

/**
 * Writes the organization to `dir` as the importer reads it — units.csv (open units,
 * parents before children) and members.csv — plus organization.json with what the
 * CSV cannot carry: closed units, official terms and the history of memberships.
 *
 * A unit without a code is named by its id; the importer resolves such a
 * parent_code/cell_code to the unit, and gives the unit that id as its code when
 * the export is loaded into another database, so exporting that one again writes
 * the same files. Rows are ordered by those codes (byte order, whatever the
 * database's collation), members by cell then name, e-mail and phone.
 *
 * Everything is read in one repeatable-read transaction (a consistent snapshot while
 * the server keeps writing) in keyset pages, and written with backpressure: memory
 * stays flat whatever the size. Files are written under a temporary name and
 * renamed at the end, so a failed export leaves no file that looks complete.
 */
export async function exportOrganization(database: Database, dir: string, options: ExportOptions = {}): Promise<ExportReport> {
  const pageSize = options.pageSize ?? 2_000;
  const clock = options.clock ?? systemClock;
  const paths = { units: join(dir, EXPORT_FILES.units), members: join(dir, EXPORT_FILES.members), json: join(dir, EXPORT_FILES.json) };
  let writers: Record<'units' | 'members' | 'json', Writer>;
  try {
    await mkdir(dir, { recursive: true });
    writers = {
      units: await Writer.open(`${paths.units}.partial`),
      members: await Writer.open(`${paths.members}.partial`),
      json: await Writer.open(`${paths.json}.partial`),
    };
  } catch (error) {
    await Promise.all(Object.values(paths).map((p) => rm(`${p}.partial`, { force: true }).catch(() => {})));
    throw new Error(`Cannot write the export to ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const report: ExportReport = { units: 0, members: 0, json: { units: 0, closedUnits: 0, officialTerms: 0, membershipHistory: 0 }, files: [] };
  try {
    await database.withConnection(async (conn) => {
      await conn.exec('begin transaction isolation level repeatable read read only');
      try {
        // The whole tree, as the importer sees it: row-level security is forced on the
        // tables' owner too (unless a superuser), so the administrator's scope is set.
        await conn.query("select set_config('mainstay.admin', 'true', true)");
        const levels = (await conn.query<{ depth: number; key: string; name: string }>('select depth, key, name from levels order by depth')).rows;
        await writeCsvFiles(conn, levels, writers.units, writers.members, pageSize, report, options);
        await writeJson(conn, levels, writers.json, pageSize, clock, report, options);
        await conn.exec('commit');
      } catch (error) {
        await conn.exec('rollback').catch(() => {});
        throw error;
      }
    });
    for (const w of Object.values(writers)) await w.close();
    for (const key of ['units', 'members', 'json'] as const) {
      await rename(`${paths[key]}.partial`, paths[key]);
      report.files.push(paths[key]);
    }
    return report;
  } catch (error) {
    for (const w of Object.values(writers)) w.destroy();
    await Promise.all(Object.values(paths).map((p) => rm(`${p}.partial`, { force: true })));
    throw error;
  }
}

async function writeCsvFiles(
  conn: RawConnection,
  levels: Array<{ depth: number; key: string }>,
  units: Writer,
  members: Writer,
  pageSize: number,
  report: ExportReport,
  options: ExportOptions,
) {
  const levelKey = new Map(levels.map((l) => [l.depth, l.key]));
  const cellDepth = levels.at(-1)!.depth;
  await units.write(csvLine(UNIT_COLUMNS));
  await members.write(csvLine(MEMBER_COLUMNS));
  const root = (await conn.query<TreeUnit>(
    `select id, coalesce(code, id::text) as key, name, depth, sub_members from units where parent_id is null`,
  )).rows[0];
  if (!root) return;

  const writeUnit = async (unit: TreeUnit, parentKey: string) => {
    await units.write(csvLine([unit.key, unit.name, levelKey.get(unit.depth)!, parentKey]));
    if (++report.units % pageSize === 0) options.onProgress?.({ file: 'units', rows: report.units });
  };

  // Depth first (each unit, then its subtree), children in code order: a parent always
  // comes before its children, and the stack is only as deep as the levels.
  const visit = async (unit: TreeUnit): Promise<void> => {
    if (unit.depth === cellDepth) return; // nothing lies below a cell
    let after = '';
    for (;;) {
      const page = (await conn.query<TreeUnit>(
        `select id, coalesce(code, id::text) as key, name, depth, sub_members from units
          where parent_id = $1 and closed_at is null and coalesce(code, id::text) collate "C" > $2
          order by coalesce(code, id::text) collate "C" limit $3`,
        [unit.id, after, pageSize],
      )).rows;
      for (const child of page) {
        await writeUnit(child, unit.key);
        await visit(child);
      }
      await writeMembers(conn, page.filter((c) => c.depth === cellDepth), members, pageSize, report, options);
      if (page.length < pageSize) return;
      after = page.at(-1)!.key;
    }
  };
  await writeUnit(root, '');
  if (root.depth === cellDepth) await writeMembers(conn, [root], members, pageSize, report, options);
  await visit(root);

  // Members only ever belong to open cells (a unit closes empty); a difference here
  // means rows the CSV cannot carry, and an export that does not re-import the same.
  const total = (await conn.query<{ n: number }>('select count(*)::int as n from people')).rows[0]!.n;
  if (total !== report.members) {
    throw new Error(`${total - report.members} people are not members of an open cell and could not be exported; nothing was written.`);
  }
}

/** The members of some cells, cell by cell in the given order, in pages of about pageSize. */
async function writeMembers(conn: RawConnection, cells: TreeUnit[], out: Writer, pageSize: number, report: ExportReport, options: ExportOptions) {
  let start = 0;
  while (start < cells.length) {
    // Batch cells by their member counters; the keyset below stays correct whatever they say.
    let end = start;
    let size = 0;
    while (end < cells.length && (end === start || size + cells[end]!.sub_members <= pageSize)) size += cells[end++]!.sub_members;
    const batch = cells.slice(start, end);
    start = end;
    if (size === 0) continue;
    let after: [number, string, string, string, string] = [0, '', '', '', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows = (await conn.query<{ ord: number; id: string; code: string; name: string; email: string; phone: string }>(
        // A person without a member_code is named by their id, which the importer matches back.
        `select c.ord::int as ord, p.id, coalesce(p.member_code, p.id::text) as code, p.name, coalesce(p.email, '') as email, coalesce(p.phone, '') as phone
           from unnest($1::uuid[]) with ordinality as c(id, ord)
           join people p on p.cell_id = c.id
          where (c.ord, p.name collate "C", coalesce(p.email, '') collate "C", coalesce(p.phone, '') collate "C", p.id) > ($2, $3, $4, $5, $6::uuid)
          order by c.ord, p.name collate "C", coalesce(p.email, '') collate "C", coalesce(p.phone, '') collate "C", p.id
          limit $7`,
        [batch.map((c) => c.id), ...after, pageSize],
      )).rows;
      for (const p of rows) {
        await out.write(csvLine([p.code, p.name, batch[p.ord - 1]!.key, p.email, p.phone]));
      }
      report.members += rows.length;
      if (rows.length > 0) options.onProgress?.({ file: 'members', rows: report.members });
      if (rows.length < pageSize) break;
      const last = rows.at(-1)!;
      after = [last.ord, last.name, last.email, last.phone, last.id];
    }
  }
}

/**
 * organization.json: the levels, every unit with its status, the official terms
 * (current and ended) and the ended memberships. People appear there by id, name
 * and cell only: their contact details are in members.csv, not copied twice.
 */
async function writeJson(
  conn: RawConnection,
  levels: Array<{ depth: number; key: string; name: string }>,
  out: Writer,
  pageSize: number,
  clock: Clock,
  report: ExportReport,
  options: ExportOptions,
) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  const levelKey = new Map(levels.map((l) => [l.depth, l.key]));
  await out.write(`{"format":"mainstay-organization","version":1,"exportedAt":${JSON.stringify(clock.now().toISOString())},\n`);
  await out.write(`"levels":${JSON.stringify(levels)},\n`);

  const section = async <R extends { id: string | number }>(name: string, first: boolean, sql: string, initial: string | number, toJson: (row: R) => unknown, count: (row: R) => void) => {
    await out.write(`${first ? '' : ',\n'}${JSON.stringify(name)}:[`);
    let after: string | number = initial;
    let n = 0;
    for (;;) {
      const rows = (await conn.query<R>(sql, [after, pageSize])).rows;
      for (const row of rows) {
        await out.write(`${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(toJson(row))}`);
        count(row);
      }
      options.onProgress?.({ file: 'json', rows: n });
      if (rows.length < pageSize) break;
      after = rows.at(-1)!.id;
    }
    await out.write(']');
  };

  await section<{ id: string; code: string | null; name: string; depth: number; parent_id: string | null; created_at: Date; closed_at: Date | null }>(
    'units', true,
    `select id, code, name, depth, parent_id, created_at, closed_at from units where id > $1::uuid order by id limit $2`,
    '00000000-0000-0000-0000-000000000000',
    (u) => ({
      id: u.id, code: u.code, name: u.name, level: levelKey.get(u.depth), parentId: u.parent_id,
      status: u.closed_at ? 'closed' : 'open', createdAt: iso(u.created_at), closedAt: iso(u.closed_at),
    }),
    (u) => { report.json.units++; if (u.closed_at) report.json.closedUnits++; },
  );
  await section<{ id: string; unit_id: string; role: string; started_at: Date; ended_at: Date | null; person_id: string; person_name: string; person_cell_id: string }>(
    'officialTerms', false,
    `select t.id, t.unit_id, t.role, t.started_at, t.ended_at, p.id as person_id, p.name as person_name, p.cell_id as person_cell_id
       from official_terms t join people p on p.id = t.person_id where t.id > $1::uuid order by t.id limit $2`,
    '00000000-0000-0000-0000-000000000000',
    (t) => ({
      id: t.id, unitId: t.unit_id, role: t.role, status: t.ended_at ? 'ended' : 'current', startedAt: iso(t.started_at), endedAt: iso(t.ended_at),
      person: { id: t.person_id, name: t.person_name, cellId: t.person_cell_id },
    }),
    () => { report.json.officialTerms++; },
  );
  await section<{ id: number; cell_id: string; started_at: Date; ended_at: Date; person_id: string; person_name: string; person_cell_id: string }>(
    'membershipHistory', false,
    `select h.id, h.cell_id, h.started_at, h.ended_at, p.id as person_id, p.name as person_name, p.cell_id as person_cell_id
       from membership_history h join people p on p.id = h.person_id where h.id > $1 order by h.id limit $2`,
    0,
    (h) => ({
      cellId: h.cell_id, startedAt: iso(h.started_at), endedAt: iso(h.ended_at),
      person: { id: h.person_id, name: h.person_name, cellId: h.person_cell_id },
    }),
    () => { report.json.membershipHistory++; },
  );
  await out.write('\n}\n');
}

/** A file written in 64 KiB pieces that waits for the disk when the stream is full. */
class Writer {
  private buffer = '';
  private error: Error | undefined;

  private constructor(private readonly stream: WriteStream) {
    stream.on('error', (error) => { this.error = error; });
  }

  static async open(path: string): Promise<Writer> {
    const handle = await open(path, 'w'); // fails here, not later, on a bad path
    return new Writer(handle.createWriteStream());
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.error) throw this.error;
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  destroy(): void {
    this.stream.destroy();
  }
}
