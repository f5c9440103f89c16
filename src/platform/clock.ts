/** Time as the domain sees it; tests move a clock instead of sleeping. */
export interface Clock { now(): Date }

/** A clock that tests (and the test-clock route) can move forward. */
export interface AdjustableClock extends Clock { advance(ms: number): void }

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move. */
export function fixedClock(start: Date | string): AdjustableClock {
  let current = new Date(start).getTime();
  return { now: () => new Date(current), advance: (ms) => { current += ms; } };
}

/**
 * Real time plus an offset that only grows: a server under end-to-end tests keeps
 * ticking like a real one, and a test can jump it ahead to reach a deadline.
 */
export function adjustableClock(base: Clock = systemClock): AdjustableClock {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward.');
      offset += ms;
    },
  };
}
