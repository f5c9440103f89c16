import type { FastifyInstance, InjectOptions } from 'fastify';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { systemActor, transact } from '../domain/context.ts';
import { markMissedMeetings } from '../domain/gatherings/cadence.ts';
import { checkIn } from '../domain/gatherings/attendance.ts';
import { settleHeldGatherings } from '../domain/gatherings/held.ts';
import { queueInvitationMail } from '../domain/gatherings/invitation-mail.ts';
import { renderCalendar } from '../domain/gatherings/icalendar.ts';
import { transferPerson } from '../domain/people/transfer-person.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Role, SeededActor } from '../../test/actors.ts';
import { addMembers, type SmallTree } from '../../test/factories.ts';
import { itipErrors, libical } from '../../test/libical.ts';
import { useTestApp } from '../../test/http-app.ts';

const DAY = 86_400_000;
/** The installation's From: calendar files name its address as ORGANIZER. */
const FROM = 'Mainstay notices <notices@example.org>';
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
let members: string[];
const clock = fixedClock('2026-05-04T08:00:00Z');
let tokens: Record<Role, string>;
const system = <T>(fn: Parameters<typeof transact<T>>[3]) => transact(database, systemActor('test'), clock, fn);

const signIn = (role: Role) => fixture.signIn(role);
const call = async (role: Role | null, options: InjectOptions): Promise<{ status: number; json: any; body: string; type: string | undefined }> => {
  const send = () => app.inject({ ...options, headers: role ? { authorization: `Bearer ${tokens[role]}` } : {} });
  let response = await send();
  if (role && response.statusCode === 401) {
    await signIn(role);
    response = await send();
  }
  const type = response.headers['content-type'] as string | undefined;
  return { status: response.statusCode, json: type?.includes('json') ? response.json() : undefined, body: response.body, type };
};
const ok = async (role: Role, options: InjectOptions, status = 200) => {
  const response = await call(role, options);
  expect(response.status, response.body).toBe(status);
  return response.json;
};
const at = (days: number, hours = 0) => new Date(clock.now().getTime() + days * DAY + hours * 3_600_000).toISOString();
const schedule = (role: Role, body: Record<string, unknown>) => ok(role, { method: 'POST', url: '/api/v1/gatherings', payload: { title: 'Monthly meeting', startsAt: at(1), endsAt: at(1, 2), place: 'The hall, row 2; door B', ...body } }, 201);
const send = (role: Role, id: string) => ok(role, { method: 'POST', url: `/api/v1/gatherings/${id}/send` });
const mark = (role: Role, id: string, personId: string, status: string, session?: number) =>
  call(role, { method: 'POST', url: `/api/v1/gatherings/${id}/attendance`, payload: { personId, status, ...(session !== undefined ? { session } : {}) } });
const stats = (unitId: string, role: Role = 'admin') => ok(role, { method: 'GET', url: `/api/v1/units/${unitId}/meeting-stats` });

/** Parses with ical.js, which throws on malformed input, and returns the events. */
const parseIcs = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));

const fixture = useTestApp({ actors: true, server: { clock, mailFrom: FROM } });
beforeAll(async () => {
  ({ database, tree, actors, app, tokens } = fixture);
  members = await addMembers(database, tree.cells[0]!, 3, 'Villager');
});

