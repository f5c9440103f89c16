import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import pg from 'pg';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { openTestDatabase, skipUnless, usingPostgres } from '../../../test/test-database.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import { run, testActor, testClock } from '../../../test/factories.ts';
import { recountInJs } from '../../../test/recount.ts';
import { loadDemo } from '../demo/seed-demo.ts';
import { defaultShape } from '../demo/generate-demo.ts';
import { closeUnit } from '../org/close-unit.ts';
import { createUnit } from '../org/create-unit.ts';
import { createPerson } from '../people/create-person.ts';
import { appointOfficial, endOfficialTerm } from '../people/officials.ts';
import { transferPerson } from '../people/transfer-person.ts';
import { exportOrganization } from './export-organization.ts';
import { MEMBER_COLUMNS, UNIT_COLUMNS, type ImportProblem } from './formats.ts';
import { importOrganization, type ImportOptions } from './import-organization.ts';
import { readCsv } from './read-csv.ts';

const tmp = mkdtempSync(join(tmpdir(), 'mainstay-transfer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let fileNo = 0;

/** Writes the CSV texts to files and imports them through the CSV reader, as the CLI does. */
async function importFiles(database: Database, files: { units?: string | Buffer; members?: string | Buffer }, options: ImportOptions = {}) {
  const paths: { units?: string; members?: string } = {};
  for (const key of ['units', 'members'] as const) {
    const content = files[key];
    if (content === undefined) continue;
    paths[key] = join(tmp, `${key}-${fileNo++}.csv`);
    writeFileSync(paths[key], content);
  }
  return importDir(database, paths, options);
}

function importDir(database: Database, paths: { units?: string; members?: string }, options: ImportOptions = {}) {
  return importOrganization(database, testActor, testClock, {
    ...(paths.units ? { units: readCsv(paths.units, 'units', UNIT_COLUMNS) } : {}),
    ...(paths.members ? { members: readCsv(paths.members, 'members', MEMBER_COLUMNS) } : {}),
  }, options);
}

async function counts(database: Database) {
  const count = async (table: 'units' | 'people' | 'audit_events' | 'official_terms' | 'membership_history') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { units: await count('units'), people: await count('people'), audit: await count('audit_events') };
}

async function expectCountersTrue(database: Database) {
  const { expected, actual } = await recountInJs(database);
  expect(actual).toEqual(expected);
}

const unitId = async (database: Database, code: string) =>
  (await database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

const FORMULA_CELL = '=HYPERLINK("https://example.org","open")';
const FORMULA_PEOPLE = ['@Sam', '+Plus', '-Minus', "'=already quoted", "''+apostrophe", "'plain apostrophe"];

describe('export, and import of the export', () => {
  let source: Database;
  let target: Database;
  const history: { closedCell: string; endedTermPerson: string; transfers: number } = { closedCell: '', endedTermPerson: '', transfers: 0 };

  beforeAll(async () => {
    source = await openTestDatabase();
    target = await openTestDatabase();
    const levels = (await source.db.selectFrom('levels').select('key').orderBy('depth').execute()).map((l) => l.key);
    const report = await loadDemo(source, testClock, defaultShape(levels, 12, 80, 7));
    expect(report.committed).toBe(true);

    // Units made through the API without a code, with names the CSV has to quote.
    const region0 = await unitId(source, 'region-0');
    const district = (await run(source, (ctx) => createUnit(ctx, { parentId: region0, name: 'Quote "and", comma', level: 'district' }))).id;
    // Names a spreadsheet would run as formulas: guarded in the CSV, whole again on import.
    const plainCell = (await run(source, (ctx) => createUnit(ctx, { parentId: district, name: FORMULA_CELL, level: 'cell' }))).id;
    const codedCell = (await run(source, (ctx) => createUnit(ctx, { parentId: district, name: 'Extra', level: 'cell', code: 'cell-extra' }))).id;
    const smith = (await run(source, (ctx) => createPerson(ctx, { name: 'Smith, Jo "JJ"', cellId: plainCell, email: 'jo@example.org', phone: '+44 20 7946 0000' }))).id;
    await run(source, (ctx) => createPerson(ctx, { name: 'Ana Code', cellId: codedCell }));
    await run(source, (ctx) => createPerson(ctx, { name: 'Ana Code', cellId: codedCell, email: 'twin@example.org' }));

    // A cell that had a member, lost her by a transfer, and closed.
    const closing = (await run(source, (ctx) => createUnit(ctx, { parentId: district, name: 'Short-lived', level: 'cell', code: 'cell-closed' }))).id;
    const mover = (await run(source, (ctx) => createPerson(ctx, { name: 'Mo Ver', cellId: closing }))).id;
    await run(source, (ctx) => transferPerson(ctx, mover, { cellId: plainCell }));
    await run(source, (ctx) => closeUnit(ctx, closing));
    history.closedCell = closing;
    // More transfers between demo cells, and back.
    const demoPeople = await source.db.selectFrom('people').select(['id', 'cell_id']).orderBy('name').orderBy('id').limit(5).execute();
    for (const p of demoPeople) await run(source, (ctx) => transferPerson(ctx, p.id, { cellId: codedCell }));
    await run(source, (ctx) => transferPerson(ctx, demoPeople[0]!.id, { cellId: demoPeople[0]!.cell_id }));
    history.transfers = 1 + demoPeople.length + 1;
    // Names a spreadsheet would run (after the transfers above, which take the first names).
    for (const name of FORMULA_PEOPLE) await run(source, (ctx) => createPerson(ctx, { name, cellId: codedCell, phone: '-1 555 0100' }));
    // A current and an ended official term.
    await run(source, (ctx) => appointOfficial(ctx, district, { personId: smith, role: 'secretary' }));
    await run(source, (ctx) => appointOfficial(ctx, district, { personId: mover, role: 'deputy' }));
    await run(source, (ctx) => endOfficialTerm(ctx, district, mover));
    history.endedTermPerson = mover;
    await expectCountersTrue(source);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('writes the open units, parents first, and every member; JSON has closed units, terms and history', async () => {
    const dir = join(tmp, 'export-a');
    const report = await exportOrganization(source, dir);
    const units = readFileSync(join(dir, 'units.csv'), 'utf8');
    const openUnits = await source.db.selectFrom('units').select(['id', 'code']).where('closed_at', 'is', null).execute();
    const people = await source.db.selectFrom('people').select('id').execute();
    expect(report.units).toBe(openUnits.length);
    expect(report.members).toBe(people.length);

    // Parents before children: every parent_code was defined on an earlier line.
    const rows: Array<Record<(typeof UNIT_COLUMNS)[number], string>> = [];
    for await (const item of readCsv(join(dir, 'units.csv'), 'units', UNIT_COLUMNS)) {
      if ('problem' in item) throw new Error(item.problem.reason);
      rows.push(item.record);
    }
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.parent_code) expect(seen.has(r.parent_code), `${r.code} after its parent`).toBe(true);
      seen.add(r.code);
    }
    expect(rows).toHaveLength(openUnits.length);
    // A unit without a code is named by its id; the closed cell is not in the CSV.
    const district = rows.find((r) => r.name === 'Quote "and", comma')!;
    expect(openUnits.find((u) => u.id === district.code)?.code).toBeNull();
    expect(rows.find((r) => r.name === FORMULA_CELL)!.parent_code).toBe(district.code);
    expect(rows.some((r) => r.code === 'cell-closed')).toBe(false);
    expect(units.split('\r\n')[0]).toBe('code,name,level,parent_code');
    // RFC 4180 line ends, and no cell a spreadsheet would run.
    const members = readFileSync(join(dir, 'members.csv'), 'utf8');
    for (const text of [units, members]) {
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(units).toContain(`"'=HYPERLINK(""https://example.org"",""open"")"`);
    expect(members).toContain("'@Sam,cell-extra,,'-1 555 0100");
    expect(members).toContain("'''+apostrophe,cell-extra,,'-1 555 0100");
    expect(members).toContain(",jo@example.org,'+44 20 7946 0000");

    const json = JSON.parse(readFileSync(join(dir, 'organization.json'), 'utf8'));
    expect(json.levels.map((l: { key: string }) => l.key)).toEqual(['central', 'region', 'district', 'cell']);
    expect(json.units).toHaveLength(openUnits.length + 1);
    expect(json.units.find((u: { id: string }) => u.id === history.closedCell)).toMatchObject({ status: 'closed', code: 'cell-closed', level: 'cell' });
    expect(json.officialTerms.find((t: { person: { id: string } }) => t.person.id === history.endedTermPerson)).toMatchObject({ role: 'deputy', status: 'ended' });
    const currentTerms = await source.db.selectFrom('official_terms').select('id').where('ended_at', 'is', null).execute();
    expect(json.officialTerms.filter((t: { status: string }) => t.status === 'current')).toHaveLength(currentTerms.length);
    expect(json.membershipHistory).toHaveLength(history.transfers);
    expect(json.membershipHistory.filter((h: { cellId: string }) => h.cellId === history.closedCell)).toHaveLength(1);
    expect(report.json).toEqual({ units: openUnits.length + 1, closedUnits: 1, officialTerms: json.officialTerms.length, membershipHistory: history.transfers });
  });

  it('writes the same files whatever the page size (keyset pagination loses and repeats nothing)', async () => {
    await exportOrganization(source, join(tmp, 'export-paged'), { pageSize: 3 });
    for (const file of ['units.csv', 'members.csv']) {
      expect(readFileSync(join(tmp, 'export-paged', file), 'utf8')).toBe(readFileSync(join(tmp, 'export-a', file), 'utf8'));
    }
    const paged = JSON.parse(readFileSync(join(tmp, 'export-paged', 'organization.json'), 'utf8'));
    const whole = JSON.parse(readFileSync(join(tmp, 'export-a', 'organization.json'), 'utf8'));
    expect({ ...paged, exportedAt: '' }).toEqual({ ...whole, exportedAt: '' });
  });

  it('imports into an empty database and exports again to the very same CSV files, with true counters', async () => {
    const before = await counts(target);
    const report = await importDir(target, { units: join(tmp, 'export-a', 'units.csv'), members: join(tmp, 'export-a', 'members.csv') });
    expect(report.problems).toEqual([]);
    expect(report.committed).toBe(true);
    const after = await counts(target);
    expect(after.units - before.units).toBe(report.units.written);
    expect(after.audit - before.audit).toBe(1);

    // The same data, not only the same files: the guards are gone in the database.
    const names = async (database: Database) => ({
      units: (await database.db.selectFrom('units').select('name').where('closed_at', 'is', null).orderBy('name').execute()).map((u) => u.name),
      people: (await database.db.selectFrom('people').select(['name', 'phone']).orderBy('name').orderBy('phone').execute()).map((p) => `${p.name}|${p.phone}`),
    });
    const imported = await names(target);
    expect(imported).toEqual(await names(source));
    expect(imported.units).toContain(FORMULA_CELL);
    for (const name of FORMULA_PEOPLE) expect(imported.people).toContain(`${name}|-1 555 0100`);

    await exportOrganization(target, join(tmp, 'export-b'));
    for (const file of ['units.csv', 'members.csv']) {
      expect(readFileSync(join(tmp, 'export-b', file), 'utf8')).toBe(readFileSync(join(tmp, 'export-a', file), 'utf8'));
    }
    await expectCountersTrue(target);
    const root = await target.db.selectFrom('units').select(['sub_units', 'sub_cells', 'sub_members']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const sourceRoot = await source.db.selectFrom('units').select(['sub_units', 'sub_cells', 'sub_members']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    expect(root).toEqual(sourceRoot);
  });

  it('refuses, row by row, to import an export into the organization it came from (nothing is doubled)', async () => {
    const before = await counts(source);
    const report = await importDir(source, { units: join(tmp, 'export-a', 'units.csv') }, { skipBad: true });
    const unitRows = readFileSync(join(tmp, 'export-a', 'units.csv'), 'utf8').trim().split('\r\n').length - 1; // header
    const byReason = (re: RegExp) => report.problems.filter((p) => p.file === 'units' && re.test(p.reason)).length;
    // Coded units are taken by code (the root too), units without a code by their id.
    expect(byReason(/already taken by a unit of the organization/)).toBe(unitRows - 2);
    expect(byReason(/is the id of a unit of the organization/)).toBe(2);
    expect(report.problemCount).toBe(unitRows);
    expect(report.units.written).toBe(0);
    expect(await counts(source)).toEqual(before);
    await expectCountersTrue(source);
  });
});

describe('import of bad input', () => {
  let database: Database;
  const levelsText = 'central, region, district, cell';

  beforeAll(async () => {
    database = await openTestDatabase();
    const base = await importFiles(database, {
      units: 'code,name,level,parent_code\ncentral,Centre,central,\nregion-a,Region A,region,central\n' +
        'district-a,District A,district,region-a\ncell-a,Cell A,cell,district-a\nclosed-cell,Closed cell,cell,district-a\n',
      members: 'name,cell_code,email,phone\nFirst Member,cell-a,first@example.org,\n',
    });
    expect(base.problems).toEqual([]);
    const closed = await unitId(database, 'closed-cell');
    await run(database, (ctx) => closeUnit(ctx, closed));
  });
  afterAll(() => database?.close());

  const unitsFile = Buffer.concat([
    Buffer.from([
      'code,name,level,parent_code',
      'new-region,New region,region,central',
      'new-district,New district,district,new-region',
      'new-cell,New cell,cell,new-district',
      'a,b,c',
      'e1,,district,new-region',
      'e2,Bad level,county,new-region',
      'e3,Orphan,district,nowhere',
      'new-cell,Dup,cell,new-district',
      'cell-a,Taken,cell,new-district',
      'e4,Upside down,region,new-district',
      'x1,Loop one,region,x3',
      'x2,Loop two,district,x1',
      'x3,Loop three,cell,x2',
      'e6,Child of rejected,cell,e1',
      'e7,Grandchild,cell,e3',
      'e8,say "hi",cell,new-district',
      'e9,Second root,central,',
      'e10,Control\u0001char,cell,new-district',
      'e11,Closed parent,cell,closed-cell',
      '"new-cell-2","Quoted, with ""comma""",cell,new-district',
      'e12,Latin',
    ].join('\n')),
    Buffer.from([0xe9]), // é in Latin-1: not UTF-8
    Buffer.from([',cell,new-district', 'e13,"never closed,cell,new-district', 'e14,Swallowed,cell,new-district', ''].join('\n')),
  ]);
  const unitProblems: Array<Omit<ImportProblem, 'reason'> & { reason: string | RegExp }> = [
    { file: 'units', line: 5, column: '*', reason: 'expected 4 fields (code,name,level,parent_code), found 3' },
    { file: 'units', line: 6, column: 'name', reason: 'name is empty' },
    { file: 'units', line: 7, column: 'level', reason: `unknown level "county"; the levels are ${levelsText}` },
    { file: 'units', line: 8, column: 'parent_code', reason: 'parent_code "nowhere" is neither in this file nor in the organization' },
    { file: 'units', line: 9, column: 'code', reason: 'the code "new-cell" is already used on line 4' },
    { file: 'units', line: 10, column: 'code', reason: 'the code "cell-a" is already taken by a unit of the organization' },
    { file: 'units', line: 11, column: 'parent_code', reason: 'a region cannot be placed under the district "new-district"; a parent must be of a higher level' },
    { file: 'units', line: 12, column: 'parent_code', reason: 'a region cannot be placed under the cell "x3"; a parent must be of a higher level' },
    { file: 'units', line: 13, column: 'parent_code', reason: 'its parent_code leads round in a circle back to it (lines 13 → 12 → 14 → 13)' },
    { file: 'units', line: 14, column: 'parent_code', reason: 'its parent_code leads round in a circle back to it (lines 14 → 13 → 12 → 14)' },
    { file: 'units', line: 15, column: 'parent_code', reason: 'its parent on line 6 was rejected' },
    { file: 'units', line: 16, column: 'parent_code', reason: 'its parent on line 8 could not be imported' },
    { file: 'units', line: 17, column: '*', reason: /^a quote \("\) inside a field/ },
    { file: 'units', line: 18, column: 'parent_code', reason: 'the organization already has a root unit; give a parent_code' },
    { file: 'units', line: 19, column: 'name', reason: 'name contains a control character (U+0001)' },
    { file: 'units', line: 20, column: 'parent_code', reason: 'the parent "closed-cell" is closed' },
    { file: 'units', line: 22, column: 'name', reason: 'name is not valid UTF-8 text; save the file as UTF-8' },
    { file: 'units', line: 23, column: '*', reason: /never closed.*no line after it was read/ },
  ];

  const membersFile = [
    'name,cell_code,email,phone',
    'Good One,new-cell,good@example.org,+1 555 0100',
    'Good Two,cell-a,,',
    ',cell-a,,',
    'Nobody,no-such-cell,,',
    'Wrong,new-district,,',
    'Bad Mail,cell-a,not-an-email,',
    'Bad Phone,cell-a,,call me',
    `Long Mail,cell-a,${'a'.repeat(250)}@example.org,`,
    'In rejected,e6,,',
    'Three,fields',
    'Closed,closed-cell,,',
    `Long Phone,cell-a,,+${'1'.repeat(40)}`,
    'Nul\u0000Name,cell-a,,',
    '',
  ].join('\n');
  const memberProblems: Array<Omit<ImportProblem, 'reason'> & { reason: string | RegExp }> = [
    { file: 'members', line: 4, column: 'name', reason: 'name is empty' },
    { file: 'members', line: 5, column: 'cell_code', reason: 'cell_code "no-such-cell" is not a unit of the organization' },
    { file: 'members', line: 6, column: 'cell_code', reason: '"new-district" is not a cell; members belong to cells' },
    { file: 'members', line: 7, column: 'email', reason: '"not-an-email" is not an e-mail address' },
    { file: 'members', line: 8, column: 'phone', reason: '"call me" is not a phone number' },
    { file: 'members', line: 9, column: 'email', reason: 'email is longer than 254 characters' },
    { file: 'members', line: 10, column: 'cell_code', reason: 'the cell "e6" (line 15 of the units file) was not imported' },
    { file: 'members', line: 11, column: '*', reason: 'expected 4 fields (name,cell_code,email,phone), found 2' },
    { file: 'members', line: 12, column: 'cell_code', reason: 'the cell "closed-cell" is closed' },
    { file: 'members', line: 13, column: 'phone', reason: 'phone is longer than 40 characters' },
    { file: 'members', line: 14, column: 'name', reason: 'name contains a control character (U+0000)' },
  ];
  const expectedProblems = [...unitProblems, ...memberProblems].map((p) => ({ ...p, reason: typeof p.reason === 'string' ? p.reason : expect.stringMatching(p.reason) }));

  it('reports every bad line with its line, column and reason, and writes nothing', async () => {
    const before = await counts(database);
    const report = await importFiles(database, { units: unitsFile, members: membersFile });
    expect(report.problems).toEqual(expectedProblems);
    expect(report.problemCount).toBe(expectedProblems.length);
    expect(report.committed).toBe(false);
    expect(report.units.written).toBe(0);
    expect(await counts(database)).toEqual(before);
    await expectCountersTrue(database);
  });

  it('writes nothing on a dry run, even of a valid file', async () => {
    const before = await counts(database);
    const bad = await importFiles(database, { units: unitsFile, members: membersFile }, { dryRun: true });
    expect(bad.problems).toEqual(expectedProblems);
    const good = await importFiles(database, {
      units: 'code,name,level,parent_code\ndry-cell,Dry,cell,district-a\n',
      members: 'name,cell_code,email,phone\nDry Member,dry-cell,,\n',
    }, { dryRun: true });
    expect(good.problems).toEqual([]);
    expect({ ...good.units, ...good.members, committed: good.committed }).toEqual({ read: 1, written: 0, added: 1, updated: 0, unchanged: 0, committed: false });
    expect(await counts(database)).toEqual(before);
  });

  it('refuses a header without the needed columns, in either file', async () => {
    const before = await counts(database);
    const report = await importFiles(database, {
      units: 'code,name,level\nz,Z,cell\n',
      members: 'name,email,phone\nA,,\n',
    });
    expect(report.problems).toEqual([
      { file: 'units', line: 1, column: 'parent_code', reason: 'the header lacks the column(s) parent_code; expected code,name,level,parent_code' },
      { file: 'members', line: 1, column: 'cell_code', reason: 'the header lacks the column(s) cell_code; expected member_code,name,cell_code,email,phone (member_code may be left out)' },
    ]);
    expect(await counts(database)).toEqual(before);
  });

  it('with skipBad writes exactly the good rows, reports the rest, and keeps the counters true', async () => {
    const before = await counts(database);
    const report = await importFiles(database, { units: unitsFile, members: membersFile }, { skipBad: true });
    expect(report.problems).toEqual(expectedProblems);
    expect(report.committed).toBe(true);
    expect({ units: report.units.written, members: report.members.written }).toEqual({ units: 4, members: 2 });
    const after = await counts(database);
    expect(after).toEqual({ units: before.units + 4, people: before.people + 2, audit: before.audit + 1 });
    const newUnits = await database.db.selectFrom('units').select(['code', 'name']).where('code', 'in', ['new-region', 'new-district', 'new-cell', 'new-cell-2']).orderBy('code').execute();
    expect(newUnits.map((u) => u.name)).toEqual(['New cell', 'Quoted, with "comma"', 'New district', 'New region']);
    const newPeople = await database.db.selectFrom('people').select(['name', 'email', 'phone']).where('name', 'in', ['Good One', 'Good Two']).orderBy('name').execute();
    expect(newPeople).toEqual([{ name: 'Good One', email: 'good@example.org', phone: '+1 555 0100' }, { name: 'Good Two', email: null, phone: null }]);
    await expectCountersTrue(database);
    const root = await database.db.selectFrom('units').select(['sub_units', 'sub_cells', 'sub_members']).where('code', '=', 'central').executeTakeFirstOrThrow();
    expect(root).toEqual({ sub_units: 3 + 4, sub_cells: 1 + 2, sub_members: 1 + 2 });
  });

  it('refuses control characters, line breaks and bidirectional overrides in every column, and stores text in NFC', async () => {
    const bad: Array<[string, string, string]> = [
      ['C0', '\u0007', 'a control character (U+0007)'], ['tab', '\t', 'a control character (U+0009)'], ['DEL', '\u007f', 'a control character (U+007F)'],
      ['C1', '\u0085', 'a control character (U+0085)'], ['C1 CSI', '\u009b', 'a control character (U+009B)'],
      ['RLO', '\u202e', 'a bidirectional override (U+202E)'], ['LRE', '\u202a', 'a bidirectional override (U+202A)'],
      ['isolate', '\u2066', 'a bidirectional override (U+2066)'], ['PDI', '\u2069', 'a bidirectional override (U+2069)'],
      ['line separator', '\u2028', 'a line break (U+2028)'],
    ];
    const units = ['code,name,level,parent_code', ...bad.map(([what, c], i) => `bidi-${i},${what} x${c}y,cell,district-a`), `nfc-cell,Cafe\u0301 cell,cell,district-a`];
    // A quoted line break inside a name: one record, refused as a line break.
    units.push('line-cell,"two\nlines",cell,district-a');
    const members = ['name,cell_code,email,phone', ...bad.map(([what, c]) => `${what} x${c}y,cell-a,,`), 'Jose\u0301 Nfc,nfc-cell,,', `Code in cell,cell-a${'\u202e'},,`];
    const dry = await importFiles(database, { units: units.join('\n'), members: members.join('\r\n') }, { skipBad: true, dryRun: true });
    expect(dry.problems).toEqual([
      ...bad.map(([, , reason], i) => ({ file: 'units', line: 2 + i, column: 'name', reason: `name contains ${reason}` })),
      { file: 'units', line: 3 + bad.length, column: 'name', reason: 'name contains a line break (U+000A)' },
      ...bad.map(([, , reason], i) => ({ file: 'members', line: 2 + i, column: 'name', reason: `name contains ${reason}` })),
      { file: 'members', line: 3 + bad.length, column: 'cell_code', reason: 'cell_code contains a bidirectional override (U+202E)' },
    ]);
    const report = await importFiles(database, { units: units.join('\n'), members: members.join('\r\n') }, { skipBad: true });
    expect(report.committed).toBe(true);
    const cell = await database.db.selectFrom('units').select(['id', 'name']).where('code', '=', 'nfc-cell').executeTakeFirstOrThrow();
    expect(cell.name).toBe('Caf\u00e9 cell');
    const person = await database.db.selectFrom('people').select('name').where('cell_id', '=', cell.id).executeTakeFirstOrThrow();
    expect(person.name).toBe('Jos\u00e9 Nfc');
    await expectCountersTrue(database);
  });
});

// Production connects as the tables' owner, not a superuser: row-level security is
// forced on it, and PostgreSQL refuses COPY into such a table. Test runs connect as a
// superuser, so this builds an owner of its own.
if (!usingPostgres()) console.log('non-superuser owner tests skipped: PGlite has a single superuser; they run against the PostgreSQL server');
describe.skipIf(skipUnless('postgres', 'import and export as a non-superuser table owner'))('import and export as a table owner that is not a superuser', () => {
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const role = `mainstay_owner_${suffix}`;
  const name = `mainstay_owned_${suffix}`;
  let admin: pg.Client;
  let database: Database;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create role ${role} login password 'owner' nosuperuser nobypassrls`);
    await admin.query(`grant mainstay_app to ${role}`);
    await admin.query(`create database ${name} owner ${role}`);
    const url = new URL(withDatabase(process.env.DATABASE_URL!, name));
    url.username = role;
    url.password = 'owner';
    database = await openDatabase({ url: url.toString(), poolSize: 2 });
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it('imports members (no COPY into the table itself) and exports all of them', async () => {
    const who = await database.withConnection((conn) => conn.query<{ bypass: boolean }>(
      'select rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user'));
    expect(who.rows).toEqual([{ bypass: false }]);
    const report = await importFiles(database, {
      units: 'code,name,level,parent_code\ncentral,Centre,central,\nr,Region,region,central\nd,District,district,r\nc,Cell,cell,d\n',
      members: 'member_code,name,cell_code,email,phone\nM1,Ada,c,,\n,Bo,c,bo@example.org,\n',
    });
    expect(report.problems).toEqual([]);
    expect(report.committed).toBe(true);
    const dir = join(tmp, 'owner-export');
    const exported = await exportOrganization(database, dir);
    expect({ units: exported.units, members: exported.members }).toEqual({ units: 4, members: 2 });
    // A person imported without a member code is exported under their id, which matches them on re-import.
    expect(readFileSync(join(dir, 'members.csv'), 'utf8')).toMatch(/^member_code,name,cell_code,email,phone\r\nM1,Ada,c,,\r\n[0-9a-f-]{36},Bo,c,bo@example\.org,\r\n$/);
  });
});

describe('importing the same members again (issue 14, item 8)', () => {
  let database: Database;
  const units = 'code,name,level,parent_code\ncentral,Centre,central,\nregion-a,Region A,region,central\n'
    + 'district-a,District A,district,region-a\ncell-a,Cell A,cell,district-a\ncell-b,Cell B,cell,district-a\n';
  const members = [
    'member_code,name,cell_code,email,phone',
    'M-1,Coded One,cell-a,,',
    ',Mail Only,cell-a,mail.only@example.org,+1 555 0101',
    ',No Key,cell-b,,',
    ',Parent Family,cell-b,family@example.org,',
    ',Child Family,cell-b,family@example.org,',
  ].join('\n') + '\n';

  beforeAll(async () => {
    database = await openTestDatabase();
    const first = await importFiles(database, { units, members });
    expect(first.problems).toEqual([]);
    expect(first.members).toMatchObject({ read: 5, added: 5, updated: 0, unchanged: 0 });
  });
  afterAll(() => database?.close());

  it('skips the rows it already has: the second import of the same file adds nobody', async () => {
    const before = await counts(database);
    const report = await importFiles(database, { members });
    // Before: 5 more people ("No problems found"). The keyless row names someone already in its cell.
    // The family rows share one address in the file: they are not matched by e-mail, and are refused
    // as ambiguous rather than guessed.
    expect(report.members).toMatchObject({ read: 5, added: 0, unchanged: 2 });
    expect(report.problems).toEqual([
      { file: 'members', line: 4, column: 'name', reason: 'a person named "No Key" is already a member of this cell; give a member_code (or their e-mail) to update them, or a new member_code to add another' },
      { file: 'members', line: 5, column: 'email', reason: 'the e-mail "family@example.org" belongs to 2 people of the organization; give a member_code to say which' },
      { file: 'members', line: 6, column: 'email', reason: 'the e-mail "family@example.org" belongs to 2 people of the organization; give a member_code to say which' },
    ]);
    expect(report.committed).toBe(false);
    expect(await counts(database)).toEqual(before);

    const skipped = await importFiles(database, { members }, { skipBad: true });
    expect(skipped.members).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(skipped.committed).toBe(true);
    expect((await counts(database)).people).toBe(before.people);
    await expectCountersTrue(database);
  });

  it('updates a changed row, and a changed cell is a transfer kept in the history', async () => {
    const person = async (name: string) => database.db.selectFrom('people').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
    const mailOnly = await person('Mail Only');
    const changed = [
      'member_code,name,cell_code,email,phone',
      'M-1,Coded One Renamed,cell-a,,',
      ',Mail Only,cell-b,MAIL.ONLY@example.org,+1 555 0101',
    ].join('\n') + '\n';
    const report = await importFiles(database, { members: changed });
    expect(report.problems).toEqual([]);
    expect(report.members).toMatchObject({ read: 2, added: 0, updated: 2, unchanged: 0, written: 2 });
    expect((await person('Coded One Renamed')).member_code).toBe('M-1');
    const moved = await person('Mail Only');
    expect(moved.id).toBe(mailOnly.id);
    expect(moved.cell_id).toBe(await unitId(database, 'cell-b'));
    const history = await database.db.selectFrom('membership_history').selectAll().where('person_id', '=', mailOnly.id).execute();
    expect(history).toHaveLength(1);
    expect(history[0]!.cell_id).toBe(await unitId(database, 'cell-a'));
    await expectCountersTrue(database);
    const audit = await database.db.selectFrom('audit_events').select('details').where('action', '=', 'organization.import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ membersAdded: 0, membersUpdated: 2, membersUnchanged: 0 });
  });

  it('reports a member code used twice in the file, and lists every problem of a row, not only the first', async () => {
    const report = await importFiles(database, {
      members: 'member_code,name,cell_code,email,phone\nM-9,Nine,cell-a,,\nM-9,Nine Again,cell-a,,\nX,,no-such-cell,not-mail,call me\n',
    });
    expect(report.problems).toEqual([
      { file: 'members', line: 3, column: 'member_code', reason: 'the member_code "M-9" is already used on line 2' },
      { file: 'members', line: 4, column: 'name', reason: 'name is empty' },
      { file: 'members', line: 4, column: 'email', reason: '"not-mail" is not an e-mail address' },
      { file: 'members', line: 4, column: 'phone', reason: '"call me" is not a phone number' },
      { file: 'members', line: 4, column: 'cell_code', reason: 'cell_code "no-such-cell" is not a unit of the organization' },
    ]);
  });

  it('writes member_code on export (the id for a person without one), and its import into the same organization changes nothing', async () => {
    const dir = join(tmp, 'export-codes');
    await exportOrganization(database, dir);
    const lines = readFileSync(join(dir, 'members.csv'), 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('member_code,name,cell_code,email,phone');
    expect(lines).toContain('M-1,Coded One Renamed,cell-a,,');
    const before = await counts(database);
    const report = await importDir(database, { members: join(dir, 'members.csv') });
    expect(report.problems).toEqual([]);
    expect(report.members).toMatchObject({ added: 0, updated: 0, unchanged: before.people });
    expect(await counts(database)).toEqual({ ...before, audit: before.audit });
  });
});
