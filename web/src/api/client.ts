import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** A failed call, carrying the server's stable code and its readable message. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onSessionLost: (() => void) | undefined;

/** Writes made with the session cookie must carry the CSRF token the server gave this session. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the server answers 401 to a signed-in call: the session expired or was ended elsewhere. */
export function onUnauthenticated(handler: () => void) {
  onSessionLost = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken && request.method !== 'GET') request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    const signingIn = request.method === 'POST' && new URL(request.url).pathname === '/api/v1/session';
    if (response.status === 401 && !signingIn) onSessionLost?.();
    return response;
  },
};

/** The typed client of the public API: paths and bodies come from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

/** Turns an openapi-fetch result into its data, or throws an ApiError with the server's message. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
  }
  if (result.response.ok) return result.data as T;
  throw toApiError(result.response.status, result.error);
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, (error.details ?? {}) as Record<string, unknown>);
  }
  return new ApiError(status, 'unexpected', `The server answered ${status}.`);
}
