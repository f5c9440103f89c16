/**
 * SIGTERM while requests are in flight: the server finishes them (each gets its
 * success answer), exits 0, releases the data folder (PGlite), and everything it
 * acknowledged is there after a restart. Runs on this run's backend.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN, call, createTree, killAllChildren, listMembers, prepareBackend, runCli, signIn, startServer,
  type Backend, type Reply, type Tree,
} from './harness.ts';

interface Posted {
  /** The whole request is written to the socket (for a held one: its head). */
  sent: Promise<void>;
  /** Held requests: the server answered `100 Continue`, so it has parsed the request and is handling it. */
  received: Promise<void>;
  /** Held requests: send the body now. */
  release(): void;
  reply: Promise<Reply>;
}

/** A POST on its own connection; `hold` sends `Expect: 100-continue` and the body only on release(). */
function post(base: string, path: string, body: unknown, options: { token?: string; hold?: boolean } = {}): Posted {
  const payload = JSON.stringify(body);
  let sent!: () => void;
  let received!: () => void;
  const posted = {
    sent: new Promise<void>((done) => { sent = done; }),
    received: new Promise<void>((done) => { received = done; }),
  };
  let release = () => {};
  const reply = new Promise<Reply>((done, fail) => {
    const req = request(`${base}/api/v1${path}`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.hold ? { expect: '100-continue' } : {}),
      },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => {
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* keep the text */ }
        done({ status: res.statusCode ?? 0, body: parsed });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.on('finish', sent);
    if (options.hold) {
      req.on('continue', received);
      req.flushHeaders();
      release = () => { req.end(payload); };
    } else {
      req.end(payload);
    }
  });
  return { ...posted, release: () => release(), reply };
}

/** Resolves once the server no longer accepts connections: its shutdown has begun. */
async function listenerClosed(base: string, timeoutMs = 20_000): Promise<void> {
  const { hostname, port } = new URL(base);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const refused = await new Promise<boolean>((done) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => { socket.destroy(); done(false); });
      socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    if (Date.now() > deadline) throw new Error('the server still accepts connections');
    await new Promise((done) => setTimeout(done, 20));
  }
}

let backend: Backend;
let tree: Tree;
let token: string;

beforeAll(async () => {
  backend = await prepareBackend();
  const server = await startServer(backend);
  token = await signIn(server.base);
  tree = await createTree(server.base, token);
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
});

afterAll(async () => {
  await killAllChildren();
  await backend?.cleanup();
});

