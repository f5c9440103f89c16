import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { cliActor } from '../../domain/context.ts';
import { importOrganization } from '../../domain/transfer/import-organization.ts';
import { MEMBER_COLUMNS, UNIT_COLUMNS } from '../../domain/transfer/formats.ts';
import { readCsv } from '../../domain/transfer/read-csv.ts';
import { systemClock } from '../../platform/clock.ts';
import { CliError } from '../cli-error.ts';
import { rowProgress } from '../progress.ts';
import { openMigrated } from '../open.ts';

export function registerDataCommands(program: Command) {
  program
    .command('import')
    .description('Import units (code,name,level,parent_code) and members ([member_code,]name,cell_code,email,phone) from CSV; '
      + 'members already there (same member_code, or the same e-mail when unique) are updated or left as they are')
    .argument('<units.csv>', 'units file ("-" for none)')
    .argument('[members.csv]', 'members file')
    .option('--dry-run', 'validate and report, write nothing')
    .option('--skip-bad', 'write the good rows and report the bad ones (default: write nothing if any row is bad)')
    .option('--data <dir>', 'embedded database folder')
    .action(async (unitsPath: string, membersPath: string | undefined, options: { dryRun?: boolean; skipBad?: boolean; data?: string }) => {
      for (const path of [unitsPath, membersPath]) {
        if (path && path !== '-') await access(path).catch(() => { throw new CliError(`Cannot read ${path}.`); });
      }
      const config = loadConfig(options);
      const database = await openMigrated(config, 'import');
      const bar = rowProgress('units');
      try {
        const started = Date.now();
        const report = await importOrganization(database, cliActor(), systemClock, {
          ...(unitsPath !== '-' ? { units: readCsv(unitsPath, 'units', UNIT_COLUMNS) } : {}),
          ...(membersPath ? { members: readCsv(membersPath, 'members', MEMBER_COLUMNS) } : {}),
        }, {
          dryRun: options.dryRun ?? false,
          skipBad: options.skipBad ?? false,
          onProgress: bar.update,
        });
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        for (const p of report.problems) {
          const path = p.file === 'units' ? unitsPath : membersPath;
          console.error(`${path}:${p.line}: ${p.column}: ${p.reason}`);
        }
        if (report.problemCount > report.problems.length) console.error(`… and ${report.problemCount - report.problems.length} more problems.`);
        const read = `${report.units.read} units and ${report.members.read} members read`;
        const m = report.members;
        const members = `members ${m.added} added, ${m.updated} updated, ${m.unchanged} unchanged`;
        if (report.committed) {
          console.log(`Imported ${report.units.written} units and ${report.members.written} members (${read}, ${report.problemCount} bad rows skipped) in ${seconds.toFixed(1)} s: ${members}.`);
        } else if (options.dryRun) {
          console.log(`Dry run: ${read}, ${report.problemCount} problems; nothing was written (it would be: ${members}).`);
          if (report.problemCount > 0) process.exitCode = 1;
        } else {
          console.error(`Nothing was imported: ${report.problemCount} problems (${read}). Fix them, or use --skip-bad to import the good rows.`);
          process.exitCode = 1;
        }
      } finally {
        bar.stop();
        await database.close();
      }
    });
}
