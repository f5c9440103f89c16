import { redactSecrets } from '../../platform/redact-secrets.ts';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { listOutbox, OUTBOX_STATUSES, type OutboxStatus } from '../../platform/outbox/list.ts';
import { openMigrated } from '../open.ts';

const parseLimit = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('a whole number from 1 to 10000');
  return n;
};
const parseStatus = (value: string) => {
  if (!(OUTBOX_STATUSES as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${OUTBOX_STATUSES.join(', ')}`);
  return value as OutboxStatus;
};

export function registerOutboxCommand(program: Command) {
  program
    .command('outbox')
    .description('List outgoing mail, newest first: recipient, subject, status, attempts, last error')
    .option('--status <status>', `only ${OUTBOX_STATUSES.join(' | ')}`, parseStatus)
    .option('--limit <n>', 'at most this many (default 50)', parseLimit, 50)
    .option('--data <dir>', 'embedded database folder')
    .action(async (options: { status?: OutboxStatus; limit: number; data?: string }) => {
      const config = loadConfig(options);
      const database = await openMigrated(config, 'outbox');
      try {
        const items = await listOutbox(database.db, { status: options.status, limit: options.limit });
        if (items.length === 0) {
          console.log(options.status ? `No ${options.status} messages.` : 'The outbox is empty.');
          return;
        }
        // One message per line, tab-separated: readable, and easy to cut or grep.
        console.log(['created', 'status', 'attempts', 'to', 'subject', 'last error'].join('\t'));
        for (const m of items) {
          console.log([m.createdAt.toISOString(), m.status, m.attempts, m.to, m.subject, redactSecrets(m.lastError ?? '')].join('\t'));
        }
      } finally {
        await database.close();
      }
    });
}
