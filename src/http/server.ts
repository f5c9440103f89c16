import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { pingDatabase } from '../db/ping.ts';
import { z } from 'zod';
import type { MapTiles, PublicLimits } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { allowedMethods } from './allowed-methods.ts';
import { clientErrorHandler, RequestRefused, sendError } from './errors.ts';
import { loggerOptions } from './log-redaction.ts';
import { swaggerOptions } from './openapi.ts';
import { DOCS_CSP, registerSecurityHeaders } from './security-headers.ts';

import { requireCredentials, type AppDeps } from './request-context.ts';
import { peopleRoutes } from './routes/people.routes.ts';
import { accountsRoutes } from './routes/accounts.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { calendarsRoutes } from './routes/calendars.routes.ts';
import { importsRoutes } from './routes/imports.routes.ts';
import { apiKeysRoutes } from './routes/api-keys.routes.ts';
import { caseAssignRoutes } from './routes/case-assign.routes.ts';
import { caseDashboardRoutes } from './routes/case-dashboard.routes.ts';
import { directivesRoutes } from './routes/directives.routes.ts';
import { calendarFeedRoutes, gatheringsRoutes } from './routes/gatherings.routes.ts';
import { directiveHistoryRoutes } from './routes/directive-history.routes.ts';
import { directiveFilesRoutes } from './routes/directive-files.routes.ts';
import { casePhotosRoutes } from './routes/case-photos.routes.ts';
import { casesRoutes } from './routes/cases.routes.ts';
import { OPEN311_PREFIX, open311Routes, sendOpen311Error, sendOpen311NotFound } from './routes/open311.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { searchRoutes } from './routes/search.routes.ts';
import { sessionRoutes, signInRoutes } from './routes/session.routes.ts';
import { unitsRoutes } from './routes/units.routes.ts';
import { testClockRoutes, type TestClockControl } from './routes/test-clock.routes.ts';
import { todayRoutes } from './routes/today.routes.ts';

export const API_PREFIX = '/api/v1';
/** Requests larger than this are refused with 413 before they are parsed. */
export const BODY_LIMIT = 256 * 1024;

export interface ServerOptions extends AppDeps {
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them back); implies `logger`. */
  logStream?: NodeJS.WritableStream | undefined;
  /** Fastify's `trustProxy`: whose X-Forwarded-For/-Proto to believe (see config.ts). */
  trustProxy?: false | number | string[] | undefined;
  /** The built web app (`npm run build:web`); defaults to web/dist, served if it exists. */
  webRoot?: string;
  /** Registers POST /test/clock (serve passes it only with MAINSTAY_TEST_CLOCK=1); its clock must be `clock`. */
  testClock?: TestClockControl | undefined;
  /** Per-address limits of the public doors (default: DEFAULT_PUBLIC_LIMITS). */
  publicLimits?: PublicLimits | undefined;
  /** The map tiles (MAINSTAY_MAP_TILE_URL): the CSP allows images from their host only; absent: maps without tiles. */
  mapTiles?: MapTiles | null | undefined;
  /** The From of outgoing mail (SMTP_FROM): calendar files name its address as ORGANIZER. */
  mailFrom?: string | undefined;
}

