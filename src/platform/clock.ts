/** Time as the domain sees it; tests move a clock instead of sleeping. */
export interface Clock { now(): Date }

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void } {
  let current = new Date(start).getTime();
  return { now: () => new Date(current), advance: (ms) => { current += ms; } };
}
