import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { chainPendingEvents, verifyAudit } from '../../domain/audit/audit-chain.ts';
import { cliActor, transact } from '../../domain/context.ts';
import { systemClock } from '../../platform/clock.ts';
import { openMigrated } from '../open.ts';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Recompute the hash chain of the whole trail; exit 1 naming the first broken event')
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { data?: string }) => {
      const config = loadConfig(options);
      const database = await openMigrated(config, 'audit verify');
      try {
        // Events written since the server last chained are linked first, so all are checked.
        while ((await chainPendingEvents(database.db)) > 0) { /* next batch */ }
        const started = Date.now();
        const result = await transact(database, cliActor(), systemClock, (ctx) => verifyAudit(ctx));
        const seconds = (Date.now() - started) / 1000;
        if (result.ok) {
          console.log(`The audit trail is intact: ${result.checked} events verified in ${seconds.toFixed(1)} s.`);
        } else {
          const b = result.firstBroken!;
          console.error(`The audit trail is broken at event ${b.id} (position ${b.chainSeq} in the chain): ${b.reason}. ${result.checked} events before it verified.`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
}
