import { invalid } from './errors.ts';

/** A page of a list, and the opaque cursor of the next one (null at the end). */
export interface Page<T> { items: T[]; nextCursor: string | null }

export interface PageRequest { cursor?: string | undefined; limit?: number | undefined }

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Keyset cursors: the sort key of the last row, so pages stay stable under inserts. */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): Array<string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string')) return key as string[];
  } catch { /* fall through */ }
  throw invalid('bad_cursor', 'The cursor is not one this list gave out.', { cursor });
}

export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
