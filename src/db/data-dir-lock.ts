import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite has no locking of its own: two processes opening one data directory both
 * succeed and silently lose acknowledged rows. This exclusive lock file makes the
 * second one fail at once, naming the process that holds the directory.
 */
export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly holder: LockHolder) {
    super(
      `The data directory ${dir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        'Stop that process first, or point --data / MAINSTAY_DATA_DIR elsewhere.',
    );
  }
}

interface LockHolder { pid: number; host: string; command: string; since: string }

export interface DataDirLock { release(): void }

export function lockDataDir(dir: string, command: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'mainstay.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      createExclusive(path, me);
      const release = () => {
        process.off('exit', release);
        try {
          const holder = readHolder(path);
          if (holder?.pid === me.pid && holder.since === me.since) unlinkSync(path);
        } catch { /* already gone */ }
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && isAlive(holder)) throw new DataDirLockedError(dir, holder);
      removeStaleLock(path, holder);
    }
  }
  throw new Error(`Could not take the lock on ${dir}; remove ${path} and ${path}.takeover if no Mainstay process is running.`);
}

/**
 * Creates `path` holding `content`, failing with EEXIST if it exists. The file appears
 * complete or not at all (written aside, then hard-linked into place): created empty
 * and filled after, a racer could read it half-written, judge it stale and delete it.
 */
function createExclusive(path: string, content: LockHolder) {
  const draft = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, JSON.stringify(content));
  try {
    linkSync(draft, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A filesystem without hard links: exclusive create, written in one call.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') writeFileSync(path, JSON.stringify(content), { flag: 'wx' });
    else throw error;
  } finally {
    try { unlinkSync(draft); } catch { /* gone */ }
  }
}

/**
 * Removes a lock left by a dead process. Takeovers go one at a time, through a
 * second exclusive file: otherwise two starters that both saw the stale lock could
 * each remove it, the second removing the fresh lock the first had just created.
 */
function removeStaleLock(path: string, stale: LockHolder | undefined) {
  const takeover = `${path}.takeover`;
  try {
    createExclusive(takeover, { pid: process.pid, host: hostname(), command: 'taking over a stale lock', since: new Date().toISOString() });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const taker = readHolder(takeover);
    // A taker killed inside its few microseconds of takeover would block every start.
    // Unreadable means it was just removed (or is being written): wait, never delete.
    if (taker && !isAlive(taker)) { try { unlinkSync(takeover); } catch { /* gone */ } }
    else sleepSync(10);
    return; // the caller tries again
  }
  try {
    // Only a taker removes a lock, so the lock we judged stale is still the same file
    // unless its owner released it; check before removing.
    const now = readHolder(path);
    if (now?.pid === stale?.pid && now?.since === stale?.since) unlinkSync(path);
  } catch { /* already gone */ } finally {
    unlinkSync(takeover);
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined; // unreadable (damaged by hand, or absent): counts as stale
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // a shared folder: we cannot tell, so refuse
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Guard against pid reuse after a restart: the holder must still be a node process.
  const cmdline = `/proc/${holder.pid}/cmdline`;
  if (existsSync(cmdline)) return readFileSync(cmdline, 'utf8').includes('node');
  return true;
}
