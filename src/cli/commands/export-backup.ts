import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config.ts';
import { lockDataDir } from '../../db/data-dir-lock.ts';
import { openDatabase, PGLITE_EXTENSIONS } from '../../db/database.ts';
import { knownMigrations } from '../../db/migrate.ts';
import { appliedMigrationNames, dumpPgliteDataDir } from '../../db/pglite-backup.ts';
import { exportOrganization } from '../../domain/transfer/export-organization.ts';
import { CliError } from '../cli-error.ts';
import { rowProgress } from '../progress.ts';
import { describeDatabase, openMigrated } from '../open.ts';

export function registerExportBackupCommands(program: Command) {
  program
    .command('export')
    .description('Write units.csv and members.csv (the import format) and organization.json (closed units, official terms, membership history) to a folder')
    .requiredOption('--out <dir>', 'folder to write into (created if missing; existing export files are replaced)')
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { out: string; data?: string }) => {
      const config = loadConfig(options);
      const database = await openMigrated(config, 'export');
      const bar = rowProgress('units');
      try {
        const started = Date.now();
        const report = await exportOrganization(database, resolve(options.out), {
          onProgress: bar.update,
        });
        bar.stop();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`Exported ${report.units} units and ${report.members} members to ${resolve(options.out)} in ${seconds} s:`);
        console.log(`  units.csv, members.csv: the import format (open units; units without a code are named by their id)`);
        console.log(`  organization.json: ${report.json.units} units (${report.json.closedUnits} closed), ${report.json.officialTerms} official terms, ${report.json.membershipHistory} ended memberships`);
      } finally {
        bar.stop();
        await database.close();
      }
    });

  program
    .command('backup')
    .description('Write a backup of the whole database to a file (PGlite: its data folder, gzipped; PostgreSQL server: pg_dump --format=custom)')
    .argument('<file>', 'backup file to write (replaced if it exists)')
    .option('--data <dir>', 'embedded database folder')
    .action(async (file: string, options: { data?: string }) => {
      const config = loadConfig(options);
      const target = resolve(file);
      const partial = `${target}.partial`;
      try {
        if (config.databaseUrl) {
          const { args, env } = connectionArgs(config.databaseUrl);
          // Row-level security is forced on the tables' owner too: unless it is a
          // superuser, pg_dump reads under the policies, as an administrator.
          env.PGOPTIONS = `${env.PGOPTIONS ?? ''} -c mainstay.admin=true`.trim();
          await runTool('pg_dump', ['--format=custom', '--enable-row-security', `--file=${partial}`, ...args], env);
        } else {
          await writeFile(partial, await dumpPglite(config));
        }
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      const size = (await stat(target)).size;
      const shown = size < 1024 * 1024 ? `${Math.ceil(size / 1024)} kB` : `${(size / 1024 / 1024).toFixed(1)} MB`;
      console.log(`Backed up ${describeDatabase(config)} to ${target} (${shown}).`);
    });

  program
    .command('restore')
    .description('Replace the whole database with a backup file made by `backup` (the file is checked first)')
    .argument('<file>', 'backup file')
    .option('--data <dir>', 'embedded database folder')
    .action(async (file: string, options: { data?: string }) => {
      const config = loadConfig(options);
      const source = resolve(file);
      if (!existsSync(source)) throw new CliError(`Cannot read ${file}: no such file.`);
      if (config.databaseUrl) await restorePostgres(config.databaseUrl, source);
      else await restorePglite(config, source);
      // The audit trail lives in the database that was just replaced: nothing can
      // record the restore before it, and after it the trail is the backup's own.
      console.log('No audit event records this restore: the audit trail is now the one in the backup.');
    });
}

async function dumpPglite(config: Config): Promise<Buffer> {
  if (!existsSync(join(config.dataDir, 'PG_VERSION'))) throw new CliError(`There is no database in ${config.dataDir} to back up.`);
  // Opening takes the data-directory lock: a running server makes this fail at once.
  const database = await openDatabase({ dataDir: config.dataDir, command: 'mainstay backup' });
  try {
    const dump = await dumpPgliteDataDir(database);
    return Buffer.from(await dump.arrayBuffer());
  } finally {
    await database.close();
  }
}

/**
 * Checks the backup in memory, then unpacks it next to the data folder and swaps
 * the two; the old folder is kept aside, never deleted. The lock on the data folder
 * is held throughout, so a running server (or a second restore) makes this fail.
 */
