/** The national organization in a PostgreSQL database of its own, loaded once and reused by bench:web and bench:cases. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEVELS, NATIONAL_SHAPE } from './config.ts';
import { log, mainstay, ROOT } from './proc.ts';
import { query } from './sql.ts';
import { int } from './stats.ts';

export const NATIONAL_MEMBERS = 10_000_000;
export const NATIONAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/mainstay_bench_web';

async function ensureDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = url.replace(/\/[^/]*$/, '/postgres');
  const exists = await query<{ n: number }>(admin, 'select count(*)::int as n from pg_database where datname = $1', [name]);
  if (exists[0]!.n === 0) await query(admin, `create database "${name}"`);
}

/**
 * Migrates the database and, when it has no units yet, loads 505,213 units and
 * 10,000,000 members through `mainstay import` (about 10 minutes; the CSV is
 * generated once into .bench/). Answers whether it was reused or loaded now.
 */
export async function ensureNationalOrganization(url: string, env: NodeJS.ProcessEnv): Promise<'reused' | 'loaded now'> {
  await ensureDatabase(url);
  await mainstay(['migrate'], { env });
  const [{ units }] = await query<{ units: number }>(url, 'select count(*)::int as units from units') as [{ units: number }];
  if (units > 0) {
    log(`reusing the organization in ${new URL(url).pathname.slice(1)} (${int(units)} units)`);
    return 'reused';
  }
  const csv = join(ROOT, '.bench', 'csv', `${NATIONAL_SHAPE.join('-')}-m${NATIONAL_MEMBERS}-s1`);
  await mainstay(['levels', '--set', LEVELS.join(',')], { env });
  if (!existsSync(join(csv, '.complete'))) {
    mkdirSync(csv, { recursive: true });
    log('generating the national organization as CSV');
    await mainstay(['demo', '--csv', csv, '--shape', NATIONAL_SHAPE.join(','), '--members', String(NATIONAL_MEMBERS), '--seed', '1'], { env });
    writeFileSync(join(csv, '.complete'), '{}');
  }
  log('importing units, then members (about 10 minutes)');
  await mainstay(['import', join(csv, 'units.csv')], { env, resultLine: /^Imported/ });
  await mainstay(['import', '-', join(csv, 'members.csv')], { env, resultLine: /^Imported/ });
  await query(url, 'vacuum analyze');
  return 'loaded now';
}
