import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tileImageSource } from './map-tiles.ts';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './request-context.ts';

/**
 * The web app's policy, applied by helmet to every response (JSON included, where it
 * costs nothing): only the app's own scripts and styles, no inline code, no framing.
 */
export const APP_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

/**
 * Swagger UI (`/api/v1/docs`) sets inline styles from its bundle, so its pages get a
 * policy of their own: inline styles allowed, scripts still only from this server
 * (the initializer is a file, not an inline script).
 */
export const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
  + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Pages whose address carries a secret (the tracking token, a password link's token), API and web alike. */
const TRACK_PATH = /^(?:(?:\/api\/v1)?\/track\/|\/set-password\/)/;

const hasCredentials = (request: FastifyRequest) =>
  request.headers.authorization !== undefined || (request.headers.cookie ?? '').split(';').some((c) => {
    const name = c.split('=')[0]!.trim();
    return name === SESSION_COOKIE || name === SECURE_SESSION_COOKIE;
  });

/**
 * Helmet on every response (nosniff, `Referrer-Policy: no-referrer` since tokens live in
 * some URLs, the app's CSP, frame and cross-origin policies); then `Cache-Control:
 * no-store` on what a shared cache or the browser's disk must never keep: tracking pages,
 * CSV files, and every answer to a request that carried credentials (the API's JSON,
 * a person's export). Register before any route. `mapTileUrl`: the configured tile template, whose host alone joins img-src.
 */
export async function registerSecurityHeaders(app: FastifyInstance, apiPrefix: string, mapTileUrl?: string): Promise<void> {
  // Map tiles are images from the configured tile host, and from nowhere else.
  const tileSource = mapTileUrl ? tileImageSource(mapTileUrl) : null;
  const directives = tileSource ? { ...APP_CSP_DIRECTIVES, imgSrc: [...APP_CSP_DIRECTIVES.imgSrc, tileSource] } : APP_CSP_DIRECTIVES;
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    // Over plain http (loopback) browsers ignore it; behind a TLS proxy it pins https for
    // this host only, not for sibling subdomains the organization may run elsewhere.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
  });
  app.addHook('onSend', async (request, reply) => {
    // Errors raised before routing (a malformed address) skip onRequest, and so helmet.
    if (!reply.hasHeader('x-content-type-options')) void reply.header('x-content-type-options', 'nosniff');
    const path = request.url.split('?')[0]!;
    const type = String(reply.getHeader('content-type') ?? '');
    if (TRACK_PATH.test(path) || type.startsWith('text/csv')) {
      void reply.header('cache-control', 'no-store');
    } else if (path.startsWith(`${apiPrefix}/`) && !path.startsWith(`${apiPrefix}/docs`) && hasCredentials(request)) {
      // A photo keeps its short private cache; JSON and anything without a policy of its own do not.
      if (type.startsWith('application/json') || !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    }
  });
}
