import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { addMembers, run, testClock, type SmallTree } from '../../test/factories.ts';
import { PASSWORD, ROLES, type Role, type SeededActor } from '../../test/actors.ts';
import { multipartBody } from '../../test/multipart.ts';
import { JPEG } from '../../test/photos.ts';
import { createAccount } from '../domain/accounts/accounts.ts';
import { createUnit } from '../domain/org/create-unit.ts';
import { createPerson } from '../domain/people/create-person.ts';
import { appointOfficial } from '../domain/people/officials.ts';
import { newId } from '../platform/ids.ts';
import { setUnitCalendar } from '../domain/calendar/set-calendar.ts';
import { createCategory, URGENCIES } from '../domain/cases/categories.ts';
import { createCase } from '../domain/cases/create-case.ts';
import { issueApiKey } from '../domain/cases/api-keys.ts';
import type { Deadlines } from '../db/schema-cases.ts';
import { createDirective } from '../domain/directives/create-directive.ts';
import { issueDirective } from '../domain/directives/issue-directive.ts';
import { reportOnAssignment } from '../domain/directives/act-on-assignment.ts';
import { askQuestion } from '../domain/directives/questions.ts';
import { createGathering } from '../domain/gatherings/create-gathering.ts';
import { recordDecision } from '../domain/gatherings/minutes-and-decisions.ts';
import { sendInvitations } from '../domain/gatherings/send-invitations.ts';
import { useTestApp } from '../../test/http-app.ts';

/**
 * Every API route × every role × a target inside and outside the actor's part of
 * the tree → allowed or denied, as the product brief says it should be. The route
 * list comes from the running app, so a new route without a row here fails.
 *
 * The actors all sit in region 0: an official of region 0, of district 0 under it,
 * the secretary of cell 0 under that, and a plain member of cell 0. "Inside"
 * targets are in district 0 (so inside every official's scope, and the member's
 * own cell where the route reads one); "outside" targets are in region 1.
 */
type Who = Role | 'anonymous';
type Where = 'inside' | 'outside';
type Allowed = Partial<Record<Role, true>>;

interface Case {
  /** Builds the request for a target in the given place; may create fresh targets. */
  request(where: Where): Promise<InjectOptions>;
  /** Who is allowed on an inside target; on an outside target only the administrator is (unless `outside` says). */
  inside: Allowed;
  outside?: Allowed;
  /** Routes about the caller themselves have no outside target. */
  self?: boolean;
}

const ALL: Allowed = { admin: true, regionOfficial: true, districtOfficial: true, cellSecretary: true, member: true };
const OFFICIALS: Allowed = { admin: true, regionOfficial: true, districtOfficial: true, cellSecretary: true };
const ABOVE_CELL: Allowed = { admin: true, regionOfficial: true, districtOfficial: true };
const ADMIN: Allowed = { admin: true };

let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const tokens = {} as Record<Role, string>;
let insidePerson: string;
let outsidePerson: string;

const sys = <T>(fn: Parameters<typeof run<T>>[1]) => run(database, fn);
const district = (where: Where) => (where === 'inside' ? tree.districts[0]! : tree.districts[3]!);
const cell = (where: Where) => (where === 'inside' ? tree.cells[0]! : tree.cells[7]!);
const freshCell = async (where: Where) => (await sys((ctx) => createUnit(ctx, { parentId: district(where), name: `Fresh ${newId()}`, level: 'cell' }))).id;
const freshPerson = async (where: Where) => (await sys((ctx) => createPerson(ctx, { name: `Fresh ${where}`, cellId: cell(where) }))).id;
const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '18:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] } satisfies Parameters<typeof setUnitCalendar>[2];

const CATEGORY = {
  code: 'matrix', name: 'Matrix', handlingLevel: 'cell', public: true,
  deadlines: Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines,
};
/** A case waiting in the cell's triage queue (nothing places it elsewhere). */
const freshCase = async (where: Where) =>
  (await sys((ctx) => createCase(ctx, { categoryCode: CATEGORY.code, description: 'Matrix', urgency: 'low', receivedByUnitId: cell(where) }, 'official'))).id;