describe('SIGTERM with requests in flight', () => {
  const HELD = 8;
  const SIGN_INS = 8; // password hashing keeps these busy for a while
  const WRITES = 20;
  const acknowledged: string[] = [];
  const tokens: string[] = [];

  it('finishes every request it had received, then exits 0 and releases the data folder', async () => {
    const server = await startServer(backend);
    const person = (i: number) => ({ name: `Shutdown ${i}`, cellId: tree.cells[i % tree.cells.length] });

    // Requests the server has certainly received and is still handling: it said
    // `100 Continue`, and they cannot finish before we send their bodies.
    const held = Array.from({ length: HELD }, (_, i) => post(server.base, '/people', person(i), { token, hold: true }));
    await Promise.all(held.map((r) => r.received));
    // A burst on top, so that work is queued in the database when the signal comes.
    const burst = [
      ...Array.from({ length: SIGN_INS }, () => post(server.base, '/session', ADMIN)),
      ...Array.from({ length: WRITES }, (_, i) => post(server.base, '/people', person(HELD + i), { token })),
    ];
    // Outcomes collected from the start, so that a refused one is never an unhandled rejection.
    const burstOutcomes = Promise.allSettled(burst.map((r) => r.reply));
    const heldOutcomes = Promise.allSettled(held.map((r) => r.reply));
    await Promise.all(burst.map((r) => r.sent));

    server.child.kill('SIGTERM');
    await listenerClosed(server.base);
    expect(server.alive(), 'still finishing its requests').toBe(true);
    for (const r of held) r.release();

    // Every held request completes with success, after the shutdown began.
    const heldReplies = (await heldOutcomes).map((o) => {
      if (o.status === 'rejected') throw new Error(`a held request got no answer: ${String(o.reason)}`);
      return o.value;
    });
    for (const r of heldReplies) expect(r.status, JSON.stringify(r.body)).toBe(201);
    acknowledged.push(...heldReplies.map((r) => (r.body as { id: string }).id));

    // The burst: each was either handled to success or, if it had not been taken in
    // before the listener closed, refused without any answer (or a clean 503).
    const outcomes = await burstOutcomes;
    const tally: Record<string, number> = {};
    outcomes.forEach((o, i) => {
      const isSignIn = i < SIGN_INS;
      const key = o.status === 'fulfilled' ? String(o.value.status) : ((o.reason as NodeJS.ErrnoException).code ?? 'error');
      tally[key] = (tally[key] ?? 0) + 1;
      if (o.status === 'rejected') {
        expect(['ECONNRESET', 'EPIPE']).toContain((o.reason as NodeJS.ErrnoException).code);
        return;
      }
      const { status, body } = o.value;
      if (status === 503) return expect(body).toMatchObject({ error: { code: 'shutting_down', message: expect.any(String) } });
      expect(status, JSON.stringify(body)).toBe(isSignIn ? 200 : 201);
      if (isSignIn) tokens.push((body as { token: string }).token);
      else acknowledged.push((body as { id: string }).id);
    });

    expect(await server.exited, server.stderr()).toEqual({ code: 0, signal: null });
    if (backend.kind === 'pglite') expect(existsSync(join(backend.dataDir, 'mainstay.lock'))).toBe(false);
    await expect(call(server.base, 'GET', '/health')).rejects.toThrow();
    console.log(`graceful shutdown (${backend.kind}): ${HELD} held requests finished after SIGTERM; burst outcomes ${JSON.stringify(tally)}`);
  }, 120_000);

  it('the data reopens with everything it acknowledged', async () => {
    expect(acknowledged.length).toBeGreaterThanOrEqual(HELD);
    const server = await startServer(backend);
    try {
      for (const id of acknowledged) expect((await call(server.base, 'GET', `/people/${id}`, token)).status, id).toBe(200);
      const members = (await Promise.all(tree.cells.map((c) => listMembers(server.base, token, c)))).flat();
      expect(new Set(members)).toEqual(new Set(acknowledged));
      const root = await call(server.base, 'GET', `/units/${tree.root}`, token);
      expect(root.body.counts).toEqual({ units: 6, cells: 3, members: acknowledged.length });
      // The sessions created in flight were kept as well.
      for (const t of tokens) expect((await call(server.base, 'GET', '/units/root', t)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    }
  }, 120_000);

  it('a request that arrives while it shuts down gets a 503 in the API error shape', async () => {
    const server = await startServer(backend);
    const { hostname, port } = new URL(server.base);
    // Raw HTTP on one connection: a held write keeps the server in its shutdown, and a
    // second request pipelined behind it is read only after the shutdown has begun.
    const socket = connect(Number(port), hostname);
    let data = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => { data += chunk; });
    const closed = new Promise((done) => socket.once('close', done));
    try {
      await new Promise((done, fail) => socket.once('connect', done).once('error', fail));
      const body = JSON.stringify({ name: 'Held to the end', cellId: tree.cells[0] });
      socket.write(`POST /api/v1/people HTTP/1.1\r\nHost: mainstay\r\nContent-Type: application/json\r\n`
        + `Content-Length: ${Buffer.byteLength(body)}\r\nAuthorization: Bearer ${token}\r\nExpect: 100-continue\r\n\r\n`);
      for (const deadline = Date.now() + 20_000; !data.includes('100 Continue');) {
        if (Date.now() > deadline) throw new Error(`no 100 Continue: ${data}`);
        await new Promise((done) => setTimeout(done, 10));
      }
      server.child.kill('SIGTERM');
      await listenerClosed(server.base);
      socket.write(`${body}GET /api/v1/health HTTP/1.1\r\nHost: mainstay\r\n\r\n`);
      await closed;
    } finally {
      socket.destroy();
    }
    const responses = data.split(/(?=HTTP\/1\.1 )/).filter((r) => !r.startsWith('HTTP/1.1 100'));
    expect(responses.map((r) => r.slice(0, 12)), data).toEqual(['HTTP/1.1 201', 'HTTP/1.1 503']);
    const refused = responses[1]!;
    expect(refused.toLowerCase()).toContain('retry-after:');
    expect(JSON.parse(refused.slice(refused.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'shutting_down', message: expect.any(String), details: {} },
    });
    expect(await server.exited, server.stderr()).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('one-shot commands', () => {
  it('exit as soon as they are done: nothing (an idle database client) keeps the process alive', async () => {
    const result = await runCli(['migrate', '--data', backend.dataDir], backend.databaseUrl);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/is up to date/);
    // From printing its result to exiting: closing the database and nothing else
    // (a leaked pool client held PostgreSQL runs for its 10 s idle timeout).
    const lingerMs = result.ms - result.firstOutputMs!;
    expect(lingerMs, `exited ${Math.round(lingerMs)} ms after printing its result`).toBeLessThan(3_000);
  }, 120_000);
});

