import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportOnAssignment, transitionAssignment } from '../../domain/directives/act-on-assignment.ts';
import { amendDirective, editDraft, withdrawDirective } from '../../domain/directives/change-directive.ts';
import { createDirective } from '../../domain/directives/create-directive.ts';
import { issueDirective } from '../../domain/directives/issue-directive.ts';
import { directiveProgress } from '../../domain/directives/progress.ts';
import { answerQuestion, askQuestion } from '../../domain/directives/questions.ts';
import { getAssignment, getDirective, listIssuedDirectives, listUnitAssignments } from '../../domain/directives/read-directives.ts';
import { DIRECTIVE_FORM, DIRECTIVE_MULTIPART, FileInfo, FILES_FIELD, multipartWithFiles, REPORT_FORM } from '../directive-uploads.ts';
import { bodyWithFileDigests, jsonOrMultipartBody, jsonWithFiles, withMultipartAlternative } from '../json-with-files.ts';
import { command, read, type AppDeps } from '../request-context.ts';
import { Created, errorResponses, Id, IdParams, multiLine, Name, PageQuery, pageOf, singleLine } from '../schemas.ts';

const tags = ['directives'];
const AssignmentStatus = z.enum(['received', 'acknowledged', 'in_progress', 'done', 'blocked']);
const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);
const Translations = (text: z.ZodString) => z.record(Language, text).optional().describe('By language code, e.g. { "ko": "…" }');
const Figure = z.number().finite().min(0).max(1e12);
const Item = z.strictObject({
  title: Name,
  dueAt: z.iso.datetime({ offset: true }).describe('ISO 8601 with offset'),
  target: Figure.positive().optional().describe('A measurable target per unit, e.g. houses repaired: 40'),
  unitLabel: singleLine(40).min(1).optional().describe('What the figure counts, e.g. "houses"'),
});
const Target = z.strictObject({
  kind: z.enum(['all', 'level', 'subtrees']).describe('all: every unit below the issuer; level: the units of one level; subtrees: chosen units and all below them'),
  level: singleLine(64).optional(), unitIds: z.array(Id).max(1000).optional(),
});
const Counts = z.object({ received: z.number().int(), acknowledged: z.number().int(), in_progress: z.number().int(), done: z.number().int(), blocked: z.number().int() });

export const DirectiveView = z.object({
  id: z.string(), status: z.enum(['draft', 'issued', 'withdrawn']), version: z.number().int(), issuerUnitId: z.string(), issuerName: z.string(),
  title: z.string(), body: z.string(), titles: z.record(z.string(), z.string()), bodies: z.record(z.string(), z.string()),
  target: z.object({ kind: z.enum(['all', 'level', 'subtrees']), depth: z.number().int().nullable(), unitIds: z.array(z.string()) }),
  items: z.array(z.object({ index: z.number().int(), title: z.string(), dueAt: z.string(), target: z.number().nullable(), unitLabel: z.string().nullable() })),
  files: z.array(FileInfo).describe('Attachments, oldest first: GET /directive-files/{id}'),
  amendments: z.array(z.object({ version: z.number().int(), at: z.string(), by: z.string(), note: z.string().nullable(), changes: z.record(z.string(), z.unknown()) })),
  questions: z.array(z.object({ id: z.string(), unitId: z.string(), text: z.string(), askedAt: z.string(), askedBy: z.string(), answer: z.string().nullable(), answeredAt: z.string().nullable() })),
  source: z.record(z.string(), z.unknown()).nullable(), createdAt: z.string(), issuedAt: z.string().nullable(), withdrawnAt: z.string().nullable(), withdrawReason: z.string().nullable(),
  reach: z.number().int().nullable().describe('A draft: how many units it would reach if issued now'),
  abilities: z.object({ manage: z.boolean(), issue: z.boolean(), amend: z.boolean(), withdraw: z.boolean(), answer: z.boolean(), attach: z.boolean() }),
});
const AssignmentItem = z.object({
  id: z.string(), directiveId: z.string(), title: z.string(), status: AssignmentStatus, directiveStatus: z.enum(['draft', 'issued', 'withdrawn']),
  issuerUnitId: z.string(), nextDueAt: z.string().nullable(), overdue: z.boolean(), needsAcknowledgement: z.boolean(), createdAt: z.string(),
});
const AssignmentView = z.object({
  id: z.string(), directiveId: z.string(), unitId: z.string(), unitName: z.string(), status: AssignmentStatus, blockedReason: z.string().nullable(),
  acknowledgedVersion: z.number().int(), needsAcknowledgement: z.boolean(), nextDueAt: z.string().nullable(), overdue: z.boolean(),
  directive: DirectiveView.omit({ abilities: true, reach: true }),
  items: z.array(z.object({ index: z.number().int(), title: z.string(), dueAt: z.string(), target: z.number().nullable(), unitLabel: z.string().nullable(), percent: z.number().nullable(), value: z.number().nullable() })),
  reports: z.array(z.object({
    itemIndex: z.number().int(), percent: z.number().nullable(), value: z.number().nullable(), text: z.string().nullable(), at: z.string(), by: z.string(),
    notApplicable: z.boolean().describe('The item does not apply to the unit; `text` says why'),
    files: z.array(FileInfo).describe('Evidence sent with the report'),
  })),
  history: z.array(z.object({
    at: z.string(), from: z.string().nullable(), to: z.string().nullable(), reason: z.string().nullable(), by: z.string(),
    message: z.enum(['reported_progress']).nullable().describe("A step the system recorded, as a key for the web to word in the reader's language (`reason` keeps the English text as stored)"),
  })),
  abilities: z.object({ act: z.boolean(), transitions: z.array(AssignmentStatus) }),
});
const Progress = z.object({
  directiveId: z.string(), unitId: z.string(), counts: Counts, assignments: z.number().int(), percentDone: z.number(), overdue: z.number().int(),
  items: z.array(z.object({ index: z.number().int(), title: z.string(), target: z.number().nullable(), reported: z.number().int(), valueSum: z.number(), targetSum: z.number().nullable(), averagePercent: z.number() })),
  children: z.array(z.object({
    unitId: z.string(), name: z.string(),
    state: AssignmentStatus.describe("The unit's own assignment's state; for a subtree the worst among its assignments (received: not acknowledged)"),
    counts: Counts, assignments: z.number().int(), percentDone: z.number(),
    reportedPercent: z.number().describe('Progress reported, % (per item the average percentage or the share of the target, whichever is higher; averaged over the items)'),
    overdue: z.number().int(), rank: z.number().int(),
  })).describe('Child units with assignments in their subtree, best first: by state (not acknowledged worst), then % done, then reported progress, then overdue'),
  pendingChanges: z.number().int().describe('Changes not yet folded into the rollups (already counted above)'),
});