describe('invitees', () => {
  it('are resolved from the rule when sent, and kept through later transfers', async () => {
    const meeting = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    expect((await ok('cellSecretary', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` })).invitees).toEqual([]);
    // Cell 0 holds the secretary, the member and the three villagers (the administrator is no member).
    const { invited } = await send('cellSecretary', meeting.id);
    expect(invited).toBe(5);
    await system((ctx) => transferPerson(ctx, members[0]!, { cellId: tree.cells[1]! }));
    const view = await ok('cellSecretary', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(view.invitees).toHaveLength(5);
    expect(view.invitees.find((i: { personId: string }) => i.personId === members[0]).unitId).toBe(tree.cells[0]);
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/send` })).json.error.code).toBe('already_sent');
    await system((ctx) => transferPerson(ctx, members[0]!, { cellId: tree.cells[0]! }));

    const enlarged = await schedule('regionOfficial', { kind: 'enlarged', conveningUnitId: tree.regions[0], invitees: { rule: 'officials-below', unitId: tree.regions[0] } });
    expect((await send('regionOfficial', enlarged.id)).invited).toBe(3);
    const conference = await schedule('admin', { kind: 'conference', conveningUnitId: tree.root, invitees: { rule: 'secretaries-at-level', unitId: tree.root, level: 'cell' } });
    expect((await send('admin', conference.id)).invited).toBe(1);
  });

  it('refuses bad schedules and strangers, writing nothing', async () => {
    const base = { kind: 'meeting', conveningUnitId: tree.cells[0], title: 'T', startsAt: at(2), endsAt: at(2, 1), invitees: { rule: 'unit-members', unitId: tree.cells[0] } };
    const post = (role: Role, body: Record<string, unknown>) => call(role, { method: 'POST', url: '/api/v1/gatherings', payload: { ...base, ...body } });
    const before = await database.db.selectFrom('gatherings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect((await post('cellSecretary', { endsAt: at(1) })).json.error.code).toBe('ends_before_start');
    expect((await post('cellSecretary', { invitees: { rule: 'unit-members', unitId: tree.cells[1] } })).json.error.code).toBe('invitees_outside');
    expect((await post('cellSecretary', { invitees: { rule: 'secretaries-at-level', unitId: tree.cells[0] } })).json.error.code).toBe('level_required');
    expect((await post('cellSecretary', { sessions: [{ startsAt: at(2), endsAt: at(2, 1) }] })).json.error.code).toBe('sessions_for_courses');
    expect((await post('cellSecretary', { onlineUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await post('cellSecretary', { conveningUnitId: tree.cells[1], invitees: { rule: 'unit-members', unitId: tree.cells[1] } })).status).toBe(404);
    expect((await post('member', {})).status).toBe(403);
    const after = await database.db.selectFrom('gatherings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('attendance, minutes and decisions', () => {
  it('marks attendance with one tap per person, lets invitees check in and answer, and rolls it up to every level', async () => {
    const meeting = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], startsAt: at(0, -1), endsAt: at(0, 1), invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    await send('cellSecretary', meeting.id);
    const before = await stats(tree.root);
    expect((await mark('cellSecretary', meeting.id, members[0]!, 'present')).status).toBe(200);
    expect((await mark('cellSecretary', meeting.id, members[1]!, 'excused')).status).toBe(200);
    expect((await mark('cellSecretary', meeting.id, members[2]!, 'present')).status).toBe(200);
    // A second tap corrects the first.
    await mark('cellSecretary', meeting.id, members[2]!, 'absent');
    expect((await mark('cellSecretary', meeting.id, actors.districtOfficial.personId!, 'present')).json.error.code).toBe('not_invited');
    expect((await mark('districtOfficial', meeting.id, members[0]!, 'present')).status).toBe(200);
    expect((await mark('cellSecretary', meeting.id, members[0]!, 'present', 3)).json.error.code).toBe('no_such_session');

    // The member answers and checks in with the code; a wrong code is refused.
    expect((await call('member', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/rsvp`, payload: { answer: 'yes' } })).json).toEqual({ rsvp: 'yes' });
    const view = await ok('cellSecretary', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect((await call('member', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/check-in`, payload: { code: view.checkinCode === '000000' ? '000001' : '000000' } })).json.error.code).toBe('wrong_code');
    expect((await call('member', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/check-in`, payload: { code: view.checkinCode } })).json.status).toBe('present');
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/rsvp`, payload: { answer: 'no' } })).status).toBe(404);

    const seen = await ok('member', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(seen).toMatchObject({ checkinCode: null, invitees: [], myInvitation: { rsvp: 'yes', attendance: [{ session: 0, status: 'present' }] } });
    const full = await ok('cellSecretary', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(full.sessions[0].attendance).toEqual({ present: 2, excused: 1, absent: 1, expected: 5, rate: Math.round((2 / 5) * 1000) / 10 });
    expect(full.heldAt).not.toBeNull();

    for (const unit of [tree.root, tree.regions[0]!, tree.districts[0]!, tree.cells[0]!]) {
      const after = await stats(unit);
      if (unit === tree.root) {
        expect(after.gatheringsHeld - before.gatheringsHeld).toBe(1);
        expect(after.attendance.present - before.attendance.present).toBe(2);
      }
      expect(after.attendance.present).toBeGreaterThanOrEqual(2);
    }
    expect((await stats(tree.regions[1]!)).gatheringsHeld).toBe(0);
    const person = await ok('member', { method: 'GET', url: `/api/v1/people/${actors.member.personId}/attendance` });
    expect(person).toMatchObject({ rate: 100, items: [{ gatheringId: meeting.id, status: 'present' }] });
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[2]}/meeting-stats` })).status).toBe(404);
  });

  it('keeps minutes per agenda item and decisions with votes, and turns a decision into a linked draft directive', async () => {
    const meeting = await schedule('districtOfficial', { kind: 'enlarged', conveningUnitId: tree.districts[0], agenda: ['Harvest', 'Roads'], invitees: { rule: 'officials-below', unitId: tree.districts[0] } });
    await ok('districtOfficial', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/agenda`, payload: { index: 0, minutes: 'The harvest is late by a week.' } });
    expect((await ok('districtOfficial', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/agenda`, payload: { title: 'Any other business' } })).index).toBe(2);
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/agenda`, payload: { index: 9, minutes: 'x' } })).json.error.code).toBe('no_such_item');
    const decided = await ok('districtOfficial', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/decisions`, payload: { text: 'Every cell brings in its harvest by June.', agendaIndex: 0, votes: { for: 12, against: 1, abstain: 2 } } }, 201);
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/decisions`, payload: { text: 'x', votes: { for: -1, against: 0, abstain: 0 } } })).status).toBe(400);
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/decisions`, payload: { text: 'x' } })).status).toBe(404);

    const draft = await ok('districtOfficial', { method: 'POST', url: `/api/v1/decisions/${decided.id}/directive` }, 201);
    expect(draft).toMatchObject({ status: 'draft', issuerUnitId: tree.districts[0], title: 'Every cell brings in its harvest by June.', source: { kind: 'decision', id: decided.id, gatheringId: meeting.id } });
    expect(draft.body).toContain('12 for, 1 against, 2 abstaining');
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/decisions/${decided.id}/directive` })).json.error.code).toBe('already_a_directive');
    const view = await ok('districtOfficial', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(view.agenda.map((a: { title: string }) => a.title)).toEqual(['Harvest', 'Roads', 'Any other business']);
    expect(view.decisions[0]).toMatchObject({ directiveId: draft.id, votes: { for: 12, against: 1, abstain: 2 }, agendaIndex: 0 });
  });

  it('reviews a conference: units covered and represented, their regularity, and the tasks it set', async () => {
    const conference = await schedule('regionOfficial', { kind: 'conference', conveningUnitId: tree.regions[0], startsAt: at(0, -1), endsAt: at(0, 1), invitees: { rule: 'officials-below', unitId: tree.regions[0] } });
    await send('regionOfficial', conference.id);
    await mark('regionOfficial', conference.id, actors.cellSecretary.personId!, 'present');
    await ok('regionOfficial', { method: 'POST', url: `/api/v1/gatherings/${conference.id}/decisions`, payload: { text: 'Meet monthly.' } }, 201);
    const review = await ok('regionOfficial', { method: 'GET', url: `/api/v1/gatherings/${conference.id}/review` });
    expect(review).toMatchObject({ unitsCovered: 3, unitsRepresented: 1, tasks: [{ text: 'Meet monthly.', directiveId: null }] });
    expect(review.units.find((u: { unitId: string }) => u.unitId === tree.cells[0])).toMatchObject({ represented: true, present: 1 });
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/gatherings/${conference.id}/review` })).status).toBe(404);
  });
});

describe('a meeting ahead (issue 14)', () => {
  it('takes no attendance before it starts (check-in an hour before), counts as held only once started with attendance, and shows one rate on its page and in the statistics', async () => {
    const cell = tree.cells[3]!;
    const people = await addMembers(database, cell, 10, 'Neighbour');
    await ok('admin', { method: 'PUT', url: `/api/v1/units/${cell}/cadence`, payload: { everyDays: 30 } });
    const rootBefore = await stats(tree.root);
    const starts = at(3);
    const meeting = await schedule('admin', { kind: 'meeting', conveningUnitId: cell, startsAt: starts, endsAt: at(3, 2), invitees: { rule: 'unit-members', unitId: cell } });
    expect((await send('admin', meeting.id)).invited).toBe(10);
    const view = await ok('admin', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(view.sessions[0]).toMatchObject({ attendanceOpen: false, attendanceOpensAt: starts, checkInOpensAt: new Date(Date.parse(starts) - 3_600_000).toISOString() });

    // Three days ahead: refused with the error shape, nothing written.
    const early = await mark('admin', meeting.id, people[0]!, 'present');
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'attendance_not_open', message: expect.any(String), details: { opensAt: starts } });
    expect(await database.db.selectFrom('attendance').select('person_id').where('gathering_id', '=', meeting.id).execute()).toEqual([]);

    // Within the hour before: invitees check in with the code; the secretary still waits; not held yet.
    clock.advance(3 * DAY - 30 * 60_000);
    expect((await mark('admin', meeting.id, people[0]!, 'present')).json.error.code).toBe('attendance_not_open');
    const personal = (await ok('admin', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` })).checkinCode as string;
    expect(await system((ctx) => checkIn({ ...ctx, actor: { ...ctx.actor, personId: people[0]! } }, meeting.id, { code: personal }))).toMatchObject({ status: 'present' });
    expect((await ok('admin', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` })).heldAt).toBeNull();
    expect((await stats(tree.root)).gatheringsHeld).toBe(rootBefore.gatheringsHeld);
    expect((await stats(tree.districts[1]!)).children.find((c: { unitId: string }) => c.unitId === cell).cadence.lastMetAt).toBeNull();

    // Once started, the job makes it held (nobody marked after the start); "last met" is its start, not later.
    clock.advance(30 * 60_000);
    expect(await system((ctx) => settleHeldGatherings(ctx))).toBe(1);
    expect(await system((ctx) => settleHeldGatherings(ctx))).toBe(0);
    expect((await stats(tree.root)).gatheringsHeld).toBe(rootBefore.gatheringsHeld + 1);
    expect((await stats(tree.districts[1]!)).children.find((c: { unitId: string }) => c.unitId === cell).cadence.lastMetAt).toBe(starts);

    // Seven present, one excused, one absent, one not marked: 70 % on the page and in the statistics.
    for (const p of people.slice(1, 7)) await mark('admin', meeting.id, p, 'present');
    await mark('admin', meeting.id, people[7]!, 'excused');
    const last = await mark('admin', meeting.id, people[8]!, 'absent');
    expect(last.json.attendance).toEqual({ present: 7, excused: 1, absent: 1, expected: 10, rate: 70 });
    const page = await ok('admin', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(page.sessions[0]).toMatchObject({ attendanceOpen: true, attendance: { rate: 70 } });
    expect(page.heldAt).not.toBeNull();
    const cellStats = await stats(cell);
    expect(cellStats.attendance).toEqual({ present: 7, excused: 1, absent: 1, expected: 10, rate: 70 });
    expect((await stats(tree.districts[1]!)).children.find((c: { unitId: string }) => c.unitId === cell).attendance.rate).toBe(70);
    await ok('admin', { method: 'PUT', url: `/api/v1/units/${cell}/cadence`, payload: { everyDays: null } });
  });
});

describe('cadence', () => {
  it('counts a missed meeting on the unit and its parents until the next one is held', async () => {
    await ok('districtOfficial', { method: 'PUT', url: `/api/v1/units/${tree.cells[1]}/cadence`, payload: { everyDays: 30 } });
    expect((await call('cellSecretary', { method: 'PUT', url: `/api/v1/units/${tree.cells[1]}/cadence`, payload: { everyDays: 30 } })).status).toBe(404);
    expect(await stats(tree.districts[0]!)).toMatchObject({ withCadence: 1, missed: 0 });
    clock.advance(29 * DAY);
    expect(await system((ctx) => markMissedMeetings(ctx))).toBe(0);
    clock.advance(2 * DAY);
    expect(await system((ctx) => markMissedMeetings(ctx))).toBe(1);
    expect(await system((ctx) => markMissedMeetings(ctx))).toBe(0);
    for (const unit of [tree.root, tree.regions[0]!, tree.districts[0]!, tree.cells[1]!]) expect((await stats(unit)).missed).toBe(1);
    const district = await stats(tree.districts[0]!);
    expect(district.children.find((c: { unitId: string }) => c.unitId === tree.cells[1]).cadence).toMatchObject({ everyDays: 30, missedSince: expect.any(String) });

    const meeting = await schedule('districtOfficial', { kind: 'meeting', conveningUnitId: tree.cells[1], startsAt: at(0, -1), endsAt: at(0, 1), invitees: { rule: 'unit-members', unitId: tree.cells[1] } });
    await send('districtOfficial', meeting.id);
    await mark('districtOfficial', meeting.id, actors.districtOfficial.personId!, 'present');
    for (const unit of [tree.root, tree.districts[0]!, tree.cells[1]!]) expect((await stats(unit)).missed).toBe(0);
    await ok('districtOfficial', { method: 'PUT', url: `/api/v1/units/${tree.cells[1]}/cadence`, payload: { everyDays: null } });
    expect(await stats(tree.root)).toMatchObject({ withCadence: 0, missed: 0 });
  });
});

describe('cadence in batches', () => {
  it('marks missed rhythms a bounded batch per transaction until none is left', async () => {
    for (const cell of [tree.cells[4]!, tree.cells[5]!]) await ok('admin', { method: 'PUT', url: `/api/v1/units/${cell}/cadence`, payload: { everyDays: 7 } });
    clock.advance(8 * DAY);
    expect(await system((ctx) => markMissedMeetings(ctx, { batch: 1 }))).toBe(1);
    expect(await system((ctx) => markMissedMeetings(ctx, { batch: 1 }))).toBe(1);
    expect(await system((ctx) => markMissedMeetings(ctx, { batch: 1 }))).toBe(0);
    expect((await stats(tree.regions[1]!)).missed).toBe(2);
    for (const cell of [tree.cells[4]!, tree.cells[5]!]) await ok('admin', { method: 'PUT', url: `/api/v1/units/${cell}/cadence`, payload: { everyDays: null } });
    expect((await stats(tree.root)).missed).toBe(0);
  });
});

describe('calendars', () => {
  it('gives each person a secret feed that an iCalendar parser reads, and mails invitations with the same file', async () => {
    const course = await schedule('regionOfficial', {
      kind: 'course', title: 'Short course, for district secretaries: "planning"', conveningUnitId: tree.regions[0], startsAt: at(10), endsAt: at(12, 4),
      sessions: [{ title: 'Day one', startsAt: at(10), endsAt: at(10, 4) }, { title: 'Day two', startsAt: at(12), endsAt: at(12, 4) }],
      onlineUrl: 'https://meet.example.org/course', invitees: { rule: 'officials-below', unitId: tree.regions[0] },
    });
    await send('regionOfficial', course.id);
    const mine = actors.districtOfficial.personId!;
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/people/${mine}/calendar-link` })).status).toBe(404);
    const { url } = await ok('districtOfficial', { method: 'GET', url: `/api/v1/people/${mine}/calendar-link` });
    expect((await ok('districtOfficial', { method: 'GET', url: `/api/v1/people/${mine}/calendar-link` })).url).toBe(url);
    const path = new URL(url).pathname + new URL(url).search;
    const feed = await call(null, { method: 'GET', url: path });
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('text/calendar');
    const events = parseIcs(feed.body);
    const titles = events.map((e) => e.summary);
    expect(titles).toContain('Short course, for district secretaries: "planning" — Day one');
    expect(titles).toContain('Short course, for district secretaries: "planning" — Day two');
    const dayOne = events.find((e) => e.summary.endsWith('Day one'))!;
    expect(dayOne.startDate.toJSDate().toISOString()).toBe(at(10));
    expect(dayOne.uid).toBe(`${course.id}-0@mainstay`);
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect((await call(null, { method: 'GET', url: `/api/v1/people/${mine}/calendar.ics?token=${'x'.repeat(32)}` })).status).toBe(404);

    await system((ctx) => queueInvitationMail(ctx));
    const mail = await database.db.selectFrom('outbox_messages').select(['to_address', 'attachments', 'subject']).where('kind', '=', 'gathering.invitation').where('to_address', '=', actors.districtOfficial.email).execute();
    expect(mail.length).toBeGreaterThanOrEqual(1);
    const attached = (mail.at(-1)!.attachments as Array<{ base64: string }>)[0]!;
    expect(parseIcs(Buffer.from(attached.base64, 'base64').toString('utf8')).length).toBeGreaterThanOrEqual(1);
    expect(await system((ctx) => queueInvitationMail(ctx))).toBe(0);
  });

  it('escapes and folds text so that any title survives the round trip', () => {
    const summary = 'Ünïcode; commas, back\\slash\nand a very long title that goes on and on past the seventy-five octet limit of a line — 한국어 제목';
    const ics = renderCalendar([{ uid: 'u@x', sequence: 2, start: new Date('2026-05-05T10:00:00Z'), end: new Date('2026-05-05T11:00:00Z'), summary, location: 'Hall; B' }],
      { name: 'Test', now: new Date('2026-05-04T00:00:00Z') });
    const [event] = parseIcs(ics);
    expect(event!.summary).toBe(summary);
    expect(event!.location).toBe('Hall; B');
    expect(event!.sequence).toBe(2);
  });
});

