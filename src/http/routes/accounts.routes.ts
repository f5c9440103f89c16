import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount, disableAccount } from '../../domain/accounts/accounts.ts';
import { command, type AppDeps } from '../request-context.ts';
import { Created, errorResponses, Id, IdParams } from '../schemas.ts';

const tags = ['accounts'];

export const accountsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/accounts', {
    schema: {
      tags, summary: 'Create a sign-in for a person (administrators, and officials over the person\'s cell)',
      body: z.strictObject({ personId: Id, email: z.email().max(254), password: z.string().min(1).max(1000) }),
      response: { 201: Created, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => createAccount(ctx, request.body)));

  app.post('/accounts/:id/disable', {
    schema: { tags, summary: 'Disable an account; its sessions and tokens end at once', params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 204, (ctx) => disableAccount(ctx, request.params.id)));
};