const DUE = '2030-01-01T00:00:00Z';
/** A directive of the district to its cells (issued unless asked not to), and the cell's assignment. */
const freshDirective = async (where: Where, issued = true) => {
  const { id } = await sys((ctx) => createDirective(ctx, { issuerUnitId: district(where), title: 'Matrix', body: 'Body', items: [{ title: 'Do', dueAt: DUE }], target: { kind: 'level', level: 'cell' } }));
  if (!issued) return { id, assignmentId: '' };
  await sys((ctx) => issueDirective(ctx, id));
  const a = await database.db.selectFrom('assignments').select('id').where('directive_id', '=', id).where('unit_id', '=', cell(where)).executeTakeFirstOrThrow();
  return { id, assignmentId: a.id };
};

const GATHERING = { kind: 'enlarged', title: 'Matrix', startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z' };
/** Invited to a district's enlarged meeting (its officials and those below): the inside cell's secretary; outside, an official of cell 7. */
const INVITEE: Record<Where, string> = { inside: '', outside: '' };
/** An enlarged meeting of the district, its invitations sent unless asked not to. */
/** Attendance opens when a gathering starts (issue 14): the doors that take it get one that has begun. */
const STARTED = { startsAt: '2025-01-01T10:00:00Z', endsAt: '2025-01-01T11:00:00Z' };
const freshGathering = async (where: Where, sent = true, started = false) => {
  const { id } = await sys((ctx) => createGathering(ctx, { ...GATHERING, ...(started ? STARTED : {}), kind: 'enlarged', conveningUnitId: district(where), invitees: { rule: 'officials-below', unitId: district(where) } }));
  if (sent) await sys((ctx) => sendInvitations(ctx, id));
  return id;
};

const CASES: Record<string, Case> = {
  'GET /api/v1/levels': { self: true, inside: ALL, request: async () => ({ method: 'GET', url: '/api/v1/levels' }) },
  'GET /api/v1/units/root': { self: true, inside: ALL, request: async () => ({ method: 'GET', url: '/api/v1/units/root' }) },
  'GET /api/v1/units/:id': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}` }) },
  'GET /api/v1/units/:id/children': { inside: ABOVE_CELL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${district(w)}/children` }) },
  'POST /api/v1/units': {
    inside: ABOVE_CELL,
    request: async (w) => ({ method: 'POST', url: '/api/v1/units', payload: { parentId: district(w), name: 'New cell', level: 'cell' } }),
  },
  'PATCH /api/v1/units/:id': { inside: ABOVE_CELL, request: async (w) => ({ method: 'PATCH', url: `/api/v1/units/${await freshCell(w)}`, payload: { name: 'Renamed' } }) },
  'POST /api/v1/units/:id/move': {
    inside: ABOVE_CELL,
    request: async (w) => ({ method: 'POST', url: `/api/v1/units/${await freshCell(w)}/move`, payload: { parentId: w === 'inside' ? tree.districts[0] : tree.districts[2] } }),
  },
  'POST /api/v1/units/:id/close': { inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/units/${await freshCell(w)}/close` }) },
  'GET /api/v1/units/:id/members': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/members` }) },
  'GET /api/v1/units/:id/officials': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/officials` }) },
  'POST /api/v1/units/:id/officials': {
    inside: ABOVE_CELL,
    request: async (w) => {
      const unit = await freshCell(w);
      const person = (await sys((ctx) => createPerson(ctx, { name: 'Appointee', cellId: unit }))).id;
      return { method: 'POST', url: `/api/v1/units/${unit}/officials`, payload: { personId: person, role: 'secretary' } };
    },
  },
  'DELETE /api/v1/units/:id/officials/:personId': {
    inside: ABOVE_CELL,
    request: async (w) => {
      const unit = await freshCell(w);
      const person = (await sys((ctx) => createPerson(ctx, { name: 'Outgoing', cellId: unit }))).id;
      await sys((ctx) => appointOfficial(ctx, unit, { personId: person, role: 'official' }));
      return { method: 'DELETE', url: `/api/v1/units/${unit}/officials/${person}` };
    },
  },
  'GET /api/v1/units/:id/calendar': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/calendar` }) },
  // Like renaming, a unit's working-time calendar is set by the level above.
  'PUT /api/v1/units/:id/calendar': { inside: ABOVE_CELL, request: async (w) => ({ method: 'PUT', url: `/api/v1/units/${await freshCell(w)}/calendar`, payload: CALENDAR }) },
  'DELETE /api/v1/units/:id/calendar': {
    inside: ABOVE_CELL,
    request: async (w) => {
      const unit = await freshCell(w);
      await sys((ctx) => setUnitCalendar(ctx, unit, CALENDAR));
      return { method: 'DELETE', url: `/api/v1/units/${unit}/calendar` };
    },
  },
  'POST /api/v1/people': { inside: OFFICIALS, request: async (w) => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'Newcomer', cellId: cell(w) } }) },
  'GET /api/v1/people/:id': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/people/${w === 'inside' ? insidePerson : outsidePerson}` }) },
  'PATCH /api/v1/people/:id': {
    inside: OFFICIALS,
    request: async (w) => ({ method: 'PATCH', url: `/api/v1/people/${w === 'inside' ? insidePerson : outsidePerson}`, payload: { phone: '+1 555 0100' } }),
  },
  'POST /api/v1/people/:id/transfer': {
    inside: ABOVE_CELL,
    request: async (w) => ({ method: 'POST', url: `/api/v1/people/${await freshPerson(w)}/transfer`, payload: { cellId: w === 'inside' ? tree.cells[1] : tree.cells[6] } }),
  },
  'GET /api/v1/people/:id/history': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/people/${w === 'inside' ? insidePerson : outsidePerson}/history` }) },
  'GET /api/v1/people/:id/export': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/people/${w === 'inside' ? insidePerson : outsidePerson}/export` }) },
  'POST /api/v1/people/:id/anonymise': { inside: ADMIN, request: async (w) => ({ method: 'POST', url: `/api/v1/people/${await freshPerson(w)}/anonymise` }) },
  'POST /api/v1/accounts': {
    inside: OFFICIALS,
    request: async (w) => ({ method: 'POST', url: '/api/v1/accounts', payload: { personId: await freshPerson(w), email: `${newId()}@test.example`, password: PASSWORD } }),
  },
  'POST /api/v1/accounts/:id/disable': {
    inside: OFFICIALS,
    request: async (w) => {
      const person = await freshPerson(w);
      const { id } = await sys((ctx) => createAccount(ctx, { personId: person, email: `${newId()}@test.example`, password: PASSWORD }));
      return { method: 'POST', url: `/api/v1/accounts/${id}/disable` };
    },
  },
  'GET /api/v1/audit': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/audit?entity=${cell(w)}` }) },
  'GET /api/v1/audit/verify': { self: true, inside: ADMIN, request: async () => ({ method: 'GET', url: '/api/v1/audit/verify' }) },
  // Inside: the actors' own cell, which every role may read (the member included).
  'GET /api/v1/search': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/search?q=cell&within=${cell(w)}` }) },
  'POST /api/v1/imports': {
    self: true, inside: ADMIN,
    request: async () => ({
      method: 'POST', url: '/api/v1/imports?dryRun=true',
      ...multipartBody([{ name: 'units', file: `code,name,level,parent_code\nM-${newId()},Matrix cell,cell,${tree.districts[0]}\n` }]),
    }),
  },
  // Registered only on test servers (MAINSTAY_TEST_CLOCK=1); this app is built as one so the row is checked.
  'POST /api/v1/test/clock': { self: true, inside: ADMIN, request: async () => ({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 0 } }) },
  'POST /api/v1/categories': {
    self: true, inside: ADMIN,
    request: async () => ({ method: 'POST', url: '/api/v1/categories', payload: { ...CATEGORY, code: `c-${newId().slice(-12)}` } }),
  },
  'GET /api/v1/categories': { self: true, inside: ALL, request: async () => ({ method: 'GET', url: '/api/v1/categories' }) },
  // Read like the unit (its own cell's member included); set by the level above.
  'GET /api/v1/units/:id/service-area': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/service-area` }) },
  // Like renaming, a unit's service area belongs to the level above.
  'PUT /api/v1/units/:id/service-area': {
    inside: ABOVE_CELL, request: async (w) => ({ method: 'PUT', url: `/api/v1/units/${cell(w)}/service-area`, payload: { polygon: null, localities: ['Matrix'] } }),
  },
  // An official files on someone's behalf; a member files their own request. Either may
  // name the receiving unit's queue: one they act in (a member: their own cell).
  'POST /api/v1/cases': {
    inside: ALL,
    request: async (w) => ({ method: 'POST', url: '/api/v1/cases', payload: { categoryCode: CATEGORY.code, description: 'Matrix', urgency: 'low', receivedByUnitId: cell(w) } }),
  },
  'GET /api/v1/cases/:id': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/cases/${await freshCase(w)}` }) },
  // A photo is read like its case.
  'GET /api/v1/cases/:id/photos/:position': {
    inside: OFFICIALS,
    request: async (w) => {
      const { id } = await sys((ctx) => createCase(ctx, { categoryCode: CATEGORY.code, description: 'Matrix', urgency: 'low', receivedByUnitId: cell(w), photos: [{ filename: 'm.jpg', bytes: JPEG }] }, 'official'));
      return { method: 'GET', url: `/api/v1/cases/${id}/photos/1` };
    },
  },
  'POST /api/v1/cases/:id/transition': {
    inside: OFFICIALS, request: async (w) => ({ method: 'POST', url: `/api/v1/cases/${await freshCase(w)}/transition`, payload: { to: 'acknowledged' } }),
  },
  'GET /api/v1/units/:id/cases': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/cases?scope=subtree` }) },
  'GET /api/v1/units/:id/case-dashboard': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/case-dashboard` }) },
  // The owning chain assigns, to an official of the owning unit.
  'POST /api/v1/cases/assign': {
    inside: OFFICIALS,
    request: async (w) => {
      const official = await freshPerson(w);
      await sys((ctx) => appointOfficial(ctx, cell(w), { personId: official, role: 'official' }));
      return { method: 'POST', url: '/api/v1/cases/assign', payload: { caseIds: [await freshCase(w)], assigneePersonId: official } };
    },
  },
  'GET /api/v1/units/:id/api-keys': { inside: ADMIN, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/api-keys` }) },
  // Keys for a unit's machine clients (Open311): administrators only.
  'POST /api/v1/units/:id/api-keys': { inside: ADMIN, request: async (w) => ({ method: 'POST', url: `/api/v1/units/${cell(w)}/api-keys`, payload: { name: 'matrix' } }) },
  'DELETE /api/v1/units/:id/api-keys/:keyId': {
    inside: ADMIN,
    request: async (w) => {
      const { id } = await sys((ctx) => issueApiKey(ctx, cell(w), { name: 'to revoke' }));
      return { method: 'DELETE', url: `/api/v1/units/${cell(w)}/api-keys/${id}` };
    },
  },
  // Directives: the issuing unit and those above it manage; the receiving unit's officials (and those above) act on its assignment.
  'POST /api/v1/directives': {
    inside: ABOVE_CELL,
    request: async (w) => ({ method: 'POST', url: '/api/v1/directives', payload: { issuerUnitId: district(w), title: 'Matrix', body: 'Body', items: [{ title: 'Do', dueAt: DUE }], target: { kind: 'all' } } }),
  },
  'GET /api/v1/directives/:id': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/directives/${(await freshDirective(w)).id}` }) },
  'PATCH /api/v1/directives/:id': { inside: ABOVE_CELL, request: async (w) => ({ method: 'PATCH', url: `/api/v1/directives/${(await freshDirective(w, false)).id}`, payload: { title: 'Edited' } }) },
  'POST /api/v1/directives/:id/issue': { inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/directives/${(await freshDirective(w, false)).id}/issue` }) },
  'POST /api/v1/directives/:id/amend': {
    inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/directives/${(await freshDirective(w)).id}/amend`, payload: { title: 'Amended', note: 'Matrix' } }),
  },
  'POST /api/v1/directives/:id/withdraw': {
    inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/directives/${(await freshDirective(w)).id}/withdraw`, payload: { reason: 'Matrix' } }),
  },
  'GET /api/v1/directives/:id/progress': { inside: ABOVE_CELL, request: async (w) => ({ method: 'GET', url: `/api/v1/directives/${(await freshDirective(w)).id}/progress` }) },
  // The chart beside the progress view: the same readers (drilling down to a cell is in directive-history.test.ts).
  'GET /api/v1/directives/:id/history': { inside: ABOVE_CELL, request: async (w) => ({ method: 'GET', url: `/api/v1/directives/${(await freshDirective(w)).id}/history` }) },
  'POST /api/v1/directives/:id/questions/:questionId/answer': {
    inside: ABOVE_CELL,
    request: async (w) => {
      const d = await freshDirective(w);
      const q = await sys((ctx) => askQuestion(ctx, d.assignmentId, { text: 'Why?' }));
      return { method: 'POST', url: `/api/v1/directives/${d.id}/questions/${q.id}/answer`, payload: { answer: 'Because.' } };
    },
  },
  'GET /api/v1/units/:id/directives': { inside: ABOVE_CELL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${district(w)}/directives` }) },
  'GET /api/v1/units/:id/assignments': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/assignments` }) },
  'GET /api/v1/assignments/:id': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/assignments/${(await freshDirective(w)).assignmentId}` }) },
  'POST /api/v1/assignments/:id/transition': {
    inside: OFFICIALS, request: async (w) => ({ method: 'POST', url: `/api/v1/assignments/${(await freshDirective(w)).assignmentId}/transition`, payload: { to: 'acknowledged' } }),
  },
  'POST /api/v1/assignments/:id/reports': {
    inside: OFFICIALS, request: async (w) => ({ method: 'POST', url: `/api/v1/assignments/${(await freshDirective(w)).assignmentId}/reports`, payload: { itemIndex: 0, percent: 50 } }),
  },
  'POST /api/v1/assignments/:id/questions': {
    inside: OFFICIALS, request: async (w) => ({ method: 'POST', url: `/api/v1/assignments/${(await freshDirective(w)).assignmentId}/questions`, payload: { text: 'Why?' } }),
  },
  // Files join a draft by the issuing chain (an issued directive only with a note, in directive-files.test.ts).
  'POST /api/v1/directives/:id/attachments': {
    inside: ABOVE_CELL,
    request: async (w) => ({ method: 'POST', url: `/api/v1/directives/${(await freshDirective(w, false)).id}/attachments`, ...multipartBody([{ name: 'files', file: 'house,done\nA,1\n' }]) }),
  },
  // A report's evidence is read like its assignment (attachments like their directive: directive-files.test.ts).
  'GET /api/v1/directive-files/:id': {
    inside: OFFICIALS,
    request: async (w) => {
      const { assignmentId } = await freshDirective(w);
      await sys((ctx) => reportOnAssignment(ctx, assignmentId, { itemIndex: 0, files: [{ filename: 'm.jpg', bytes: JPEG }] }));
      const file = await database.db.selectFrom('directive_files').select('id').where('assignment_id', '=', assignmentId).executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/v1/directive-files/${file.id}` };
    },
  },
  // Gatherings: the convening unit's officials and those above manage; invitees answer and check in.
  'POST /api/v1/gatherings': {
    inside: ABOVE_CELL,
    request: async (w) => ({ method: 'POST', url: '/api/v1/gatherings', payload: { ...GATHERING, conveningUnitId: district(w), invitees: { rule: 'officials-below', unitId: district(w) } } }),
  },
  // The cell secretary is an invitee: they see the gathering (not its invitee list).
  'GET /api/v1/gatherings/:id': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/gatherings/${await freshGathering(w)}` }) },
  'PATCH /api/v1/gatherings/:id': { inside: ABOVE_CELL, request: async (w) => ({ method: 'PATCH', url: `/api/v1/gatherings/${await freshGathering(w)}`, payload: { title: 'Matrix (moved)' } }) },
  'POST /api/v1/gatherings/:id/cancel': { inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/gatherings/${await freshGathering(w)}/cancel`, payload: { reason: 'Matrix' } }) },
  'POST /api/v1/gatherings/:id/send': { inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/gatherings/${await freshGathering(w, false)}/send` }) },
  'GET /api/v1/gatherings/:id/invitees': { inside: ABOVE_CELL, request: async (w) => ({ method: 'GET', url: `/api/v1/gatherings/${await freshGathering(w)}/invitees` }) },
  'POST /api/v1/gatherings/:id/attendance': {
    inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/gatherings/${await freshGathering(w, true, true)}/attendance`, payload: { personId: INVITEE[w], status: 'present' } }),
  },
  // Only invitees check in and answer: inside, the district's official and the cell's secretary; nobody outside.
  'POST /api/v1/gatherings/:id/check-in': {
    inside: { districtOfficial: true, cellSecretary: true }, outside: {},
    request: async (w) => {
      const id = await freshGathering(w, true, true);
      const code = (await database.db.selectFrom('gatherings').select('checkin_code').where('id', '=', id).executeTakeFirstOrThrow()).checkin_code;
      return { method: 'POST', url: `/api/v1/gatherings/${id}/check-in`, payload: { code } };
    },
  },
  'POST /api/v1/gatherings/:id/rsvp': {
    inside: { districtOfficial: true, cellSecretary: true }, outside: {}, request: async (w) => ({ method: 'POST', url: `/api/v1/gatherings/${await freshGathering(w)}/rsvp`, payload: { answer: 'yes' } }),
  },
  'POST /api/v1/gatherings/:id/agenda': {
    inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/gatherings/${await freshGathering(w)}/agenda`, payload: { title: 'Matrix' } }),
  },
  'POST /api/v1/gatherings/:id/decisions': {
    inside: ABOVE_CELL, request: async (w) => ({ method: 'POST', url: `/api/v1/gatherings/${await freshGathering(w)}/decisions`, payload: { text: 'Matrix' } }),
  },
  'POST /api/v1/decisions/:id/directive': {
    inside: ABOVE_CELL,
    request: async (w) => {
      const gathering = await freshGathering(w);
      const decision = await sys((ctx) => recordDecision(ctx, gathering, { text: 'Matrix' }));
      return { method: 'POST', url: `/api/v1/decisions/${decision.id}/directive` };
    },
  },
  'GET /api/v1/gatherings/:id/review': { inside: ABOVE_CELL, request: async (w) => ({ method: 'GET', url: `/api/v1/gatherings/${await freshGathering(w)}/review` }) },
  'GET /api/v1/units/:id/gatherings': { inside: ALL, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/gatherings` }) },
  'GET /api/v1/units/:id/meeting-stats': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/units/${cell(w)}/meeting-stats` }) },
  'PUT /api/v1/units/:id/cadence': { inside: OFFICIALS, request: async (w) => ({ method: 'PUT', url: `/api/v1/units/${cell(w)}/cadence`, payload: { everyDays: 30 } }) },
  'GET /api/v1/people/:id/gatherings': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/people/${await freshPerson(w)}/gatherings` }) },
  'GET /api/v1/people/:id/attendance': { inside: OFFICIALS, request: async (w) => ({ method: 'GET', url: `/api/v1/people/${await freshPerson(w)}/attendance` }) },
  // Your own secret address only (administrators may fetch anyone's).
  'GET /api/v1/people/:id/calendar-link': { inside: ADMIN, request: async (w) => ({ method: 'GET', url: `/api/v1/people/${w === 'inside' ? insidePerson : outsidePerson}/calendar-link` }) },
  'GET /api/v1/session': { self: true, inside: ALL, request: async () => ({ method: 'GET', url: '/api/v1/session' }) },
  // Issue 14: the person's own Today, anchored on their own terms, person and cell (scope: src/http/today.test.ts).
  'GET /api/v1/me/today': { self: true, inside: ALL, request: async () => ({ method: 'GET', url: '/api/v1/me/today' }) },
  'GET /api/v1/tokens': { self: true, inside: ALL, request: async () => ({ method: 'GET', url: '/api/v1/tokens' }) },
  'POST /api/v1/tokens': { self: true, inside: ALL, request: async () => ({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'matrix' } }) },
  // Own tokens only: another account's token is "outside" for everyone, administrators included.
  'DELETE /api/v1/tokens/:id': {
    inside: ALL,
    outside: {},
    request: async () => ({ method: 'DELETE', url: '/api/v1/tokens/TOKEN' }),
  },
  'POST /api/v1/account/password': {
    self: true, inside: ALL,
    request: async () => ({ method: 'POST', url: '/api/v1/account/password', payload: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  },
  'DELETE /api/v1/session': { self: true, inside: ALL, request: async () => ({ method: 'DELETE', url: '/api/v1/session' }) },
};

/** Reachable without signing in. */
const PUBLIC = [/^(GET|POST) \/api\/v1\/(public|track)\//, /^GET \/api\/v1\/people\/:id\/calendar\.ics$/, /^(GET|POST) \/open311\//, /^GET \/api\/v1\/health$/, /^GET \/api\/v1\/openapi\.json$/, /^GET \/api\/v1\/docs/, /^POST \/api\/v1\/session$/, /^POST \/api\/v1\/password\/(forgot|set)$/, /^GET \/$/, /^GET \/\*$/];

const fixture = useTestApp({ actors: true, server: { clock: testClock, testClock: { clock: testClock, runDueJobs: async () => {} } } });
beforeAll(async () => {
  ({ database, tree, actors, app } = fixture);
  await addMembers(database, tree.cells[0]!, 2);
  await addMembers(database, tree.cells[7]!, 2);
  insidePerson = (await sys((ctx) => createPerson(ctx, { name: 'Inside Person', cellId: tree.cells[0]! }))).id;
  outsidePerson = (await sys((ctx) => createPerson(ctx, { name: 'Outside Person', cellId: tree.cells[7]! }))).id;
  await sys((ctx) => createCategory(ctx, CATEGORY));
  INVITEE.inside = actors.cellSecretary.personId!;
  INVITEE.outside = (await sys((ctx) => createPerson(ctx, { name: 'Outside Official', cellId: tree.cells[7]! }))).id;
  await sys((ctx) => appointOfficial(ctx, tree.cells[7]!, { personId: INVITEE.outside, role: 'official' }));
  for (const role of ROLES) tokens[role] = await signIn(role);
});

async function signIn(role: Role): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors[role].email, password: PASSWORD } });
  expect(response.statusCode).toBe(200);
  return response.json().token;
}

