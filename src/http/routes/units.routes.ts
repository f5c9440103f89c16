import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeUnit } from '../../domain/org/close-unit.ts';
import { createUnit } from '../../domain/org/create-unit.ts';
import { getRootUnit, getUnit } from '../../domain/org/get-unit.ts';
import { loadLevels } from '../../domain/org/levels.ts';
import { listChildren } from '../../domain/org/list-children.ts';
import { moveUnit } from '../../domain/org/move-unit.ts';
import { renameUnit } from '../../domain/org/rename-unit.ts';
import { listMembers } from '../../domain/people/list-members.ts';
import { appointOfficial, endOfficialTerm, listOfficials } from '../../domain/people/officials.ts';
import { command, read, type AppDeps } from '../request-context.ts';
import { Created, errorResponses, Id, IdParams, Name, PageQuery, pageOf, singleLine, UnitView } from '../schemas.ts';

const tags = ['units'];
const LevelKey = singleLine(40).min(1).describe('A configured level key, e.g. "district" or "cell"');
const Role = z.enum(['secretary', 'deputy', 'official']);

export const unitsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/levels', {
    schema: {
      tags, summary: 'The levels of the tree, top first; the last is the cell level',
      response: { 200: z.object({ items: z.array(z.object({ depth: z.number(), key: z.string(), name: z.string() })) }), ...errorResponses },
    },
  }, (request) => read(deps, request, async (ctx) => ({ items: (await loadLevels(ctx.db)).all })));

  app.get('/units/root', {
    schema: { tags, summary: 'The root unit', response: { 200: UnitView, ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => getRootUnit(ctx)));

  app.get('/units/:id', {
    schema: { tags, summary: 'A unit with its ancestors and subtree counts', params: IdParams, response: { 200: UnitView, ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => getUnit(ctx, request.params.id)));

  app.get('/units/:id/children', {
    schema: {
      tags, summary: 'Subunits by name', params: IdParams,
      querystring: z.strictObject({ ...PageQuery, includeClosed: z.enum(['true', 'false']).optional() }),
      response: { 200: pageOf(UnitView), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => listChildren(ctx, request.params.id, {
    ...request.query, includeClosed: request.query.includeClosed === 'true',
  })));

  app.post('/units', {
    schema: {
      tags, summary: 'Create a unit (parentId null creates the root, once)',
      body: z.strictObject({ parentId: Id.nullable(), name: Name, level: LevelKey, code: singleLine(64).min(1).optional() }),
      response: { 201: Created, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => createUnit(ctx, request.body)));

  app.patch('/units/:id', {
    schema: { tags, summary: 'Rename a unit', params: IdParams, body: z.strictObject({ name: Name }), response: { 200: UnitView, ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await renameUnit(ctx, request.params.id, request.body);
    return getUnit(ctx, request.params.id);
  }));

  app.post('/units/:id/move', {
    schema: {
      tags, summary: 'Move a unit and its subtree under another parent', params: IdParams,
      body: z.strictObject({ parentId: Id }), response: { 200: z.object({ moved: z.number() }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => moveUnit(ctx, request.params.id, request.body)));

  app.post('/units/:id/close', {
    schema: { tags, summary: 'Close an empty unit (kept with its history)', params: IdParams, response: { 200: UnitView, ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await closeUnit(ctx, request.params.id);
    return getUnit(ctx, request.params.id);
  }));

  app.get('/units/:id/members', {
    schema: {
      tags, summary: 'Members of the unit (direct) or of every cell below it (subtree), by name', params: IdParams,
      querystring: z.strictObject({ ...PageQuery, scope: z.enum(['direct', 'subtree']).default('direct'), q: singleLine(100).min(1).optional() }),
      response: { 200: pageOf(z.object({ id: z.string(), name: z.string(), cellId: z.string(), cellName: z.string() })), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => listMembers(ctx, request.params.id, request.query)));

  app.get('/units/:id/officials', {
    schema: {
      tags, summary: 'Current officials of a unit', params: IdParams,
      response: { 200: z.object({ items: z.array(z.object({ personId: z.string(), name: z.string(), role: Role, since: z.string() })) }), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => listOfficials(ctx, request.params.id)));

  app.post('/units/:id/officials', {
    schema: {
      tags, summary: 'Appoint a person to a role at the unit', params: IdParams,
      body: z.strictObject({ personId: Id, role: Role }), response: { 201: Created, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => appointOfficial(ctx, request.params.id, request.body)));

  app.delete('/units/:id/officials/:personId', {
    schema: { tags, summary: "End a person's current term at the unit", params: z.strictObject({ id: Id, personId: Id }), response: { 204: z.null(), ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 204, (ctx) => endOfficialTerm(ctx, request.params.id, request.params.personId)));
};
