import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document, finished in one place: routes declare their own schemas (zod),
 * and this module adds what is the same for every route of a kind — operation ids,
 * declared tags, the error answers each kind of route can give, OpenAPI 3.1 nullables —
 * so a generated client sees every status the server can answer and no route repeats it.
 * `test/openapi-lint.test.ts` keeps the served document at 0 Redocly and Spectral errors.
 */

/** Every tag a route may use; a route with a tag missing here fails the lint test. */
export const TAGS: Record<string, string> = {
  health: 'Liveness of the server and its database',
  session: 'Signing in and out, the signed-in account, its password',
  tokens: 'Named bearer tokens for API clients',
  units: 'The organization tree: units, their officials, service areas and settings',
  people: 'People, their cells, transfers and history',
  accounts: 'Accounts that sign in, and their access',
  audit: 'The append-only record of every change, and its verification',
  search: 'Search across units and people in the actor\'s scope',
  imports: 'Bulk imports of people from CSV',
  calendars: 'Working calendars of units, used for deadlines',
  cases: 'Casework: difficulties brought by the public or members, their handling and deadlines',
  categories: 'Case categories, their handling level and deadlines',
  'api-keys': 'Per-unit keys for outside systems (Open311)',
  public: 'Doors that need no account: the public intake form and the requester\'s tracking link',
  directives: 'Directives sent down the tree, their assignments, reports and questions',
  gatherings: 'Gatherings (meetings): invitations, attendance, minutes and decisions',
  today: 'What needs the signed-in person now, across every unit they serve',
};

/** A status a route can answer with the error body, and when it applies. */
const ERRORS = {
  400: { name: 'BadRequest', description: 'The request is not valid: a parameter, the query string or the body breaks the schema (`validation_failed`, with the issues in `details.issues`), or the body is not JSON' },
  401: { name: 'Unauthenticated', description: 'No valid session or bearer token' },
  403: { name: 'Forbidden', description: 'Signed in, but not allowed to do this (inside the actor\'s scope), or a write with the session cookie without its CSRF token' },
  404: { name: 'NotFound', description: 'No such object, or it is outside the actor\'s scope (both answer the same)' },
  405: { name: 'MethodNotAllowed', description: 'The path exists but not with this method; `Allow` lists the methods it takes' },
  409: { name: 'Conflict', description: 'The change conflicts with the object\'s state or with a change made at the same time' },
  413: { name: 'PayloadTooLarge', description: 'The body (or an uploaded file, or the number of parts) is larger than allowed' },
  414: { name: 'UriTooLong', description: 'A path parameter is longer than the server accepts' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not in a media type this operation takes' },
  422: { name: 'Unprocessable', description: 'Well-formed, but the domain refuses it (a rule of the organization or of the object\'s state)' },
  429: { name: 'TooManyRequests', description: 'Too many requests from this address, or too many failed sign-ins; `Retry-After` says when to come back' },
  503: { name: 'Unavailable', description: 'The server is shutting down or its database is unreachable; try again (`Retry-After`)' },
} as const;
type ErrorStatus = keyof typeof ERRORS;

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string; tags?: string[]; security?: unknown[]; parameters?: Array<{ in: string }>;
  requestBody?: { content?: Record<string, unknown> }; responses: Record<string, Json>;
}

const MUTATIONS = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The error statuses an operation can answer, from what kind of route it is. */
export function errorStatuses(method: string, path: string, op: Operation): ErrorStatus[] {
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  const hasPathParams = path.includes('{');
  const hasQuery = (op.parameters ?? []).some((p) => p.in === 'query');
  const hasBody = op.requestBody !== undefined;
  const statuses: ErrorStatus[] = [405, 503];
  if (hasPathParams || hasQuery || hasBody || MUTATIONS.has(method)) statuses.push(400);
  // Signing in answers 401 to a wrong e-mail or password.
  if (!isPublic || (path === '/api/v1/session' && method === 'post')) statuses.push(401);
  if (!isPublic) statuses.push(403);
  // Objects named in the path, or by id in the body or query, may not exist (or be out of scope).
  if (hasPathParams || hasBody || hasQuery) statuses.push(404);
  if (hasPathParams) statuses.push(414);
  if (MUTATIONS.has(method)) statuses.push(409, 413, 415, 422);
  else if (hasQuery || hasPathParams) statuses.push(422);
  // The public doors are limited per address (public.routes.ts); sign-in and "forgot password" are throttled.
  if (isPublic && (path.startsWith('/api/v1/public/') || path.startsWith('/api/v1/track/') || (path === '/api/v1/session' && method === 'post') || path === '/api/v1/password/forgot')) statuses.push(429);
  return statuses.sort((a, b) => a - b);
}

