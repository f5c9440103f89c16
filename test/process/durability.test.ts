/**
 * "Nothing acknowledged to a caller may be lost if the process is killed right after."
 * Runs the real server as a child on this run's backend (PGlite in a temp data folder,
 * or a fresh PostgreSQL database), SIGKILLs it right after acknowledged writes and at
 * random moments while writes are in flight, restarts it, and checks that every
 * acknowledged write is there and that the subtree counters still equal a recount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { recountInJs } from '../recount.ts';
import {
  call, createTree, killAllChildren, listMembers, prepareBackend, seededRandom, signIn, startServer,
  type Backend, type Running, type Tree,
} from './harness.ts';

const ROUNDS_PER_MODE = Number(process.env.MAINSTAY_DURABILITY_ROUNDS ?? 12);
const seed = Number(process.env.MAINSTAY_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Person { cell: string; certain: boolean }

let backend: Backend;
let token: string;
let tree: Tree;
/** Everything acknowledged so far: the person and, unless a later transfer went unanswered, their cell. */
const people = new Map<string, Person>();
/** Creates sent in the last life of the server that got no answer: they may or may not have committed. */
let unansweredCreates = 0;
/** Acknowledged in the last life of the server, checked one by one after the restart. */
let ackedLastLife: string[] = [];
/** PostgreSQL runs: a direct connection for the recount after every restart. */
let direct: Database | undefined;
const stats = { rounds: 0, acknowledged: 0, unanswered: 0, transfers: 0 };

beforeAll(async () => {
  console.log(`durability: seed ${seed} (MAINSTAY_TEST_SEED=${seed} replays the choices), ${ROUNDS_PER_MODE} rounds per mode`);
  backend = await prepareBackend();
  const server = await startServer(backend);
  token = await signIn(server.base);
  tree = await createTree(server.base, token);
  await stop(server);
  if (backend.databaseUrl) direct = await openDatabase({ url: backend.databaseUrl, poolSize: 2 });
});

afterAll(async () => {
  await killAllChildren();
  await direct?.close();
  await backend?.cleanup();
  console.log(`durability (${backend?.kind}): ${JSON.stringify(stats)}`);
});

async function stop(server: Running) {
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  expect(exit, server.stderr()).toEqual({ code: 0, signal: null });
}