if (!libical.python) console.warn(libical.reason);

/** The iTIP files queued for one gathering since `after` (outbox ids are time-ordered), with what ical.js reads in them. */
async function mailed(gatheringId: string, kind?: string) {
  let q = database.db.selectFrom('outbox_messages').select(['id', 'kind', 'to_address', 'subject', 'text_body', 'attachments'])
    .where('ref_type', '=', 'gathering').where('ref_id', '=', gatheringId);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('id').execute();
  return rows.map((row) => {
    const [file] = row.attachments as Array<{ base64: string; contentType: string }>;
    const ics = Buffer.from(file!.base64, 'base64').toString('utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent');
    const organizer = events[0]!.getFirstProperty('organizer')!;
    return {
      kind: row.kind, to: row.to_address, subject: row.subject, text: row.text_body, contentType: file!.contentType, ics,
      method: calendar.getFirstPropertyValue('method'),
      organizer: { value: organizer.getFirstValue(), cn: organizer.getParameter('cn') },
      attendees: events.flatMap((e) => e.getAllProperties('attendee').map((a) => ({
        value: a.getFirstValue(), partstat: a.getParameter('partstat'), rsvp: a.getParameter('rsvp'), cn: a.getParameter('cn'),
      }))),
      events: events.map((e) => new ICAL.Event(e)),
      statuses: events.map((e) => e.getFirstPropertyValue('status')),
      comment: events[0]!.getFirstPropertyValue('comment'),
    };
  });
}
const queue = () => system((ctx) => queueInvitationMail(ctx, { from: FROM }));
const patch = (role: Role, id: string, payload: Record<string, unknown>) => call(role, { method: 'PATCH', url: `/api/v1/gatherings/${id}`, payload });
const cancel = (role: Role, id: string, reason: string) => call(role, { method: 'POST', url: `/api/v1/gatherings/${id}/cancel`, payload: { reason } });
const feedOf = async (role: Role) => {
  const { url } = await ok(role, { method: 'GET', url: `/api/v1/people/${actors[role].personId}/calendar-link` });
  const response = await call(null, { method: 'GET', url: new URL(url).pathname + new URL(url).search });
  expect(response.status).toBe(200);
  return response.body;
};
const feedEvent = (ics: string, gatheringId: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('uid')).startsWith(gatheringId))!;
  return { method: calendar.getFirstPropertyValue('method'), sequence: event.getFirstPropertyValue('sequence'), status: event.getFirstPropertyValue('status'),
    summary: event.getFirstPropertyValue('summary'), attendees: event.getAllProperties('attendee').length, organizer: event.getFirstPropertyValue('organizer') };
};