const NewDirective = z.strictObject({
  issuerUnitId: Id, title: Name, body: multiLine(20_000).min(1), titles: Translations(Name), bodies: Translations(multiLine(20_000)),
  items: z.array(Item).min(1).max(50),
  target: Target,
});
const NewReport = z.strictObject({
  itemIndex: z.number().int().min(0), percent: z.number().finite().min(0).max(100).optional(), value: Figure.optional(), text: multiLine(4000).min(1).optional(),
  notApplicable: z.boolean().optional().describe('The item does not apply to the unit: give the reason in `text`, and no figures'),
});

export const directivesRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  // For a draft's attachments and a report's evidence; the other routes here take JSON alone.
  await app.register(multipart, DIRECTIVE_MULTIPART);

  app.post('/directives', {
    config: { swaggerTransform: withMultipartAlternative(multipartWithFiles(DIRECTIVE_FORM)) },
    schema: {
      tags, summary: 'Draft a directive (officials of the issuing unit and above)',
      description: 'As JSON, or with attachments as multipart/form-data: the JSON object in the `directive` field and up to five files in `files` (written with the draft, or not at all).',
      body: NewDirective,
      response: { 201: Created.extend({ status: z.literal('draft') }), ...errorResponses },
    },
    validatorCompiler: jsonOrMultipartBody,
  }, async (request, reply) => {
    // An upload is read only once the sender is known and, with the cookie, the CSRF header checked.
    if (request.isMultipart()) await read(deps, request, async () => undefined);
    const { body, files } = await jsonWithFiles(request, NewDirective, DIRECTIVE_FORM);
    // The Idempotency-Key compares bodies: a multipart one is the JSON and the files' digests.
    request.body = bodyWithFileDigests(body, FILES_FIELD, files) as typeof request.body;
    return command(deps, request, reply, 201, (ctx) => createDirective(ctx, { ...body, files }));
  });

  app.get('/directives/:id', {
    schema: { tags, summary: 'A directive with its items, amendments and questions', params: IdParams, response: { 200: DirectiveView, ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => getDirective(ctx, request.params.id)));

  app.patch('/directives/:id', {
    schema: {
      tags, summary: 'Change a draft (title, body, items, target) before it is issued', params: IdParams,
      body: z.strictObject({ title: Name.optional(), body: multiLine(20_000).min(1).optional(), items: z.array(Item).min(1).max(50).optional(), target: Target.optional() }),
      response: { 200: DirectiveView, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await editDraft(ctx, request.params.id, request.body);
    return getDirective(ctx, request.params.id);
  }));

  app.post('/directives/:id/issue', {
    schema: { tags, summary: 'Issue a draft: an assignment for every targeted unit, at once', params: IdParams, response: { 200: z.object({ assignments: z.number().int() }), ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => issueDirective(ctx, request.params.id)));

  app.post('/directives/:id/amend', {
    schema: {
      tags, summary: 'Amend an issued directive: a new version that receivers see and acknowledge again', params: IdParams,
      body: z.strictObject({ title: Name.optional(), body: multiLine(20_000).min(1).optional(), items: z.array(Item).min(1).max(50).optional(), note: multiLine(2000).min(1).describe('What changed and why') }),
      response: { 200: z.object({ version: z.number().int() }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => amendDirective(ctx, request.params.id, request.body)));

  app.post('/directives/:id/withdraw', {
    schema: {
      tags, summary: 'Withdraw an issued directive (assignments and their history stay)', params: IdParams,
      body: z.strictObject({ reason: multiLine(2000).min(1) }), response: { 200: z.object({ status: z.literal('withdrawn') }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => withdrawDirective(ctx, request.params.id, request.body)));

  app.get('/directives/:id/progress', {
    schema: {
      tags, summary: 'Progress at a unit (default: the issuer) and its child units, from maintained rollups', params: IdParams,
      querystring: z.strictObject({ unitId: Id.optional() }), response: { 200: Progress, ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => directiveProgress(ctx, request.params.id, request.query.unitId)));

  app.post('/directives/:id/questions/:questionId/answer', {
    schema: {
      tags, summary: 'Answer a question once, for all receivers (the issuing unit)',
      params: z.strictObject({ id: Id, questionId: Id }), body: z.strictObject({ answer: multiLine(4000).min(1) }), response: { 200: Created, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => answerQuestion(ctx, request.params.id, request.params.questionId, request.body)));

  app.get('/units/:id/directives', {
    schema: {
      tags, summary: 'Directives a unit issued, newest first', params: IdParams,
      querystring: z.strictObject({ ...PageQuery, status: z.enum(['draft', 'issued', 'withdrawn']).optional() }),
      response: { 200: pageOf(z.object({ id: z.string(), title: z.string(), status: z.enum(['draft', 'issued', 'withdrawn']), version: z.number().int(), createdAt: z.string(), issuedAt: z.string().nullable() })), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => listIssuedDirectives(ctx, request.params.id, request.query)));

  app.get('/units/:id/assignments', {
    schema: {
      tags, summary: "A unit's assignments: not yet acknowledged (new or amended) first, then newest", params: IdParams,
      querystring: z.strictObject({
        ...PageQuery, status: AssignmentStatus.optional(),
        overdue: z.enum(['true', 'false']).optional().describe('true: the unit\'s overdue list — a due date passed with the work not done'),
      }),
      response: { 200: pageOf(AssignmentItem), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => listUnitAssignments(ctx, request.params.id, {
    ...request.query, overdue: request.query.overdue === undefined ? undefined : request.query.overdue === 'true',
  })));

  app.get('/assignments/:id', {
    schema: { tags, summary: 'An assignment: the directive as addressed to the unit, its figures, reports and history', params: IdParams, response: { 200: AssignmentView, ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => getAssignment(ctx, request.params.id)));

  app.post('/assignments/:id/transition', {
    schema: {
      tags, summary: "Move an assignment along (the unit's officials and those above); to acknowledged again after an amendment", params: IdParams,
      description: '`done` only once every item has a report (figures, words, evidence, or not applicable with a reason): else 409 `items_unreported`, naming the items in `details.items`.',
      body: z.strictObject({ to: AssignmentStatus.exclude(['received']), reason: multiLine(2000).min(1).optional().describe('Required to block') }),
      response: { 200: AssignmentView, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await transitionAssignment(ctx, request.params.id, request.body);
    return getAssignment(ctx, request.params.id);
  }));

  app.post('/assignments/:id/reports', {
    config: { swaggerTransform: withMultipartAlternative(multipartWithFiles(REPORT_FORM)) },
    schema: {
      tags, summary: 'Report on one item: a percentage, a figure against the target, a few words, evidence', params: IdParams,
      description: 'As JSON, or with evidence as multipart/form-data: the JSON object in the `report` field and up to five files in `files` (written with the report, or not at all).',
      body: NewReport,
      response: { 201: AssignmentView, ...errorResponses },
    },
    validatorCompiler: jsonOrMultipartBody,
  }, async (request, reply) => {
    if (request.isMultipart()) await read(deps, request, async () => undefined);
    const { body, files } = await jsonWithFiles(request, NewReport, REPORT_FORM);
    request.body = bodyWithFileDigests(body, FILES_FIELD, files) as typeof request.body;
    return command(deps, request, reply, 201, async (ctx) => {
      await reportOnAssignment(ctx, request.params.id, { ...body, files });
      return getAssignment(ctx, request.params.id);
    });
  });

  app.post('/assignments/:id/questions', {
    schema: {
      tags, summary: 'Ask the issuing unit a question about the directive', params: IdParams,
      body: z.strictObject({ text: multiLine(4000).min(1) }), response: { 201: Created, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => askQuestion(ctx, request.params.id, request.body)));
};