async function send(who: Who, options: InjectOptions, token?: string) {
  const headers = { ...(options.headers ?? {}), ...(who === 'anonymous' ? {} : { authorization: `Bearer ${token ?? tokens[who]}` }) };
  return app.inject({ ...options, headers });
}

/** Some routes consume what they act on; give them a token of their own. */
async function tokenFor(key: string, who: Role, where: Where, options: InjectOptions): Promise<{ options: InjectOptions; token?: string }> {
  if (key === 'DELETE /api/v1/session' || key === 'POST /api/v1/account/password') return { options, token: await signIn(who) };
  if (key === 'DELETE /api/v1/tokens/:id') {
    const owner = where === 'inside' ? who : who === 'admin' ? 'member' : 'admin';
    const created = await send(owner, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'to revoke' } });
    return { options: { ...options, url: String(options.url).replace('TOKEN', created.json().id) } };
  }
  return { options };
}

describe('the access matrix', () => {
  it('has a row for every route the app serves', () => {
    const served = app.routeTable.map((r) => `${r.method} ${r.url}`).filter((key) => !PUBLIC.some((p) => p.test(key)));
    const missing = served.filter((key) => !(key in CASES));
    expect(missing).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !served.includes(key))).toEqual([]);
  });

  for (const [key, c] of Object.entries(CASES)) {
    it(key, async () => {
      const wheres: Where[] = c.self ? ['inside'] : ['inside', 'outside'];
      const leaks: string[] = [];
      for (const where of wheres) {
        for (const who of [...ROLES, 'anonymous'] as Who[]) {
          const allowed = who !== 'anonymous' && Boolean((where === 'inside' ? c.inside : (c.outside ?? ADMIN))[who]);
          const prepared = who === 'anonymous' ? { options: await c.request(where) } : await tokenFor(key, who, where, await c.request(where));
          const response = await send(who, prepared.options, prepared.token);
          const ok = response.statusCode >= 200 && response.statusCode < 300;
          if (ok !== allowed) leaks.push(`${who} on ${where}: expected ${allowed ? 'allow' : 'deny'}, got ${response.statusCode} ${response.body.slice(0, 120)}`);
          if (!ok) {
            expect([401, 403, 404], `${key} ${who} ${where}`).toContain(response.statusCode);
            expect(response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
          }
          if (!ok && who !== 'anonymous' && where === 'outside') {
            // A refusal outside the scope reads exactly like a missing object.
            expect(response.statusCode, `${key} ${who}: outside refusals are 404`).toBe(404);
            const missing = await send(who, { ...prepared.options, url: String(prepared.options.url).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => (id === tree.districts[0] || id === tree.cells[1] ? id : newId())) });
            if (prepared.options.payload === undefined) expect(missing.json().error.code).toBe(response.json().error.code);
          }
        }
      }
      expect(leaks).toEqual([]);
    });
  }
});

