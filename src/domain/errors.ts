/** What went wrong, in terms a caller can act on; the transports map `kind` to a status. */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'unauthenticated' | 'forbidden' | 'throttled' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`, { id });

export const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, message, details);

export const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, details);

/**
 * Refused for lack of scope. It reads exactly like a missing object — the caller
 * learns nothing about what lies outside their part of the tree — but the transport
 * records it in the audit trail.
 */
export class AccessDenied extends DomainError {
  /** `more` words a refusal of a batch: its own message, and details listing each refused item. */
  constructor(readonly what: string, readonly id: string, readonly action: string, readonly visible = false,
    more: { message?: string; details?: Record<string, unknown> } = {}) {
    super(visible ? 'forbidden' : 'not_found', visible ? 'forbidden' : `${what}_not_found`,
      more.message ?? (visible ? `You may not ${action.replaceAll('_', ' ')} here.` : `No ${what} with id ${id}.`),
      { ...(visible ? { action } : { id }), ...more.details });
  }
}
