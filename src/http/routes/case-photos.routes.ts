import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readCasePhoto } from '../../domain/cases/case-photos.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id } from '../schemas.ts';
import { PhotoParams, photoResponse, sendPhoto } from '../send-photo.ts';

/** The photos sent with a case, for whoever may read the case (officials along its path, the member who filed it). */
export const casePhotosRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/cases/:id/photos/:position', {
    schema: {
      tags: ['cases'], summary: 'A photo sent with a case',
      params: z.strictObject({ id: Id, ...PhotoParams }),
      response: { 200: photoResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const photo = await read(deps, request, (ctx) => readCasePhoto(ctx, request.params.id, request.params.position));
    return sendPhoto(reply, photo);
  });
};
