import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
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
      // Stale lock from a killed process: move it aside atomically so that of two
      // starters racing for it only one wins the rename, then try again.
      try { renameSync(path, `${path}.stale-${process.pid}`); unlinkSync(`${path}.stale-${process.pid}`); } catch { /* lost the race */ }
    }
  }
  throw new Error(`Could not take the lock on ${dir}; remove ${path} if no Mainstay process is running.`);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined; // a half-written lock from a process killed mid-write counts as stale
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
