import type { RawConnection } from '../../db/database.ts';
import { isId, newId } from '../../platform/ids.ts';
import { textFault } from '../text.ts';
import { csvRow, type ImportProblem, type MemberRecord } from './formats.ts';
import type { CsvItem } from './read-csv.ts';

export interface MemberCounts { read: number; written: number; added: number; updated: number; unchanged: number }

type Problem = (p: ImportProblem) => void;

const CHUNK = 10_000;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9 ()./-]{3,40}$/;
const UUID = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

/**
 * Members: validated row by row and staged in chunks (COPY into a temporary table;
 * their cells looked up per chunk, so memory stays flat), then matched to the people
 * already in the organization in a few set-based statements — by member_code (or, for
 * an exported person without a code, their id), else by an e-mail that is unique in
 * the file and in the organization — and applied: new rows inserted, changed ones
 * updated (a changed cell is a transfer, its ended membership kept in the history),
 * unchanged ones left alone. An ambiguous match is a problem of its row, never a guess.
 */
export async function importMembers(
  conn: RawConnection,
  source: AsyncIterable<CsvItem<MemberRecord>>,
  cellDepth: number,
  now: string,
  counts: MemberCounts,
  problem: Problem,
  onProgress: ((progress: { file: 'members'; rows: number }) => void) | undefined,
): Promise<void> {
  await conn.exec(`create temp table import_members (line int not null, new_id uuid not null, member_code text, name text not null,
    email text, phone text, cell_id uuid not null, person_id uuid, fault text, fault_column text,
    code_to_set text, old_cell uuid, changed boolean not null default false) on commit drop`);
  // Units inserted in this same transaction are invisible to the planner's
  // statistics; without them the per-chunk cell look-up scans the whole table.
  await conn.exec('analyze units');
  let pending: Array<{ record: MemberRecord; faulty: 'cell' | boolean }> = [];
  // The cells of the current chunk (memory stays flat whatever the file's size).
  const byCode = new Map<string, { key: string; id: string; depth: number; closed: boolean }>();
  const flush = async () => {
    if (pending.length === 0) return;
    // Only the last chunk's cells are kept: consecutive rows often share a cell,
    // and a cache of every cell would grow with the organization (memory stays flat).
    const previous = new Map(byCode);
    byCode.clear();
    const all = [...new Set(pending.map((p) => p.record.cell_code).filter((c) => c !== ''))];
    for (const code of all) {
      const known = previous.get(code);
      if (known) byCode.set(code, known);
    }
    const codes = all.filter((c) => !byCode.has(c) && !byCode.has(c.toLowerCase()));
    const ids = codes.filter(isId);
    if (codes.length > 0) {
      const cells = await conn.query<{ key: string; id: string; depth: number; closed: boolean }>(
        `select coalesce(code, id::text) as key, id, depth, closed_at is not null as closed from units where code = any($1::text[])
         union all select id::text, id, depth, closed_at is not null from units where code is null and id = any($2::uuid[])`,
        [codes, ids],
      );
      for (const c of cells.rows) byCode.set(c.key, c);
    }
    const find = (code: string) => byCode.get(code) ?? (isId(code) ? byCode.get(code.toLowerCase()) : undefined);
    // A cell of the units file that was rejected is named as such, not as unknown.
    const missing = codes.filter((c) => !find(c));
    const rejected = missing.length === 0 ? new Map<string, number>() : new Map((await conn.query<{ code: string; line: number }>(
      'select code, min(line) as line from import_units where code = any($1::text[]) group by code', [missing])).rows.map((u) => [u.code, u.line]));
    let chunk = '';
    for (const { record: r, faulty } of pending) {
      const cell = faulty === 'cell' ? undefined : find(r.cell_code);
      // A cell_code that is itself bad was reported with the row's other problems.
      const reason = faulty === 'cell' ? undefined : !cell ? (rejected.has(r.cell_code)
          ? `the cell "${r.cell_code}" (line ${rejected.get(r.cell_code)} of the units file) was not imported`
          : `cell_code "${r.cell_code}" is not a unit of the organization`)
        : cell.depth !== cellDepth ? `"${r.cell_code}" is not a cell; members belong to cells`
        : cell.closed ? `the cell "${r.cell_code}" is closed` : undefined;
      if (reason) problem({ file: 'members', line: r.line, column: 'cell_code', reason });
      if (reason || faulty || !cell) continue;
      chunk += csvRow([r.line, newId(), r.member_code || null, r.name, r.email || null, r.phone || null, cell.id]);
    }
    if (chunk) await conn.copyCsv('copy import_members (line, new_id, member_code, name, email, phone, cell_id) from stdin with (format csv)', chunk);
    pending = [];
    onProgress?.({ file: 'members', rows: counts.read });
  };
  for await (const item of source) {
    if ('problem' in item) { problem(item.problem); continue; }
    const r = item.record;
    counts.read++;
    // Every problem of the row is reported, not only the first.
    const faults = memberFaults(r);
    for (const fault of faults) problem({ file: 'members', line: r.line, ...fault });
    pending.push({ record: r, faulty: faults.some((f) => f.column === 'cell_code') ? 'cell' : faults.length > 0 });
    if (pending.length >= CHUNK) await flush();
  }
  await flush();
  await matchAndApply(conn, now, counts, problem);
}

