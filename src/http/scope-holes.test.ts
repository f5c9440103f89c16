import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { addMembers, run, testClock, type SmallTree } from '../../test/factories.ts';
import { PASSWORD, ROLES, type Role, type SeededActor } from '../../test/actors.ts';
import { multipartBody } from '../../test/multipart.ts';
import { createCategory, URGENCIES } from '../domain/cases/categories.ts';
import { createApiToken } from '../domain/accounts/sessions.ts';
import { recordAudit } from '../domain/audit/record-audit.ts';
import { verifyAudit } from '../domain/audit/audit-chain.ts';
import { cliActor, transact } from '../domain/context.ts';
import { AccessDenied } from '../domain/errors.ts';
import { createPerson } from '../domain/people/create-person.ts';
import type { Deadlines } from '../db/schema-cases.ts';
import { newId } from '../platform/ids.ts';
import { useTestApp } from '../../test/http-app.ts';

/**
 * Holes found from outside (issue 13): a staff intake naming any unit's queue, an
 * existence oracle on transfers, refusals that never reached the audit trail.
 */
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const tokens = {} as Record<Role, string>;

const CATEGORY = {
  code: 'holes', name: 'Holes', handlingLevel: 'cell', public: true,
  deadlines: Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines,
};

const fixture = useTestApp({ actors: true, server: { clock: testClock, testClock: { clock: testClock, runDueJobs: async () => {} } } });
beforeAll(async () => {
  ({ database, tree, actors, app } = fixture);
  await addMembers(database, tree.cells[0]!, 2);
  await run(database, (ctx) => createCategory(ctx, CATEGORY));
  for (const role of ROLES) {
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors[role].email, password: PASSWORD } });
    tokens[role] = signIn.json().token;
  }
});

const send = (who: Role, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${tokens[who]}` } });
/** Status and body, with the one id that differs between two requests written as <id>. */
const answer = async (who: Role, options: InjectOptions, id: string) => {
  const response = await send(who, options);
  return { status: response.statusCode, body: response.body.replaceAll(id, '<id>') };
};
const denials = async (label: string) =>
  (await database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'access.denied').where('actor_label', '=', label).execute())
    .map((e) => e.details as Record<string, unknown>);
const casesIn = async (unitId: string) =>
  (await database.db.selectFrom('cases').select('id').where('received_by_unit_id', '=', unitId).execute()).length;

describe('a staff intake names only a unit the actor may act in', () => {
  const fileInto = (unitId: string): InjectOptions => ({
    method: 'POST', url: '/api/v1/cases', payload: { categoryCode: CATEGORY.code, description: 'A hole', urgency: 'low', receivedByUnitId: unitId },
  });

  it('an official naming a unit outside their scope gets the answer a missing unit gets, and nothing is filed', async () => {
    const outside = tree.cells[7]!;
    const before = await casesIn(outside);
    const real = await answer('districtOfficial', fileInto(outside), outside);
    const missingId = newId();
    const missing = await answer('districtOfficial', fileInto(missingId), missingId);
    expect(real).toEqual(missing);
    expect(real.status).toBe(404);
    expect(await casesIn(outside)).toBe(before);
    expect(await denials(actors.districtOfficial.email)).toContainEqual(expect.objectContaining({ action: 'receive_case', id: outside }));
  });

  it('a member may name only their own cell', async () => {
    const other = tree.cells[1]!;
    const real = await answer('member', fileInto(other), other);
    const missingId = newId();
    expect(real).toEqual(await answer('member', fileInto(missingId), missingId));
    expect((await send('member', fileInto(tree.cells[0]!))).statusCode).toBe(201);
  });

  it('an official names a unit in their scope', async () => {
    const response = await send('districtOfficial', fileInto(tree.cells[0]!));
    expect(response.statusCode).toBe(201);
    expect(response.json().owningUnitId).toBe(tree.cells[0]);
  });
});

describe('a transfer answers the same for a cell outside the scope and for none', () => {
  it('an official moving their member to a real cell elsewhere', async () => {
    const person = (await run(database, (ctx) => createPerson(ctx, { name: 'Mover', cellId: tree.cells[0]! }))).id;
    const to = (cellId: string): InjectOptions => ({ method: 'POST', url: `/api/v1/people/${person}/transfer`, payload: { cellId } });
    const real = await answer('districtOfficial', to(tree.cells[7]!), tree.cells[7]!);
    const missingId = newId();
    expect(real).toEqual(await answer('districtOfficial', to(missingId), missingId));
    expect(real.status).toBe(404);
  });

  it('a member moving themselves (which they may not do at all)', async () => {
    const to = (cellId: string): InjectOptions => ({ method: 'POST', url: `/api/v1/people/${actors.member.personId}/transfer`, payload: { cellId } });
    const real = await answer('member', to(tree.cells[7]!), tree.cells[7]!);
    const missingId = newId();
    expect(real).toEqual(await answer('member', to(missingId), missingId));
  });
});

describe('every refusal is audited', () => {
  const refusals: Array<[string, Role, () => InjectOptions]> = [
    ['configuring a category', 'districtOfficial', () => ({ method: 'POST', url: '/api/v1/categories', payload: { ...CATEGORY, code: `c-${newId().slice(-8)}` } })],
    ['verifying the trail', 'regionOfficial', () => ({ method: 'GET', url: '/api/v1/audit/verify' })],
    ['importing', 'regionOfficial', () => ({ method: 'POST', url: '/api/v1/imports?dryRun=true', ...multipartBody([{ name: 'units', file: 'code,name,level,parent_code\n' }]) })],
    ['moving the test clock', 'cellSecretary', () => ({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 0 } })],
  ];
  for (const [what, who, request] of refusals) {
    it(what, async () => {
      const before = (await denials(actors[who].email)).length;
      const response = await send(who, request());
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
      expect((await denials(actors[who].email)).length).toBe(before + 1);
    });
  }

  it('reading the trail as a member (a 404, as if it did not exist: issue 14)', async () => {
    const before = (await denials(actors.member.email)).length;
    const response = await send('member', { method: 'GET', url: '/api/v1/audit' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
    expect((await denials(actors.member.email)).length).toBe(before + 1);
  });

  it('outside HTTP too: a command refused in transact() is written to the trail', async () => {
    const operator = cliActor();
    const refused = transact(database, operator, testClock, (ctx) => createApiToken(ctx, { name: 'no account' }));
    await expect(refused).rejects.toBeInstanceOf(AccessDenied);
    await expect(refused).rejects.toMatchObject({ kind: 'forbidden', code: 'no_account' });
    expect(await denials(operator.label)).toContainEqual(expect.objectContaining({ action: 'create_api_token' }));
  });
});

describe('audit verify is a command like the others', () => {
  it("runs in the actor's own transaction (it sees what that transaction wrote)", async () => {
    const result = await transact(database, cliActor(), testClock, async (ctx) => {
      const before = await verifyAudit(ctx);
      await recordAudit(ctx, { action: 'test.event', targetType: 'organization' });
      return { before, after: await verifyAudit(ctx) };
    });
    expect(result.after.unchained).toBe(result.before.unchained + 1);
  });

  it('is refused, and audited, for anyone but an administrator', async () => {
    const official = actors.regionOfficial.actor;
    await expect(transact(database, official, testClock, (ctx) => verifyAudit(ctx))).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await denials(official.label)).toContainEqual(expect.objectContaining({ action: 'verify_audit' }));
  });
});
