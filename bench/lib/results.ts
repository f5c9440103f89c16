/** What one benchmark run measured; run.ts fills it, report.ts renders it. */
import type { LoadResult } from './http.ts';
import type { ImportProfile } from './import-profile.ts';
import type { Summary } from './stats.ts';

export interface Machine {
  date: string;
  commit: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  psql: string;
  pglite: string;
  autocannon: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  /** Other processes busy on the machine when the benchmark started (top CPU users). */
  otherLoad: string[];
  /** The 1-minute load average as each measurement began. */
  loadSamples: Array<{ phase: string; load1: number }>;
  /** When each phase began, and the code it ran. */
  phases: Array<{ name: string; startedAt: string; commit: string }>;
}

export interface ImportRun {
  rows: number;
  /** Spawn to the "Imported …" line. */
  resultMs: number;
  /** Spawn to process exit. */
  wallMs: number;
  /** The import's own timer ("in N s"). */
  reportedMs: number | undefined;
  peakRssMb: number | undefined;
}

export interface RawCopyRun { rows: number; ms: number }

export interface FirstLoadRun {
  units: ImportRun;
  members: ImportRun;
  rawBare: RawCopyRun;
  rawBuiltCopy: RawCopyRun;
  rawBuiltIndexesMs: number;
  rawIndexed: RawCopyRun;
  countsOk: boolean;
}

export interface PopulatedRun { before: number; import: ImportRun; raw: RawCopyRun; rawBefore: number }

export interface LatencyRun { level: string; summary: Summary }

export interface MoveRun { ms: number; status: number; moved: number; apiConsistent: boolean; recountOk: boolean | undefined; detail: string }

export interface PgResults {
  files: { unitsRows: number; membersRows: number; extraRows: number; unitsBytes: number; membersBytes: number; extraBytes: number; generatedMs: number | undefined };
  firstLoads: FirstLoadRun[];
  populated: PopulatedRun[];
  latency: LatencyRun[][];
  throughput: LoadResult[];
  /** The same load on GET /api/v1/health (no sign-in, `select 1`): this machine's ceiling at that moment. */
  healthThroughput: LoadResult | undefined;
  importProfile: ImportProfile | undefined;
  serverIdleRssMb: number | undefined;
  serverPeakRssMb: number | undefined;
  moves: MoveRun[];
  commands: Record<string, string>;
}

export interface PgliteStep {
  cells: number;
  shape: number[];
  members: number;
  unitsImport: ImportRun;
  membersImport: ImportRun;
  latency: LatencyRun[][];
  throughput: LoadResult | undefined;
  moves: MoveRun[];
  serverPeakRssMb: number | undefined;
  withinGoal: boolean;
  dataDirBytes: number;
}

export interface PgliteResults { steps: PgliteStep[]; stoppedBecause: string; elapsedMs: number }

export interface Results {
  machine: Machine;
  config: { shape: number[]; members: number; extraMembers: number; runs: number; importRuns: number; latencyRequests: number; connections: number; throughputSeconds: number; pgliteMembersPerCell: number; pgliteBudgetSeconds: number; command: string };
  pg?: PgResults;
  pglite?: PgliteResults;
  totalMs: number;
}
