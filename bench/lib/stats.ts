/** Small statistics helpers: nearest-rank percentiles over samples. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export const max = (samples: readonly number[]) => (samples.length === 0 ? Number.NaN : Math.max(...samples));
export const min = (samples: readonly number[]) => (samples.length === 0 ? Number.NaN : Math.min(...samples));

export interface Summary { p50: number; p95: number; p99: number; max: number; n: number }

export function summarize(samples: readonly number[]): Summary {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: max(samples), n: samples.length };
}

/** Formats a number with thin grouping: 10000000 → "10,000,000". */
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
export const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
export const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)) + ' ms' : '–');
export const seconds = (msValue: number) => (Number.isFinite(msValue) ? (msValue / 1000).toFixed(1) + ' s' : '–');
export const mb = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? Math.round(n) + ' MB' : '–');