async function restorePglite(config: Config, source: string) {
  const dump = new Blob([readFileSync(source)]);
  const migrations = await checkPgliteBackup(dump, source);
  const dir = config.dataDir;
  const lock = lockDataDir(dir, 'mainstay restore');
  const lockFile = join(dir, 'mainstay.lock');
  const ours = await readFile(lockFile, 'utf8');
  const staging = `${dir}.restoring-${process.pid}`;
  const aside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  let swapped = false;
  try {
    await rm(staging, { recursive: true, force: true });
    const restored = await PGlite.create({ dataDir: staging, loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
    try {
      await appliedMigrationNames(restored);
    } finally {
      await restored.close();
    }
    // The backup carries the lock file of the process that made it; ours replaces it,
    // so that once in place the restored folder is still held until we are done.
    await writeFile(join(staging, 'mainstay.lock'), ours);
    const hadDatabase = existsSync(join(dir, 'PG_VERSION'));
    await rename(dir, aside);
    try {
      await rename(staging, dir);
    } catch (error) {
      swapped = true; // keep both folders: the operator decides
      throw new CliError(`Could not put the restored database in place (${(error as Error).message}). ` +
        `The previous data folder is in ${aside}, the restored one in ${staging}.`);
    }
    swapped = true;
    await unlink(join(aside, 'mainstay.lock')).catch(() => {});
    if (!hadDatabase) await rm(aside, { recursive: true, force: true });
    console.log(`Restored ${source} into ${dir} (migrations up to ${migrations.at(-1)}).`);
    if (hadDatabase) console.log(`The previous data folder was moved to ${aside}; delete it once the restored organization looks right.`);
  } catch (error) {
    if (!swapped) await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw error;
  } finally {
    if ((await readFile(lockFile, 'utf8').catch(() => '')) === ours) await unlink(lockFile).catch(() => {});
    lock.release();
  }
}

/** Loads the backup into an in-memory PGlite: it must start and hold a schema this version knows. */
async function checkPgliteBackup(dump: Blob, source: string): Promise<string[]> {
  let probe: PGlite;
  try {
    probe = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
  } catch {
    throw new CliError(`${source} is not a backup of an embedded Mainstay database (it does not load as a PGlite data folder).`);
  }
  try {
    const names = await appliedMigrationNames(probe)
      .catch(() => { throw new CliError(`${source} holds a database, but not a Mainstay one (no schema_migrations).`); });
    checkMigrations(names, source);
    return names;
  } finally {
    await probe.close();
  }
}

function checkMigrations(names: string[], source: string) {
  if (names.length === 0) throw new CliError(`${source} holds a Mainstay database with no migrations applied; there is nothing to restore.`);
  const known = knownMigrations();
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new CliError(`${source} comes from a newer Mainstay (migrations ${unknown.join(', ')}); upgrade this one before restoring it.`);
  }
}

async function restorePostgres(url: string, source: string) {
  const { args, env } = connectionArgs(url);
  // The file must be a pg_dump archive with Mainstay's schema_migrations in it.
  const data = await runTool('pg_restore', ['--data-only', '--table=schema_migrations', '--file=-', source], env)
    .catch((error: unknown) => {
      if (error instanceof CliError && error.message.includes('not installed')) throw error;
      throw new CliError(`${source} is not a backup of a Mainstay PostgreSQL database (pg_restore cannot read it as a pg_dump archive).`);
    });
  const copy = /^COPY [^\n]*schema_migrations[^\n]*\n([\s\S]*?)^\\\.$/m.exec(data);
  if (!copy) throw new CliError(`${source} is a pg_dump archive, but not of a Mainstay database (no schema_migrations).`);
  const names = copy[1]!.split('\n').filter(Boolean).map((line) => line.split('\t')[0]!);
  checkMigrations(names, source);
  // One transaction: a restore that fails half-way leaves the database as it was.
  await runTool('pg_restore', ['--clean', '--if-exists', '--single-transaction', '--no-owner', ...args, source], env);
  console.log(`Restored ${source} into ${describeDatabase({ databaseUrl: url } as Config)} (migrations up to ${names.at(-1)}); its previous contents were replaced.`);
}

/** The connection for the client tools, with the password in the environment rather than on the command line. */
function connectionArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  let dbname = url;
  try {
    const u = new URL(url);
    if (u.password) {
      env.PGPASSWORD = decodeURIComponent(u.password);
      u.password = '';
      dbname = u.toString();
    }
  } catch { /* not a URL: a key=value connection string, passed as it is */ }
  return { args: [`--dbname=${dbname}`], env };
}

/** Runs a PostgreSQL client tool; its output, or one readable error. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, ['--no-password', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT'
        ? new CliError(`${tool} is not installed (or not on the PATH). Backups of a PostgreSQL server use the PostgreSQL client tools: install them (e.g. apt install postgresql-client), in a version at least the server's.`)
        : error);
    });
    child.on('close', (code) => {
      if (code === 0) resolvePromise(stdout);
      else {
        const detail = stderr.trim().split('\n').map((l) => l.replace(new RegExp(`^${basename(tool)}: `), '').trim()).filter(Boolean).join(' / ');
        reject(new CliError(`${tool} failed: ${detail || `exit code ${code}`}`));
      }
    });
  });
}
