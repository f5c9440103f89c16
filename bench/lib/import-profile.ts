/**
 * Where an import's time goes: runs the importer in this process against the
 * benchmark database with every statement timed (grouped by what it does), and the
 * time spent inside the CSV reader measured apart. What is left is the importer's
 * own JavaScript between reads and statements (validation, ids, building COPY text).
 */
import { openDatabase, type Database, type RawConnection } from '../../src/db/database.ts';
import { cliActor } from '../../src/domain/context.ts';
import { MEMBER_COLUMNS } from '../../src/domain/transfer/formats.ts';
import { importOrganization } from '../../src/domain/transfer/import-organization.ts';
import { readCsv, type CsvItem } from '../../src/domain/transfer/read-csv.ts';
import { systemClock } from '../../src/platform/clock.ts';

export interface ImportProfile { totalMs: number; rows: number; parts: Array<{ part: string; ms: number; calls: number }> }

const GROUPS: Array<[string, RegExp]> = [
  ['COPY into people', /^copy people/i],
  ['cell look-up per chunk (select … from units where code = any(…))', /^select coalesce\(code, id::text\)/i],
  ['contributions per chunk (insert into import_contrib)', /^insert into import_contrib/i],
  ['counter update (aggregate contributions over ancestors, update units)', /import_deltas/i],
  ['index and foreign-key build after a first load', /^create index people_cell_name|add constraint people_cell_id_fkey/i],
  ['drop index and foreign key before a first load', /^drop index people_cell_name/i],
  ['commit', /^commit/i],
];

function group(sql: string): string {
  const text = sql.trim();
  return GROUPS.find(([, re]) => re.test(text))?.[0] ?? 'other statements';
}

async function* timedSource<T>(source: AsyncIterable<T>, add: (ms: number) => void): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    const t = performance.now();
    const next = await iterator.next();
    add(performance.now() - t);
    if (next.done) return;
    yield next.value;
  }
}

export async function profileImport(url: string, membersCsv: string, rows: number): Promise<ImportProfile> {
  const database = await openDatabase({ url });
  const parts = new Map<string, { ms: number; calls: number }>();
  const add = (part: string, ms: number) => {
    const p = parts.get(part) ?? { ms: 0, calls: 0 };
    p.ms += ms;
    p.calls++;
    parts.set(part, p);
  };
  const timed = async <T>(sql: string, fn: () => Promise<T>) => {
    const t = performance.now();
    try { return await fn(); } finally { add(group(sql), performance.now() - t); }
  };
  const wrapped: Database = {
    ...database,
    withConnection: (fn) => database.withConnection((conn) => fn({
      query: (text, params) => timed(text, () => conn.query(text, params)),
      exec: (script) => timed(script, () => conn.exec(script)),
      copyCsv: (copySql, csv) => timed(copySql, () => conn.copyCsv(copySql, csv)),
    } satisfies RawConnection)),
  };
  let parseMs = 0;
  let parseCalls = 0;
  const members = timedSource<CsvItem<Record<(typeof MEMBER_COLUMNS)[number], string> & { line: number }>>(
    readCsv(membersCsv, 'members', MEMBER_COLUMNS), (ms) => { parseMs += ms; parseCalls++; });
  const started = performance.now();
  try {
    const report = await importOrganization(wrapped, cliActor(), systemClock, { members });
    if (!report.committed || report.members.written !== rows) throw new Error(`profiled import wrote ${report.members.written} of ${rows} rows (${report.problemCount} problems)`);
  } finally {
    await database.close();
  }
  const totalMs = performance.now() - started;
  const list = [...parts].map(([part, p]) => ({ part, ...p }));
  list.push({ part: 'reading the CSV (csv-parse, in readCsv)', ms: parseMs, calls: parseCalls });
  const accounted = list.reduce((a, p) => a + p.ms, 0);
  list.push({ part: "the importer's own JavaScript (validation, UUIDv7 ids, building COPY text)", ms: Math.max(0, totalMs - accounted), calls: 0 });
  list.sort((a, b) => b.ms - a.ms);
  return { totalMs, rows, parts: list };
}
