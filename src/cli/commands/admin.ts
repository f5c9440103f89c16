import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { migrate } from '../../db/migrate.ts';
import { createAdmin } from '../../domain/accounts/create-admin.ts';
import { cliActor, transact } from '../../domain/context.ts';
import { configureLevels, loadLevels } from '../../domain/org/levels.ts';
import { systemClock } from '../../platform/clock.ts';
import { describeDatabase, openMigrated } from '../open.ts';
import { openDatabase } from '../../db/database.ts';
import { CliError } from '../cli-error.ts';

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { data?: string }) => {
      const config = loadConfig(options);
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, command: 'mainstay migrate' });
      try {
        const result = await migrate(database);
        console.log(result.applied.length > 0
          ? `Applied ${result.applied.join(', ')} to ${describeDatabase(config)}.`
          : `${describeDatabase(config)} is up to date (${result.current}).`);
      } finally {
        await database.close();
      }
    });

  const admin = program.command('admin').description('Administrator accounts');
  admin
    .command('create')
    .description('Create a central administrator')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--password <password>', `password (at least 10 characters)`)
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { email: string; password: string; data?: string }) => {
      if (!/^[^@\s]+@[^@\s]+$/.test(options.email)) throw new CliError(`--email: "${options.email}" is not an e-mail address.`);
      const config = loadConfig(options);
      const database = await openMigrated(config, 'admin create');
      try {
        const { id } = await transact(database, cliActor(), systemClock, (ctx) => createAdmin(ctx, options));
        console.log(`Created administrator ${options.email} (${id}).`);
      } finally {
        await database.close();
      }
    });

  program
    .command('levels')
    .description('Show the levels of the tree, or set them (top first) while the organization is empty')
    .option('--set <keys>', 'comma-separated level keys, e.g. central,region,district,sub-district,cell')
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { set?: string; data?: string }) => {
      const config = loadConfig(options);
      const database = await openMigrated(config, 'levels');
      try {
        if (options.set) {
          const keys = options.set.split(',').map((k) => k.trim()).filter(Boolean);
          await transact(database, cliActor(), systemClock, (ctx) =>
            configureLevels(ctx, keys.map((key) => ({ key, name: key[0]!.toUpperCase() + key.slice(1).replaceAll('-', ' ') }))));
        }
        const levels = await loadLevels(database.db);
        console.log(levels.all.map((l) => `${l.depth}\t${l.key}\t${l.name}`).join('\n'));
      } finally {
        await database.close();
      }
    });
}
