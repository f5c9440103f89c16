import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { addMembers, run, type SmallTree } from '../../test/factories.ts';
import { fixedClock } from '../platform/clock.ts';
import { PASSWORD, type Role, type SeededActor } from '../../test/actors.ts';
import { appointOfficial, endOfficialTerm } from '../domain/people/officials.ts';
import { THROTTLE } from '../domain/accounts/sign-in-throttle.ts';
import { useTestApp } from '../../test/http-app.ts';
import type { FastifyInstance } from 'fastify';

let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T08:00:00Z');

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, actors, app } = fixture);
  await addMembers(database, tree.cells[0]!, 2);
});

const signIn = async (email: string, password = PASSWORD, ip = '203.0.113.1') =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

describe('sign-in lockout', () => {
  it('slows down, then locks an account with a clear time to retry, and recovers after it', async () => {
    const { email } = actors.member;
    let last;
    for (let i = 0; i < THROTTLE.account.slowAfter; i++) {
      last = await signIn(email, 'wrong password!!');
      expect(last.statusCode).toBe(401);
    }
    // Now throttled: even the right password waits.
    last = await signIn(email);
    expect(last.statusCode).toBe(429);
    expect(last.json().error).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSeconds: expect.any(Number) } });
    expect(last.json().error.message).toMatch(/Try again after \d\d:\d\d UTC/);
    // Keep failing, waiting out each slowdown, until the hard lock.
    let waited = last.json().error.details.retryAfterSeconds as number;
    for (let i = THROTTLE.account.slowAfter; i < THROTTLE.account.lockAfter; i++) {
      clock.advance((waited + 1) * 1000);
      last = await signIn(email, 'wrong password!!');
      expect(last.statusCode).toBe(401);
      waited = (await signIn(email)).json().error.details.retryAfterSeconds;
    }
    expect(waited).toBeGreaterThan(14 * 60);
    clock.advance((waited - 5) * 1000);
    expect((await signIn(email)).statusCode).toBe(429);
    clock.advance(THROTTLE.lockMs + 1000);
    last = await signIn(email);
    expect(last.statusCode).toBe(200);
    const audit = await database.db.selectFrom('audit_events').select('action').where('action', 'in', ['session.sign_in', 'session.sign_in_failed']).execute();
    expect(audit.filter((a) => a.action === 'session.sign_in_failed').length).toBeGreaterThanOrEqual(THROTTLE.account.slowAfter);
    expect(audit.some((a) => a.action === 'session.sign_in')).toBe(true);
  });

  it('locks an address that sprays many accounts', async () => {
    const ip = '198.51.100.7';
    let last;
    for (let i = 0; i < THROTTLE.address.slowAfter; i++) last = await signIn(`nobody${i}@x.example`, 'wrong password!!', ip);
    expect(last!.statusCode).toBe(401);
    last = await signIn(actors.admin.email, PASSWORD, ip);
    expect(last.statusCode).toBe(429);
    // Another address is not affected.
    expect((await signIn(actors.admin.email, PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  });
});

describe('sessions, CSRF and tokens', () => {
  it('refuses a cookie write without the CSRF token, accepts it with', async () => {
    const session = await signIn(actors.districtOfficial.email);
    const cookie = session.cookies.find((c) => c.name === 'mainstay_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const payload = { parentId: tree.districts[0], name: 'Cookie cell', level: 'cell' };
    const refused = await app.inject({ method: 'POST', url: '/api/v1/units', cookies: { mainstay_session: cookie.value }, payload });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('csrf_failed');
    const accepted = await app.inject({
      method: 'POST', url: '/api/v1/units', cookies: { mainstay_session: cookie.value }, payload,
      headers: { 'x-csrf-token': session.json().csrfToken },
    });
    expect(accepted.statusCode).toBe(201);
    // Reads with the cookie need no token.
    expect((await app.inject({ method: 'GET', url: `/api/v1/units/${tree.districts[0]}`, cookies: { mainstay_session: cookie.value } })).statusCode).toBe(200);
  });

  it("tells a browser after a reload who is signed in and its session's CSRF token (an API token has none)", async () => {
    const session = await signIn(actors.districtOfficial.email);
    const cookie = session.cookies.find((c) => c.name === 'mainstay_session')!;
    const me = await app.inject({ method: 'GET', url: '/api/v1/session', cookies: { mainstay_session: cookie.value } });
    expect(me.json()).toMatchObject({ csrfToken: session.json().csrfToken, name: 'The districtOfficial', officialUnitIds: [tree.districts[0]] });
    const token = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { authorization: `Bearer ${session.json().token}` }, payload: { name: 'script' } });
    const viaToken = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token.json().token}` } });
    expect(viaToken.json().csrfToken).toBeNull();
  });

  it('gives a new session id at every sign-in', async () => {
    const a = (await signIn(actors.cellSecretary.email)).json().token;
    const b = (await signIn(actors.cellSecretary.email)).json().token;
    expect(a).not.toBe(b);
  });

  it('revokes an API token at once', async () => {
    const bearer = (await signIn(actors.regionOfficial.email)).json().token;
    const auth = { authorization: `Bearer ${bearer}` };
    const created = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: auth, payload: { name: 'reporting script' } });
    expect(created.statusCode).toBe(201);
    const api = { authorization: `Bearer ${created.json().token}` };
    expect((await app.inject({ method: 'GET', url: `/api/v1/units/${tree.regions[0]}`, headers: api })).statusCode).toBe(200);
    const listed = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: auth });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: created.json().id, name: 'reporting script' })]);
    expect(JSON.stringify(listed.json())).not.toContain(created.json().token);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.json().id}`, headers: auth })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/units/${tree.regions[0]}`, headers: api })).statusCode).toBe(401);
  });

  it('ends other sessions on a password change', async () => {
    const first = (await signIn(actors.cellSecretary.email)).json().token;
    const second = (await signIn(actors.cellSecretary.email)).json().token;
    const changed = await app.inject({
      method: 'POST', url: '/api/v1/account/password', headers: { authorization: `Bearer ${second}` },
      payload: { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${first}` } })).statusCode).toBe(401);
    expect((await signIn(actors.cellSecretary.email, 'another long passphrase')).statusCode).toBe(200);
    actors.cellSecretary.password = 'another long passphrase';
  });

  it('refuses a common password', async () => {
    const admin = (await signIn(actors.admin.email)).json().token;
    const person = (await app.inject({ method: 'POST', url: '/api/v1/people', headers: { authorization: `Bearer ${admin}` }, payload: { name: 'Weak One', cellId: tree.cells[2] } })).json().id;
    const weak = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { authorization: `Bearer ${admin}` }, payload: { personId: person, email: 'weak@test.example', password: 'password123' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('common_password');
  });
});