/** Every problem of a member row's own columns (the cell is checked against the organization later). */
export function memberFaults(r: MemberRecord): Array<{ column: string; reason: string }> {
  const faults = [
    checkText(r.member_code, 'member_code', 64, false), checkText(r.name, 'name', 200, true), checkText(r.cell_code, 'cell_code', 64, true),
    checkText(r.email, 'email', 254, false), checkText(r.phone, 'phone', 40, false),
  ].filter((f) => f !== undefined);
  if (r.email && !faults.some((f) => f.column === 'email') && !EMAIL.test(r.email)) faults.push({ column: 'email', reason: `"${r.email}" is not an e-mail address` });
  if (r.phone && !faults.some((f) => f.column === 'phone') && !PHONE.test(r.phone)) faults.push({ column: 'phone', reason: `"${r.phone}" is not a phone number` });
  return faults;
}

async function matchAndApply(conn: RawConnection, now: string, counts: MemberCounts, problem: Problem) {
  await conn.exec(`
    create index on import_members (member_code);
    create index on import_members (lower(email));
    analyze import_members;
    -- A code twice in the file.
    update import_members s set fault = 'the member_code "' || s.member_code || '" is already used on line ' || f.first_line, fault_column = 'member_code'
      from (select member_code, min(line) as first_line from import_members where member_code is not null group by member_code having count(*) > 1) f
     where s.member_code = f.member_code and s.line <> f.first_line;
    -- By code; an export names a person without a code by their id.
    update import_members s set person_id = p.id from people p
     where s.fault is null and s.member_code is not null and p.member_code = s.member_code;
    update import_members s set person_id = p.id from people p
     where s.fault is null and s.person_id is null and s.member_code ~* ${UUID} and p.member_code is null and p.id = s.member_code::uuid;`);
  // By e-mail, for rows that found nobody by code: only an address unique in the file
  // and held by exactly one person of the organization (families share addresses). A
  // person who already has another code is someone else.
  await conn.exec(`
    create temp table import_email on commit drop as
    with file as (
      select lower(email) as e, count(*)::int as n, string_agg(line::text, ', ' order by line) as lines
        from import_members where email is not null group by lower(email)
    ), wanted as (
      select distinct lower(s.email) as e from import_members s where s.fault is null and s.person_id is null and s.email is not null
    ), org as (
      select lower(p.email) as e, count(*)::int as n, (array_agg(p.id))[1] as id, bool_or(p.member_code is not null) as coded
        from people p where lower(p.email) in (select e from wanted) and p.anonymised_at is null group by lower(p.email)
    )
    select f.e, f.n as in_file, f.lines, o.n as in_org, o.id, o.coded from file f join org o on o.e = f.e;
    update import_members s set
        person_id = case when m.in_file = 1 and m.in_org = 1 and not (m.coded and s.member_code is not null) then m.id end,
        fault = case
          when m.in_org > 1 then 'the e-mail "' || s.email || '" belongs to ' || m.in_org || ' people of the organization; give a member_code to say which'
          when m.in_file > 1 then 'the e-mail "' || s.email || '" is on lines ' || m.lines || ' of this file and belongs to a person of the organization; give a member_code to say which'
        end,
        fault_column = case when m.in_org > 1 or m.in_file > 1 then 'email' end
      from import_email m
     where s.fault is null and s.person_id is null and s.email is not null and lower(s.email) = m.e;`);
  // A row with no key that found nobody, while a person of that very name is in that
  // cell: the same file loaded again, most likely. Adding them twice is a guess too.
  await conn.exec(`
    update import_members s set fault = 'a person named "' || s.name || '" is already a member of this cell; give a member_code (or their e-mail) to update them, or a new member_code to add another', fault_column = 'name'
     where s.fault is null and s.person_id is null and s.member_code is null
       and exists (select 1 from people p where p.cell_id = s.cell_id and p.name = s.name and p.anonymised_at is null);`);
  await conn.exec(`
    -- Two rows for one person.
    update import_members s set fault = 'this row and line ' || f.first_line || ' are the same person', fault_column = case when s.member_code is null then 'email' else 'member_code' end, person_id = null
      from (select person_id, min(line) as first_line from import_members where person_id is not null and fault is null group by person_id having count(*) > 1) f
     where s.person_id = f.person_id and s.line <> f.first_line;
    update import_members s set fault = 'this person was anonymised and cannot be imported again', fault_column = 'member_code'
      from people p where p.id = s.person_id and p.anonymised_at is not null and s.fault is null;
    -- What changes: a code taken from the file (not the id an export gave a person without one).
    update import_members s set
        code_to_set = case when s.member_code is null or (p.member_code is null and s.member_code ~* ${UUID} and s.member_code::uuid = p.id)
                           then p.member_code else s.member_code end,
        old_cell = p.cell_id
      from people p where p.id = s.person_id and s.fault is null;
    update import_members s set changed = (p.name, p.email, p.phone, p.cell_id, p.member_code) is distinct from (s.name, s.email, s.phone, s.cell_id, s.code_to_set)
      from people p where p.id = s.person_id and s.fault is null;`);

  const faults = await conn.query<{ line: number; fault: string; col: string }>(
    'select line, fault, fault_column as col from import_members where fault is not null order by line');
  for (const f of faults.rows) problem({ file: 'members', line: f.line, column: f.col, reason: f.fault });

  // A changed cell is a transfer: the ended membership goes to the history (as
  // transferPerson does) and the counters move from one path to the other.
  await conn.query(`
    insert into membership_history (person_id, cell_id, started_at, ended_at)
    select p.id, p.cell_id, p.cell_since, $1 from import_members s join people p on p.id = s.person_id
     where s.fault is null and s.changed and s.cell_id <> p.cell_id`, [now]);
  await conn.exec(`
    insert into import_contrib (unit_id, units, cells, members)
    select old_cell, 0, 0, -count(*)::int from import_members where fault is null and changed and cell_id <> old_cell group by old_cell
    union all
    select cell_id, 0, 0, count(*)::int from import_members where fault is null and changed and cell_id <> old_cell group by cell_id
    union all
    select cell_id, 0, 0, count(*)::int from import_members where fault is null and person_id is null group by cell_id;`);
  const updated = await conn.query<{ n: number }>(`
    with upd as (update people p set name = s.name, email = s.email, phone = s.phone, member_code = s.code_to_set, cell_id = s.cell_id,
           cell_since = case when p.cell_id <> s.cell_id then $1::timestamptz else p.cell_since end
      from import_members s where p.id = s.person_id and s.fault is null and s.changed
    returning 1)
    select count(*)::int as n from upd`, [now]);
  const added = await conn.query<{ n: number }>(`
    with ins as (
      insert into people (id, name, email, phone, cell_id, cell_since, created_at, member_code)
      select new_id, name, email, phone, cell_id, $1, $1, member_code from import_members where fault is null and person_id is null
      returning 1)
    select count(*)::int as n from ins`, [now]);
  const unchanged = await conn.query<{ n: number }>(
    'select count(*)::int as n from import_members where fault is null and person_id is not null and not changed');
  counts.updated = updated.rows[0]!.n;
  counts.added = added.rows[0]!.n;
  counts.unchanged = unchanged.rows[0]!.n;
  counts.written = counts.added + counts.updated;
}

// The API's rule for single-line text (domain/text.ts): every imported column is one line.
// readCsv has already normalised the value to NFC.
export function checkText(value: string, column: string, max: number, required: boolean): { column: string; reason: string } | undefined {
  if (required && value === '') return { column, reason: `${column} is empty` };
  if (value.length > max) return { column, reason: `${column} is longer than ${max} characters` };
  const fault = textFault(value, 'single');
  if (fault) return { column, reason: `${column} ${fault}` };
  // Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252) decode as U+FFFD.
  if (value.includes('\uFFFD')) return { column, reason: `${column} is not valid UTF-8 text; save the file as UTF-8` };
  return undefined;
}
