/** `mainstay directives progress`, run as an operator runs it, on a directive made through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTree, expectStatus, prepareBackend, runCli, signIn, startServer, type Backend, type Tree } from '../process/harness.ts';

describe('the directives command', () => {
  let backend: Backend;
  let tree: Tree;
  let directiveId: string;
  const cli = (...args: string[]) => runCli([...args, '--data', backend.dataDir], backend.databaseUrl);

  beforeAll(async () => {
    backend = await prepareBackend();
    const server = await startServer({ dataDir: backend.dataDir, databaseUrl: backend.databaseUrl });
    const token = await signIn(server.base);
    tree = await createTree(server.base, token);
    directiveId = (await expectStatus<{ id: string }>(call(server.base, 'POST', '/directives', token, {
      issuerUnitId: tree.region, title: 'Harvest', body: 'Bring it in.', items: [{ title: 'Sacks filled', dueAt: '2030-01-01T00:00:00Z', target: 100 }],
      target: { kind: 'level', level: 'cell' },
    }), 201)).id;
    expect((await expectStatus<{ assignments: number }>(call(server.base, 'POST', `/directives/${directiveId}/issue`, token), 200)).assignments).toBe(3);
    const page = await expectStatus<{ items: Array<{ id: string; directiveId: string }> }>(call(server.base, 'GET', `/units/${tree.cells[0]}/assignments`, token), 200);
    const mine = page.items.find((a) => a.directiveId === directiveId)!;
    await expectStatus(call(server.base, 'POST', `/assignments/${mine.id}/transition`, token, { to: 'acknowledged' }), 200);
    await expectStatus(call(server.base, 'POST', `/assignments/${mine.id}/reports`, token, { itemIndex: 0, value: 60 }), 201);
    await expectStatus(call(server.base, 'POST', `/assignments/${mine.id}/transition`, token, { to: 'done' }), 200);
    server.kill9();
    await server.exited;
  });
  afterAll(async () => { await backend?.cleanup(); });

  it('prints the subunits ranked by completion, the total, and the items against their targets', async () => {
    const out = await cli('directives', 'progress', directiveId);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => l.trim());
    expect(lines[0]).toMatch(/^rank\s+unit\s+assignments/);
    expect(lines[1]).toMatch(/^1\s+District A\s+2\s+1\s+0\s+0\s+1\s+0\s+0\s+50$/);
    expect(lines[2]).toMatch(/^2\s+District B\s+1\s+1\s+0\s+0\s+0\s+0\s+0\s+0$/);
    expect(lines[3]).toMatch(/total\s+3\s+2\s+0\s+0\s+1\s+0\s+0\s+33\.3$/);
    expect(out.stdout).toContain('item 1 "Sacks filled": 60 of 300 reported by 1');

    const drilled = await cli('directives', 'progress', directiveId, '--unit', tree.districts[0]!);
    expect(drilled.stdout).toMatch(/1\s+Cell A1\s+1\s+0\s+0\s+0\s+1\s+0\s+0\s+100/);
  });

  it('names the argument at fault, and an unknown directive, in one line without a stack trace', async () => {
    const bad = await cli('directives', 'progress', 'not-an-id');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('directive id: "not-an-id" is not a UUID.');
    const unknown = await cli('directives', 'progress', '01900000-0000-7000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No directive with id 01900000-0000-7000-8000-000000000000.');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