/** Each id in a request, in order: in the path and query, then in a JSON body (not the ones making e-mails unique). */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?!@)/g;
const idsOf = (options: InjectOptions) => [
  ...String(options.url).match(UUID) ?? [],
  ...(options.payload && !Buffer.isBuffer(options.payload) ? JSON.stringify(options.payload).match(UUID) ?? [] : []),
];
/** The same request with its `index`-th id (counted as idsOf counts) replaced by `id`. */
function withId(options: InjectOptions, index: number, id: string): InjectOptions {
  let seen = 0;
  const swap = (text: string) => text.replace(UUID, (found) => (seen++ === index ? id : found));
  const url = swap(String(options.url));
  if (!options.payload || Buffer.isBuffer(options.payload)) return { ...options, url };
  return { ...options, url, payload: JSON.parse(swap(JSON.stringify(options.payload))) };
}
/** Status and body with every id and case reference blanked: fresh targets differ from call to call. */
const shapeOf = (response: { statusCode: number; body: string }) =>
  ({ status: response.statusCode, body: response.body.replace(UUID, '<id>').replace(/C-[0-9A-Z]{4}-[0-9A-Z]{4}/g, '<reference>') });

const SAME_ANSWER_ROLES: Role[] = ['admin', 'districtOfficial', 'member'];

