import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

export function assertAcceptablePassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { field: 'password' });
  }
}

/** argon2id with the library's defaults (about 50 ms here). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hash('not-a-real-password'));
