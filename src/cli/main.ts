import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { DomainError } from '../domain/errors.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerExportBackupCommands } from './commands/export-backup.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerOutboxCommand } from './commands/outbox.ts';
import { registerCasesCommands } from './commands/cases.ts';
import { registerDirectivesCommands } from './commands/directives.ts';
import { CliError } from './cli-error.ts';
import { redactSecrets } from '../platform/redact-secrets.ts';

const program = new Command('mainstay')
  .description('Mainstay: run an organization of cells that serves the people around it.')
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerDemoCommand(program);
registerAdminCommands(program);
registerDataCommands(program);
registerAuditCommands(program);
registerExportBackupCommands(program);
registerOutboxCommand(program);
registerCasesCommands(program);
registerDirectivesCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}

/** One line a person can act on, secrets redacted; stack traces only with MAINSTAY_DEBUG=1. */
function reportError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (process.env.MAINSTAY_DEBUG) console.error(redactSecrets(error instanceof Error ? error.stack ?? error.message : String(error)));
  if (error instanceof DomainError) {
    const field = typeof error.details.field === 'string' ? ` (${error.details.field})` : '';
    console.error(redactSecrets(`mainstay: ${error.message}${field}`));
  } else if (error instanceof CliError || error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(redactSecrets(`mainstay: ${error.message}`));
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(redactSecrets(`mainstay: ${message}`));
  }
  return 1;
}
