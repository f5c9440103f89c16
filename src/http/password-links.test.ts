/**
 * Issue 14, item 12: nobody could set or reset their own password. An account made
 * without a password mails a one-time invitation link (72 h); "forgot password" mails
 * a reset link (1 h, single use, rate-limited, the same answer for unknown addresses);
 * setting the password ends every session. Tokens are stored hashed and never logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { createPerson } from '../domain/people/create-person.ts';
import { RESET_LIMITS } from '../domain/accounts/password-links.ts';
import { fixedClock } from '../platform/clock.ts';
import { redactSecrets } from '../platform/redact-secrets.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { startTestApp, type TestApp } from '../../test/http-app.ts';
import { buildSmallTree, run, type SmallTree } from '../../test/factories.ts';

let database: Database;
let t: TestApp;
let tree: SmallTree;
const clock = fixedClock('2026-03-02T08:00:00Z');
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  t = await startTestApp(database, { clock });
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

/** The link in the newest mail to that address, and its token. */
async function lastLink(to: string) {
  const mail = await database.db.selectFrom('outbox_messages').select(['text_body', 'kind', 'subject']).where('to_address', '=', to)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  const url = mail ? /https?:\/\/\S+\/set-password\/(\S+)/.exec(mail.text_body) : null;
  return { mail, token: url?.[1] };
}
const mails = async (to: string) => (await database.db.selectFrom('outbox_messages').select('id').where('to_address', '=', to).execute()).length;

async function newPersonAccount(email: string, password?: string) {
  const person = await run(database, (ctx) => createPerson(ctx, { name: `Person ${email}`, cellId: tree.cells[0]! }));
  return t.call({ method: 'POST', url: '/api/v1/accounts', payload: { personId: person.id, email, ...(password ? { password } : {}) } });
}
const signIn = (email: string, password: string) => t.call({ method: 'POST', url: '/api/v1/session', token: null, payload: { email, password } });
const setPassword = (token: string, password: string) => t.call({ method: 'POST', url: '/api/v1/password/set', token: null, payload: { token, password } });

describe('an account made without a password: an invitation to choose one', () => {
  it('is written in the person\'s own language, else the installation\'s (English here)', async () => {
    const person = await run(database, (ctx) => createPerson(ctx, { name: 'Korean Reader', cellId: tree.cells[0]! }));
    await database.db.updateTable('people').set({ language: 'ko' }).where('id', '=', person.id).execute();
    expect((await t.call({ method: 'POST', url: '/api/v1/accounts', payload: { personId: person.id, email: 'ko-reader@test.example' } })).status).toBe(201);
    expect((await lastLink('ko-reader@test.example')).mail?.subject).toBe('Mainstay 비밀번호 설정');
    await newPersonAccount('en-reader@test.example');
    expect((await lastLink('en-reader@test.example')).mail?.subject).toBe('Choose your Mainstay password');
  });

  it('mails a one-time link, valid 72 hours; the person chooses a password and signs in with it', async () => {
    const created = await newPersonAccount('invitee@test.example');
    // Before: 400 validation_failed, the password was required.
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.any(String), invited: true });
    const { mail, token } = await lastLink('invitee@test.example');
    expect(mail?.kind).toBe('account.password_invite');
    expect(token).toBeTruthy();
    // Stored hashed only.
    const stored = await database.db.selectFrom('password_links').select(['token_hash', 'expires_at']).where('account_id', '=', created.json.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token!);
    expect(new Date(stored[0]!.expires_at).getTime() - clock.now().getTime()).toBe(72 * HOUR);
    // No password works before the link is used.
    expect((await signIn('invitee@test.example', '!no-password')).status).toBe(401);

    expect((await setPassword(token!, 'short')).json.error.code).toBe('weak_password');
    expect((await setPassword(token!, 'copper willow basket 25')).status).toBe(204);
    expect((await signIn('invitee@test.example', 'copper willow basket 25')).status).toBe(200);
    // Single use.
    const again = await setPassword(token!, 'granite pepper tunnel 91');
    expect(again.status).toBe(422);
    expect(again.json.error).toMatchObject({ code: 'link_invalid', message: expect.any(String), details: expect.any(Object) });
    const audit = await database.db.selectFrom('audit_events').select('action').where('target_id', '=', created.json.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['account.create', 'account.password_set']));
  });

  it('with a password works as before: no invitation', async () => {
    const created = await newPersonAccount('scripted@test.example', 'violet harbour lantern 42');
    expect(created.json.invited).toBe(false);
    expect(await mails('scripted@test.example')).toBe(0);
    expect((await signIn('scripted@test.example', 'violet harbour lantern 42')).status).toBe(200);
  });
});

