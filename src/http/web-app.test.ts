import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database } from '../db/database.ts';
import { testClock } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { API_TYPES_FILE, renderApiTypes } from './openapi-types.ts';
import { buildServer } from './server.ts';

describe('the web app, served beside the API', () => {
  let database: Database;
  let app: FastifyInstance;
  let script: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildServer({ database, clock: testClock, webRoot: inject('webRoot') });
    script = (await readdir(join(inject('webRoot'), 'assets'))).find((name) => name.endsWith('.js'))!;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('serves the shell at / and at any page address, with a content security policy', async () => {
    for (const url of ['/', '/units/0190a1b2-0000-7000-8000-000000000000', '/people/x/y', '/audit?unit=1']) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('keeps API answers JSON: an unknown API path is a 404 in the error shape, even for a browser', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'route_not_found' } });
    const post = await app.inject({ method: 'POST', url: '/units/x', headers: { accept: 'text/html' } });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ error: { code: 'route_not_found' } });
  });

  it('sends hashed assets precompressed and cached for good', async () => {
    const br = await app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    const plain = await app.inject({ method: 'GET', url: `/assets/${script}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(br.headers['content-length'])).toBeLessThan(plain.rawPayload.length / 2);
  });

  it('has API types in web/src/api that match the OpenAPI document (run `npm run api:types` after changing a route)', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(committed === (await renderApiTypes(app)), 'web/src/api/schema.d.ts is stale: run `npm run api:types`').toBe(true);
  });
});