describe('out of scope reads exactly as nonexistent', () => {
  // For every route with an id (in the path, the query or the body) and every actor for
  // whom the outside is out of scope: each id of a request, replaced in turn by the id
  // of the same kind from the outside request and by a random id, gets the same answer
  // (status and body, but for the id itself). Both from the inside request (one foreign
  // id among the actor's own: a transfer to a cell elsewhere) and from the outside one.
  for (const [key, c] of Object.entries(CASES)) {
    if (c.self) continue;
    it(key, async () => {
      const differences: string[] = [];
      // An official whose scope holds the inside targets, and a member; the administrator
      // where the outside is out of reach even for them. Every request here is refused (or
      // the test fails), so one inside and one outside request serve every variant.
      for (const who of SAME_ANSWER_ROLES) {
        if ((c.outside ?? ADMIN)[who]) continue;
        const build = async (where: Where) => (await tokenFor(key, who, where, await c.request(where)));
        const outside = await build('outside');
        const inside = await build('inside');
        const foreign = idsOf(outside.options);
        for (const [where, base] of [['inside', inside], ['outside', outside]] as const) {
          const own = idsOf(base.options);
          if (own.length !== foreign.length) throw new Error(`${key}: the inside and outside requests name different numbers of ids`);
          for (let i = 0; i < own.length; i++) {
            if (where === 'inside' && own[i] === foreign[i]) continue;
            const asForeign = await send(who, withId(base.options, i, foreign[i]!), base.token);
            const asMissing = await send(who, withId(base.options, i, newId()), base.token);
            const [a, b] = [shapeOf(asForeign), shapeOf(asMissing)];
            if (a.status !== b.status || a.body !== b.body) {
              differences.push(`${who}, ${where} request, id #${i + 1}: out of scope ${a.status} ${a.body.slice(0, 160)} / missing ${b.status} ${b.body.slice(0, 160)}`);
            }
          }
        }
      }
      expect(differences).toEqual([]);
    });
  }
});
