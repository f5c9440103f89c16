import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPerson } from '../../domain/people/create-person.ts';
import { getPerson } from '../../domain/people/get-person.ts';
import { personHistory } from '../../domain/people/person-history.ts';
import { anonymisePerson, exportPerson } from '../../domain/people/person-privacy.ts';
import { transferPerson } from '../../domain/people/transfer-person.ts';
import { updatePerson } from '../../domain/people/update-person.ts';
import { command, read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, IdParams, Name } from '../schemas.ts';

const tags = ['people'];
const Email = z.email().max(254);
const Phone = z.string().trim().regex(/^\+?[0-9 ()./-]{3,40}$/, 'digits, spaces and + ( ) . / - only').max(40);
const BirthYear = z.number().int().min(1900).max(2100);

const PersonView = z.object({
  id: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), birthYear: z.number().nullable(),
  language: z.enum(['en', 'ko']).nullable().describe("The language e-mails to this person are written in; null: the installation's"),
  cellId: z.string(), cell: z.object({ id: z.string(), name: z.string() }), memberSince: z.string(),
  roles: z.array(z.object({ unitId: z.string(), unitName: z.string(), role: z.string(), since: z.string() })),
  anonymised: z.boolean(),
  abilities: z.object({ update: z.boolean(), transfer: z.boolean(), export: z.boolean(), createAccount: z.boolean(), anonymise: z.boolean() }),
});

export const peopleRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/people', {
    schema: {
      tags, summary: 'Register a person as a member of a cell',
      body: z.strictObject({ name: Name, cellId: Id, email: Email.optional(), phone: Phone.optional(), birthYear: BirthYear.optional() }),
      response: { 201: z.object({ id: z.string(), name: z.string(), cellId: z.string() }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => createPerson(ctx, request.body)));

  app.get('/people/:id', {
    schema: { tags, summary: 'A person, their cell and current roles', params: IdParams, response: { 200: PersonView, ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => getPerson(ctx, request.params.id)));

  app.patch('/people/:id', {
    schema: {
      tags, summary: "Correct a person's name, contact details or e-mail language (null clears a field)", params: IdParams,
      body: z.strictObject({ name: Name.optional(), email: Email.nullable().optional(), phone: Phone.nullable().optional(), birthYear: BirthYear.nullable().optional(),
        language: z.enum(['en', 'ko']).nullable().optional().describe("The language of the person's e-mails (null: the installation's)") }),
      response: { 200: PersonView, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await updatePerson(ctx, request.params.id, request.body);
    return getPerson(ctx, request.params.id);
  }));

  app.post('/people/:id/transfer', {
    schema: {
      tags, summary: 'Transfer a member to another cell', params: IdParams,
      body: z.strictObject({ cellId: Id }), response: { 200: PersonView, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await transferPerson(ctx, request.params.id, request.body);
    return getPerson(ctx, request.params.id);
  }));

  app.get('/people/:id/export', {
    schema: { tags, summary: "A person's full record and history as JSON (the person, or an official over them)", params: IdParams, response: { 200: z.record(z.string(), z.unknown()), ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => exportPerson(ctx, request.params.id)));

  app.post('/people/:id/anonymise', {
    schema: { tags, summary: 'Replace name and contact details for good, keeping history (administrators)', params: IdParams, response: { 200: PersonView, ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await anonymisePerson(ctx, request.params.id);
    return getPerson(ctx, request.params.id);
  }));

  app.get('/people/:id/history', {
    schema: {
      tags, summary: 'Memberships and roles, oldest first', params: IdParams,
      response: {
        200: z.object({
          items: z.array(z.object({
            kind: z.enum(['membership', 'role']), unitId: z.string(), unitName: z.string(), role: z.string().optional(),
            startedAt: z.string(), endedAt: z.string().nullable(),
          })),
        }),
        ...errorResponses,
      },
    },
  }, (request) => read(deps, request, (ctx) => personHistory(ctx, request.params.id)));
};
