/**
 * The data commands as an operator runs them: `node bin/mainstay.js …` in a child
 * process, on PGlite in a temporary --data folder, or (when this run has a
 * DATABASE_URL) on a fresh PostgreSQL database of its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, skipUnless, usingPostgres } from '../test-database.ts';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/mainstay.js');
const PROBLEM_LINE = /^(.+):(\d+): ([a-z_*,]+): (.+)$/;

interface Backend { dataDir: string; env: NodeJS.ProcessEnv; drop(): Promise<void> }

let work: string;
const backends: Backend[] = [];

/** A new empty organization for the CLI: a PGlite folder, or a PostgreSQL database. */
async function newBackend(name: string): Promise<Backend> {
  const env: NodeJS.ProcessEnv = { ...process.env, MAINSTAY_LOG: 'off' };
  delete env.DATABASE_URL;
  delete env.MAINSTAY_DATA_DIR;
  delete env.MAINSTAY_DEBUG;
  let drop = async () => {};
  if (usingPostgres()) {
    const created = await createTestDatabaseUrl();
    env.DATABASE_URL = created.url;
    drop = created.drop;
  }
  const backend = { dataDir: join(work, name), env, drop };
  backends.push(backend);
  return backend;
}

function cli(backend: Backend, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args, '--data', backend.dataDir], { cwd: work, env: backend.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const csv = (...lines: string[]) => lines.join('\n') + '\n';
/** An exported file, its CRLF line ends (RFC 4180, checked here) read as \n to compare with the inputs. */
const exported = (dir: string, name: string) => {
  const text = readFileSync(join(dir, name), 'utf8');
  if (name.endsWith('.csv')) expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  return text.replaceAll('\r\n', '\n');
};

beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'mainstay-cli-')); });
afterAll(async () => {
  for (const b of backends) await b.drop();
  rmSync(work, { recursive: true, force: true });
});

const goodUnits = csv(
  'code,name,level,parent_code',
  'central,Centre,central,',
  'r1,"North, upper",region,central',
  'd1,District one,district,r1',
  'c1,Cell one,cell,d1',
  'c2,Cell two,cell,d1',
);
const goodMembers = csv('name,cell_code,email,phone', 'Ada Oak,c1,ada@example.org,', '"Smith, Jo",c2,,+1 555 0100');