describe('forgot password', () => {
  const forgot = (email: string, ip = '198.51.100.7') =>
    t.app.inject({ method: 'POST', url: '/api/v1/password/forgot', payload: { email }, remoteAddress: ip });

  it('answers the same for an unknown address, and mails a 1-hour single-use link to a known one; the reset ends every session', async () => {
    await newPersonAccount('forgetful@test.example', 'amber kettle orchard 17');
    const session = (await signIn('forgetful@test.example', 'amber kettle orchard 17')).json.token as string;
    const known = await forgot('Forgetful@test.example');
    const unknown = await forgot('nobody-here@test.example');
    expect(known.statusCode).toBe(204);
    expect(unknown.statusCode).toBe(204);
    expect(unknown.body).toBe(known.body);
    expect(await mails('nobody-here@test.example')).toBe(0);
    const { mail, token } = await lastLink('forgetful@test.example');
    expect(mail?.kind).toBe('account.password_reset');

    expect((await setPassword(token!, 'quiet meadow compass 88')).status).toBe(204);
    expect((await t.call({ method: 'GET', url: '/api/v1/session', token: session })).status).toBe(401);
    expect((await signIn('forgetful@test.example', 'amber kettle orchard 17')).status).toBe(401);
    expect((await signIn('forgetful@test.example', 'quiet meadow compass 88')).status).toBe(200);
    expect((await setPassword(token!, 'silver ferry window 63')).json.error.code).toBe('link_invalid');
  });

  it('a reset link works for one hour only, and a newer one replaces it', async () => {
    await newPersonAccount('hour@test.example', 'amber kettle orchard 17');
    await forgot('hour@test.example', '198.51.100.8');
    const first = (await lastLink('hour@test.example')).token!;
    await forgot('hour@test.example', '198.51.100.8');
    const second = (await lastLink('hour@test.example')).token!;
    expect((await setPassword(first, 'cedar lantern puzzle 72')).json.error.code).toBe('link_invalid');
    clock.advance(HOUR + 1000);
    expect((await setPassword(second, 'ivory canyon pencil 58')).json.error.code).toBe('link_invalid');
  });

  it('is rate-limited: a few mails an hour per e-mail, then 429 per address', async () => {
    await newPersonAccount('flooded@test.example', 'amber kettle orchard 17');
    for (let i = 0; i < RESET_LIMITS.perAddressPerHour; i++) expect((await forgot('flooded@test.example', '203.0.113.50')).statusCode).toBe(204);
    expect(await mails('flooded@test.example')).toBe(RESET_LIMITS.mailsPerEmailPerHour);
    const refused = await forgot('flooded@test.example', '203.0.113.50');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
  });

  it('never logs a link token', () => {
    expect(redactSecrets('GET /set-password/AbC_123-x?lang=ko')).toBe('GET /set-password/[redacted]?lang=ko');
    expect(redactSecrets('see https://m.example/set-password/AbC_123')).toBe('see https://m.example/set-password/[redacted]');
  });
});

// Last: moving the clock 72 hours ends the administrator's session of the test app.
describe('an invitation link', () => {

  it('expires after 72 hours', async () => {
    await newPersonAccount('late@test.example');
    const { token } = await lastLink('late@test.example');
    clock.advance(72 * HOUR + 1000);
    expect((await setPassword(token!, 'maple signal rocket 34')).json.error.code).toBe('link_invalid');
  });
});
