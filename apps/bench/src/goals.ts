/**
 * quality.md's performance goals, as pure functions from a run's figures to met or not met, so that
 * `npm run bench -- --check` and its unit test judge the same way. Latency is judged against the twin
 * measured in the same run (the service's p99 at most twice the twin's at the same fixed rate): this
 * machine's speed changes from day to day, so an absolute latency at a fixed rate would measure the day.
 */

/** One row of the table: the JSON fields, then what the table also shows. */
export interface BenchRow {
  operation: string;
  /** Peak throughput of the service (autocannon). */
  rps: number | null;
  /** The service's latency at the fixed rate (`rate`). */
  p50Ms: number | null;
  p99Ms: number | null;
  sqlStatements: number | null;
  twinRps: number | null;
  ratio: number | null;
  p95Ms: number | null;
  /** Requests that failed while the operation was measured (the alert burst's readers). */
  failedRequests: number | null;
  goal: string;
  met: boolean;
  /** Arrivals per second offered to both sides for latency: 60% of the twin's peak, or a fixed rate without a twin. */
  rate?: number | null;
  /** The twin's latency at the same rate. */
  twinP50Ms?: number | null;
  twinP99Ms?: number | null;
  /** The service's most resident memory during the run (the serviceMemory row). */
  maxRssMb?: number | null;
  /**
   * CPU one request cost at peak (ms), the service's run: its own process, PostgreSQL, the load generator
   * (`cpu.ts`); the same for the twin's run. Null where there is no `/proc`.
   */
  serviceCpuMs?: number | null;
  servicePostgresCpuMs?: number | null;
  serviceLoadGeneratorCpuMs?: number | null;
  twinCpuMs?: number | null;
  twinPostgresCpuMs?: number | null;
  twinLoadGeneratorCpuMs?: number | null;
}

/** The figures a goal reads; a figure not measured is null, and a goal that needs it is not met. */
export type Figures = Pick<
  BenchRow,
  'ratio' | 'p95Ms' | 'p99Ms' | 'sqlStatements' | 'failedRequests' | 'twinP99Ms'
>;

/** The fixed rate offered to the twin and the service: this share of the twin's peak in the same run. */
export const TWIN_PEAK_SHARE = 0.6;
/** The service's p99 may be at most this many times the twin's at that rate. */
export const P99_TO_TWIN = 2;

export interface Goal {
  text: string;
  met: (figures: Figures) => boolean;
}

const atMost = (value: number | null | undefined, limit: number) =>
  value !== null && value !== undefined && Number.isFinite(value) && value <= limit;
const under = (value: number | null | undefined, limit: number) =>
  value !== null && value !== undefined && Number.isFinite(value) && value < limit;

/**
 * Throughput at least `share` of the twin's, and p99 at most twice the twin's at 60% of its peak, with
 * no answer of the service failing at that rate.
 */
function likeTwin(figures: Figures, share: number): boolean {
  const { ratio, p99Ms, twinP99Ms, failedRequests } = figures;
  return (
    !failedRequests &&
    ratio !== null &&
    ratio >= share &&
    twinP99Ms !== null &&
    twinP99Ms !== undefined &&
    atMost(p99Ms, P99_TO_TWIN * twinP99Ms)
  );
}

const LATENCY = `p99 ≤ ${P99_TO_TWIN} × twin's at ${TWIN_PEAK_SHARE * 100}% of its peak`;

export const GOALS = {
  caseFile: {
    text: `throughput ≥ 0.8 × twin; ${LATENCY}; ≤ 6 SQL statements`,
    met: (figures) => likeTwin(figures, 0.8) && atMost(figures.sqlStatements, 6),
  },
  childrenSearch: {
    text: `throughput ≥ 1.0 × twin; ${LATENCY}`,
    met: (figures) => likeTwin(figures, 1.0),
  },
  reportMissing: {
    // the alert's transaction is the code's and its tests' (missing-alerts e2e); the bench measures the cost
    text: `alert raised in the same transaction; throughput ≥ 0.7 × twin; ${LATENCY}`,
    met: (figures) => likeTwin(figures, 0.7),
  },
  dashboardAuthority: {
    text: 'p95 < 50 ms',
    met: (figures) => under(figures.p95Ms, 50),
  },
  dashboardUk: {
    text: 'p95 < 1 s',
    met: (figures) => under(figures.p95Ms, 1000),
  },
  alertScan: {
    text: 'a full scan under 2 s (the slowest of five)',
    met: (figures) => under(figures.p99Ms, 2000),
  },
} satisfies Record<string, Goal>;

/** A scan raising thousands of alerts while four clients read: none fails, every subscriber gets its alerts. */
export function alertBurstMet(burst: {
  raised: number;
  expected: number;
  pushed: number;
  failedRequests: number | null;
  p99Ms: number | null;
}): boolean {
  return (
    burst.failedRequests === 0 &&
    burst.pushed === burst.expected &&
    burst.raised >= 1000 &&
    burst.p99Ms !== null &&
    Number.isFinite(burst.p99Ms)
  );
}

export const RSS_LIMIT_MB = 300;

export function memoryMet(maxRssMb: number): boolean {
  return maxRssMb > 0 && maxRssMb < RSS_LIMIT_MB;
}

/** The fixed rate for a compared operation: 60% of the twin's peak in this run, at least one a second. */
export function latencyRate(twinPeakRps: number): number {
  return Math.max(1, Math.round(twinPeakRps * TWIN_PEAK_SHARE));
}

/** Per operation, the smallest and largest value of each figure over several runs. */
export type Ranges = Record<string, Partial<Record<RangedField, [number, number]>>>;

export const RANGED_FIELDS = [
  'rps',
  'twinRps',
  'ratio',
  'rate',
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'twinP50Ms',
  'twinP99Ms',
  'maxRssMb',
  'serviceCpuMs',
  'servicePostgresCpuMs',
  'twinCpuMs',
  'twinPostgresCpuMs',
] as const;
export type RangedField = (typeof RANGED_FIELDS)[number];

export function ranges(runs: readonly (readonly BenchRow[])[]): Ranges {
  const result: Ranges = {};
  for (const rows of runs) {
    for (const row of rows) {
      const entry = (result[row.operation] ??= {});
      for (const field of RANGED_FIELDS) {
        const value = row[field];
        if (value === null || value === undefined || !Number.isFinite(value)) continue;
        const seen = entry[field];
        entry[field] = seen ? [Math.min(seen[0], value), Math.max(seen[1], value)] : [value, value];
      }
    }
  }
  return result;
}

/** "12.1–14.3", or the one value when every run gave it. */
export function formatRange(range: [number, number] | undefined): string {
  if (!range) return '–';
  return range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`;
}