// Each command is a process that starts Node, tsx and the database: seconds apiece.
describe('mainstay import, export, backup and restore', { timeout: 300_000 }, () => {
  it('answers a missing file with one line and exit code 1', async () => {
    const backend = await newBackend('missing');
    const result = await cli(backend, 'import', 'no-such-units.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mainstay: Cannot read no-such-units.csv.\n');
  });

  it('prints each bad line as <file>:<line>: <column>: <reason>, exits non-zero and writes nothing', async () => {
    const backend = await newBackend('bad');
    const units = file('bad-units.csv', csv(
      'code,name,level,parent_code',
      'central,Centre,central,',
      'r1,,region,central',
      'd1,District,district,nowhere',
      'c1,Cell,cell',
      'c2,"never closed,cell,d1',
    ));
    const members = file('bad-members.csv', csv('name,cell_code,email,phone', 'Ada,c9,,', 'Bo,central,bo@,'));
    const result = await cli(backend, 'import', units, members);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('    at ');
    const lines = result.stderr.trim().split('\n');
    const problems = lines.filter((l) => PROBLEM_LINE.test(l));
    expect(problems).toEqual([
      `${units}:3: name: name is empty`,
      `${units}:4: parent_code: parent_code "nowhere" is neither in this file nor in the organization`,
      `${units}:5: *: expected 4 fields (code,name,level,parent_code), found 3`,
      expect.stringMatching(new RegExp(`^${units}:6: \\*: a quoted field is never closed`)),
      `${members}:2: cell_code: cell_code "c9" is not a unit of the organization`,
      `${members}:3: email: "bo@" is not an e-mail address`,
      // Every problem of a row, not only the first (issue 14).
      `${members}:3: cell_code: "central" is not a cell; members belong to cells`,
    ]);
    expect(lines.at(-1)).toMatch(/^Nothing was imported: 7 problems/);

    // Nothing was written: the root on line 2 was good, yet an export finds no unit.
    const out = join(work, 'bad-export');
    const exportRun = await cli(backend, 'export', '--out', out);
    expect(exportRun.code).toBe(0);
    expect(exported(out, 'units.csv')).toBe('code,name,level,parent_code\n');
  });

  it('--dry-run writes nothing; --skip-bad writes the good rows; export re-imports to the same organization', async () => {
    const backend = await newBackend('skip');
    const units = file('skip-units.csv', goodUnits + 'bad,Bad,county,central\n');
    const members = file('skip-members.csv', goodMembers + 'Nobody,nowhere,,\n');

    const dry = await cli(backend, 'import', '--dry-run', units, members);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/^Dry run: 6 units and 3 members read, 2 problems; nothing was written \(it would be: members 2 added, 0 updated, 0 unchanged\)\./);
    expect(dry.stderr).toContain(`${units}:7: level: unknown level "county"`);

    const skip = await cli(backend, 'import', '--skip-bad', units, members);
    expect(skip.stderr).not.toContain('    at ');
    expect(skip.code).toBe(0);
    expect(skip.stdout).toMatch(/^Imported 5 units and 2 members \(6 units and 3 members read, 2 bad rows skipped\)/);
    expect(skip.stderr.trim().split('\n')).toEqual([
      `${units}:7: level: unknown level "county"; the levels are central, region, district, cell`,
      `${members}:4: cell_code: cell_code "nowhere" is not a unit of the organization`,
    ]);

    const first = join(work, 'skip-export');
    expect((await cli(backend, 'export', '--out', first)).code).toBe(0);
    expect(exported(first, 'units.csv')).toBe(goodUnits);
    // member_code: a person imported without one is named by their id.
    const withoutIds = (text: string) => text.replace(/^[0-9a-f-]{36},/gm, ',');
    expect(withoutIds(exported(first, 'members.csv'))).toBe(csv('member_code,name,cell_code,email,phone', ',Ada Oak,c1,ada@example.org,', ',"Smith, Jo",c2,,\'+1 555 0100'));
    expect(JSON.parse(exported(first, 'organization.json')).units).toHaveLength(5);

    const other = await newBackend('skip-copy');
    const again = await cli(other, 'import', join(first, 'units.csv'), join(first, 'members.csv'));
    expect(again.code).toBe(0);
    const second = join(work, 'skip-export-2');
    expect((await cli(other, 'export', '--out', second)).code).toBe(0);
    expect(exported(second, 'units.csv')).toBe(exported(first, 'units.csv'));
    expect(exported(second, 'members.csv')).toBe(exported(first, 'members.csv'));
  });

  it('importing the same members file twice adds nobody the second time, and a changed row is updated (issue 14)', async () => {
    const backend = await newBackend('again');
    const units = file('again-units.csv', goodUnits);
    const members = file('again-members.csv', csv('member_code,name,cell_code,email,phone', 'A-1,Ada Oak,c1,ada@example.org,', 'A-2,Bo Ash,c2,,'));
    const first = await cli(backend, 'import', units, members);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/members 2 added, 0 updated, 0 unchanged\.$/m);
    // Before: "Imported 0 units and 2 members", and four people.
    const second = await cli(backend, 'import', '-', members);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Imported 0 units and 0 members .*: members 0 added, 0 updated, 2 unchanged\.$/m);
    const changed = file('again-changed.csv', csv('member_code,name,cell_code,email,phone', 'A-1,Ada Oak,c2,ada@example.org,', 'A-2,Bo Ash,c2,,'));
    const third = await cli(backend, 'import', '-', changed);
    expect(third.stdout).toMatch(/members 0 added, 1 updated, 1 unchanged\.$/m);
    const out = join(work, 'again-export');
    expect((await cli(backend, 'export', '--out', out)).code).toBe(0);
    expect(exported(out, 'members.csv')).toBe(csv('member_code,name,cell_code,email,phone', 'A-1,Ada Oak,c2,ada@example.org,', 'A-2,Bo Ash,c2,,'));
    expect(JSON.parse(exported(out, 'organization.json')).membershipHistory).toHaveLength(1);
  });

  describe('backup and restore', () => {
    let backend: Backend;
    let backup: string;
    let changed: string;

    it('backs up, and a change is made after the backup', async () => {
      backend = await newBackend('backup');
      expect((await cli(backend, 'import', file('b-units.csv', goodUnits), file('b-members.csv', goodMembers))).code).toBe(0);
      backup = join(work, 'organization.backup');
      const made = await cli(backend, 'backup', backup);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(made.stdout).toMatch(/^Backed up .* to .*organization\.backup \(/);
      expect(existsSync(backup)).toBe(true);

      const change = await cli(backend, 'import', file('b-more.csv', csv('code,name,level,parent_code', 'c3,Cell three,cell,d1')));
      expect(change.code).toBe(0);
    });

    it('refuses a file that is not a backup, in one line', async () => {
      const result = await cli(backend, 'restore', file('not-a-backup.tgz', 'hello'));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^mainstay: .*not-a-backup\.tgz is not a backup of .*\n$/);
    });

    if (usingPostgres()) console.log('restore-lock test skipped: the data-folder lock guards the embedded database; this run uses a PostgreSQL server');
    it.skipIf(skipUnless('pglite', 'restore refused while the data folder is held'))('refuses to restore while another process holds the data folder', async () => {
      // This test's own process (a live node process) holds the lock, as a server would.
      const lock = join(backend.dataDir, 'mainstay.lock');
      writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'mainstay serve (test)', since: new Date().toISOString() }));
      try {
        const result = await cli(backend, 'restore', backup);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^mainstay: The data directory .* is in use by process \d+ \(mainstay serve \(test\)/);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
      } finally {
        rmSync(lock, { force: true });
      }
      expect(readdirSync(work).filter((n) => n.startsWith('backup.before-restore-') || n.startsWith('backup.restoring-'))).toEqual([]);
    });

    it('left the data as it was after those refusals', async () => {
      changed = join(work, 'b-changed');
      expect((await cli(backend, 'export', '--out', changed)).code).toBe(0);
      expect(exported(changed, 'units.csv')).toBe(goodUnits + 'c3,Cell three,cell,d1\n');
    });

    it('restores the backup: the change made after it is gone', async () => {
      const restored = await cli(backend, 'restore', backup);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/^Restored /);
      expect(restored.stdout).toContain('No audit event records this restore');
      if (!usingPostgres()) {
        const aside = readdirSync(work).filter((n) => n.startsWith('backup.before-restore-'));
        expect(aside).toHaveLength(1);
        expect(restored.stdout).toContain(`moved to ${join(work, aside[0]!)}`);
        expect(existsSync(join(work, aside[0]!, 'PG_VERSION'))).toBe(true);
        expect(existsSync(join(backend.dataDir, 'mainstay.lock'))).toBe(false);
      }
      const after = join(work, 'b-after');
      expect((await cli(backend, 'export', '--out', after)).code).toBe(0);
      expect(exported(after, 'units.csv')).toBe(goodUnits);
      expect(exported(after, 'members.csv')).toBe(exported(changed, 'members.csv'));
    });
  });
});