/** After a restart: every acknowledged write is there, and the counters equal a recount. */
async function verify(server: Running) {
  const { base } = server;
  // The writes acknowledged just before the kill, one by one.
  for (const id of ackedLastLife) {
    const got = await call(base, 'GET', `/people/${id}`, token);
    expect(got.status, `acknowledged person ${id} after restart`).toBe(200);
    const expected = people.get(id)!;
    if (expected.certain) expect(got.body.cellId).toBe(expected.cell);
  }
  // Everyone, cell by cell, through the member lists.
  const found = new Map<string, string>();
  const members = new Map<string, number>();
  for (const cell of tree.cells) {
    const ids = await listMembers(base, token, cell);
    members.set(cell, ids.length);
    for (const id of ids) {
      expect(found.has(id), `${id} listed in two cells`).toBe(false);
      found.set(id, cell);
    }
  }
  for (const [id, person] of people) {
    expect(found.has(id), `acknowledged person ${id} is missing`).toBe(true);
    if (person.certain) expect(found.get(id), `cell of ${id}`).toBe(person.cell);
  }
  const unacknowledged = [...found.keys()].filter((id) => !people.has(id));
  expect(unacknowledged.length, 'rows nobody asked for').toBeLessThanOrEqual(unansweredCreates);

  // The stored counters against a recount of the lists.
  const counts = async (id: string) => {
    const got = await call(base, 'GET', `/units/${id}`, token);
    expect(got.status).toBe(200);
    return got.body.counts as { units: number; cells: number; members: number };
  };
  const total = found.size;
  for (const cell of tree.cells) expect(await counts(cell), `cell ${cell}`).toEqual({ units: 0, cells: 1, members: members.get(cell) });
  const [dA, dB] = tree.districts as [string, string];
  const inDistrict = (d: string) => tree.cells.filter((c) => tree.districtOf.get(c) === d).reduce((n, c) => n + members.get(c)!, 0);
  expect(await counts(dA)).toEqual({ units: 2, cells: 2, members: inDistrict(dA) });
  expect(await counts(dB)).toEqual({ units: 1, cells: 1, members: inDistrict(dB) });
  expect(await counts(tree.region)).toEqual({ units: 5, cells: 3, members: total });
  expect(await counts(tree.root)).toEqual({ units: 6, cells: 3, members: total });

  // PostgreSQL: the same from the raw rows, while the server runs.
  if (direct) {
    const { expected, actual } = await recountInJs(direct);
    expect(actual).toEqual(expected);
    expect(Number((await direct.db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(total);
  }

  // What was seen now is settled: adopt committed-but-unanswered writes, forget the rest.
  for (const id of unacknowledged) people.set(id, { cell: found.get(id)!, certain: true });
  for (const [id, person] of people) if (!person.certain) people.set(id, { cell: found.get(id)!, certain: true });
  unansweredCreates = 0;
  ackedLastLife = [];
}

/**
 * Writes with `writers` concurrent loops (creates, and transfers of settled people),
 * and SIGKILLs the server right on the `killOnAck`-th acknowledgement, or `killAfterMs`
 * after the first one.
 */
async function writeUntilKilled(server: Running, options: { writers: number; killOnAck?: number; killAfterMs?: number }) {
  let killed = false;
  let acks = 0;
  const inFlight = new Set<string>();
  const kill = () => {
    if (killed) return;
    killed = true;
    server.kill9();
  };
  let timer: NodeJS.Timeout | undefined;
  const acknowledged = () => {
    acks++;
    stats.acknowledged++;
    if (acks === options.killOnAck) kill(); // synchronously, before anything else runs here
    // The random moment counts from the first acknowledgement, so that however slow
    // the server is today, each round has acknowledged writes to lose.
    if (acks === 1 && options.killAfterMs !== undefined) timer = setTimeout(kill, options.killAfterMs);
  };
  /** The answer, or undefined when none came because the process was killed (any answer must be a success). */
  const send = async (path: string, body: unknown, status: number) => {
    let reply;
    try {
      reply = await call(server.base, 'POST', path, token, body);
    } catch (error) {
      if (!killed) throw error;
      stats.unanswered++;
      return undefined;
    }
    if (reply.status !== status) throw new Error(`POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body as { id: string };
  };
  const writer = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const movable = [...people.entries()].filter(([id, p]) => p.certain && !inFlight.has(id));
      if (movable.length > 0 && random() < 0.3) {
        const [id, person] = pick(movable);
        const target = pick(tree.cells.filter((c) => c !== person.cell));
        inFlight.add(id);
        people.set(id, { cell: person.cell, certain: false }); // unknown until answered
        const answer = await send(`/people/${id}/transfer`, { cellId: target }, 200);
        inFlight.delete(id);
        if (!answer) continue;
        people.set(id, { cell: target, certain: true });
        ackedLastLife.push(id);
        stats.transfers++;
        acknowledged();
      } else {
        const cell = pick(tree.cells);
        const answer = await send('/people', { name: `Writer ${w} item ${i} round ${stats.rounds}`, cellId: cell }, 201);
        if (!answer) { unansweredCreates++; continue; }
        people.set(answer.id, { cell, certain: true });
        ackedLastLife.push(answer.id);
        acknowledged();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  } finally {
    clearTimeout(timer);
    kill();
  }
  const exit = await server.exited;
  // It died of our SIGKILL, not of anything before it.
  expect(exit.signal, server.stderr()).toBe('SIGKILL');
  return acks;
}

describe.sequential('acknowledged writes survive kill -9', () => {
  it(`killed right after an acknowledged write, ${ROUNDS_PER_MODE} rounds`, async () => {
    for (let round = 0; round < ROUNDS_PER_MODE; round++, stats.rounds++) {
      const server = await startServer(backend);
      await verify(server);
      const writers = random() < 0.5 ? 1 : 2;
      const killOnAck = 1 + Math.floor(random() * 8);
      const acks = await writeUntilKilled(server, { writers, killOnAck });
      expect(acks).toBeGreaterThanOrEqual(killOnAck);
    }
    const server = await startServer(backend);
    await verify(server);
    await stop(server);
  }, 480_000);

  it(`killed at a random moment while several writes are in flight, ${ROUNDS_PER_MODE} rounds`, async () => {
    for (let round = 0; round < ROUNDS_PER_MODE; round++, stats.rounds++) {
      const server = await startServer(backend);
      await verify(server);
      const acks = await writeUntilKilled(server, { writers: 2 + Math.floor(random() * 4), killAfterMs: Math.floor(random() * 250) });
      expect(acks).toBeGreaterThanOrEqual(1);
    }
    const server = await startServer(backend);
    await verify(server);
    await stop(server);
  }, 480_000);

  it('the stored rows hold every acknowledged person and counters equal to a recount', async () => {
    // Opened directly, without the server: on PGlite this also takes the data folder's lock.
    const database = direct ?? await openDatabase({ dataDir: backend.dataDir, command: 'durability test' });
    try {
      const rows = await database.db.selectFrom('people').select(['id', 'cell_id']).execute();
      const stored = new Map(rows.map((r) => [r.id, r.cell_id]));
      expect(stored.size).toBe(people.size);
      for (const [id, person] of people) expect(stored.get(id), id).toBe(person.cell);
      const { expected, actual } = await recountInJs(database);
      expect(actual).toEqual(expected);
      expect(actual.get(tree.root)!.members).toBe(people.size);
      expect(people.size).toBeGreaterThanOrEqual(ROUNDS_PER_MODE * 2); // at least one acknowledged write a round
    } finally {
      if (database !== direct) await database.close();
    }
  }, 60_000);
});
