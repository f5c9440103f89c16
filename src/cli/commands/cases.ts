import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { escalateOverdue } from '../../domain/cases/escalate-overdue.ts';
import { importCategories } from '../../domain/cases/import-categories.ts';
import { cliActor, transact } from '../../domain/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { systemClock } from '../../platform/clock.ts';
import { CliError } from '../cli-error.ts';
import { openMigrated } from '../open.ts';

export function registerCasesCommands(program: Command) {
  program.command('cases').description('Casework')
    .command('escalate')
    .description('Escalate every case whose deadline has passed (the server does this on its own schedule)')
    .option('--dry-run', 'print what would escalate now, change nothing')
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { dryRun?: boolean; data?: string }) => {
      const database = await openMigrated(loadConfig(options), 'cases escalate');
      try {
        const steps = await transact(database, cliActor(), systemClock, (ctx) => escalateOverdue(ctx, { dryRun: options.dryRun ?? false }));
        for (const s of steps) console.log(`${s.reference}\tlevel ${s.level}\t${s.deadline} deadline passed ${s.dueAt}\t${s.fromUnitId} → ${s.toUnitId}`);
        console.log(`${options.dryRun ? 'Would escalate' : 'Escalated'} ${steps.length} step${steps.length === 1 ? '' : 's'}.`);
      } finally {
        await database.close();
      }
    });

  program.command('categories').description('Categories of request')
    .command('import')
    .description('Load categories from CSV: code,name,handling_level,public,<urgency>_acknowledge_hours,<urgency>_resolve_hours…[,name_<lang>]')
    .argument('<file>', 'the CSV file')
    .option('--data <dir>', 'embedded database folder')
    .action(async (file: string, options: { data?: string }) => {
      const csv = await readFile(file, 'utf8').catch(() => { throw new CliError(`Cannot read ${file}.`); });
      const database = await openMigrated(loadConfig(options), 'categories import');
      try {
        const { created } = await transact(database, cliActor(), systemClock, (ctx) => importCategories(ctx, csv));
        console.log(`Imported ${created} categor${created === 1 ? 'y' : 'ies'}.`);
      } catch (error) {
        // One line per problem, each naming the file, line and column.
        if (error instanceof DomainError && error.code === 'bad_categories') {
          throw new CliError(error.message.split('\n').map((l) => `${file}:${l.replace(/^line /, '')}`).join('\n'));
        }
        throw error;
      } finally {
        await database.close();
      }
    });
}
