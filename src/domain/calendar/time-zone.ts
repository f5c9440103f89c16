/**
 * Time-zone arithmetic on Intl alone (Temporal is not in Node 20, and a tz library
 * would duplicate the ICU data Node already ships). Instants are epoch milliseconds.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23, not hour12: false — the latter renders midnight as "24" in some ICU versions.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset at instant `t`: local wall-clock time minus UTC, in ms. */
export function offsetAt(t: number, timeZone: string): number {
  const second = Math.floor(t / 1000) * 1000;
  const f: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(second)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const local = new Date(0);
  local.setUTCFullYear(f.year!, f.month! - 1, f.day!);
  local.setUTCHours(f.hour!, f.minute!, f.second!, 0);
  return local.getTime() - second;
}

/**
 * The first instant in (lo, hi] whose offset differs from the one at `lo`, given
 * that the offset at `hi` differs. Zones change offset on whole seconds, and
 * offsetAt reads whole seconds, so the search ends on the exact instant.
 */
export function transitionBetween(lo: number, hi: number, timeZone: string): number {
  const before = offsetAt(lo, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

// An IANA name (Area/Location, or a single word such as UTC); Intl would also take
// offsets like "+01:00" on newer engines, which follow no DST rules.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The zone's canonical IANA name as this runtime knows it, or undefined if it is not one. */
export function canonicalTimeZone(name: string): string | undefined {
  if (!IANA_NAME.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
