/** Child processes for the benchmark: the mainstay CLI, psql, and the server, with wall time and peak memory. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'bin', 'mainstay.js');
const GNU_TIME = '/usr/bin/time';

export function log(message: string) {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${message}\n`);
}

/** The high-water mark of a live process's resident memory, in MB (Linux /proc). */
export function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function currentRssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  wallMs: number;
  /** From spawn to the first stdout line matching `resultLine`, when asked for. */
  resultMs: number | undefined;
  /** Peak resident memory of the process (GNU time's %M, or VmHWM polled). */
  peakRssMb: number | undefined;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** The line whose arrival marks the work done (e.g. /^Imported /): timed separately from the exit. */
  resultLine?: RegExp;
  allowFail?: boolean;
}

/**
 * Runs a command to completion. Peak memory comes from GNU time when it is
 * installed (exact), otherwise from polling /proc/<pid>/status every 20 ms.
 */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const scratch = useTime ? mkdtempSync(join(tmpdir(), 'bench-time-')) : undefined;
  const timeFile = scratch ? join(scratch, 'rss') : undefined;
  const [cmd, argv] = timeFile ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let resultMs: number | undefined;
  let polled: number | undefined;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    if (resultMs === undefined && options.resultLine && stdout.split('\n').some((l) => options.resultLine!.test(l))) {
      resultMs = performance.now() - started;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
  const poll = timeFile ? undefined : setInterval(() => { polled = peakRssMb(child.pid!) ?? polled; }, 20);
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  let peak = polled;
  if (timeFile) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
    if (Number.isFinite(kb) && kb > 0) peak = kb / 1024;
    rmSync(scratch!, { recursive: true, force: true });
  }
  if (code !== 0 && !options.allowFail) {
    throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-2000)}\n${stdout.slice(-2000)}`);
  }
  return { code, stdout, stderr, wallMs, resultMs, peakRssMb: peak };
}

/** `node bin/mainstay.js …` */
export const mainstay = (args: string[], options: RunOptions = {}) => run(process.execPath, [CLI, ...args], options);

export interface Server {
  url: string;
  pid: number;
  peakRssMb(): number | undefined;
  rssMb(): number | undefined;
  stop(): Promise<void>;
}

/** Starts `mainstay serve` on a free loopback port and waits until it listens. */
export async function startServer(extraArgs: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...extraArgs], {
    cwd: ROOT, env: { ...env, MAINSTAY_LOG: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exited = false;
  const closed = new Promise<void>((resolve) => child.on('close', () => { exited = true; resolve(); }));
  child.stderr.setEncoding('utf8').on('data', (t: string) => { out += t; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${out}`)), 120_000);
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      out += t;
      const m = /serving on (http:\/\/\S+) with/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    void closed.then(() => { clearTimeout(timer); reject(new Error(`the server exited:\n${out}`)); });
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    peakRssMb: () => peakRssMb(pid),
    rssMb: () => currentRssMb(pid),
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
      if ((await Promise.race([closed, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await closed;
      }
    },
  };
}
