import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind } from '../domain/errors.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 422, not_found: 404, conflict: 409, unauthenticated: 401, forbidden: 403, throttled: 429, unavailable: 503,
};

export interface ErrorPayload { status: number; code: string; message: string; details: Record<string, unknown> }

// Connection-level failures of the database: the request may succeed once it is back.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  const message = e.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(message);
}

/**
 * A refusal of the request itself, with a status the domain's kinds do not cover:
 * a multipart upload is checked by its route, not by a schema; a method the path has
 * no route for (405).
 */
export class RequestRefused extends Error {
  constructor(readonly status: 400 | 405 | 413 | 414 | 415, readonly code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}

/** Maps anything thrown to the stable error body; only the unexpected is a 500. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof DomainError) {
    return { status: STATUS[error.kind], code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof RequestRefused) {
    return { status: error.status, code: error.code, message: error.message, details: error.details };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      in: error.validationContext ?? 'body',
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'invalid',
    }));
    const first = issues[0];
    return {
      status: 400,
      code: 'validation_failed',
      message: first ? `${first.in} ${first.path || '(root)'}: ${first.message}` : 'The request is not valid.',
      details: { issues },
    };
  }
  const fe = error as FastifyError & { code?: string };
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', message: `The body is not valid JSON: ${fe.message}`, details: {} };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body_too_large', message: 'The request body is too large.', details: {} };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json.', details: {} };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'file_too_large', message: 'An uploaded file is larger than allowed.', details: {} };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, code: 'too_many_parts', message: 'The upload has more parts than allowed.', details: {} };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'The body is not multipart/form-data with a boundary.', details: {} };
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return { status: 400, code: 'malformed_json', message: 'A form field declared as JSON is not valid JSON.', details: {} };
    case 'FST_PROTO_VIOLATION':
      return { status: 400, code: 'bad_field_name', message: 'A form field has a name that is not allowed.', details: {} };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'bad_content_length', message: 'The body is not as long as its Content-Length says.', details: {} };
    // The router's refusals, before any route runs. The path is not echoed: it may hold a token.
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'parameter_too_long', message: 'A part of the address is longer than any id or token.', details: {} };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'bad_url', message: 'The address is not valid (bad percent-encoding).', details: {} };
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return { status: 429, code: 'rate_limited', message: fe.message, details: {} };
  }
  const pgCode = typeof fe.code === 'string' && /^[0-9A-Z]{5}$/.test(fe.code) ? fe.code : undefined;
  if (pgCode) {
    // Constraints are the last wall: a race past the domain's checks still gets a 4xx.
    if (pgCode === '23505') return { status: 409, code: 'conflict', message: 'That conflicts with a change made at the same time; reload and try again.', details: {} };
    if (pgCode === '23503') return { status: 409, code: 'conflict', message: 'A record this refers to was changed at the same time; reload and try again.', details: {} };
    if (pgCode === '23514') return { status: 422, code: 'invalid', message: 'A value is outside what is allowed.', details: {} };
    if (pgCode.startsWith('22')) return { status: 400, code: 'invalid_value', message: 'A value could not be stored as given (bad characters or out of range).', details: {} };
    if (pgCode === '40001' || pgCode === '40P01') return { status: 503, code: 'retry', message: 'A concurrent change got in the way; try again.', details: {} };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, code: 'database_unavailable', message: 'The database is not reachable right now; try again shortly.', details: {} };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: (fe.code ?? 'bad_request').toLowerCase(), message: fe.message, details: {} };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong on our side; it has been logged.', details: {} };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const payload = toErrorPayload(error);
  if (payload.status >= 500) request.log.error({ err: error }, payload.code);
  if (payload.status === 503) void reply.header('retry-after', '5');
  return reply
    .code(payload.status)
    .type('application/json')
    .send({ error: { code: payload.code, message: payload.message, details: payload.details } });
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (malformed, headers
 * too large, too slow) never reaches a route; its answer still has the error shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large', 'The request headers are too large.']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout', 'The request took too long to arrive.']
      : [400, 'bad_request', 'The request could not be read as HTTP.'];
  const body = JSON.stringify({ error: { code, message, details: {} } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
