import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { open311Client } from '../../domain/cases/api-keys.ts';
import { createCase } from '../../domain/cases/create-case.ts';
import { MAX_WINDOW_MS, open311Request, open311Requests, open311Service, open311Services } from '../../domain/cases/open311.ts';
import { publicActor, transact, type Ctx } from '../../domain/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { toErrorPayload } from '../errors.ts';
import type { AppDeps } from '../request-context.ts';
import { multiLine, singleLine } from '../schemas.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2: the
 * public categories as services, requests filed with a unit's API key, and the public
 * list of requests. Every resource answers in JSON (`.json`) or XML (`.xml`); errors
 * too, as the specification's `[{ code, description }]` / `<errors><error>…`.
 *
 * Outside /api/v1 and its authentication, hidden from the OpenAPI document (GeoReport
 * is its own published contract; the document describes the web app's API).
 *
 * Where our model differs from the specification:
 * - service_request_id is the case reference (C-XXXX-XXXX), returned at once by POST;
 *   the tracking token is never returned. GET /tokens/{token} exists for conformance:
 *   a token is the service_request_id itself.
 * - Services have no attributes (metadata false; a service definition lists none);
 *   attribute[…], media_url, device_id and account_id are accepted and ignored.
 * - A location is lat+long or address_string; address_id is not supported (we keep
 *   no address registry) and does not count as a location.
 * - status_notes, service_notice, address_id, zipcode and media_url are always empty.
 */
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this interface last changed (discovery's changeset). */
export const CHANGESET = '2026-11-30T00:00:00Z';
export const OPEN311_PREFIX = '/open311/v2';
/** Per API key, or per address without one. */
export const OPEN311_LIMITS = { perMinute: 120 };

type Format = 'json' | 'xml';

/** A refusal in GeoReport terms: the HTTP status is also the error's code. */
class Open311Error extends Error {
  constructor(readonly status: 400 | 403 | 404 | 413 | 415 | 429, message: string) { super(message); }
}

// ---------------------------------------------------------------- XML
type XmlValue = string | number | boolean | null | undefined | XmlObject | XmlList;
interface XmlObject { [name: string]: XmlValue }
class XmlList { constructor(readonly item: string, readonly items: XmlValue[]) {} }
const list = (item: string, items: XmlValue[]) => new XmlList(item, items);

export const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (value instanceof XmlList) return `<${name}>${value.items.map((v) => element(value.item, v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export const toXml = (root: string, value: XmlValue) => `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  void reply.code(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(xml());
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(json));
}

const formatOfUrl = (url: string): Format => (/\.xml(?:\?|$)/.test(url) ? 'xml' : 'json');

/** A refusal in the GeoReport error format; the app also sends router refusals and 405s under /open311/v2 here. */
export function sendOpen311Error(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  let status: number;
  let description: string;
  if (error instanceof Open311Error) {
    status = error.status;
    description = error.message;
  } else {
    const payload = toErrorPayload(error);
    // The specification knows 400 for bad input; the domain's "invalid" (422) is that.
    status = payload.status === 422 ? 400 : payload.status;
    description = status === 415 ? 'Send the fields as application/x-www-form-urlencoded or multipart/form-data (JSON is accepted too).' : payload.message;
    if (status >= 500) request.log.error({ err: error }, payload.code);
    if (status === 503) void reply.header('retry-after', '5');
  }
  const errors = [{ code: status, description }];
  return send(reply, formatOfUrl(request.url), status, errors, () => toXml('errors', list('error', errors)));
}

/** The app's not-found handler hands addresses under /open311/v2 here, for a GeoReport 404. */
export const sendOpen311NotFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendOpen311Error(request, reply, new Open311Error(404, `There is no ${request.method} ${request.url.split('?')[0]}.`));

// ---------------------------------------------------------------- input
const one = (v: unknown): unknown => (Array.isArray(v) ? v.at(-1) : v);
const str = (v: unknown) => {
  const s = one(v);
  if (s === undefined || s === null) return undefined;
  if (typeof s === 'number' || typeof s === 'boolean') return String(s);
  if (typeof s !== 'string') throw new Open311Error(400, 'Every field is a single text value.');
  return s.trim() === '' ? undefined : s;
};
const commaList = (v: unknown) => str(v)?.split(',').map((s) => s.trim()).filter(Boolean);

function coordinate(name: 'lat' | 'long', v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  const n = Number(s);
  const max = name === 'lat' ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > max) throw new Open311Error(400, `${name} must be a number between -${max} and ${max} (WGS84 decimal degrees).`);
  return n;
}

