import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignCases, MAX_ASSIGN_BATCH } from '../../domain/cases/assign-cases.ts';
import { command, type AppDeps } from '../request-context.ts';
import { errorResponses, Id } from '../schemas.ts';
import { AssigneeRef } from './cases.schemas.ts';

/** Assigning cases to officials, one or many at a time (the same route for both). */
export const caseAssignRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/cases/assign', {
    schema: {
      tags: ['cases'],
      summary: "Assign cases to an official of each case's owning unit, or unassign them; all or nothing",
      description: 'The owning unit and those above it act. If any case cannot be assigned (out of reach, closed or merged, or the person holds '
        + 'no current role at its owning unit) nothing changes, and error.details.failures lists each case id with its reason.',
      body: z.strictObject({
        caseIds: z.array(Id).min(1).max(MAX_ASSIGN_BATCH),
        assigneePersonId: Id.nullable().describe('An official of the owning unit, or null to unassign'),
      }),
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.string(), reference: z.string(), assignee: AssigneeRef })),
          changed: z.number().describe('Cases whose assignee changed (the rest already had it)'),
        }),
        ...errorResponses,
      },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => assignCases(ctx, request.body)));
};
