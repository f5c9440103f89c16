import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../errors.ts';
import { isCommonPassword } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 10;

export function assertAcceptablePassword(password: string, email?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { field: 'password' });
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (isCommonPassword(password) || (local && local.length >= 4 && password.toLowerCase().includes(local))) {
    throw invalid('common_password', 'That password is too easy to guess; choose a longer phrase of your own.', { field: 'password' });
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
