/**
 * What the server gives away besides its answers: secrets in its logs, the client address
 * and scheme it believes behind a proxy, and the headers that tell browsers and caches
 * what to keep.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, isLoopbackHost, parseTrustProxy } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createAdmin } from '../domain/accounts/create-admin.ts';
import { THROTTLE } from '../domain/accounts/sign-in-throttle.ts';
import { createCategory, URGENCIES } from '../domain/cases/categories.ts';
import type { Deadlines } from '../db/schema-cases.ts';
import { addMembers, buildSmallTree, run, testClock, type SmallTree } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { redactSecrets } from './log-redaction.ts';
import { buildServer } from './server.ts';

const ADMIN = { email: 'exposure-admin@example.org', password: 'Lantern-Orchard-Pass-7731' };

class Captured extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void) { this.text += chunk.toString(); done(); }
}

describe('exposure over HTTP', () => {
  let database: Database;
  let tree: SmallTree;
  let personId: string;
  const servers: FastifyInstance[] = [];
  const server = async (options: Partial<Parameters<typeof buildServer>[0]> = {}) => {
    const app = await buildServer({ database, clock: testClock, webRoot: inject('webRoot'), ...options });
    servers.push(app);
    return app;
  };
  const signIn = async (app: FastifyInstance, extra: Record<string, string> = {}) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: ADMIN, headers: extra });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    tree = await buildSmallTree(database);
    personId = (await addMembers(database, tree.cells[0]!, 1))[0]!;
    await run(database, (ctx) => createAdmin(ctx, ADMIN));
    const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines;
    await run(database, (ctx) => createCategory(ctx, { code: 'water', name: 'Water', handlingLevel: 'cell', public: true, deadlines }));
  }, 120_000);
  afterAll(async () => {
    for (const app of servers) await app.close();
    await database?.close();
  });

  describe('no secret in any log', () => {
    it('redacts tracking tokens, feed tokens, API keys, bearer credentials and URL passwords in text', () => {
      expect(redactSecrets('GET /api/v1/track/AbC_123/photos/1 and /track/AbC_123?x=1')).toBe('GET /api/v1/track/[redacted]/photos/1 and /track/[redacted]?x=1');
      expect(redactSecrets('/api/v1/people/p1/calendar.ics?token=T0k&fmt=1')).toBe('/api/v1/people/p1/calendar.ics?token=[redacted]&fmt=1');
      expect(redactSecrets('/open311/v2/requests.json?jurisdiction_id=x&api_key=K3y')).toBe('/open311/v2/requests.json?jurisdiction_id=x&api_key=[redacted]');
      expect(redactSecrets('authorization: Bearer abc.DEF-123')).toBe('authorization: Bearer [redacted]');
      expect(redactSecrets('smtp://mailer:hunter2hunter2@mail.example.org:587')).toBe('smtp://mailer:[redacted]@mail.example.org:587');
    });

    it('keeps every door\'s secret out of the request and error logs', async () => {
      const log = new Captured();
      const app = await server({ logStream: log });
      const secrets: Record<string, string> = {};

      // The public intake answers a tracking token; every tracking door then carries it in its path.
      const created = await app.inject({ method: 'POST', url: '/api/v1/public/cases', payload: { categoryCode: 'water', description: 'Leak', urgency: 'low' } });
      expect(created.statusCode, created.body).toBe(201);
      secrets.trackingToken = created.json().trackingToken;
      const t = secrets.trackingToken!;
      expect((await app.inject({ method: 'GET', url: `/api/v1/track/${t}` })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: `/api/v1/track/${t}/information`, payload: { text: 'More' } })).statusCode).toBe(200);
      await app.inject({ method: 'GET', url: `/api/v1/track/${t}/photos/1` });
      expect((await app.inject({ method: 'GET', url: `/track/${t}`, headers: { accept: 'text/html' } })).statusCode).toBe(200);

      // Signing in: the password in the body, the session token in the header and cookie after.
      const session = await signIn(app);
      secrets.password = ADMIN.password;
      secrets.session = session.json().token;
      const bearer = { authorization: `Bearer ${secrets.session}` };
      expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `mainstay_session=${secrets.session}` } })).statusCode).toBe(200);
      // A failed sign-in: neither the e-mail tried nor the password typed.
      secrets.failedEmail = 'mistyped-person-4471@example.org';
      secrets.failedPassword = 'Typed-Into-The-Wrong-Box-9';
      expect((await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: secrets.failedEmail, password: secrets.failedPassword } })).statusCode).toBe(401);

      // The calendar feed's token, in its query.
      const link = await app.inject({ method: 'GET', url: `/api/v1/people/${personId}/calendar-link`, headers: bearer });
      expect(link.statusCode, link.body).toBe(200);
      secrets.feedToken = new URL(link.json().url).searchParams.get('token')!;
      const feed = await app.inject({ method: 'GET', url: `/api/v1/people/${personId}/calendar.ics?token=${secrets.feedToken}` });
      expect(feed.statusCode, feed.body).toBe(200);

      // An Open311 key, in the query and in a form body.
      const key = await app.inject({ method: 'POST', url: `/api/v1/units/${tree.root}/api-keys`, headers: bearer, payload: { name: 'Exposure client' } });
      expect(key.statusCode, key.body).toBe(201);
      secrets.apiKey = key.json().key;
      await app.inject({ method: 'GET', url: `/open311/v2/requests.json?api_key=${secrets.apiKey}` });
      await app.inject({
        method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `api_key=${secrets.apiKey}&service_code=water&description=Leak&lat=1&long=1`,
      });

      // An error log made by hand, as a failing job or handler would make it.
      app.log.error({ err: new Error(`fetch /api/v1/track/${t} failed with Bearer ${secrets.session}`) }, `lost /track/${t}?token=${secrets.feedToken}`);

      const output = log.text;
      expect(output).toContain('"url":"/api/v1/track/[redacted]"');
      expect(output).toContain('calendar.ics?token=[redacted]');
      expect(output).toContain('requests.json?api_key=[redacted]');
      expect(output).toContain('"msg":"lost /track/[redacted]?token=[redacted]"');
      for (const [door, secret] of Object.entries(secrets)) {
        expect(secret.length, door).toBeGreaterThan(8);
        expect(output.includes(secret), `the ${door} reached the log`).toBe(false);
      }
    });
  });

  describe('behind a proxy', () => {
    it('reads TRUST_PROXY as a hop count or a list of addresses, and refuses anything else', () => {
      expect(parseTrustProxy(undefined)).toBe(false);
      expect(parseTrustProxy('')).toBe(false);
      expect(parseTrustProxy('1')).toBe(1);
      expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,loopback')).toEqual(['127.0.0.1', '10.0.0.0/8', 'loopback']);
      expect(() => parseTrustProxy('true')).toThrow(ConfigError);
      expect(() => parseTrustProxy('proxy.example.org')).toThrow(/TRUST_PROXY must be a hop count or a list of proxy addresses/);
      expect(isLoopbackHost('127.0.0.1') && isLoopbackHost('::1') && isLoopbackHost('localhost') && isLoopbackHost('127.1.2.3')).toBe(true);
      expect(isLoopbackHost('0.0.0.0') || isLoopbackHost('::') || isLoopbackHost('192.168.1.5') || isLoopbackHost('example.org')).toBe(false);
    });

    const PROXY = '10.9.8.7';
    const intake = (app: FastifyInstance, client: string) => app.inject({
      method: 'POST', url: '/api/v1/public/cases', remoteAddress: PROXY, headers: { 'x-forwarded-for': client },
      payload: { categoryCode: 'water', description: 'Leak', urgency: 'low' },
    });

    it('keys the public rate limit on the forwarded client, not the proxy', async () => {
      const limits = { intakePerMinute: 2, trackingPerMinute: 60 };
      const trusting = await server({ publicLimits: limits, trustProxy: [PROXY] });
      for (let i = 0; i < 2; i++) expect((await intake(trusting, '198.51.100.1')).statusCode).toBe(201);
      expect((await intake(trusting, '198.51.100.1')).statusCode).toBe(429);
      // Another person behind the same proxy has a bucket of their own.
      expect((await intake(trusting, '198.51.100.2')).statusCode).toBe(201);

      // Without --trust-proxy, X-Forwarded-For is a client's claim: ignored, everyone is the proxy.
      const plain = await server({ publicLimits: limits });
      for (let i = 0; i < 2; i++) expect((await intake(plain, `198.51.100.${10 + i}`)).statusCode).toBe(201);
      expect((await intake(plain, '198.51.100.99')).statusCode).toBe(429);
    });

    it('keys the sign-in throttle on the forwarded client', async () => {
      const app = await server({ trustProxy: 1 });
      const attempt = (client: string, n: number) => app.inject({
        method: 'POST', url: '/api/v1/session', remoteAddress: PROXY, headers: { 'x-forwarded-for': client },
        // A different unknown account each time: only the address bucket fills.
        payload: { email: `spray-${client}-${n}@example.org`, password: 'wrong-password-123' },
      });
      let status = 401;
      for (let n = 0; n < THROTTLE.address.lockAfter && status === 401; n++) status = (await attempt('203.0.113.50', n)).statusCode;
      expect(status).toBe(429);
      // The next client behind the same proxy is not locked out by the first one's failures.
      expect((await attempt('203.0.113.51', 0)).statusCode).toBe(401);
    }, 60_000);

    it('marks the session cookie Secure when the proxy says the request came over https', async () => {
      const app = await server({ trustProxy: [PROXY] });
      const overTls = await app.inject({ method: 'POST', url: '/api/v1/session', payload: ADMIN, remoteAddress: PROXY, headers: { 'x-forwarded-proto': 'https' } });
      expect(overTls.statusCode).toBe(200);
      expect(String(overTls.headers['set-cookie'])).toMatch(/^__Host-mainstay_session=.*; Secure/);
      const plainHttp = await app.inject({ method: 'POST', url: '/api/v1/session', payload: ADMIN, remoteAddress: PROXY, headers: { 'x-forwarded-proto': 'http' } });
      expect(String(plainHttp.headers['set-cookie'])).not.toMatch(/Secure/);
      // From an address that is not the proxy, the header is not believed.
      const spoofed = await app.inject({ method: 'POST', url: '/api/v1/session', payload: ADMIN, remoteAddress: '192.0.2.1', headers: { 'x-forwarded-proto': 'https' } });
      expect(String(spoofed.headers['set-cookie'])).toMatch(/^mainstay_session=/);
    });
  });

  describe('headers', () => {
    let app: FastifyInstance;
    let bearer: Record<string, string>;
    let trackingToken: string;
    beforeAll(async () => {
      app = await server();
      bearer = { authorization: `Bearer ${(await signIn(app)).json().token}` };
      const created = await app.inject({ method: 'POST', url: '/api/v1/public/cases', payload: { categoryCode: 'water', description: 'Leak', urgency: 'low' } });
      trackingToken = created.json().trackingToken;
    });
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

    it('sends nosniff on every kind of response, errors and refusals included', async () => {
      const responses = [
        await get('/api/v1/health'), await get('/api/v1/units', bearer), await get('/api/v1/units'), await get('/api/v1/nowhere'),
        await get('/', { accept: 'text/html' }), await get(`/api/v1/docs/`), await get('/open311/v2/services.json'),
        await get(`/api/v1/units/${'x'.repeat(2000)}`, bearer),
      ];
      for (const r of responses) expect(r.headers['x-content-type-options'], `${r.statusCode} ${r.body.slice(0, 80)}`).toBe('nosniff');
    });

    it('gives the web shell and the tracking pages no-referrer and the strict policy', async () => {
      for (const url of ['/', '/units/x', `/track/${trackingToken}`]) {
        const r = await get(url, { accept: 'text/html' });
        expect(r.statusCode, url).toBe(200);
        expect(r.headers['referrer-policy'], url).toBe('no-referrer');
        const csp = String(r.headers['content-security-policy']);
        for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"]) {
          expect(csp, url).toContain(directive);
        }
        expect(csp, url).not.toContain('unsafe');
      }
      expect((await get(`/track/${trackingToken}`, { accept: 'text/html' })).headers['cache-control']).toBe('no-store');
      expect((await get('/', { accept: 'text/html' })).headers['cache-control']).toBe('no-cache');
    });

    it('tells caches to keep nothing signed-in, tracked, exported or CSV', async () => {
      for (const url of ['/api/v1/units', '/api/v1/session', `/api/v1/people/${personId}`, `/api/v1/people/${personId}/export`, '/api/v1/nowhere']) {
        const r = await get(url, bearer);
        expect(r.headers['cache-control'], `${url} ${r.statusCode}`).toBe('no-store');
      }
      const cookie = await get('/api/v1/units', { cookie: `mainstay_session=${bearer.authorization!.slice(7)}` });
      expect(cookie.headers['cache-control']).toBe('no-store');
      for (const url of [`/api/v1/track/${trackingToken}`, `/api/v1/track/${trackingToken}/photos/1`, '/api/v1/track/not-a-token']) {
        expect((await get(url)).headers['cache-control'], url).toBe('no-store');
      }
      const template = await get('/api/v1/imports/template/members.csv', bearer);
      if (String(template.headers['content-type']).startsWith('text/csv')) expect(template.headers['cache-control']).toBe('no-store');
      // Public and static answers may be cached as before.
      expect((await get('/api/v1/health')).headers['cache-control']).toBeUndefined();
    });

    it('gives the API docs a policy of their own under which the page and its assets load', async () => {
      const page = await get('/api/v1/docs/');
      expect(page.statusCode).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      const assets = [...page.body.matchAll(/(?:src|href)="\.\/(static\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets).toEqual(expect.arrayContaining(['static/swagger-ui-bundle.js', 'static/swagger-initializer.js', 'static/swagger-ui.css']));
      for (const asset of assets) {
        const r = await get(`/api/v1/docs/${asset}`);
        expect(r.statusCode, asset).toBe(200);
        expect(r.headers['x-content-type-options']).toBe('nosniff');
      }
      const init = await get('/api/v1/docs/static/swagger-initializer.js');
      expect(init.body).toContain('SwaggerUIBundle');
      expect((await get('/api/v1/docs/json')).json().openapi).toMatch(/^3\./);
    });
  });
});