/** `getUnitsByIdChildren` from GET /api/v1/units/{id}/children: stable, unique, readable. */
export function operationIdOf(method: string, path: string): string {
  const words = path.replace(/^\/api\/v1\//, '').split('/').filter(Boolean).flatMap((segment) => {
    const param = /^\{(.+)\}$/.exec(segment);
    return param ? ['by', param[1]!] : segment.split(/[^A-Za-z0-9]+/);
  }).filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * OpenAPI 3.1 nullables as clients expect them: zod's `anyOf: [X, {type: null}]` becomes
 * `type: [X.type, "null"]` (with `null` in an enum) when X is a plain typed schema.
 */
function toOpenApi31(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi31);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = toOpenApi31(v);
  // A tuple's `items: false` is implied by its maxItems; linters want a schema there.
  if (Array.isArray(out.prefixItems) && out.items === false && out.maxItems === out.prefixItems.length) out.items = {};
  const anyOf = out.anyOf as Json[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullAt = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullAt];
    if (nullAt >= 0 && other && typeof other.type === 'string' && !('$ref' in other) && !other.anyOf && !other.oneOf && !other.allOf) {
      const { anyOf: _, ...rest } = out;
      const merged: Json = { ...other, ...rest, type: [other.type, 'null'] };
      if ('const' in other) { merged.enum = [other.const, null]; delete merged.const; }
      if (Array.isArray(other.enum)) merged.enum = [...(other.enum as unknown[]), null];
      return merged;
    }
  }
  return out;
}

/** The served document: shared error answers, operation ids, tags, nullables, no body on 204. */
export function finishDocument({ openapiObject }: { openapiObject: Json }): Json {
  const document = toOpenApi31(openapiObject) as Json & { paths: Record<string, Record<string, Operation>>; components: Json };
  const responses: Record<string, Json> = {};
  for (const { name, description } of Object.values(ERRORS)) {
    responses[name] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  document.components = {
    ...document.components,
    schemas: { ...(document.components.schemas as Json), Error: ERROR_SCHEMA },
    responses: { ...(document.components.responses as Json), ...responses },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdOf(method, path);
      for (const [status, response] of Object.entries(op.responses)) {
        // Error answers come from the shared set below; a 204 has no body at all.
        if (Number(status) >= 400) delete op.responses[status];
        else if (status === '204') op.responses[status] = { description: response.description === 'Default Response' || !response.description ? 'Done; no content' : response.description };
      }
      for (const status of errorStatuses(method, path, op)) op.responses[status] = { $ref: `#/components/responses/${ERRORS[status].name}` };
    }
  }
  return document;
}

const ERROR_SCHEMA = {
  type: 'object',
  description: 'Every 4xx and 5xx answer of /api/v1 has this shape',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', description: 'Stable, machine-readable' },
        message: { type: 'string', description: 'Readable by a person' },
        details: { type: 'object', additionalProperties: {}, description: 'Facts about the refusal (e.g. the field, or `issues` of a validation failure)' },
      },
    },
  },
};

/** Options of @fastify/swagger for the API. */
export const swaggerOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Mainstay API', version: '1',
      description: 'The organization tree, its people and their work. Every error is `{ error: { code, message, details } }`.',
    },
    // Relative: the document is served by the server it describes, at any address.
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'mainstay_session' } } },
    security: [{ bearer: [] }, { cookie: [] }],
  },
  transform: jsonSchemaTransform,
  transformObject: (input) => finishDocument(input as { openapiObject: Json }) as never,
};