describe('terms and access', () => {
  it('shows the names of units above the scope as breadcrumbs, and nothing else of them', async () => {
    const token = (await signIn(actors.districtOfficial.email)).json().token;
    const auth = { authorization: `Bearer ${token}` };
    const own = await app.inject({ method: 'GET', url: `/api/v1/units/${tree.districts[0]}`, headers: auth });
    expect(own.json().ancestors).toEqual([
      { id: tree.root, name: 'Centre', level: 'central' },
      { id: tree.regions[0], name: 'Region 0', level: 'region' },
    ]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/units/${tree.regions[0]}`, headers: auth })).statusCode).toBe(404);
  });

  it('ending a term ends the access it gave, at once', async () => {
    const officer = actors.districtOfficial;
    const token = (await signIn(officer.email)).json().token;
    const auth = { authorization: `Bearer ${token}` };
    const other = (await run(database, (ctx) => appointOfficial(ctx, tree.districts[1]!, { personId: officer.personId!, role: 'deputy' }))).id;
    expect(other).toBeTruthy();
    expect((await app.inject({ method: 'GET', url: `/api/v1/units/${tree.districts[1]}`, headers: auth })).statusCode).toBe(200);
    await run(database, (ctx) => endOfficialTerm(ctx, tree.districts[1]!, officer.personId!));
    const after = await app.inject({ method: 'GET', url: `/api/v1/units/${tree.districts[1]}`, headers: auth });
    expect(after.statusCode).toBe(404);
    // The refusal itself is in the trail.
    const denied = await database.db.selectFrom('audit_events').select(['action', 'actor_label']).where('action', '=', 'access.denied').execute();
    expect(denied).toContainEqual({ action: 'access.denied', actor_label: officer.email });
  });

  it('disabling an account ends its sessions', async () => {
    const token = (await signIn(actors.member.email)).json().token;
    const admin = (await signIn(actors.admin.email)).json().token;
    const account = (await app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } })).json().accountId;
    expect((await app.inject({ method: 'POST', url: `/api/v1/accounts/${account}/disable`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await signIn(actors.member.email)).statusCode).toBe(401);
  });
});
