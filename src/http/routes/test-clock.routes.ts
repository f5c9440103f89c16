import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeOperator } from '../../domain/access/guard.ts';
import type { AdjustableClock } from '../../platform/clock.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses } from '../schemas.ts';

/** What the test-clock route moves and runs; present only when the server runs with MAINSTAY_TEST_CLOCK=1. */
export interface TestClockControl {
  clock: AdjustableClock;
  runDueJobs(now: Date): Promise<void>;
}

const TEN_YEARS = 10 * 366 * 24 * 3600;

/**
 * End-to-end tests reach deadlines and retries without waiting: the server's clock
 * jumps ahead and every scheduled job runs at the new time before the answer, so the
 * test sees their effects at once. Administrators only, like the other operator tools.
 */
export const testClockRoutes = (deps: AppDeps, control: TestClockControl): FastifyPluginAsyncZod => async (app) => {
  app.post('/test/clock', {
    schema: {
      tags: ['test'], summary: 'Move the server clock forward and run every scheduled job (test servers only: MAINSTAY_TEST_CLOCK=1)',
      body: z.strictObject({ advanceSeconds: z.number().min(0).max(TEN_YEARS) }),
      response: { 200: z.object({ now: z.string() }), ...errorResponses },
    },
  }, async (request) => {
    await read(deps, request, async (ctx) => {
      authorizeOperator(ctx, 'move_test_clock');
    });
    // Outside the request's transaction: the jobs open their own (PGlite has one connection).
    control.clock.advance(request.body.advanceSeconds * 1000);
    const now = control.clock.now();
    await control.runDueJobs(now);
    return { now: now.toISOString() };
  });
};
