import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-database.ts';
import { addMembers, buildSmallTree, run, testClock, type SmallTree } from '../../test/factories.ts';
import { seedActors, type Role, type SeededActor } from '../../test/actors.ts';
import { apiKeyHash, issueApiKey, open311Client } from '../domain/cases/api-keys.ts';
import { createCategory, URGENCIES } from '../domain/cases/categories.ts';
import { createCase, trackingHash } from '../domain/cases/create-case.ts';
import { trackCase } from '../domain/cases/track-case.ts';
import { openDoor, publicActor, transact, type Actor, type Ctx } from '../domain/context.ts';
import { createGathering } from '../domain/gatherings/create-gathering.ts';
import { calendarFeed, calendarLink } from '../domain/gatherings/calendar-feed.ts';
import { sendInvitations } from '../domain/gatherings/send-invitations.ts';
import type { Deadlines } from './schema-cases.ts';
import type { Database } from './database.ts';

// The public doors run as the public (migration 0016): with no application filter at
// all, a query at a door sees only what that door's key opens.
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let tracked: { id: string; token: string };
let other: { id: string; token: string };
let feed: { personId: string; token: string };
let apiKey: string;

const CATEGORY = {
  code: 'doors', name: 'Doors', handlingLevel: 'cell', public: true,
  deadlines: Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines,
};
const as = <T>(actor: Actor, fn: (ctx: Ctx) => Promise<T>) => transact(database, actor, testClock, fn);
const count = async (ctx: Ctx, table: string) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.db)).rows[0]!.n);
const PERSONAL = ['units', 'people', 'accounts', 'sessions', 'case_requesters', 'membership_history', 'official_terms', 'audit_events', 'outbox_messages', 'invitations', 'gatherings'];

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  await addMembers(database, tree.cells[0]!, 2);
  actors = await seedActors(database, tree);
  await run(database, (ctx) => createCategory(ctx, CATEGORY));
  // Filed through the intake door as the public itself: the door still works.
  const file = (description: string) => as(publicActor('intake'), (ctx) =>
    createCase(ctx, { categoryCode: CATEGORY.code, description, urgency: 'low', receivedByUnitId: tree.cells[0]!, requester: { name: 'Ann', email: 'ann@example.org' } }, 'web'));
  const a = await file('Tracked');
  const b = await file('Someone else’s');
  tracked = { id: a.id, token: a.trackingToken };
  other = { id: b.id, token: b.trackingToken };
  const { id: gathering } = await run(database, (ctx) => createGathering(ctx, {
    kind: 'enlarged', title: 'Doors', startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z',
    conveningUnitId: tree.districts[0]!, invitees: { rule: 'officials-below', unitId: tree.districts[0]! },
  }));
  await run(database, (ctx) => sendInvitations(ctx, gathering));
  const personId = actors.cellSecretary.personId!;
  const { url } = await run(database, (ctx) => calendarLink(ctx, personId, 'http://x'));
  feed = { personId, token: new URL(url).searchParams.get('token')! };
  apiKey = (await run(database, (ctx) => issueApiKey(ctx, tree.cells[0]!, { name: 'doors' }))).key;
});
afterAll(() => database?.close());

describe('the public at each door', () => {
  it('at the intake door sees no case, person or unit at all', async () => {
    await as(publicActor('intake'), async (ctx) => {
      expect(await count(ctx, 'cases')).toBe(0);
      for (const table of PERSONAL) expect(await count(ctx, table), table).toBe(0);
      // Categories and service areas are what the form needs.
      expect(await count(ctx, 'case_categories')).toBeGreaterThan(0);
    });
  });

  it('at the tracking door sees the tracked case only', async () => {
    await as(publicActor('track'), async (ctx) => {
      await openDoor(ctx, 'track', trackingHash(tracked.token));
      const seen = (await sql<{ id: string }>`select id from cases`.execute(ctx.db)).rows.map((r) => r.id);
      expect(seen).toEqual([tracked.id]);
      expect(await count(ctx, 'case_events')).toBeGreaterThan(0);
      for (const table of PERSONAL) expect(await count(ctx, table), table).toBe(0);
    });
    expect((await as(publicActor('track'), (ctx) => trackCase(ctx, tracked.token))).status).toBe('new');
  });

  it("a tracking hash opens nothing to anyone else (the door must be the tracking door)", async () => {
    const official = actors.regionOfficial.actor;
    const seen = await as(official, async (ctx) => {
      await openDoor(ctx, 'track', trackingHash(other.token));
      return (await sql<{ id: string }>`select id from cases where id = ${other.id}`.execute(ctx.db)).rows;
    });
    // The region official does see cases of their region through their own scope; cell 7's would not be.
    expect(seen.length).toBeLessThanOrEqual(1);
    const outsider = { ...actors.member.actor, cellId: tree.cells[7]!, personId: null };
    expect(await as(outsider, async (ctx) => {
      await openDoor(ctx, 'track', trackingHash(other.token));
      return count(ctx, 'cases');
    })).toBe(0);
  });

  it("at the feed door sees the token's row, then that person and their gatherings only", async () => {
    await as(publicActor('feed'), async (ctx) => {
      expect(await count(ctx, 'calendar_tokens')).toBe(0);
      await openDoor(ctx, 'feed', feed.token);
      expect(await count(ctx, 'calendar_tokens')).toBe(1);
      expect(await count(ctx, 'people')).toBe(0);
      expect(await count(ctx, 'cases')).toBe(0);
    });
    const ics = await as(publicActor('feed'), (ctx) => calendarFeed(ctx, feed.personId, feed.token));
    expect(ics).toContain('SUMMARY:Doors');
    await expect(as(publicActor('feed'), (ctx) => calendarFeed(ctx, feed.personId, 'x'.repeat(32)))).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('at the Open311 door sees the key it holds and nothing else', async () => {
    await as(publicActor('open311'), async (ctx) => {
      expect(await count(ctx, 'unit_api_keys')).toBe(0);
      await openDoor(ctx, 'api_key', apiKeyHash(apiKey));
      expect(await count(ctx, 'unit_api_keys')).toBe(1);
      for (const table of PERSONAL) expect(await count(ctx, table), table).toBe(0);
      expect(await count(ctx, 'cases')).toBe(0);
    });
    expect(await as(publicActor('open311'), (ctx) => open311Client(ctx, apiKey))).toMatchObject({ unitId: tree.cells[0] });
    await expect(as(publicActor('open311'), (ctx) => open311Client(ctx, 'ms311_nope'))).rejects.toMatchObject({ kind: 'forbidden', code: 'api_key_invalid' });
  });
});
