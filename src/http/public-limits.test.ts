/** The public doors' per-address limits: configurable for a load test, refused when nonsensical. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PUBLIC_LIMITS, loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createCategory, URGENCIES } from '../domain/cases/categories.ts';
import type { Deadlines } from '../db/schema-cases.ts';
import { fixedClock } from '../platform/clock.ts';
import { buildSmallTree, run } from '../../test/factories.ts';
import { BIN, ROOT } from '../../test/process/harness.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { buildServer } from './server.ts';

const VARIABLES = ['MAINSTAY_PUBLIC_INTAKE_PER_MINUTE', 'MAINSTAY_PUBLIC_TRACKING_PER_MINUTE'] as const;

/** Runs `fn` with the variables set (undefined: unset), restoring them after. */
function withEnv<T>(values: Partial<Record<(typeof VARIABLES)[number], string | undefined>>, fn: () => T): T {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  try {
    for (const name of VARIABLES) {
      const value = name in values ? values[name] : undefined;
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    return fn();
  } finally {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

describe('configuration of the public limits', () => {
  it('keeps the defaults when nothing is set, and takes a positive whole number from each variable', () => {
    expect(withEnv({}, () => loadConfig().publicLimits)).toEqual({ intakePerMinute: 10, trackingPerMinute: 60 });
    expect(DEFAULT_PUBLIC_LIMITS).toEqual({ intakePerMinute: 10, trackingPerMinute: 60 });
    expect(withEnv({ MAINSTAY_PUBLIC_INTAKE_PER_MINUTE: '1000000' }, () => loadConfig().publicLimits))
      .toEqual({ intakePerMinute: 1_000_000, trackingPerMinute: 60 });
    expect(withEnv({ MAINSTAY_PUBLIC_TRACKING_PER_MINUTE: ' 5 ', MAINSTAY_PUBLIC_INTAKE_PER_MINUTE: '' }, () => loadConfig().publicLimits))
      .toEqual({ intakePerMinute: 10, trackingPerMinute: 5 });
  });

  it.each(['0', '-3', 'ten', '2.5', '1e3', '0x10', '99999999999999999999'])('refuses %j with an error naming the variable', (bad) => {
    for (const name of VARIABLES) {
      const attempt = () => withEnv({ [name]: bad }, () => loadConfig());
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(`${name} must be a whole number of requests a minute, at least 1, not "${bad}".`);
    }
  });

  it('stops `mainstay serve` before it opens anything, with one line on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mainstay-limits-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, MAINSTAY_LOG: 'off', MAINSTAY_PUBLIC_INTAKE_PER_MINUTE: 'lots' };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', join(dir, 'data')], { cwd: ROOT, env });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe('mainstay: MAINSTAY_PUBLIC_INTAKE_PER_MINUTE must be a whole number of requests a minute, at least 1, not "lots".');
      expect(existsSync(join(dir, 'data'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('the limits given to the server', () => {
  let database: Database;
  let app: FastifyInstance;
  const body = { categoryCode: 'water', description: 'A leak under the sink', urgency: 'low' };
  const intake = (remoteAddress: string) => app.inject({ method: 'POST', url: '/api/v1/public/cases', payload: body, remoteAddress });

  beforeAll(async () => {
    database = await openTestDatabase();
    await buildSmallTree(database);
    const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines;
    await run(database, (ctx) => createCategory(ctx, { code: 'water', name: 'Water', handlingLevel: 'cell', public: true, deadlines }));
    app = await buildServer({ database, clock: fixedClock('2026-03-02T08:00:00Z'), publicLimits: { intakePerMinute: 13, trackingPerMinute: 2 } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lets one address file more than the default, up to the configured number, then answers 429 naming it per minute', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 13; i++) {
      const created = await intake('203.0.113.9');
      expect(created.statusCode, created.body).toBe(201);
      tokens.push(created.json().trackingToken);
    }
    const refused = await intake('203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/^Too many requests from this address: at most 13 per minute\./);
    expect((await intake('203.0.113.10')).statusCode).toBe(201);

    const track = () => app.inject({ method: 'GET', url: `/api/v1/track/${tokens[0]}`, remoteAddress: '203.0.113.9' });
    expect((await track()).statusCode).toBe(200);
    expect((await track()).statusCode).toBe(200);
    const throttled = await track();
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.message).toMatch(/at most 2 per minute/);
  });
});
