import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { apiKeyHash } from '../domain/cases/api-keys.ts';
import { transact, type Actor } from '../domain/context.ts';
import { newId } from '../platform/ids.ts';
import { fixedClock } from '../platform/clock.ts';
import { PASSWORD, type Role, type SeededActor } from '../../test/actors.ts';
import type { SmallTree } from '../../test/factories.ts';
import { multipartForm } from '../../test/multipart.ts';
import { useTestApp } from '../../test/http-app.ts';
import { OPEN311_LIMITS } from './routes/open311.routes.ts';

/**
 * Open311 GeoReport v2 conformance: every endpoint in JSON and XML, the error format,
 * keys, routing, and that the public list never carries the requester.
 */
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T08:00:00Z');
const tokens = {} as Record<Role, string>;
let key: string;
let keyId: string;
const V2 = '/open311/v2';

const deadlines = (ack: number, resolve: number) => Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: ack, resolveHours: resolve }]));
const api = (role: Role, options: InjectOptions) => app.inject({ ...options, headers: { authorization: `Bearer ${tokens[role]}`, ...options.headers } });
const form = (fields: Record<string, string | number>) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
const post = (fields: Record<string, string | number>, format: 'json' | 'xml' = 'json') =>
  app.inject({ method: 'POST', url: `${V2}/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });
const get = (path: string) => app.inject({ method: 'GET', url: `${V2}${path}` });
const countCases = async () => Number((await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

/** Every element's text by name (the documents are flat enough for this). */
const texts = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
/** Well-formed: one root, tags balanced and nested, every & an entity. */
function expectWellFormed(xml: string, root: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('\n') + 1);
  expect(body.startsWith(`<${root}>`) && body.endsWith(`</${root}>`)).toBe(true);
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-z_]+)>/g)) {
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<\/?[a-z_]+>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
}
function expectXml(response: { statusCode: number; headers: Record<string, unknown>; body: string }, root: string) {
  expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
  expectWellFormed(response.body, root);
}
function expectError(response: { statusCode: number; headers: Record<string, unknown>; body: string; json(): any }, status: number, format: 'json' | 'xml' = 'json') {
  expect(response.statusCode, response.body).toBe(status);
  if (format === 'json') {
    expect(response.json()).toEqual([{ code: status, description: expect.any(String) }]);
  } else {
    expectXml(response, 'errors');
    expect(texts(response.body, 'code')).toEqual([String(status)]);
    expect(texts(response.body, 'description')[0]).toBeTruthy();
  }
}

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, actors, app } = fixture);
  for (const role of Object.keys(actors) as Role[]) {
    tokens[role] = (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors[role].email, password: PASSWORD } })).json().token;
  }
  for (const [code, level, isPublic] of [['water', 'cell', true], ['housing', 'district', true], ['internal', 'cell', false]] as const) {
    const created = await api('admin', { method: 'POST', url: '/api/v1/categories', payload: { code, name: `${code} & more`, handlingLevel: level, public: isPublic, deadlines: deadlines(24, 72) } });
    expect(created.statusCode).toBe(201);
  }
  expect((await api('admin', { method: 'PUT', url: `/api/v1/units/${tree.districts[2]}/service-area`, payload: { polygon: null, localities: ['Riverside'] } })).statusCode).toBe(200);
  const issued = await api('admin', { method: 'POST', url: `/api/v1/units/${tree.regions[0]}/api-keys`, payload: { name: 'city app' } });
  expect(issued.statusCode, issued.body).toBe(201);
  ({ id: keyId, key } = issued.json());
});

describe('API keys', () => {
  it('are issued by administrators only, shown once, stored as a hash, audited without the key', async () => {
    expect(key).toMatch(/^ms311_[A-Za-z0-9_-]{43}$/);
    const row = await database.db.selectFrom('unit_api_keys').selectAll().where('id', '=', keyId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ unit_id: tree.regions[0], name: 'city app', key_hash: apiKeyHash(key), revoked_at: null });
    const audit = await database.db.selectFrom('audit_events').selectAll().where('action', '=', 'unit.api_key.issue').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(key);
    const official = await api('regionOfficial', { method: 'POST', url: `/api/v1/units/${tree.regions[0]}/api-keys`, payload: { name: 'mine' } });
    expect(official.statusCode).toBe(403);
    const elsewhere = await api('regionOfficial', { method: 'POST', url: `/api/v1/units/${tree.regions[1]}/api-keys`, payload: { name: 'mine' } });
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe('row-level security on unit_api_keys', () => {
  it('shows keys to officials over the unit, lets only administrators write', async () => {
    const official = (unitId: string | undefined): Actor => ({ accountId: null, personId: null, label: 'rls', isAdmin: false, officialUnitIds: unitId ? [unitId] : [], cellId: null });
    const names = (unitId: string | undefined) => transact(database, official(unitId), clock, async (ctx) =>
      (await ctx.db.selectFrom('unit_api_keys').select('name').execute()).map((r) => r.name));
    expect(await names(tree.regions[0])).toContain('city app');
    expect(await names(tree.root)).toContain('city app');
    expect(await names(tree.regions[1])).not.toContain('city app');
    expect(await names(undefined)).toEqual([]);
    const insert = transact(database, official(tree.regions[0]), clock, (ctx) => ctx.db.insertInto('unit_api_keys')
      .values({ id: newId(), unit_id: tree.regions[0]!, name: 'sneaky', key_hash: 'x', created_at: clock.now() }).execute());
    await expect(insert).rejects.toThrow(/row-level security/);
    const revoke = await transact(database, official(tree.regions[0]), clock, (ctx) => ctx.db.updateTable('unit_api_keys').set({ revoked_at: clock.now() }).where('id', '=', keyId).executeTakeFirst());
    expect(Number(revoke.numUpdatedRows)).toBe(0);
  });
});

describe('discovery and services', () => {
  it('describes the endpoint in JSON and XML', async () => {
    const json = await get('/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String),
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/), changeset: expect.any(String), type: 'production', formats: ['application/json', 'text/xml'] }],
    });
    const xml = await get('/discovery.xml');
    expectXml(xml, 'discovery');
    expect(texts(xml.body, 'specification')).toEqual(['http://wiki.open311.org/GeoReport_v2']);
    expect(texts(xml.body, 'format')).toEqual(['application/json', 'text/xml']);
    expect(texts(xml.body, 'type')).toEqual(['production']);
  });

  it('lists the public categories as services, and defines each', async () => {
    const json = await get('/services.json');
    expect(json.statusCode).toBe(200);
    expect(json.json().map((s: { service_code: string }) => s.service_code)).toEqual(['housing', 'water']);
    expect(json.json()[1]).toEqual({ service_code: 'water', service_name: 'water & more', description: expect.any(String), metadata: false, type: 'realtime', keywords: '', group: expect.any(String) });
    const xml = await get('/services.xml');
    expectXml(xml, 'services');
    expect(texts(xml.body, 'service_code')).toEqual(['housing', 'water']);
    expect(texts(xml.body, 'service_name')).toContain('water &amp; more');
    expect(texts(xml.body, 'metadata')).toEqual(['false', 'false']);

    const definition = await get('/services/water.json');
    expect(definition.json()).toEqual({ service_code: 'water', attributes: [] });
    const definitionXml = await get('/services/water.xml');
    expectXml(definitionXml, 'service_definition');
    expect(definitionXml.body).toContain('<service_code>water</service_code><attributes></attributes>');
  });

  it('stays out of the OpenAPI document (GeoReport is its own contract)', async () => {
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths);
    expect(paths.filter((p) => p.includes('open311'))).toEqual([]);
    expect(paths).toContain('/api/v1/units/{id}/api-keys');
  });

  it('answers unknown services with a GeoReport 404', async () => {
    expectError(await get('/services/nope.json'), 404);
    expectError(await get('/services/nope.xml'), 404, 'xml');
    expectError(await get('/services/internal.json'), 404);
    expectError(await get('/services/water'), 404);
    expectError(await get('/nothing-here.xml'), 404, 'xml');
  });
});

describe('POST requests', () => {
  it('files a form-encoded request that routes like any case, answering the reference and never the token', async () => {
    const response = await post({ api_key: key, service_code: 'housing', address_string: '4 Quay Road, Riverside', description: 'Flooded cellar', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.org', phone: '+44 20 7946 0000', device_id: 'x', media_url: 'http://example.org/a.jpg' });
    expect(response.statusCode, response.body).toBe(201);
    const [answer] = response.json();
    expect(Object.keys(answer).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(answer.service_request_id).toMatch(/^C-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const row = await database.db.selectFrom('cases').selectAll().where('reference', '=', answer.service_request_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'open311', owning_unit_id: tree.districts[2], received_by_unit_id: tree.regions[0], triage: false, description: 'Flooded cellar' });
    expect(await database.db.selectFrom('case_requesters').selectAll().where('case_id', '=', row.id).executeTakeFirst())
      .toEqual({ case_id: row.id, name: 'Ada Lovelace', email: 'ada@example.org', phone: '+44 20 7946 0000', language: null });
    const audit = await database.db.selectFrom('audit_events').select('actor_label').where('target_id', '=', row.id).executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe('open311:city app');
  });

  it("puts what cannot be placed in the key's unit's triage queue; accepts JSON and answers XML", async () => {
    const response = await app.inject({ method: 'POST', url: `${V2}/requests.xml`, payload: { api_key: key, service_code: 'water', lat: 50.1, long: 8.6 } });
    expect(response.statusCode, response.body).toBe(201);
    expectXml(response, 'service_requests');
    const [reference] = texts(response.body, 'service_request_id');
    const row = await database.db.selectFrom('cases').selectAll().where('reference', '=', reference!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ owning_unit_id: tree.regions[0], triage: true, lat: 50.1, long: 8.6, description: 'water & more' });
  });

  it('refuses bad keys and bad input in the GeoReport format, writing nothing', async () => {
    const before = await countCases();
    const good = { api_key: key, service_code: 'water', address_string: 'Riverside' };
    expectError(await post({ service_code: 'water', address_string: 'Riverside' }), 403);
    expectError(await post({ ...good, api_key: 'ms311_wrong' }, 'xml'), 403, 'xml');
    expectError(await post({ ...good, service_code: 'nope' }), 404);
    expectError(await post({ ...good, service_code: 'nope' }, 'xml'), 404, 'xml');
    expectError(await post({ ...good, service_code: 'internal' }), 404);
    expectError(await post({ api_key: key, service_code: 'water' }), 400);
    expectError(await post({ api_key: key, service_code: 'water', address_id: '12' }, 'xml'), 400, 'xml');
    expectError(await post({ api_key: key, service_code: 'water', lat: 1 }), 400);
    expectError(await post({ api_key: key, service_code: 'water', lat: 'north', long: 2 }), 400);
    expectError(await post({ api_key: key, service_code: 'water', lat: 91, long: 2 }), 400);
    expectError(await post({ ...good, service_code: '' }), 400);
    expectError(await post({ ...good, email: 'not an address' }), 400);
    expectError(await post({ ...good, description: 'x'.repeat(4001) }), 400);
    expectError(await post({ ...good, description: 'nul \u0000 byte' }), 400);
    const malformed = await app.inject({ method: 'POST', url: `${V2}/requests.json`, headers: { 'content-type': 'application/json' }, payload: '{"api_key":' });
    expectError(malformed, 400);
    expect(await countCases()).toBe(before);
  });

  it('takes multipart/form-data as well as a form (files are accepted and ignored)', async () => {
    const multipart = (fields: Record<string, string>, format: 'json' | 'xml' = 'json', media = false) => {
      const body = multipartForm([
        ...Object.entries(fields).map(([name, value]) => ({ name, value })),
        ...(media ? [{ name: 'media', file: { filename: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('not really a photo') } }] : []),
      ]);
      return app.inject({ method: 'POST', url: `${V2}/requests.${format}`, headers: body.headers, payload: body.payload });
    };
    const before = await countCases();
    const created = await multipart({ api_key: key, service_code: 'water', address_string: 'Riverside', description: 'Sent as multipart', first_name: 'Mary' }, 'json', true);
    expect(created.statusCode, created.body).toBe(201);
    const [answer] = created.json();
    const row = await database.db.selectFrom('cases').selectAll().where('reference', '=', answer.service_request_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ description: 'Sent as multipart' });
    const xml = await multipart({ api_key: key, service_code: 'water', lat: '50.1', long: '8.6' }, 'xml');
    expect(xml.statusCode, xml.body).toBe(201);
    expectXml(xml, 'service_requests');
    expectError(await multipart({ service_code: 'water', address_string: 'Riverside' }), 403);
    expectError(await multipart({ api_key: key, service_code: 'nope', address_string: 'Riverside' }, 'xml'), 404, 'xml');
    expectError(await multipart({ api_key: key, service_code: 'water' }), 400);
    expect(await countCases()).toBe(before + 2);
  });

  it('answers every refusal, from any layer, in the GeoReport error list', async () => {
    const good = form({ api_key: key, service_code: 'water', address_string: 'Riverside' });
    const unsupported = await app.inject({ method: 'POST', url: `${V2}/requests.json`, headers: { 'content-type': 'text/plain' }, payload: good });
    expectError(unsupported, 415);
    const unsupportedXml = await app.inject({ method: 'POST', url: `${V2}/requests.xml`, headers: { 'content-type': 'application/octet-stream' }, payload: good });
    expectError(unsupportedXml, 415, 'xml');
    const huge = await app.inject({ method: 'POST', url: `${V2}/requests.json`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `${good}&description=${'x'.repeat(2 * 1024 * 1024)}` });
    expectError(huge, 413);
    const longId = await get(`/requests/${'C'.repeat(5000)}.json`);
    expect(longId.statusCode).toBeGreaterThanOrEqual(400);
    expectError(longId, longId.statusCode);
    expectError(await get(`/services/${'w'.repeat(5000)}.xml`), (await get(`/services/${'w'.repeat(5000)}.xml`)).statusCode, 'xml');
    const wrongMethod = await app.inject({ method: 'DELETE', url: `${V2}/services.json` });
    expectError(wrongMethod, wrongMethod.statusCode);
    expect([404, 405]).toContain(wrongMethod.statusCode);
    const badQuery = await get('/requests.json?start_date=yesterday');
    expectError(badQuery, 400);
  });

  it('refuses a revoked key at once', async () => {
    const issued = (await api('admin', { method: 'POST', url: `/api/v1/units/${tree.regions[1]}/api-keys`, payload: { name: 'short-lived' } })).json();
    expect((await post({ api_key: issued.key, service_code: 'water', address_string: 'Riverside' })).statusCode).toBe(201);
    expect((await api('districtOfficial', { method: 'DELETE', url: `/api/v1/units/${tree.regions[1]}/api-keys/${issued.id}` })).statusCode).toBe(404);
    expect((await api('admin', { method: 'DELETE', url: `/api/v1/units/${tree.regions[1]}/api-keys/${issued.id}` })).statusCode).toBe(204);
    const before = await countCases();
    expectError(await post({ api_key: issued.key, service_code: 'water', address_string: 'Riverside' }), 403);
    expect(await countCases()).toBe(before);
    expect(await database.db.selectFrom('audit_events').select('details').where('action', '=', 'unit.api_key.revoke').execute())
      .toEqual([{ details: { keyId: issued.id } }]);
  });
});

describe('GET requests', () => {
  const FIELDS = ['address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime',
    'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode'];
  let reference: string;
  let trackingToken: string;

  beforeAll(async () => {
    reference = (await post({ api_key: key, service_code: 'water', address_string: 'Riverside', description: 'Secret <tap>', first_name: 'Grace', last_name: 'Hopper', email: 'grace.hopper@example.org', phone: '+1 555 0199' })).json()[0].service_request_id;
    const internal = await api('admin', { method: 'POST', url: '/api/v1/cases', payload: { categoryCode: 'internal', description: 'Internal matter', urgency: 'low' } });
    expect(internal.statusCode).toBe(201);
    const resolved = await app.inject({ method: 'POST', url: '/api/v1/public/cases', payload: { categoryCode: 'water', description: 'Resolved tap', urgency: 'low', address: 'Riverside' } });
    trackingToken = resolved.json().trackingToken;
    for (const to of ['acknowledged', 'in_progress', 'resolved']) {
      expect((await api('admin', { method: 'POST', url: `/api/v1/cases/${resolved.json().id}/transition`, payload: { to } })).statusCode).toBe(200);
    }
  });

  it('lists public requests with the fields of the specification and no personal data', async () => {
    const response = await get('/requests.json');
    expect(response.statusCode).toBe(200);
    const items = response.json();
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(FIELDS);
    expect(items.map((i: { service_code: string }) => i.service_code)).not.toContain('internal');
    const mine = items.find((i: { service_request_id: string }) => i.service_request_id === reference);
    expect(mine).toMatchObject({
      status: 'open', service_code: 'water', service_name: 'water & more', description: 'Secret <tap>', agency_responsible: 'District',
      requested_datetime: '2026-03-02T08:00:00.000Z', expected_datetime: expect.any(String), address: 'Riverside', lat: null, long: null,
    });
    const xml = await get('/requests.xml');
    expectXml(xml, 'service_requests');
    expect(texts(xml.body, 'service_request_id')).toEqual(items.map((i: { service_request_id: string }) => i.service_request_id));
    expect(xml.body).toContain('<description>Secret &lt;tap&gt;</description>');
    for (const body of [response.body, xml.body]) {
      for (const secret of ['Grace', 'Hopper', 'grace.hopper', '555 0199', 'Ada', 'ada@example.org', 'Lovelace', '7946', trackingToken]) expect(body).not.toContain(secret);
    }
  });

  it('filters by id, service, status and dates', async () => {
    const codes = async (query: string) => (await get(`/requests.json?${query}`)).json().map((i: { service_request_id: string }) => i.service_request_id);
    expect(await codes(`service_request_id=${reference}`)).toEqual([reference]);
    expect(await codes(`service_request_id=${reference.toLowerCase()},C-XXXX-XXXX&status=closed`)).toEqual([reference]);
    const housing = (await get('/requests.json?service_code=housing')).json();
    expect(housing.length).toBe(1);
    expect(housing[0].service_code).toBe('housing');
    const closed = (await get('/requests.json?status=closed')).json();
    expect(closed.map((i: { status: string; description: string }) => [i.status, i.description])).toEqual([['closed', 'Resolved tap']]);
    expect((await get('/requests.json?status=open,closed')).json().length).toBe((await get('/requests.json')).json().length);
    expect(await codes('start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00Z')).toEqual([]);
    expect(await codes('start_date=2026-03-01T00:00:00Z')).toContain(reference);
    expect(await codes('end_date=2026-03-03')).toContain(reference);
  });

  it('refuses bad filters with a GeoReport 400', async () => {
    expectError(await get('/requests.json?start_date=yesterday'), 400);
    expectError(await get('/requests.xml?end_date=2026-13-45'), 400, 'xml');
    expectError(await get('/requests.json?start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z'), 400);
    expectError(await get('/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z'), 400);
    expectError(await get('/requests.json?status=pending'), 400);
  });

  it('answers one request as a one-element list, and 404 otherwise', async () => {
    const one = await get(`/requests/${reference}.json`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toHaveLength(1);
    expect(one.json()[0].service_request_id).toBe(reference);
    const xml = await get(`/requests/${reference}.xml`);
    expectXml(xml, 'service_requests');
    expect(texts(xml.body, 'service_request_id')).toEqual([reference]);
    expect(texts(xml.body, 'status')).toEqual(['open']);
    expect(xml.body).toContain('<zipcode></zipcode>');
    expectError(await get('/requests/C-XXXX-XXXX.json'), 404);
    expectError(await get('/requests/C-XXXX-XXXX.xml'), 404, 'xml');
    const internal = await database.db.selectFrom('cases').select('reference').where('description', '=', 'Internal matter').executeTakeFirstOrThrow();
    expectError(await get(`/requests/${internal.reference}.json`), 404);
  });

  it('resolves a token to its request (the token is the service_request_id)', async () => {
    expect((await get(`/tokens/${reference}.json`)).json()).toEqual([{ service_request_id: reference, token: reference }]);
    const xml = await get(`/tokens/${reference}.xml`);
    expectXml(xml, 'service_requests');
    expect(texts(xml.body, 'token')).toEqual([reference]);
    expectError(await get(`/tokens/${trackingToken}.json`), 404);
    expectError(await get('/tokens/C-XXXX-XXXX.xml'), 404, 'xml');
  });
});

describe('Open311 rate limits', () => {
  it('refuse a flood from one address (or key) with a 429 in the GeoReport error format', async () => {
    const from = (address: string, format: 'json' | 'xml' = 'json') => app.inject({ method: 'GET', url: `${V2}/discovery.${format}`, remoteAddress: address });
    for (let i = 0; i < OPEN311_LIMITS.perMinute; i++) expect((await from('203.0.113.9')).statusCode).toBe(200);
    const refused = await from('203.0.113.9');
    expectError(refused, 429);
    expect(refused.json()[0].description).toMatch(/Try again in \d+ seconds/);
    expectError(await from('203.0.113.9', 'xml'), 429, 'xml');
    expect((await from('203.0.113.10')).statusCode).toBe(200);
  });
});
