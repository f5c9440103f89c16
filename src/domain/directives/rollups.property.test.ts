import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { buildSmallTree, run, type SmallTree } from '../../../test/factories.ts';
import { recountDirective } from '../../../test/directive-recount.ts';
import { DomainError } from '../errors.ts';
import { createUnit } from '../org/create-unit.ts';
import { moveUnit } from '../org/move-unit.ts';
import type { AssignmentStatus } from '../../db/schema-directives.ts';
import { reportOnAssignment, transitionAssignment } from './act-on-assignment.ts';
import { createDirective, type TargetInput } from './create-directive.ts';
import { applyDirectiveDeltas } from './directive-deadlines.ts';
import { issueDirective } from './issue-directive.ts';
import { directiveProgress } from './progress.ts';

let database: Database;
let tree: SmallTree;
const directives: string[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  // One to every unit below the root, one to the cells of region 0, one to a chosen subtree.
  const plans: Array<[string, TargetInput]> = [[tree.root, { kind: 'all' }], [tree.regions[0]!, { kind: 'level', level: 'cell' }], [tree.root, { kind: 'subtrees', unitIds: [tree.districts[1]!] }]];
  for (const [issuer, target] of plans) {
    const { id } = await run(database, (ctx) => createDirective(ctx, {
      issuerUnitId: issuer, title: 'P', body: 'B', target, items: [{ title: 'A', dueAt: '2030-01-01T00:00:00Z', target: 10 }, { title: 'B', dueAt: '2030-02-01T00:00:00Z' }],
    }));
    await run(database, (ctx) => issueDirective(ctx, id));
    directives.push(id);
  }
});
afterAll(() => database?.close());

const STATES: AssignmentStatus[] = ['acknowledged', 'in_progress', 'done', 'blocked'];
const LEVELS = ['central', 'region', 'district', 'cell'];

// Targets are picked by index into the rows that exist when each operation runs, so shrinking keeps sequences meaningful.
const op = fc.oneof(
  fc.record({ kind: fc.constant('transition' as const), assignment: fc.nat(), to: fc.constantFrom(...STATES) }),
  fc.record({ kind: fc.constant('report' as const), assignment: fc.nat(), item: fc.integer({ min: 0, max: 1 }), value: fc.integer({ min: 0, max: 20 }), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('create' as const), parent: fc.nat(), level: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('move' as const), unit: fc.nat(), parent: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(o: Op) {
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  try {
    if (o.kind === 'transition' || o.kind === 'report') {
      const assignments = await database.db.selectFrom('assignments').select('id').orderBy('id').execute();
      const id = pick(assignments, o.assignment).id;
      if (o.kind === 'transition') await run(database, (ctx) => transitionAssignment(ctx, id, { to: o.to, reason: 'Property' }));
      else await run(database, (ctx) => reportOnAssignment(ctx, id, { itemIndex: o.item, value: o.value, percent: o.percent }));
    } else {
      const units = await database.db.selectFrom('units').select(['id', 'depth']).where('closed_at', 'is', null).orderBy('id').execute();
      if (o.kind === 'create') {
        await run(database, (ctx) => createUnit(ctx, { parentId: pick(units, o.parent).id, name: `u${o.parent}`, level: LEVELS[o.level]! }));
      } else {
        await run(database, (ctx) => moveUnit(ctx, pick(units, o.unit).id, { parentId: pick(units, o.parent).id }));
      }
    }
  } catch (error) {
    // Refused transitions and moves are part of the game; anything else is a bug.
    if (!(error instanceof DomainError)) throw error;
  }
}

/** The folded rollups of a directive in the recount's shape (zero rows left out). */
async function rollups(directiveId: string) {
  const rows = await database.db.selectFrom('directive_rollups').selectAll().where('directive_id', '=', directiveId).execute();
  const items = await database.db.selectFrom('directive_item_rollups').selectAll().where('directive_id', '=', directiveId).execute();
  return {
    counts: Object.fromEntries(rows
      .map((r) => [r.unit_id, { received: r.received, acknowledged: r.acknowledged, in_progress: r.in_progress, done: r.done, blocked: r.blocked, overdue: r.overdue }] as const)
      .filter(([, c]) => Object.values(c).some((n) => n !== 0))),
    figures: Object.fromEntries(items
      .filter((r) => r.reported !== 0 || Number(r.value_sum) !== 0 || Number(r.percent_sum) !== 0)
      .map((r) => [`${r.unit_id}/${r.idx}`, { reported: r.reported, value: Number(r.value_sum), percent: Number(r.percent_sum) }])),
  };
}

it('keeps every directive rollup equal to a full recount over random status changes, reports, unit creations and moves', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
      for (const o of ops) await apply(o);
      for (const id of directives) {
        const expected = await recountDirective(database, id);
        // Read with the log pending: the root's figures are the recount's.
        const live = await run(database, (ctx) => directiveProgress(ctx, id, tree.root));
        const atRoot = expected.counts[tree.root] ?? { received: 0, acknowledged: 0, in_progress: 0, done: 0, blocked: 0, overdue: 0 };
        expect(live.counts).toEqual({ received: atRoot.received, acknowledged: atRoot.acknowledged, in_progress: atRoot.in_progress, done: atRoot.done, blocked: atRoot.blocked });
        await run(database, (ctx) => applyDirectiveDeltas(ctx));
        expect(await rollups(id)).toEqual(expected);
      }
    }),
    { numRuns: 20 },
  );
});
