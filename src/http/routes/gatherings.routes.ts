import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerInvitation, checkIn, markAttendance } from '../../domain/gatherings/attendance.ts';
import { calendarFeed, calendarLink } from '../../domain/gatherings/calendar-feed.ts';
import { setCadence } from '../../domain/gatherings/cadence.ts';
import { cancelGathering } from '../../domain/gatherings/cancel-gathering.ts';
import { createGathering } from '../../domain/gatherings/create-gathering.ts';
import { editGathering } from '../../domain/gatherings/edit-gathering.ts';
import { conferenceReview, meetingStats } from '../../domain/gatherings/meeting-stats.ts';
import { decisionToDirective, recordDecision, writeAgenda } from '../../domain/gatherings/minutes-and-decisions.ts';
import { getGathering, listInvitees, listPersonGatherings, listUnitGatherings, personAttendance } from '../../domain/gatherings/read-gatherings.ts';
import { sendInvitations } from '../../domain/gatherings/send-invitations.ts';
import { publicActor, transact } from '../../domain/context.ts';
import { command, read, type AppDeps } from '../request-context.ts';
import { Created, errorResponses, Id, IdParams, multiLine, Name, PageQuery, pageOf, singleLine } from '../schemas.ts';
import { DirectiveView } from './directives.routes.ts';

const tags = ['gatherings'];
const When = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset');
const Kind = z.enum(['meeting', 'enlarged', 'conference', 'course']);
const AttendanceStatus = z.enum(['present', 'excused', 'absent']);
const Count = z.number().int().min(0).max(10_000_000);
const RATE = 'Present among those expected (every invitee of each session with attendance), %: one definition for a meeting and the statistics';
const Attendance = z.object({
  present: z.number().int(), excused: z.number().int(), absent: z.number().int(),
  expected: z.number().int().describe('The invitees of every session with attendance (of this session, on a gathering)'), rate: z.number().nullable().describe(RATE),
});
const Figures = z.object({
  gatheringsHeld: z.number().int().describe('Gatherings that have started and have attendance'),
  attendance: Attendance,
  withCadence: z.number().int().describe('Units in the subtree that keep a cadence'),
  missed: z.number().int().describe('…of which missed their last expected meeting'),
  neverMet: z.number().int().describe('…of which never held a meeting'),
  cadence: z.object({
    everyDays: z.number().int(), lastMetAt: z.string().nullable(), missedSince: z.string().nullable(),
    byDefault: z.boolean().describe("The installation's default cadence (a cell nobody set one for)"),
    neverMet: z.boolean().describe('No meeting held yet'),
  }).nullable(),
});
const Marked = z.object({
  personId: z.string(), status: AttendanceStatus, session: z.number().int(),
  attendance: Attendance.describe("The session's counts and rate after the mark, as the meeting's page shows them"),
});
const Invitee = z.object({
  personId: z.string(), name: z.string(), unitId: z.string(), unitName: z.string(), rsvp: z.enum(['yes', 'no', 'maybe']).nullable(),
  attendance: z.array(z.object({ session: z.number().int(), status: AttendanceStatus })),
});
const GatheringView = z.object({
  id: z.string(), kind: Kind, status: z.enum(['draft', 'sent', 'cancelled']), conveningUnitId: z.string(), conveningUnitName: z.string(), title: z.string(),
  startsAt: z.string(), endsAt: z.string(), place: z.string().nullable(), onlineUrl: z.string().nullable(),
  inviteeRule: z.object({ rule: z.string(), unitId: z.string(), depth: z.number().int().nullable() }),
  invited: z.number().int(), sentAt: z.string().nullable(), heldAt: z.string().nullable().describe('Held: started, with attendance'),
  cancelledAt: z.string().nullable(), cancelReason: z.string().nullable().describe('Why it was cancelled, as told to the invitees'),
  checkinCode: z.string().nullable().describe('For the convening officials: the code attendees check in with'),
  sessions: z.array(z.object({
    index: z.number().int(), title: z.string().nullable(), startsAt: z.string(), endsAt: z.string(),
    attendanceOpensAt: z.string().describe('The conveners mark attendance from the session\'s start'),
    checkInOpensAt: z.string().describe('Invitees check in with the code from an hour before'),
    attendanceOpen: z.boolean().describe("Whether the session has started (by the server's clock), so attendance can be marked"),
    attendance: Attendance,
  })),
  agenda: z.array(z.object({ index: z.number().int(), title: z.string(), minutes: z.string().nullable() })),
  decisions: z.array(z.object({
    id: z.string(), agendaIndex: z.number().int().nullable(), text: z.string(), directiveId: z.string().nullable(), createdAt: z.string(),
    votes: z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() }).nullable(),
  })),
  invitees: z.array(Invitee).describe('To the convening officials: the first 500 by name (GET …/invitees for the rest)'),
  moreInvitees: z.string().nullable().describe('Cursor for GET …/invitees when there are more'),
  attendance: z.array(z.object({ personId: z.string(), session: z.number().int(), status: AttendanceStatus })),
  myInvitation: z.object({ rsvp: z.enum(['yes', 'no', 'maybe']).nullable(), attendance: z.array(z.object({ session: z.number().int(), status: AttendanceStatus })) }).nullable(),
  abilities: z.object({
    manage: z.boolean(), send: z.boolean(), markAttendance: z.boolean(), checkIn: z.boolean(),
    edit: z.boolean(), cancel: z.boolean(), keepMinutes: z.boolean().describe('Add agenda items, write minutes, record decisions'), answer: z.boolean().describe('RSVP'),
  }),
});
const GatheringItem = z.object({
  id: z.string(), kind: z.string(), title: z.string(), status: z.string(), startsAt: z.string(), endsAt: z.string(), place: z.string().nullable(),
  invited: z.number().int(), held: z.boolean(), conveningUnitId: z.string(),
});
const Place = singleLine(300).min(1);
const OnlineUrl = z.url({ protocol: /^https?$/ }).max(2000);
const SessionInput = z.strictObject({ title: singleLine(200).min(1).optional(), startsAt: When, endsAt: When });
const GatheringChanges = z.strictObject({
  title: Name.optional(), startsAt: When.optional(), endsAt: When.optional(),
  place: Place.nullable().optional().describe('null removes it'), onlineUrl: OnlineUrl.nullable().optional().describe('null removes it'),
  agenda: z.array(Place).max(100).optional().describe("The agenda's titles in order; items keep their minutes by position, and an item with minutes or a decision cannot be removed"),
  sessions: z.array(SessionInput).min(1).max(100).optional().describe('A course: its sessions (once invited, as many as before)'),
}).refine((body) => Object.keys(body).length > 0, { message: 'name at least one field to change' });
const Range = { ...PageQuery, from: When.optional(), to: When.optional() };

