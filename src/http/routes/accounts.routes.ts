import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount, disableAccount } from '../../domain/accounts/accounts.ts';
import { command, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, IdParams } from '../schemas.ts';

const tags = ['accounts'];

export const accountsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/accounts', {
    schema: {
      tags, summary: 'Create a sign-in for a person (administrators, and officials over the person\'s cell)',
      description: 'With `password` the account is ready at once (administrators, scripts). Without it, the person is sent '
        + 'an invitation by e-mail: a one-time link, valid 72 hours, to choose their own password (`invited: true`).',
      body: z.strictObject({ personId: Id, email: z.email().max(254), password: z.string().min(1).max(1000).optional() }),
      response: { 201: z.object({ id: z.string(), invited: z.boolean().describe('An invitation to choose a password was mailed') }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) =>
    createAccount(ctx, { ...request.body, publicUrl: `${request.protocol}://${request.host}` })));

  app.post('/accounts/:id/disable', {
    schema: { tags, summary: 'Disable an account; its sessions and tokens end at once', params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 204, (ctx) => disableAccount(ctx, request.params.id)));
};