/** Builds the HTTP app without opening a socket; tests use `inject()`. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { database: options.database, clock: options.clock };
  if (options.testClock && options.testClock.clock !== options.clock) throw new Error('The test clock must be the server\'s clock.');
  // Open311 answers refusals in its own format; everything else in the API's.
  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) =>
    (request.url.startsWith(`${OPEN311_PREFIX}/`) ? sendOpen311Error(request, reply, error) : sendError(request, reply, error));
  const app = Fastify({
    // Secrets (tokens in paths and queries, credentials) are redacted as each line is made.
    logger: options.logger || options.logStream ? loggerOptions(options.logStream) : false,
    // A hop count as a function: Fastify takes a number at run time but its types do not.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT,
    // Unique across restarts: audit events name the request that caused them.
    genReqId: () => randomUUID(),
    // Fastify's own 503 while closing has a body of its own; the hooks below send ours.
    return503OnClosing: false,
    // The router's refusals (a parameter over maxParamLength, a bad URL) and Node's HTTP
    // parser's come before any route or hook: they get the error shape too.
    frameworkErrors: (error, request, reply) => { void refuse(request, reply, error); },
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    // A path the web app's file server cannot verify (one too long for the file system, say an
    // Open311 id the router refused) is no file of ours: not found, in the door's own format.
    if ((error as { code?: unknown }).code === 'FST_STATIC_FORBIDDEN_PATH') return reply.callNotFound();
    return sendError(request, reply, error);
  });
  await registerSecurityHeaders(app, API_PREFIX, options.mapTiles?.url);
  const web = await webApp(options.webRoot);
  app.setNotFoundHandler((request, reply) => {
    // A known path asked with a method it has no route for: 405, naming those it has.
    const allow = allowedMethods(routeTable, request.url.split('?')[0]!);
    if (allow.length > 0) {
      void reply.header('allow', allow.join(', '));
      return refuse(request, reply, new RequestRefused(405, 'method_not_allowed', `${request.method} is not allowed here; this address answers ${allow.join(', ')}.`, { allow }));
    }
    if (request.url.startsWith(`${OPEN311_PREFIX}/`)) return sendOpen311NotFound(request, reply);
    // The web app routes in the browser: any page address it owns gets its shell.
    if (web && request.method === 'GET' && !request.url.startsWith(API_PREFIX) && (request.headers.accept ?? '').includes('text/html')) {
      return sendWebShell(reply);
    }
    return sendError(request, reply, new DomainError('not_found', 'route_not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`));
  });
  // On close (SIGTERM) requests already taken in finish; any that arrive after get a 503
  // in the API's error shape (with Retry-After), and the connection is closed.
  let closing = false;
  app.addHook('preClose', async () => { closing = true; });
  app.addHook('onRequest', async () => {
    if (closing) throw new DomainError('unavailable', 'shutting_down', 'The server is shutting down; try again shortly.');
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  // Every route, as registered: the access-matrix test walks it so none is forgotten.
  const routeTable: Array<{ method: string; url: string }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  // JSON only: a text body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(swagger, swaggerOptions);
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs`, staticCSP: DOCS_CSP });

  await app.register(async (api) => {
    api.get('/health', {
      schema: {
        tags: ['health'], summary: 'Liveness and database reachability', security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    }, async () => {
      await pingDatabase(deps.database.db);
      return { status: 'ok' as const, database: deps.database.kind };
    });
    api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    await api.register(signInRoutes(deps));
    await api.register(publicRoutes(deps, options.publicLimits, options.mapTiles ?? null));
    await api.register(calendarFeedRoutes(deps, { from: options.mailFrom }));
    await api.register(async (authed) => {
      authed.addHook('onRequest', requireCredentials);
      await authed.register(unitsRoutes(deps));
      await authed.register(peopleRoutes(deps));
      await authed.register(sessionRoutes(deps));
      await authed.register(accountsRoutes(deps));
      await authed.register(auditRoutes(deps));
      await authed.register(searchRoutes(deps));
      await authed.register(importsRoutes(deps));
      await authed.register(calendarsRoutes(deps));
      await authed.register(casesRoutes(deps));
      await authed.register(casePhotosRoutes(deps));
      await authed.register(caseDashboardRoutes(deps));
      await authed.register(directivesRoutes(deps));
      await authed.register(gatheringsRoutes(deps));
      await authed.register(directiveHistoryRoutes(deps));
      await authed.register(directiveFilesRoutes(deps));
      await authed.register(apiKeysRoutes(deps));
      await authed.register(caseAssignRoutes(deps));
      await authed.register(todayRoutes(deps));
      if (options.testClock) await authed.register(testClockRoutes(deps, options.testClock));
    });
  }, { prefix: API_PREFIX });
  // Open311 GeoReport v2: its own contract, errors and formats; keys, not sessions.
  await app.register(open311Routes(deps), { prefix: OPEN311_PREFIX });

  if (web) {
    await app.register(fastifyStatic, {
      root: web, index: false, wildcard: true, preCompressed: true,
      // Vite names assets by content hash: they never change under the same name.
      setHeaders: (reply, path) => { reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'); },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendWebShell(reply));
  } else {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html').send(`<!doctype html><meta charset="utf-8"><title>Mainstay</title>
<h1>Mainstay</h1><p>The web app is not built (run <code>npm run build:web</code>). The API is at <a href="${API_PREFIX}/docs">${API_PREFIX}/docs</a> (OpenAPI: <a href="${API_PREFIX}/openapi.json">openapi.json</a>).</p>`));
  }
  return app;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function webApp(root = DEFAULT_WEB_ROOT): Promise<string | undefined> {
  return (await stat(join(root, 'index.html')).catch(() => undefined)) ? root : undefined;
}

/** The app's HTML shell; its Content-Security-Policy and Referrer-Policy come from helmet (security-headers.ts). */
function sendWebShell(reply: FastifyReply) {
  return reply
    .header('cache-control', 'no-cache')
    .sendFile('index.html');
}