function text(name: string, v: unknown, max: number): string | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  const parsed = (name === 'description' ? multiLine : singleLine)(max).safeParse(s);
  if (!parsed.success) throw new Open311Error(400, `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'} (at most ${max} characters, no control characters).`);
  return parsed.data || undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function isoDate(name: string, v: unknown): Date | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  const d = new Date(s);
  if (!ISO_DATE.test(s) || Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} must be a W3C (ISO 8601) date-time, e.g. 2026-03-01T00:00:00Z.`);
  return d;
}

const Email = z.email().max(254);

function parseFile(file: string, what: string): { id: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new Open311Error(404, `There is no ${what} "${file}" (add .json or .xml).`);
  return { id: m[1]!, format: m[2] as Format };
}

// ---------------------------------------------------------------- routes
export const open311Routes = (deps: AppDeps) => async (app: FastifyInstance) => {
  // The public at the Open311 door: no scope but what the API key opens (migration 0016).
  const asOpen311 = <T>(requestId: string, fn: (ctx: Ctx) => Promise<T>, label = 'open311') =>
    transact(deps.database, publicActor('open311', label), deps.clock, fn, requestId);

  app.setErrorHandler((error, request, reply) => sendOpen311Error(request, reply, error));
  // Outside systems are limited per API key when they send one, else per address. After
  // parsing (preHandler), so a key in a posted form counts.
  await app.register(rateLimit, {
    max: OPEN311_LIMITS.perMinute, timeWindow: '1 minute', hook: 'preHandler',
    keyGenerator: (request) => {
      const key = str((request.body as Record<string, unknown> | undefined)?.api_key) ?? str((request.query as Record<string, unknown>).api_key);
      return key ? `key:${key}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new Open311Error(429, `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
  });
  // The specification posts forms, url-encoded or multipart (clients that send media use
  // the latter): the fields become the body, files are read and dropped (media_url and
  // attachments are ignored). A field longer than fieldSize is cut, then refused by its own limit.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fields: 50, fieldSize: 16 * 1024, files: 3, fileSize: 5 * 1024 * 1024, parts: 60 },
    onFile: async (part) => { part.file.resume(); },
  });
  // The specification posts forms; JSON is accepted too.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const fields: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(body as string)) fields[k] = v;
    done(null, fields);
  });

  const both = (path: string, handler: (request: FastifyRequest, reply: FastifyReply, format: Format) => Promise<unknown>, method: 'GET' | 'POST' = 'GET') => {
    for (const format of ['json', 'xml'] as const) {
      app.route({ method, url: `${path}.${format}`, schema: { hide: true }, handler: (request, reply) => handler(request, reply, format) });
    }
  };

  both('/discovery', async (request, reply, format) => {
    const url = `${request.protocol}://${request.host}${OPEN311_PREFIX}`;
    const discovery = {
      changeset: CHANGESET,
      contact: 'The administrators of this Mainstay installation.',
      key_service: 'API keys are issued per unit by an administrator (POST /api/v1/units/{id}/api-keys); requests filed with a key are received by its unit.',
      endpoints: [{ specification: SPECIFICATION, url, changeset: CHANGESET, type: 'production', formats: ['application/json', 'text/xml'] }],
    };
    return send(reply, format, 200, discovery, () => toXml('discovery', {
      ...discovery, endpoints: list('endpoint', discovery.endpoints.map((e) => ({ ...e, formats: list('format', e.formats) }))),
    }));
  });

  both('/services', async (request, reply, format) => {
    const services = await asOpen311(request.id, (ctx) => open311Services(ctx));
    return send(reply, format, 200, services, () => toXml('services', list('service', services as unknown as XmlObject[])));
  });

  app.get('/services/:file', { schema: { hide: true } }, async (request, reply) => {
    const { id, format } = parseFile((request.params as { file: string }).file, 'service');
    const service = await asOpen311(request.id, (ctx) => open311Service(ctx, id));
    // No service has attributes: the definition is the code and an empty list.
    const definition = { service_code: service.service_code, attributes: [] as XmlObject[] };
    return send(reply, format, 200, definition, () => toXml('service_definition', { service_code: definition.service_code, attributes: list('attribute', []) }));
  });

  both('/requests', async (request, reply, format) => {
    const fields = { ...(request.query as Record<string, unknown>), ...((request.body && typeof request.body === 'object') ? request.body as Record<string, unknown> : {}) };
    // The key first: nothing about the request is looked at without it (the domain decides).
    const apiKey = str(fields.api_key);
    const holder = await asOpen311(request.id, (ctx) => open311Client(ctx, apiKey));
    const serviceCode = text('service_code', fields.service_code, 100);
    if (!serviceCode) throw new Open311Error(400, 'service_code is required.');
    const lat = coordinate('lat', fields.lat);
    const long = coordinate('long', fields.long);
    const address = text('address_string', fields.address_string, 500);
    if ((lat === undefined) !== (long === undefined)) throw new Open311Error(400, 'Give both lat and long, or an address_string.');
    if (lat === undefined && address === undefined) throw new Open311Error(400, 'A location is required: lat and long, or address_string.');
    const description = text('description', fields.description, 4000);
    const email = text('email', fields.email, 254);
    if (email !== undefined && !Email.safeParse(email).success) throw new Open311Error(400, 'email is not a valid e-mail address.');
    const name = [text('first_name', fields.first_name, 100), text('last_name', fields.last_name, 100)].filter(Boolean).join(' ') || undefined;
    const phone = text('phone', fields.phone, 50);
    // GeoReport v2: "404 - service_code provided was not found".
    const service = await asOpen311(request.id, (ctx) => open311Service(ctx, serviceCode)).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === 'not_found') throw new Open311Error(404, error.message);
      throw error;
    });
    const created = await asOpen311(request.id, (ctx) => createCase(ctx, {
      categoryCode: service.service_code, description: description ?? service.service_name, urgency: 'normal',
      lat, long, address, requester: { name, email, phone }, receivedByUnitId: holder.unitId,
      publicUrl: `${request.protocol}://${request.host}`,
    }, 'open311'), `open311:${holder.name}`);
    const answer = [{ service_request_id: created.reference, service_notice: null, account_id: null }];
    return send(reply, format, 201, answer, () => toXml('service_requests', list('request', answer)));
  }, 'POST');

  both('/requests', async (request, reply, format) => {
    const query = request.query as Record<string, unknown>;
    const ids = commaList(query.service_request_id)?.map((id) => id.toUpperCase());
    if (ids && ids.length > 1000) throw new Open311Error(400, 'At most 1000 service_request_id values at once.');
    const statuses = commaList(query.status);
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status is open, closed, or both comma-separated.');
    const startGiven = isoDate('start_date', query.start_date);
    const endGiven = isoDate('end_date', query.end_date);
    const end = endGiven ?? (startGiven ? new Date(startGiven.getTime() + MAX_WINDOW_MS) : deps.clock.now());
    const start = startGiven ?? new Date(end.getTime() - MAX_WINDOW_MS);
    if (!ids) {
      if (start > end) throw new Open311Error(400, 'start_date is after end_date.');
      if (end.getTime() - start.getTime() > MAX_WINDOW_MS) throw new Open311Error(400, 'A search may not span more than 90 days.');
    }
    const requests = await asOpen311(request.id, (ctx) => open311Requests(ctx, {
      ids, serviceCodes: commaList(query.service_code), statuses: statuses as Array<'open' | 'closed'> | undefined, start, end,
    }));
    return send(reply, format, 200, requests, () => toXml('service_requests', list('request', requests as unknown as XmlObject[])));
  });

  app.get('/requests/:file', { schema: { hide: true } }, async (request, reply) => {
    const { id, format } = parseFile((request.params as { file: string }).file, 'service request');
    const found = await asOpen311(request.id, (ctx) => open311Request(ctx, id));
    return send(reply, format, 200, [found], () => toXml('service_requests', list('request', [found as unknown as XmlObject])));
  });

  // Requests get their service_request_id at once, so a token is that id itself.
  app.get('/tokens/:file', { schema: { hide: true } }, async (request, reply) => {
    const { id, format } = parseFile((request.params as { file: string }).file, 'token');
    const found = await asOpen311(request.id, (ctx) => open311Request(ctx, id));
    const answer = [{ service_request_id: found.service_request_id, token: id }];
    return send(reply, format, 200, answer, () => toXml('service_requests', list('request', answer)));
  });
};
