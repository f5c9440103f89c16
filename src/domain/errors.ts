/** What went wrong, in terms a caller can act on; the transports map `kind` to a status. */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'unauthenticated' | 'forbidden' | 'throttled' | 'unavailable';

/** A refusal for lack of right is never a plain DomainError: it is an `AccessDenied`, which is audited. */
export type PlainErrorKind = Exclude<ErrorKind, 'forbidden'>;

export class DomainError extends Error {
  readonly kind: ErrorKind;
  constructor(
    kind: PlainErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.kind = kind;
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`, { id });

export const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, message, details);

export const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, details);

/**
 * Refused for lack of right: the only way a refusal is thrown, so that every one is
 * written to the audit trail (`access.denied`, in a transaction of its own: see
 * `transact()`). Outside what the actor may read it reads exactly like a missing
 * object — the caller learns nothing about what lies outside their part of the tree;
 * inside it, a 403.
 */
export class AccessDenied extends DomainError {
  override readonly kind: ErrorKind;
  /** `more` words a refusal of a batch (its own message, details listing each refused item) or names its code. */
  constructor(readonly what: string, readonly id: string, readonly action: string, readonly visible = false,
    more: { message?: string; details?: Record<string, unknown>; code?: string } = {}) {
    super('not_found', more.code ?? (visible ? 'forbidden' : `${what}_not_found`),
      more.message ?? (visible ? `You may not ${action.replaceAll('_', ' ')} here.` : `No ${what} with id ${id}.`),
      { ...(visible ? { action } : id ? { id } : {}), ...more.details });
    this.kind = visible ? 'forbidden' : 'not_found';
  }
}

/** A refusal that depends on who asks, not on a target (operator tools, account-only actions): always a 403. */
export const forbidden = (action: string, message: string, code = 'forbidden') =>
  new AccessDenied('action', '', action, true, { message, code });
