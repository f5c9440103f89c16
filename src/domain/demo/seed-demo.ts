import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { createAccount } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { createAdmin } from '../accounts/create-admin.ts';
import { systemActor, transact, type Actor, type Ctx } from '../context.ts';
import { createCategory, URGENCIES } from '../cases/categories.ts';
import { createCase } from '../cases/create-case.ts';
import { createDirective } from '../directives/create-directive.ts';
import { issueDirective } from '../directives/issue-directive.ts';
import { setCadence } from '../gatherings/cadence.ts';
import { createGathering } from '../gatherings/create-gathering.ts';
import { sendInvitations } from '../gatherings/send-invitations.ts';
import { loadLevels } from '../org/levels.ts';
import type { Deadlines } from '../../db/schema-cases.ts';
import { importOrganization } from '../transfer/import-organization.ts';
import { defaultShape, demoMembers, demoUnits, type DemoShape } from './generate-demo.ts';

export const DEMO_SIGN_IN = { email: 'admin@demo.mainstay', password: 'mainstay-demo' };

const demoActor: Actor = systemActor('system:demo');

/** Loads a synthetic organization through the importer and gives every unit a secretary. */
export async function loadDemo(database: Database, clock: Clock, shape: DemoShape) {
  const report = await importOrganization(database, demoActor, clock, { units: demoUnits(shape), members: demoMembers(shape) });
  if (!report.committed) {
    const first = report.problems[0];
    throw new Error(`the demo could not be loaded: ${first ? `${first.file} line ${first.line}: ${first.reason}` : 'unknown reason'}`);
  }
  await transact(database, demoActor, clock, async (ctx) => {
    // Each unit's secretary comes from the first cell of its subtree: the member at
    // the unit's depth in name order, so one person holds one role at most.
    const picks = await sql<{ unit_id: string; person_id: string }>`
      select u.id as unit_id, (
        select p.id from people p
         where p.cell_id = (select c.id from units c
                             where (c.id = u.id or c.ancestor_ids @> array[u.id]) and c.depth = (select max(depth) from levels)
                             order by c.code limit 1)
         order by p.name, p.id offset u.depth limit 1) as person_id
      from units u where u.closed_at is null`.execute(ctx.db);
    const rows = picks.rows.filter((r) => r.person_id);
    // In batches: one statement may carry at most 65,535 parameters.
    for (let i = 0; i < rows.length; i += 5_000) {
      await ctx.db.insertInto('official_terms')
        .values(rows.slice(i, i + 5_000).map((r) => ({ id: newId(), unit_id: r.unit_id, person_id: r.person_id, role: 'secretary' as const, started_at: clock.now() })))
        .execute();
    }
    await recordAudit(ctx, { action: 'demo.appoint_secretaries', targetType: 'organization', details: { count: rows.length } });
  });
  return report;
}

/** First run of `npm start`: a small demo organization and its sign-in, only on an empty database. */
export async function seedDemoIfEmpty(database: Database, clock: Clock) {
  const anyUnit = await database.db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  const anyAccount = await database.db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (anyUnit || anyAccount) return undefined;
  const levels = await loadLevels(database.db);
  const shape = defaultShape(levels.all.map((l) => l.key), 24, 240, 1);
  const report = await loadDemo(database, clock, shape);
  await transact(database, demoActor, clock, (ctx) => createAdmin(ctx, DEMO_SIGN_IN));
  const scoped = await transact(database, demoActor, clock, async (ctx) => {
    // Sign-ins for the secretaries of the first district and of its first cell, to see scoped access.
    const made: string[] = [];
    for (const [level, email] of [[levels.all.at(-2)!.depth, 'district@demo.mainstay'], [levels.cellDepth, 'cell@demo.mainstay']] as const) {
      const term = await ctx.db.selectFrom('official_terms as t').innerJoin('units as u', 'u.id', 't.unit_id')
        .select(['t.person_id']).where('u.depth', '=', level).where('t.role', '=', 'secretary').orderBy('u.code').limit(1).executeTakeFirst();
      if (term) {
        await createAccount(ctx, { personId: term.person_id, email, password: DEMO_SIGN_IN.password });
        made.push(email);
      }
    }
    return made;
  });
  await transact(database, demoActor, clock, (ctx) => seedDemoCategories(ctx));
  await transact(database, demoActor, clock, (ctx) => seedDemoActivity(ctx));
  return { units: report.units.written, members: report.members.written, ...DEMO_SIGN_IN, scoped };
}

/** A few categories, so the public form and the case queues have something to show on a first start. */
async function seedDemoCategories(ctx: Ctx) {
  const levels = await loadLevels(ctx.db);
  const cell = levels.all.at(-1)!.key;
  const district = levels.all.at(-2)?.key ?? cell;
  const hours = (ack: number, resolve: number) => Object.fromEntries(URGENCIES.map((u, i) => [u, {
    acknowledgeHours: Math.max(1, ack / 2 ** i), resolveHours: Math.max(2, resolve / 2 ** i),
  }])) as Deadlines;
  await createCategory(ctx, { code: 'water', name: 'Water supply', names: { ko: '상수도' }, handlingLevel: cell, public: true, deadlines: hours(24, 120) });
  await createCategory(ctx, { code: 'housing', name: 'Housing and repairs', names: { ko: '주거와 수리' }, handlingLevel: district, public: true, deadlines: hours(48, 480) });
  await createCategory(ctx, { code: 'health', name: 'Health', names: { ko: '보건' }, handlingLevel: district, public: true, deadlines: hours(8, 72) });
}

/**
 * A little of everything on a first start, around the scoped sign-ins' district and cell:
 * cases in the cell's queue, a directive from the district to its cells, and the cell's
 * monthly meeting with its invitations sent — so every page has something to show.
 */
async function seedDemoActivity(ctx: Ctx) {
  const levels = await loadLevels(ctx.db);
  const cell = await ctx.db.selectFrom('units').select(['id', 'parent_id']).where('depth', '=', levels.cellDepth).orderBy('code').limit(1).executeTakeFirst();
  if (!cell?.parent_id) return;
  for (const [categoryCode, description, urgency] of [
    ['water', 'The pump by the school gives no water since Monday.', 'urgent'],
    ['water', 'A pipe leaks at the corner of the market street.', 'normal'],
    ['housing', 'The roof of the old people\'s home lets rain in.', 'normal'],
  ] as const) {
    await createCase(ctx, { categoryCode, description, urgency, receivedByUnitId: cell.id, requester: { name: 'A resident' } }, 'official');
  }
  const now = ctx.clock.now().getTime();
  const day = 86_400_000;
  const directive = await createDirective(ctx, {
    issuerUnitId: cell.parent_id, title: 'Prepare for the rainy season', body: 'Every cell checks its drains and reports the houses that need repair.',
    items: [{ title: 'Drains checked', dueAt: new Date(now + 7 * day).toISOString() }, { title: 'Houses repaired', dueAt: new Date(now + 30 * day).toISOString(), target: 10, unitLabel: 'houses' }],
    target: { kind: 'level', level: levels.all.at(-1)!.key },
  });
  await issueDirective(ctx, directive.id);
  const start = new Date(now + 3 * day);
  const meeting = await createGathering(ctx, {
    kind: 'meeting', conveningUnitId: cell.id, title: 'Monthly cell meeting', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    place: 'The cell office', agenda: ['The rainy season', 'Open cases'], invitees: { rule: 'unit-members', unitId: cell.id },
  });
  await sendInvitations(ctx, meeting.id);
  await setCadence(ctx, cell.id, { everyDays: 30 });
}
