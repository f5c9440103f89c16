import type { PinoLoggerOptions } from 'fastify/types/logger.js';
import { redactSecrets } from '../platform/redact-secrets.ts';

export { REDACTED, redactSecrets } from '../platform/redact-secrets.ts';

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