describe('invitations, updates and cancellations by e-mail (iTIP)', () => {
  const cellName = async () => (await ok('admin', { method: 'GET', url: `/api/v1/gatherings/${(await schedule('admin', { kind: 'meeting', conveningUnitId: tree.cells[0], invitees: { rule: 'unit-members', unitId: tree.cells[0] } })).id}` })).conveningUnitName as string;

  it('invites with METHOD:REQUEST, the convening unit as ORGANIZER and the invitee as ATTENDEE; an edit sends each one update; the feed stays PUBLISH', async () => {
    const unit = await cellName();
    const meeting = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], agenda: ['Harvest'], invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    // A draft is changed quietly: nobody holds it yet.
    const draftEdit = await ok('cellSecretary', { method: 'PATCH', url: `/api/v1/gatherings/${meeting.id}`, payload: { title: 'Monthly meeting (June)' } });
    expect(draftEdit).toMatchObject({ status: 'draft', sequence: 0, changed: ['title'], updatesQueued: 0 });
    await send('cellSecretary', meeting.id);
    await queue();
    const invitations = await mailed(meeting.id);
    // The secretary and the member have addresses; the villagers none.
    expect(invitations.map((m) => m.to).sort()).toEqual([actors.cellSecretary.email, actors.member.email].sort());
    for (const m of invitations) {
      expect(m).toMatchObject({ kind: 'gathering.invitation', method: 'REQUEST', contentType: 'text/calendar; charset=utf-8; method=REQUEST', statuses: ['CONFIRMED'] });
      expect(m.subject).toBe('Invitation: Monthly meeting (June)');
      expect(m.organizer).toEqual({ value: 'mailto:notices@example.org', cn: unit });
      expect(m.attendees).toEqual([{ value: `mailto:${m.to}`, partstat: 'NEEDS-ACTION', rsvp: 'TRUE', cn: expect.any(String) }]);
      expect(m.events[0]!.sequence).toBe(1);
      expect(m.events[0]!.uid).toBe(`${meeting.id}-0@mainstay`);
      expect(m.events[0]!.description).toBe('Agenda:\n1. Harvest');
      if (libical.python) expect(itipErrors(m.ics)).toEqual([]);
    }
    expect(await queue()).toBe(0);

    // Two edits before the job runs: each invitee gets one update, of the latest version.
    const moved = { startsAt: at(3), endsAt: at(3, 2), place: 'The school', agenda: ['Harvest', 'Roads'] };
    expect((await patch('cellSecretary', meeting.id, moved)).json).toMatchObject({ status: 'sent', sequence: 2, changed: ['startsAt', 'endsAt', 'place', 'agenda', 'sessions'], updatesQueued: 5 });
    expect((await patch('cellSecretary', meeting.id, { title: 'Monthly meeting (moved)' })).json).toMatchObject({ sequence: 3, updatesQueued: 5 });
    // The same values again change nothing and send nothing.
    expect((await patch('cellSecretary', meeting.id, { ...moved, title: 'Monthly meeting (moved)', onlineUrl: null })).json).toMatchObject({ sequence: 3, changed: [] });
    await queue();
    const updates = await mailed(meeting.id, 'gathering.update');
    expect(updates).toHaveLength(2);
    for (const m of updates) {
      expect(m).toMatchObject({ method: 'REQUEST', subject: 'Updated invitation: Monthly meeting (moved)', statuses: ['CONFIRMED'] });
      expect(m.attendees).toEqual([{ value: `mailto:${m.to}`, partstat: 'NEEDS-ACTION', rsvp: 'TRUE', cn: expect.any(String) }]);
      expect(m.events[0]!.sequence).toBe(3);
      expect(m.events[0]!.uid).toBe(`${meeting.id}-0@mainstay`);
      expect(m.events[0]!.startDate.toJSDate().toISOString()).toBe(at(3));
      expect(m.events[0]!.location).toBe('The school');
      if (libical.python) expect(itipErrors(m.ics)).toEqual([]);
    }
    expect(await queue()).toBe(0);
    const view = await ok('cellSecretary', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(view).toMatchObject({ title: 'Monthly meeting (moved)', startsAt: at(3), place: 'The school', sessions: [{ startsAt: at(3), endsAt: at(3, 2) }] });
    expect(view.agenda.map((a: { title: string }) => a.title)).toEqual(['Harvest', 'Roads']);

    const feed = await feedOf('member');
    expect(feedEvent(feed, meeting.id)).toMatchObject({ method: 'PUBLISH', sequence: 3, status: 'CONFIRMED', summary: 'Monthly meeting (moved)', attendees: 0, organizer: 'mailto:notices@example.org' });
    if (libical.python) expect(itipErrors(feed)).toEqual([]);
    const audit = await database.db.selectFrom('audit_events').select(['action', 'before', 'after']).where('target_id', '=', meeting.id).where('action', '=', 'gathering.edit').execute();
    expect(audit).toHaveLength(3);
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED to those told, shows it in feeds, and closes the gathering', async () => {
    const meeting = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    await send('cellSecretary', meeting.id);
    await queue();
    expect((await cancel('cellSecretary', meeting.id, '')).status).toBe(400);
    expect((await cancel('cellSecretary', tree.cells[0]!, 'x')).status).toBe(404);
    expect((await cancel('member', meeting.id, 'x')).status).toBe(404);
    expect((await cancel('districtOfficial', meeting.id, 'x')).status).not.toBe(404);
    const done = await ok('admin', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(done).toMatchObject({ status: 'cancelled', cancelReason: 'x', abilities: { edit: false, cancel: false, keepMinutes: false } });
    await queue();
    const cancellations = await mailed(meeting.id, 'gathering.cancellation');
    expect(cancellations).toHaveLength(2);
    for (const m of cancellations) {
      expect(m).toMatchObject({ method: 'CANCEL', contentType: 'text/calendar; charset=utf-8; method=CANCEL', statuses: ['CANCELLED'], comment: 'x', subject: 'Cancelled: Monthly meeting' });
      expect(m.organizer.value).toBe('mailto:notices@example.org');
      expect(m.attendees.map((a) => a.value)).toEqual([`mailto:${m.to}`]);
      expect(m.events[0]!.sequence).toBe(2);
      if (libical.python) expect(itipErrors(m.ics)).toEqual([]);
    }
    expect(await queue()).toBe(0);
    const feed = await feedOf('member');
    expect(feedEvent(feed, meeting.id)).toMatchObject({ method: 'PUBLISH', sequence: 2, status: 'CANCELLED' });
    if (libical.python) expect(itipErrors(feed)).toEqual([]);

    // Closed: no edit, second cancel, attendance, answer, check-in, minutes or decision.
    for (const attempt of [
      patch('cellSecretary', meeting.id, { title: 'Again' }), cancel('cellSecretary', meeting.id, 'again'), mark('cellSecretary', meeting.id, members[1]!, 'present'),
      call('member', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/rsvp`, payload: { answer: 'yes' } }),
      call('member', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/check-in`, payload: { code: '123456' } }),
      call('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/agenda`, payload: { title: 'More' } }),
      call('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/decisions`, payload: { text: 'No.' } }),
    ]) {
      const response = await attempt;
      expect(response.status, response.body).toBe(409);
      expect(response.json.error.code).toBe('cancelled');
    }
    // A stranger still learns nothing of it.
    expect((await patch('cellSecretary', (await schedule('admin', { kind: 'meeting', conveningUnitId: tree.cells[2], invitees: { rule: 'unit-members', unitId: tree.cells[2] } })).id, { title: 'x' })).status).toBe(404);
  });

  it('tells nobody of a cancellation they never heard of, cancels a draft quietly, and refuses to cancel what was held', async () => {
    const unsent = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    expect((await ok('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${unsent.id}/cancel`, payload: { reason: 'No quorum' } })).cancellationsQueued).toBe(0);
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${unsent.id}/send` })).json.error.code).toBe('cancelled');

    const quick = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    await send('cellSecretary', quick.id);
    // Cancelled before the mail job ran: nobody was told, so nobody is told now.
    expect((await ok('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${quick.id}/cancel`, payload: { reason: 'Storm' } })).cancellationsQueued).toBe(0);
    await queue();
    expect(await mailed(quick.id)).toEqual([]);
    expect(await queue()).toBe(0);

    // Changed, then cancelled before the job ran: those told get the cancellation only.
    const changed = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    await send('cellSecretary', changed.id);
    await queue();
    expect((await patch('cellSecretary', changed.id, { place: 'Elsewhere' })).json.updatesQueued).toBe(5);
    expect((await ok('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${changed.id}/cancel`, payload: { reason: 'Rain' } })).cancellationsQueued).toBe(5);
    await queue();
    expect((await mailed(changed.id)).map((m) => [m.kind, m.method, m.events[0]!.sequence]).sort()).toEqual([
      ['gathering.cancellation', 'CANCEL', 3], ['gathering.cancellation', 'CANCEL', 3], ['gathering.invitation', 'REQUEST', 1], ['gathering.invitation', 'REQUEST', 1],
    ]);

    const held = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], startsAt: at(0, -1), endsAt: at(0, 1), invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    await send('cellSecretary', held.id);
    await mark('cellSecretary', held.id, members[1]!, 'present');
    expect((await cancel('cellSecretary', held.id, 'late')).json.error.code).toBe('already_held');
    const audit = await database.db.selectFrom('audit_events').select('action').where('target_id', 'in', [unsent.id, quick.id]).where('action', '=', 'gathering.cancel').execute();
    expect(audit).toHaveLength(2);
  });

  it('validates changes: something to change, ends after starts, agenda records kept, a course keeps its sessions once invited', async () => {
    const meeting = await schedule('cellSecretary', { kind: 'meeting', conveningUnitId: tree.cells[0], agenda: ['One', 'Two'], invitees: { rule: 'unit-members', unitId: tree.cells[0] } });
    expect((await patch('cellSecretary', meeting.id, {})).status).toBe(400);
    expect((await patch('cellSecretary', meeting.id, { colour: 'red' })).status).toBe(400);
    expect((await patch('cellSecretary', meeting.id, { title: '' })).status).toBe(400);
    expect((await patch('cellSecretary', meeting.id, { onlineUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await patch('cellSecretary', meeting.id, { endsAt: at(0, 1) })).json.error.code).toBe('ends_before_start');
    expect((await patch('cellSecretary', meeting.id, { sessions: [{ startsAt: at(1), endsAt: at(1, 1) }] })).json.error.code).toBe('sessions_for_courses');
    await ok('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${meeting.id}/agenda`, payload: { index: 1, minutes: 'Noted.' } });
    const dropped = await patch('cellSecretary', meeting.id, { agenda: ['One'] });
    expect(dropped.status).toBe(409);
    expect(dropped.json.error.code).toBe('agenda_in_use');
    expect((await patch('cellSecretary', meeting.id, { agenda: ['One (renamed)', 'Two', 'Three'] })).json.changed).toEqual(['agenda']);
    const view = await ok('cellSecretary', { method: 'GET', url: `/api/v1/gatherings/${meeting.id}` });
    expect(view.agenda).toEqual([{ index: 0, title: 'One (renamed)', minutes: null }, { index: 1, title: 'Two', minutes: 'Noted.' }, { index: 2, title: 'Three', minutes: null }]);

    const course = await schedule('regionOfficial', {
      kind: 'course', conveningUnitId: tree.regions[0], startsAt: at(10), endsAt: at(12, 4), invitees: { rule: 'officials-below', unitId: tree.regions[0] },
      sessions: [{ title: 'Day one', startsAt: at(10), endsAt: at(10, 4) }, { title: 'Day two', startsAt: at(12), endsAt: at(12, 4) }],
    });
    await send('regionOfficial', course.id);
    await queue();
    expect((await patch('regionOfficial', course.id, { sessions: [{ startsAt: at(10), endsAt: at(10, 4) }] })).json.error.code).toBe('sessions_fixed');
    expect((await patch('regionOfficial', course.id, { startsAt: at(11) })).json.error.code).toBe('session_outside');
    const moved = await ok('regionOfficial', { method: 'PATCH', url: `/api/v1/gatherings/${course.id}`, payload: { sessions: [{ title: 'Day one', startsAt: at(10, 1), endsAt: at(10, 4) }, { title: 'Day two', startsAt: at(12), endsAt: at(12, 4) }] } });
    expect(moved).toMatchObject({ changed: ['sessions'], sequence: 2 });
    await queue();
    const updates = await mailed(course.id, 'gathering.update');
    expect(updates.length).toBeGreaterThan(0);
    for (const m of updates) {
      expect(m.events.map((e) => [e.uid, e.sequence])).toEqual([[`${course.id}-0@mainstay`, 2], [`${course.id}-1@mainstay`, 2]]);
      expect(m.events[0]!.startDate.toJSDate().toISOString()).toBe(at(10, 1));
      if (libical.python) expect(itipErrors(m.ics)).toEqual([]);
    }
    // A course is called off as a whole: every session's event in one CANCEL.
    await ok('regionOfficial', { method: 'POST', url: `/api/v1/gatherings/${course.id}/cancel`, payload: { reason: 'Trainer ill' } });
    await queue();
    const cancellations = await mailed(course.id, 'gathering.cancellation');
    expect(cancellations).toHaveLength(updates.length);
    for (const m of cancellations) {
      expect(m).toMatchObject({ method: 'CANCEL', statuses: ['CANCELLED', 'CANCELLED'], comment: 'Trainer ill' });
      expect(m.events.map((e) => [e.uid, e.sequence])).toEqual([[`${course.id}-0@mainstay`, 3], [`${course.id}-1@mainstay`, 3]]);
      if (libical.python) expect(itipErrors(m.ics)).toEqual([]);
    }
  });
});