export const gatheringsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/gatherings', {
    schema: {
      tags, summary: 'Schedule a gathering (officials of the convening unit and above)',
      body: z.strictObject({
        kind: Kind, conveningUnitId: Id, title: Name, startsAt: When, endsAt: When,
        place: Place.optional(), onlineUrl: OnlineUrl.optional(),
        agenda: z.array(singleLine(300).min(1)).max(100).optional(),
        sessions: z.array(SessionInput).max(100).optional().describe('A course: its sessions'),
        invitees: z.strictObject({
          rule: z.enum(['unit-members', 'officials-below', 'secretaries-at-level'])
            .describe("unit-members: members of the unit's cells; officials-below: officials of the unit and every unit below; secretaries-at-level: secretaries of the units of one level below"),
          unitId: Id, level: singleLine(64).optional(),
        }),
      }),
      response: { 201: Created, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => createGathering(ctx, request.body)));

  app.get('/gatherings/:id', {
    schema: { tags, summary: 'A gathering with its sessions, agenda and minutes, decisions, invitees and attendance', params: IdParams, response: { 200: GatheringView, ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => getGathering(ctx, request.params.id)));

  app.patch('/gatherings/:id', {
    schema: {
      tags, summary: 'Change the time, place, title or agenda (convening officials). Invitees already told get one update (iTIP REQUEST, SEQUENCE raised); a change that changes nothing sends nothing',
      params: IdParams, body: GatheringChanges,
      response: {
        200: z.object({
          id: z.string(), status: z.enum(['draft', 'sent', 'cancelled']), sequence: z.number().int().describe('The calendar SEQUENCE now'),
          changed: z.array(z.enum(['title', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'agenda', 'sessions'])),
          updatesQueued: z.number().int().describe('Invitees already told, to whom an update is queued'),
        }),
        ...errorResponses,
      },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => editGathering(ctx, request.params.id, request.body)));

  app.post('/gatherings/:id/cancel', {
    schema: {
      tags, summary: 'Call the gathering off, with the reason invitees are told (iTIP CANCEL to those already told). Not once it was held',
      params: IdParams, body: z.strictObject({ reason: multiLine(1000).min(1) }),
      response: {
        200: z.object({
          id: z.string(), status: z.literal('cancelled'), cancelledAt: z.string(), sequence: z.number().int(),
          cancellationsQueued: z.number().int().describe('Invitees already told, to whom a cancellation is queued'),
        }),
        ...errorResponses,
      },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => cancelGathering(ctx, request.params.id, request.body)));

  app.post('/gatherings/:id/send', {
    schema: { tags, summary: 'Resolve the invitees from the rule, now, keep them, and send the invitations', params: IdParams, response: { 200: z.object({ invited: z.number().int() }), ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => sendInvitations(ctx, request.params.id)));

  app.get('/gatherings/:id/invitees', {
    schema: { tags, summary: 'Invitees by name, a page at a time', params: IdParams, querystring: z.strictObject(PageQuery), response: { 200: pageOf(Invitee), ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => listInvitees(ctx, request.params.id, request.query)));

  app.post('/gatherings/:id/attendance', {
    schema: {
      tags, summary: "Mark one invitee's attendance (the secretary's tap)", params: IdParams,
      body: z.strictObject({ personId: Id, status: AttendanceStatus, session: z.number().int().min(0).optional().describe('A course session (default 0)') }),
      description: 'Open from the session\'s start: before it, 409 `attendance_not_open` with `details.opensAt`.',
      response: { 200: Marked, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => markAttendance(ctx, request.params.id, request.body)));

  app.post('/gatherings/:id/check-in', {
    schema: {
      tags, summary: 'Check yourself in with the code shown at the gathering (invitees)', params: IdParams,
      body: z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits'), session: z.number().int().min(0).optional() }),
      description: 'Open from an hour before the session\'s start: before it, 409 `attendance_not_open` with `details.opensAt`.',
      response: { 200: Marked, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => checkIn(ctx, request.params.id, request.body)));

  app.post('/gatherings/:id/rsvp', {
    schema: {
      tags, summary: 'Say whether you will come (invitees)', params: IdParams,
      body: z.strictObject({ answer: z.enum(['yes', 'no', 'maybe']) }), response: { 200: z.object({ rsvp: z.enum(['yes', 'no', 'maybe']) }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => answerInvitation(ctx, request.params.id, request.body)));

  app.post('/gatherings/:id/agenda', {
    schema: {
      tags, summary: 'Add an agenda item (no index) or write the minutes of one', params: IdParams,
      body: z.strictObject({ index: z.number().int().min(0).optional(), title: singleLine(300).min(1).optional(), minutes: multiLine(50_000).optional() }),
      response: { 200: z.object({ index: z.number().int() }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => writeAgenda(ctx, request.params.id, request.body)));

  app.post('/gatherings/:id/decisions', {
    schema: {
      tags, summary: 'Record a decision, with its votes where a vote was taken', params: IdParams,
      body: z.strictObject({ text: multiLine(10_000).min(1), agendaIndex: z.number().int().min(0).optional(), votes: z.strictObject({ for: Count, against: Count, abstain: Count }).optional() }),
      response: { 201: Created, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => recordDecision(ctx, request.params.id, request.body)));

  app.post('/decisions/:id/directive', {
    schema: { tags, summary: 'Turn a decision into a draft directive of the convening unit, pre-filled and linked both ways', params: IdParams, response: { 201: DirectiveView, ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => decisionToDirective(ctx, request.params.id)));

  app.get('/gatherings/:id/review', {
    schema: {
      tags, summary: 'For a conference: the units it covers, represented or not, their meeting regularity and attendance, and the tasks it set', params: IdParams,
      querystring: z.strictObject({ cursor: Id.optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
      response: {
        200: z.object({
          gatheringId: z.string(), unitsCovered: z.number().int(), unitsRepresented: z.number().int(),
          units: z.array(z.object({
            unitId: z.string(), name: z.string(), invited: z.number().int(), present: z.number().int(), represented: z.boolean(),
            cadence: z.object({ everyDays: z.number().int(), lastMetAt: z.string().nullable(), missedSince: z.string().nullable() }).nullable(),
            meetingsHeld: z.number().int(), attendanceRate: z.number().nullable(),
          })),
          nextCursor: z.string().nullable(),
          tasks: z.array(z.object({ decisionId: z.string(), text: z.string(), directiveId: z.string().nullable() })),
        }),
        ...errorResponses,
      },
    },
  }, (request) => read(deps, request, (ctx) => conferenceReview(ctx, request.params.id, request.query)));

  app.get('/units/:id/gatherings', {
    schema: { tags, summary: 'Gatherings a unit convened, latest first', params: IdParams, querystring: z.strictObject(Range), response: { 200: pageOf(GatheringItem), ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => listUnitGatherings(ctx, request.params.id, request.query)));

  app.get('/units/:id/meeting-stats', {
    schema: {
      tags, summary: "A unit's meeting statistics for its subtree, and each child's, from rollups", params: IdParams,
      response: { 200: Figures.extend({ unitId: z.string(), children: z.array(Figures.extend({ unitId: z.string(), name: z.string() })) }), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => meetingStats(ctx, request.params.id)));

  app.put('/units/:id/cadence', {
    schema: {
      tags, summary: 'How often the unit is expected to meet (null: no cadence)', params: IdParams,
      body: z.strictObject({ everyDays: z.number().int().min(1).max(366).nullable() }), response: { 200: z.object({ unitId: z.string(), everyDays: z.number().int().nullable() }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => setCadence(ctx, request.params.id, request.body)));

  app.get('/people/:id/gatherings', {
    schema: { tags, summary: 'Gatherings a person was invited to, latest first', params: IdParams, querystring: z.strictObject(Range), response: { 200: pageOf(GatheringItem), ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => listPersonGatherings(ctx, request.params.id, request.query)));

  app.get('/people/:id/attendance', {
    schema: {
      tags, summary: "A person's attendance over time", params: IdParams,
      response: { 200: z.object({ personId: z.string(), rate: z.number().nullable(), items: z.array(z.object({ gatheringId: z.string(), title: z.string(), startsAt: z.string(), session: z.number().int(), status: AttendanceStatus })) }), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => personAttendance(ctx, request.params.id)));

  app.get('/people/:id/calendar-link', {
    schema: { tags, summary: 'Your secret calendar address (.ics), for calendar apps', params: IdParams, response: { 200: z.object({ url: z.string() }), ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => calendarLink(ctx, request.params.id, `${request.protocol}://${request.host}`)));
};

/** The calendar feed: calendar clients carry no session, so the secret token in the address is the key. */
export const calendarFeedRoutes = (deps: AppDeps, mail: { from?: string | undefined } = {}): FastifyPluginAsyncZod => async (app) => {
  app.get('/people/:id/calendar.ics', {
    schema: {
      tags, summary: "A person's gatherings as an iCalendar feed (RFC 5545); the token comes from …/calendar-link", security: [],
      params: IdParams, querystring: z.strictObject({ token: z.string().min(16).max(100) }),
      response: { 200: { description: 'The feed (iCalendar, METHOD:PUBLISH)', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses },
    },
  }, async (request, reply) => {
    // No account behind the request: the public at the feed door, whose token is checked inside.
    const ics = await transact(deps.database, publicActor('feed'), deps.clock, (ctx) => calendarFeed(ctx, request.params.id, request.query.token, mail), request.id);
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
  });
};
