/** The benchmark's settings, all from the environment; the defaults are the national organization. */

export const LEVELS = ['central', 'region', 'district', 'sub-district', 'cell'] as const;
export const NATIONAL_SHAPE = [12, 200, 5_000, 500_000];

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${raw}".`);
  return n;
}

function envList(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  return raw.split(',').map((part) => {
    const n = Number(part.trim().replaceAll('_', ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a comma-separated list of whole numbers, not "${raw}".`);
    return n;
  });
}

/**
 * The national ratios scaled to a cell count: 12 regions, one district per 2,500
 * cells, one sub-district per 100 cells (each level at least as wide as the one above).
 */
export function shapeForCells(cells: number): number[] {
  const regions = Math.min(12, cells);
  const districts = Math.min(cells, Math.max(regions, Math.round(cells / 2_500)));
  const subDistricts = Math.min(cells, Math.max(districts, Math.round(cells / 100)));
  return [regions, districts, subDistricts, cells];
}

export interface BenchConfig {
  databaseUrl: string;
  shape: number[];
  members: number;
  /** Members of the second file, imported into the already-loaded organization. */
  extraMembers: number;
  /** Repeats of latency, throughput, move and the populated import. */
  runs: number;
  /** Repeats of the first load (each on a fresh database). */
  importRuns: number;
  /** Also run one first load in-process with every statement timed (where the time goes). */
  importProfile: boolean;
  latencyRequests: number;
  connections: number;
  throughputSeconds: number;
  pglite: boolean;
  pgliteCells: number[];
  pgliteMembersPerCell: number;
  pgliteBudgetSeconds: number;
  pgliteLatencyRequests: number;
  out: string;
}

export function loadBenchConfig(): BenchConfig {
  const shape = process.env.BENCH_SHAPE
    ? envList('BENCH_SHAPE', NATIONAL_SHAPE)
    : process.env.BENCH_CELLS ? shapeForCells(envInt('BENCH_CELLS', 500_000)) : NATIONAL_SHAPE;
  if (shape.length !== LEVELS.length - 1) throw new Error(`BENCH_SHAPE needs ${LEVELS.length - 1} counts (${LEVELS.slice(1).join(', ')}).`);
  const members = envInt('BENCH_MEMBERS', 10_000_000);
  const runs = Math.max(1, envInt('BENCH_RUNS', 3));
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/mainstay_bench',
    shape,
    members,
    extraMembers: envInt('BENCH_EXTRA_MEMBERS', Math.max(1, Math.round(members / 10))),
    runs,
    importRuns: Math.max(1, envInt('BENCH_IMPORT_RUNS', members >= 5_000_000 ? 1 : runs)),
    importProfile: process.env.BENCH_IMPORT_PROFILE !== '0',
    latencyRequests: envInt('BENCH_LATENCY_REQUESTS', 500),
    connections: envInt('BENCH_CONNECTIONS', 50),
    throughputSeconds: envInt('BENCH_THROUGHPUT_SECONDS', 15),
    pglite: process.env.BENCH_PGLITE !== '0',
    pgliteCells: envList('BENCH_PGLITE_CELLS', [1_000, 10_000, 50_000, 100_000, 200_000, 500_000]),
    pgliteMembersPerCell: envInt('BENCH_PGLITE_MEMBERS_PER_CELL', 20),
    pgliteBudgetSeconds: envInt('BENCH_PGLITE_BUDGET_S', 600),
    pgliteLatencyRequests: envInt('BENCH_PGLITE_LATENCY_REQUESTS', 200),
    out: process.env.BENCH_OUT || 'docs/benchmarks.md',
  };
}

/** The environment that reproduces this configuration, for the report. */
export function describeEnv(config: BenchConfig): string {
  const parts: string[] = [];
  if (config.shape.join(',') !== NATIONAL_SHAPE.join(',')) parts.push(`BENCH_SHAPE=${config.shape.join(',')}`);
  if (config.members !== 10_000_000) parts.push(`BENCH_MEMBERS=${config.members}`);
  for (const name of ['BENCH_EXTRA_MEMBERS', 'BENCH_RUNS', 'BENCH_IMPORT_RUNS', 'BENCH_IMPORT_PROFILE', 'BENCH_LATENCY_REQUESTS', 'BENCH_CONNECTIONS',
    'BENCH_THROUGHPUT_SECONDS', 'BENCH_PGLITE', 'BENCH_PGLITE_CELLS', 'BENCH_PGLITE_MEMBERS_PER_CELL', 'BENCH_PGLITE_BUDGET_S']) {
    if (process.env[name]) parts.push(`${name}=${process.env[name]}`);
  }
  return [...parts, 'npm run bench'].join(' ');
}
