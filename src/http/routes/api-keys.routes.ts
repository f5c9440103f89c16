import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueApiKey, listApiKeys, revokeApiKey } from '../../domain/cases/api-keys.ts';
import { command, inRequest, read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, Name } from '../schemas.ts';

const tags = ['api-keys'];

/** Keys for a unit's machine clients (the Open311 door): administrators issue and revoke them. */
export const apiKeysRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/units/:id/api-keys', {
    schema: {
      tags, summary: "The unit's API keys, newest first, revoked ones included (administrators); never the key itself",
      params: z.strictObject({ id: Id }),
      response: {
        200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })) }),
        ...errorResponses,
      },
    },
  }, (request) => read(deps, request, (ctx) => listApiKeys(ctx, request.params.id)));

  app.post('/units/:id/api-keys', {
    schema: {
      tags, summary: 'Issue an API key for the unit (administrators); the key is shown this once',
      params: z.strictObject({ id: Id }), body: z.strictObject({ name: Name.max(100) }),
      response: { 201: z.object({ id: z.string(), key: z.string().describe('Shown once; only its SHA-256 is kept') }), ...errorResponses },
    },
  }, async (request, reply) => {
    // Not Idempotency-Key aware on purpose: a replay would need the key stored in plain text.
    const issued = await inRequest(deps, request, (ctx) => issueApiKey(ctx, request.params.id, request.body));
    return reply.code(201).send(issued);
  });

  app.delete('/units/:id/api-keys/:keyId', {
    schema: {
      tags, summary: "Revoke one of the unit's API keys at once (administrators)",
      params: z.strictObject({ id: Id, keyId: Id }), response: { 204: z.null(), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 204, (ctx) => revokeApiKey(ctx, request.params.id, request.params.keyId)));
};
