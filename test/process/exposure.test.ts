/**
 * `mainstay serve` as an operator starts it: loopback unless exposed on purpose, the
 * address really bound in its log, and no network ever offered the published demo password.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN } from '../../src/domain/demo/seed-demo.ts';
import { BIN, ROOT, call, childEnv, expectStatus, prepareBackend, runCli, signIn, type Backend } from './harness.ts';

const DEMO = { email: 'admin@demo.mainstay', password: DEMO_SIGN_IN.password };

interface Served { code: number | null; stdout: string; stderr: string; base?: string; stop(): Promise<void> }

/** Starts serve with `args`; resolves once it serves (with its address) or has exited. */
function serve(backend: Backend, args: string[], env: Record<string, string> = {}): Promise<Served> {
  const environment = childEnv(backend.databaseUrl, env);
  if (!('HOST' in env)) delete environment.HOST;
  delete environment.TRUST_PROXY;
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', backend.dataDir, ...args], { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await exited; } };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve hung.\n${stdout}\n${stderr}`)); }, 300_000);
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const match = /Mainstay is serving on (http:\/\/\S+) with/.exec(stdout);
      // The line after it says who may connect.
      if (match && /connect/.test(stdout.slice(match.index))) { clearTimeout(timer); resolve({ code: null, stdout, stderr, base: match[1], stop }); }
    });
    void exited.then((code) => { clearTimeout(timer); resolve({ code, stdout, stderr, stop }); });
  });
}

describe('serve: exposure', () => {
  let backend: Backend;
  // Generous: on a loaded machine creating an embedded database takes over a minute.
  beforeAll(async () => { backend = await prepareBackend(300_000); }, 360_000);
  afterAll(async () => { await backend?.cleanup(); });

  it('listens on 127.0.0.1 by default and logs the address really bound', async () => {
    const served = await serve(backend, []);
    try {
      expect(served.base, served.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(served.base).not.toMatch(/:0$/);
      expect(served.stdout).toContain('Only this machine can connect');
      await expectStatus(call(served.base!, 'GET', '/health'), 200);
    } finally { await served.stop(); }
  }, 360_000);

  it('HOST exposes it on purpose, and the log names the bound address', async () => {
    const served = await serve(backend, [], { HOST: '0.0.0.0' });
    try {
      expect(served.base, served.stderr).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
      expect(served.stdout).toContain('other machines can connect');
      await expectStatus(call(served.base!.replace('0.0.0.0', '127.0.0.1'), 'GET', '/health'), 200);
    } finally { await served.stop(); }
  }, 360_000);

  it('refuses a network while a demo account has the published password, until `demo reset-passwords`', async () => {
    const made = await runCli(['admin', 'create', '--email', DEMO.email, '--password', DEMO.password, '--data', backend.dataDir], backend.databaseUrl, 300_000);
    expect(made.code, made.stderr).toBe(0);

    const refused = await serve(backend, ['--host', '0.0.0.0']);
    expect(refused.code).toBe(1);
    expect(refused.base).toBeUndefined();
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mainstay: Refusing to serve on 0\.0\.0\.0: .*admin@demo\.mainstay.*published demo password.*mainstay demo reset-passwords/);

    // On loopback the demo still works as published.
    const local = await serve(backend, []);
    try {
      await expectStatus(call(local.base!, 'POST', '/session', undefined, DEMO), 200);
    } finally { await local.stop(); }

    const reset = await runCli(['demo', 'reset-passwords', '--data', backend.dataDir], backend.databaseUrl, 300_000);
    expect(reset.code, reset.stderr).toBe(0);
    const line = reset.stdout.split('\n').find((l) => l.startsWith(`${DEMO.email}\t`));
    const newPassword = line?.split('\t')[1];
    expect(newPassword, reset.stdout).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(reset.stdout).not.toContain(DEMO.password);
    // The process test's own administrator was not on the demo password: untouched.
    expect(reset.stdout).not.toContain('process-admin@example.org');

    const again = await runCli(['demo', 'reset-passwords', '--data', backend.dataDir], backend.databaseUrl, 300_000);
    expect(again.stdout).toContain('No demo account has the published password.');

    const exposed = await serve(backend, ['--host', '0.0.0.0']);
    try {
      expect(exposed.base, exposed.stderr).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
      const base = exposed.base!.replace('0.0.0.0', '127.0.0.1');
      expect((await call(base, 'POST', '/session', undefined, DEMO)).status).toBe(401);
      await expectStatus(call(base, 'POST', '/session', undefined, { email: DEMO.email, password: newPassword }), 200);
      const token = await signIn(base);
      const trail = await expectStatus<{ items: Array<{ action: string; actorLabel?: string }> }>(call(base, 'GET', '/audit?limit=200', token), 200);
      expect(trail.items.filter((e) => e.action === 'account.password_reset')).toHaveLength(1);
    } finally { await exposed.stop(); }
  }, 900_000);
});
