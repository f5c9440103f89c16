import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { cliActor, transact } from '../../domain/context.ts';
import { directiveProgress } from '../../domain/directives/progress.ts';
import { systemClock } from '../../platform/clock.ts';
import { CliError } from '../cli-error.ts';
import { openMigrated } from '../open.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerDirectivesCommands(program: Command) {
  program.command('directives').description('Directives')
    .command('progress')
    .description("Print a directive's progress at a unit (default: the issuer) and each of its subunits, ranked by completion")
    .argument('<id>', 'the directive id')
    .option('--unit <id>', 'the unit to look from (default: the issuing unit)')
    .option('--data <dir>', 'embedded database folder')
    .action(async (id: string, options: { unit?: string; data?: string }) => {
      if (!UUID.test(id)) throw new CliError(`directive id: "${id}" is not a UUID.`);
      if (options.unit !== undefined && !UUID.test(options.unit)) throw new CliError(`--unit: "${options.unit}" is not a UUID.`);
      const database = await openMigrated(loadConfig(options), 'directives progress');
      try {
        const p = await transact(database, cliActor(), systemClock, (ctx) => directiveProgress(ctx, id, options.unit));
        const rows = [
          ['rank', 'unit', 'assignments', 'received', 'acknowledged', 'in progress', 'done', 'blocked', 'overdue', '% done'],
          ...p.children.map((c) => [String(c.rank), c.name, ...figures(c)]),
          ['', 'total', ...figures(p)],
        ];
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of rows) console.log(r.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
        for (const item of p.items) {
          const target = item.targetSum === null ? '' : ` of ${item.targetSum}`;
          console.log(`item ${item.index + 1} "${item.title}": ${item.valueSum}${target} reported by ${item.reported}; average ${item.averagePercent} %`);
        }
      } finally {
        await database.close();
      }
    });
}

function figures(f: { assignments: number; counts: Record<string, number>; overdue: number; percentDone: number }): string[] {
  const c = f.counts;
  return [f.assignments, c.received, c.acknowledged, c.in_progress, c.done, c.blocked, f.overdue].map(String).concat(`${f.percentDone}`);
}
