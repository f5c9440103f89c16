import type { PinoLoggerOptions } from 'fastify/types/logger.js';

/** What a secret is replaced with in every log line. */
export const REDACTED = '[redacted]';

/**
 * Query keys whose value is a credential: the calendar feed's `token`, Open311's
 * `api_key`, and the usual names a client might put a credential under.
 */
const SECRET_QUERY_KEYS = ['token', 'api_key', 'apikey', 'key', 'access_token', 'password', 'secret', 'csrf'];

const TRACK_PATH = /(\/track\/)[^/?#\s"'<>]+/gi;
const SECRET_QUERY = new RegExp(`([?&;](?:${SECRET_QUERY_KEYS.join('|')})=)[^&#\\s"'<>]*`, 'gi');
const BEARER = /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s@/"']+@/gi;

/**
 * Replaces the secrets a URL or a message may carry: the tracking token after
 * `/track/` (API and web pages), secret query parameters, bearer credentials and
 * the password in a `scheme://user:password@host` address.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(TRACK_PATH, `$1${REDACTED}`)
    .replace(SECRET_QUERY, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`);
}

interface LoggedRequest {
  method?: string; url?: string; host?: string; ip?: string; socket?: { remotePort?: number } | null;
}

interface LoggedError {
  name?: string; message?: string; stack?: string; code?: unknown; statusCode?: unknown;
}

/** Never headers (Authorization, cookies) and never bodies (passwords, e-mails); the URL redacted. */
function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: redactSecrets(String(request.url ?? '')),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error, message: redactSecrets(String(error)), stack: '' };
  const e = error as LoggedError;
  return {
    type: e.name,
    message: redactSecrets(e.message ?? ''),
    stack: redactSecrets(e.stack ?? ''),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
  };
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  return value;
}

/**
 * Pino options for Fastify's logger: redaction happens where each line is made —
 * the request and error serializers, every other field of a log object (a plugin's
 * `url`, say) and the message itself.
 */
export function loggerOptions(stream?: NodeJS.WritableStream): PinoLoggerOptions & { stream?: NodeJS.WritableStream } {
  return {
    level: 'info',
    ...(stream ? { stream } : {}),
    serializers: { req: serializeRequest, err: serializeError },
    formatters: {
      log: (object) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(object)) out[k] = redactValue(v);
        return out;
      },
    },
    hooks: {
      logMethod(args, method) {
        const redacted = args.map((a: unknown) => redactValue(a)) as typeof args;
        method.apply(this, redacted);
      },
    },
  };
}
