import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { loadDemo } from '../../domain/demo/seed-demo.ts';
import { resetDemoPasswords } from '../../domain/demo/demo-passwords.ts';
import { cliActor, transact } from '../../domain/context.ts';
import { defaultShape, demoMembers, demoUnits, type DemoShape } from '../../domain/demo/generate-demo.ts';
import { loadLevels } from '../../domain/org/levels.ts';
import { hasAnyUnit } from '../../domain/org/unit.queries.ts';
import { systemClock } from '../../platform/clock.ts';
import { csvLine, MEMBER_COLUMNS, UNIT_COLUMNS } from '../../domain/transfer/formats.ts';
import type { CsvItem } from '../../domain/transfer/read-csv.ts';
import { CliError } from '../cli-error.ts';
import { openMigrated } from '../open.ts';

const positive = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${flag} must be a whole number, not "${value}".`);
  return n;
};

export function registerDemoCommand(program: Command) {
  const demo = program
    .command('demo')
    .description('Create a deterministic synthetic organization (into an empty database, or as CSV files with --csv)')
    .option('--cells <n>', 'number of cells', positive('--cells'), 24)
    .option('--members <n>', 'number of members', positive('--members'), 240)
    .option('--seed <s>', 'random seed: the same seed gives the same organization', positive('--seed'), 1)
    .option('--shape <counts>', 'units per level below the root, e.g. 12,200,5000,500000 (overrides --cells)')
    .option('--csv <dir>', 'write units.csv and members.csv in the import format instead of loading them')
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { cells: number; members: number; seed: number; shape?: string; csv?: string; data?: string }) => {
      const config = loadConfig(options);
      const database = await openMigrated(config, 'demo');
      try {
        const levels = (await loadLevels(database.db)).all.map((l) => l.key);
        let shape = defaultShape(levels, options.cells, options.members, options.seed);
        if (options.shape) {
          const counts = options.shape.split(',').map((c) => positive('--shape')(c.trim()));
          if (counts.length !== levels.length - 1) {
            throw new CliError(`--shape needs ${levels.length - 1} counts, one for each of ${levels.slice(1).join(', ')}.`);
          }
          shape = { ...shape, counts };
        }
        if (options.csv) {
          await database.close();
          await writeDemoCsv(options.csv, shape);
          console.log(`Wrote ${join(options.csv, 'units.csv')} and ${join(options.csv, 'members.csv')}.`);
          return;
        }
        if (await hasAnyUnit(database.db)) throw new CliError('The organization already has units; the demo only loads into an empty database.');
        const report = await loadDemo(database, systemClock, shape);
        console.log(`Created a demo organization: ${report.units.written} units, ${report.members.written} members.`);
      } finally {
        await database.close().catch(() => {});
      }
    });
  demo
    .command('reset-passwords')
    .description('Give every demo account still on the published password a new random one (printed once; their sessions end)')
    .option('--data <dir>', 'embedded database folder')
    .action(async (_options: unknown, command: Command) => {
      // `demo` has a --data of its own, which takes the flag before this command sees it.
      const config = loadConfig(command.optsWithGlobals<{ data?: string }>());
      const database = await openMigrated(config, 'demo reset-passwords');
      try {
        const reset = await transact(database, cliActor(), systemClock, (ctx) => resetDemoPasswords(ctx));
        if (reset.length === 0) {
          console.log('No demo account has the published password.');
          return;
        }
        console.log('New passwords (shown only now; keep them somewhere safe):');
        for (const r of reset) console.log(`${r.email}\t${r.password}`);
      } finally {
        await database.close().catch(() => {});
      }
    });
}

async function writeDemoCsv(dir: string, shape: DemoShape) {
  await mkdir(dir, { recursive: true });
  await writeCsv(join(dir, 'units.csv'), UNIT_COLUMNS, demoUnits(shape));
  await writeCsv(join(dir, 'members.csv'), MEMBER_COLUMNS, demoMembers(shape));
}

async function writeCsv<C extends string>(path: string, columns: readonly C[], items: AsyncIterable<CsvItem<Record<C, string>>>) {
  async function* lines() {
    yield csvLine(columns);
    let batch = '';
    for await (const item of items) {
      if (!('record' in item)) continue;
      batch += csvLine(columns.map((c) => item.record[c] || null));
      if (batch.length > 1 << 16) { yield batch; batch = ''; }
    }
    yield batch;
  }
  await pipeline(Readable.from(lines()), createWriteStream(path));
}
