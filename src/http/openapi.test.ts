import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { testClock } from '../../test/factories.ts';
import { buildServer } from './server.ts';
import { TAGS } from './openapi.ts';

/**
 * The served document against Redocly's and Spectral's recommended rulesets
 * (redocly.yaml, .spectral.yaml at the root): any error fails, warnings are printed.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const run = promisify(execFile);

let database: Database;
let app: FastifyInstance;
let document: any;
let dir: string;
let file: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildServer({ database, clock: testClock });
  const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json();
  dir = await mkdtemp(join(tmpdir(), 'mainstay-openapi-'));
  file = join(dir, 'openapi.json');
  await writeFile(file, response.body);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs a linter that exits non-zero on errors; its JSON report is on stdout either way. */
async function lint(command: string, args: string[]): Promise<string> {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  try {
    return (await run(command, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    if (!e.stdout) throw new Error(`${command} failed: ${e.stderr}`, { cause: error });
    return e.stdout;
  }
}

const operations = () => Object.entries(document.paths as Record<string, Record<string, any>>)
  .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document', () => {
  it('has 0 errors under Redocly\'s recommended rules', async () => {
    const report = JSON.parse(await lint(bin('redocly'), ['lint', file, '--format', 'json', '--max-problems', '10000', '--config', join(ROOT, 'redocly.yaml')]));
    const problems = report.problems as Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
    const errors = problems.filter((p) => p.severity === 'error');
    console.log(`Redocly: ${errors.length} errors, ${problems.length - errors.length} warnings`);
    expect(errors.map((e) => `${e.ruleId} ${e.location[0]?.pointer}: ${e.message}`)).toEqual([]);
  });

  it('has 0 errors under Spectral\'s recommended rules (spectral:oas)', async () => {
    const report = JSON.parse(await lint(bin('spectral'), ['lint', file, '--format', 'json', '--ruleset', join(ROOT, '.spectral.yaml'), '--quiet'])) as Array<{ code: string; severity: number; message: string; path: string[] }>;
    const errors = report.filter((p) => p.severity === 0);
    console.log(`Spectral: ${errors.length} errors, ${report.length - errors.length} warnings`);
    expect(errors.map((e) => `${e.code} ${e.path.join('.')}: ${e.message}`)).toEqual([]);
  });

  it('is OpenAPI 3.1 with servers, an operationId on every operation and only declared tags', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers.length).toBeGreaterThan(0);
    const declared = new Set((document.tags as Array<{ name: string; description: string }>).map((t) => t.name));
    expect([...declared].sort()).toEqual(Object.keys(TAGS).sort());
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations()) {
      expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const tag of op.tags) expect(declared.has(tag), `${method} ${path}: tag ${tag}`).toBe(true);
    }
  });

  it('writes nullables the 3.1 way: no `nullable`, and null in nullable enums', () => {
    const text = JSON.stringify(document);
    expect(text).not.toContain('"nullable"');
    const unit = document.paths['/api/v1/units/{id}'].get.responses['200'].content['application/json'].schema;
    expect(unit.properties.parentId.type).toEqual(['string', 'null']);
    const nullableEnums: unknown[][] = [];
    JSON.stringify(document, (_key, value) => {
      if (value && Array.isArray(value.type) && value.type.includes('null') && Array.isArray(value.enum)) nullableEnums.push(value.enum);
      return value;
    });
    expect(nullableEnums.length).toBeGreaterThan(0);
    for (const values of nullableEnums) expect(values).toContain(null);
  });

  it('documents the error answers each route kind can give', () => {
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses);
      const where = `${method} ${path}`;
      expect(statuses, where).toEqual(expect.arrayContaining(['405', '503']));
      if (!(Array.isArray(op.security) && op.security.length === 0)) expect(statuses, where).toEqual(expect.arrayContaining(['401', '403']));
      if (path.includes('{')) expect(statuses, where).toEqual(expect.arrayContaining(['400', '404', '414']));
      if (method !== 'get') expect(statuses, where).toEqual(expect.arrayContaining(['409', '413', '415', '422']));
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        expect(op.responses[status].$ref, `${where} ${status}`).toMatch(/^#\/components\/responses\//);
      }
    }
    expect(document.paths['/api/v1/public/cases'].post.responses).toHaveProperty('429');
    expect(document.paths['/api/v1/session'].post.responses).toHaveProperty('429');
  });

  it('answers 204 without a body: DELETE /tokens/{id}', () => {
    const response = document.paths['/api/v1/tokens/{id}'].delete.responses['204'];
    expect(response).toBeDefined();
    expect(response.content).toBeUndefined();
    for (const { op } of operations()) if (op.responses['204']) expect(op.responses['204'].content).toBeUndefined();
  });
});
