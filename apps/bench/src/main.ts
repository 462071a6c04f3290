import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import {
  checkDatabaseReachable,
  EmbeddedPostgres,
  loadConfig,
  londonDate,
  addDays,
  mintToken,
  provisionServiceRole,
  Role,
} from '@haven/platform';
import { alertBurst, READERS } from './alert-burst';
import { CASE_FILE_BUDGET_MS, FIRST_PAGE_JS_BUDGET_KB, measureWebPages } from './web-pages';
import {
  alertBurstMet,
  BenchRow,
  formatRange,
  Goal,
  GOALS,
  latencyRate,
  memoryMet,
  Ranges,
  ranges,
  RSS_LIMIT_MB,
} from './goals';
import { CpuPerRequest, withCpuPerRequest } from './cpu';
import { fixedRate, LatencyResult, NextRequest, peak, PeakResult, percentile } from './load';
import {
  ALERT_SCAN,
  CASE_FILE,
  CHILDREN_PAGE,
  cycle,
  DASHBOARD,
  EMPTY_QUERY,
  graphqlRequest,
  graphqlSucceeded,
  once,
  REPORT_MISSING,
  twinRequest,
  twinSucceeded,
} from './operations';

const USAGE = `Usage: npm run bench [-- --json] [--seconds N] [--connections N] [--burst N] [--runs N]
  Measures the service against its twin on the national data set (npm run seed -- --national first).
  For an operation with a twin: the twin's peak, the service's peak, then both at the same fixed rate
  (60% of the twin's peak in that run); p50/p99 are the service's at that rate, twinP50Ms/twinP99Ms the twin's.
  It also reads from /proc what one request cost each process at peak (the side's own, PostgreSQL, the
  load generator), and measures an empty query (emptyQuery: what the service's stack costs any request).
  --json         prints only a JSON array of { operation, rps, p50Ms, p99Ms, sqlStatements, twinRps, ratio,
                 p95Ms, failedRequests, goal, met, rate, twinP50Ms, twinP99Ms, serviceCpuMs,
                 servicePostgresCpuMs, serviceLoadGeneratorCpuMs, twinCpuMs, ... } (the last run's)
  --seconds      length of each measured run (default 10)
  --connections  concurrent connections for peak throughput (default 16)
  --only         a comma-separated subset of the operations, e.g. caseFile,dashboardUk
  --burst        alerts the alertBurst scan raises (default 5000)
                 (webPages opens the first page and 20 case files in Debian's Chromium: web-app.md's budgets)
  --runs         measure everything N times (default 1): the last run's figures, and each figure's range
  --check        exit with 1 when a goal of quality.md is not met in the last run (a failed answer always does)`;

const DIST = resolve(__dirname, '..', '..');
const SERVICE_MAIN = join(DIST, 'api', 'src', 'main.js');
const TWIN_MAIN = join(__dirname, 'twin.js');
/**
 * The service runs as `npm start` runs it: with its heap capped, so that it collects before growing;
 * BENCH_SERVICE_FLAGS adds Node flags of yours (a CPU profile: `--cpu-prof --cpu-prof-dir=DIR`).
 */
const SERVICE_FLAGS = [
  '--max-old-space-size=192',
  ...(process.env.BENCH_SERVICE_FLAGS ?? '').split(/\s+/).filter(Boolean),
];
const BENCH_MARKER = 'Reported by npm run bench';

export type { BenchRow } from './goals';

interface Options {
  json: boolean;
  seconds: number;
  connections: number;
  /** The operations to measure (all when empty). */
  only: string[];
  /** Exit with 1 when a goal is not met. */
  check: boolean;
  /** Alerts the alertBurst scan raises. */
  burst: number;
  /** Times the whole measurement runs. */
  runs: number;
  /** Lets the writes of a peak run settle before latency is measured. */
  settle?: () => Promise<void>;
  /** Measures the service before the twin (every second run), so that neither side always goes first. */
  serviceFirst?: boolean;
  /** The processes measured, for their CPU per request. */
  servicePid?: number;
  twinPid?: number;
}

/** What the run measures against: the busiest authority, its staff and a sample of its children. */
interface Fixture {
  authorityCode: string;
  socialWorker: string;
  socialWorkerSubject: string;
  socialWorkerName: string;
  caseFileChildren: string[];
  searchTerms: string[];
  missingCandidates: { childId: string; token: string }[];
  allAuthorityCodes: string[];
}

function log(options: Options, line: string): void {
  // with --json, standard output carries only the JSON: progress goes to standard error
  (options.json ? process.stderr : process.stdout).write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '16' },
      only: { type: 'string', default: '' },
      check: { type: 'boolean', default: false },
      burst: { type: 'string', default: '5000' },
      runs: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const options: Options = {
    json: values.json,
    seconds: Math.max(2, Number(values.seconds)),
    connections: Math.max(1, Number(values.connections)),
    only: values.only.split(',').filter(Boolean),
    check: values.check,
    burst: Math.max(1, Number(values.burst)),
    runs: Math.max(1, Math.floor(Number(values.runs)) || 1),
  };
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  const processes: ChildProcess[] = [];
  let db: Pool | undefined;
  try {
    const databaseUrl = config.databaseUrl ?? (await embedded!.start());
    await checkDatabaseReachable(databaseUrl);
    db = new Pool({ connectionString: databaseUrl, max: 4 });
    const secret = randomBytes(32).toString('hex');
    const fixture = await loadFixture(db, secret);
    const pool = db;
    // the peak runs write thousands of audit rows a second: flush them before latency is measured
    options.settle = async () => {
      await pool.query('CHECKPOINT');
      await new Promise((resolveSettled) => setTimeout(resolveSettled, 1000));
    };
    if (!fixture) {
      console.error('No national data set here: run `npm run seed -- --national` first (same DATA_DIR)');
      return 2;
    }
    const env = {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secret,
      PORT: '0',
      NODE_ENV: 'development',
      SQL_STATEMENT_HEADER: 'true',
      // one practitioner makes thousands of requests a minute here; the limit is measured by its own test
      RATE_LIMIT_PER_MINUTE: '0',
      ALERT_WORKERS: 'false',
      // as in production (its default): one JSON object per log line
      LOG_FORMAT: 'json',
    };
    const service = await spawnListening(
      [...SERVICE_FLAGS, SERVICE_MAIN],
      env,
      /Haven is listening on (http:\/\/[^\s"]+)/,
    );
    // the twin connects as the service's role too, under the same row-level security
    const twinEnv = { ...env, DATABASE_URL: await provisionServiceRole(databaseUrl) };
    const twin = await spawnListening([TWIN_MAIN], twinEnv, /Twin listening on (http:\/\/\S+)/);
    processes.push(service.child, twin.child);

    const machine = await describeMachine(db);
    const runs: BenchRow[][] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      log(
        options,
        `Run ${run} of ${options.runs}: measuring against ${fixture.authorityCode} (${options.seconds} s runs) ...`,
      );
      // the service's memory is watched run by run, so that the range shows each run's most
      const memory = watchMemory(service.child.pid!);
      const rows = await measure(db, fixture, secret, service.url, twin.url, {
        ...options,
        serviceFirst: run % 2 === 0,
        servicePid: service.child.pid,
        twinPid: twin.child.pid,
      });
      rows.push(memoryRow(memory.stop()));
      runs.push(rows);
    }
    const rows = runs[runs.length - 1];
    const range = ranges(runs);
    saveResults(runs, range, machine);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows.map(jsonRow), null, 2)}\n`);
    } else {
      console.log(`\n${formatTable(rows)}\n`);
      const cpu = formatCpuTable(rows);
      if (cpu) console.log(`CPU per request at peak, ms (from /proc):\n\n${cpu}\n`);
      if (runs.length > 1) console.log(`Over ${runs.length} runs:\n\n${formatRanges(range)}\n`);
      console.log(
        `Machine: ${machine.summary}; service, twin, PostgreSQL and load generator on it together.`,
      );
    }
    // a measurement that completed succeeds; --check also fails it when a goal is not met
    return options.check && !rows.every((row) => row.met) ? 1 : 0;
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await db?.end();
    await embedded?.stop();
  }
}

async function loadFixture(db: Pool, secret: string): Promise<Fixture | null> {
  const [seeded] = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM practitioner WHERE subject LIKE 'national-sw-%'`,
    )
  ).rows;
  if (!seeded || seeded.n === 0) return null;
  const [authority] = (
    await db.query<{ id: string; code: string }>(
      `SELECT o.id, o.code FROM child c JOIN organisation o ON o.id = c.local_authority_id
        WHERE c.status = 'OPEN' GROUP BY o.id, o.code ORDER BY count(*) DESC, o.code LIMIT 1`,
    )
  ).rows;
  const [worker] = (
    await db.query<{ subject: string; name: string }>(
      `SELECT subject, name FROM practitioner WHERE organisation_id = $1 AND role = 'SOCIAL_WORKER' ORDER BY subject LIMIT 1`,
      [authority.id],
    )
  ).rows;
  const sample = (
    await db.query<{ id: string; given_name: string }>(
      `SELECT id, given_name FROM child WHERE local_authority_id = $1 AND status = 'OPEN' ORDER BY md5(id::text) LIMIT 2000`,
      [authority.id],
    )
  ).rows;
  // children of every authority who are not missing now, each with a social worker of theirs
  const candidates = (
    await db.query<{ id: string; code: string; subject: string; name: string }>(
      `SELECT c.id, o.code, p.subject, p.name FROM child c
         JOIN organisation o ON o.id = c.local_authority_id
         JOIN LATERAL (SELECT subject, name FROM practitioner
                        WHERE organisation_id = o.id AND role = 'SOCIAL_WORKER' ORDER BY subject LIMIT 1) p ON true
        WHERE c.status = 'OPEN'
          AND NOT EXISTS (SELECT 1 FROM open_missing_episode m WHERE m.child_id = c.id)
        ORDER BY md5(c.id::text) LIMIT 40000`,
    )
  ).rows;
  const codes = (
    await db.query<{ code: string }>(
      `SELECT code FROM organisation WHERE kind = 'LOCAL_AUTHORITY' ORDER BY code`,
    )
  ).rows.map((row) => row.code);
  const tokens = new Map<string, string>();
  const tokenOf = (code: string, subject: string, name: string) => {
    let token = tokens.get(subject);
    if (!token) {
      token = mintToken({ role: Role.SOCIAL_WORKER, org: code, sub: subject, name }, secret);
      tokens.set(subject, token);
    }
    return token;
  };
  return {
    authorityCode: authority.code,
    socialWorker: tokenOf(authority.code, worker.subject, worker.name),
    socialWorkerSubject: worker.subject,
    socialWorkerName: worker.name,
    caseFileChildren: sample.map((row) => row.id),
    searchTerms: [...new Set(sample.map((row) => row.given_name.split(/\s+/)[0]))].slice(0, 200),
    missingCandidates: candidates.map((row) => ({
      childId: row.id,
      token: tokenOf(row.code, row.subject, row.name),
    })),
    allAuthorityCodes: codes,
  };
}

/** One measured operation of quality.md's table. */
interface Operation {
  name: keyof typeof GOALS;
  /** The service's request; each call may name another child or term. */
  service: NextRequest;
  /** The twin's request for the same answer, when there is a twin. */
  twin?: NextRequest;
  /** Arrivals per second for the latency run without a twin (with one: 60% of the twin's peak). */
  rate?: number;
  connections?: number;
  /** Runs after the operation, whether it succeeded or not. */
  after?: () => Promise<void>;
}

async function measure(
  db: Pool,
  fixture: Fixture,
  secret: string,
  serviceUrl: string,
  twinUrl: string,
  options: Options,
): Promise<BenchRow[]> {
  const say = (line: string) => log(options, line);
  const rows: BenchRow[] = [];
  for (const operation of operations(db, fixture, secret, options)) {
    if (options.only.length > 0 && !options.only.includes(operation.name)) continue;
    const runOptions = { ...options, connections: operation.connections ?? options.connections };
    try {
      const row = operation.twin
        ? await compare(
            operation.name,
            serviceUrl,
            operation.service,
            twinUrl,
            operation.twin,
            runOptions,
            say,
          )
        : await serviceOnly(
            operation.name,
            serviceUrl,
            operation.service,
            operation.rate ?? 1,
            runOptions,
            say,
          );
      rows.push(withGoal(row, GOALS[operation.name]));
    } finally {
      await operation.after?.();
    }
  }
  if (options.only.length === 0 || options.only.includes('emptyQuery'))
    rows.push(await emptyQuery(serviceUrl, fixture.socialWorker, options, say));
  if (options.only.length === 0 || options.only.includes('alertScan'))
    rows.push(await alertScan(serviceUrl, secret, say));
  if (options.only.length === 0 || options.only.includes('alertBurst'))
    rows.push(await alertBurstRow(db, fixture, secret, serviceUrl, options.burst, say));
  if (options.only.length === 0 || options.only.includes('webPages'))
    rows.push(...(await webPageRows(fixture, serviceUrl, say)));
  return rows;
}

function operations(db: Pool, fixture: Fixture, secret: string, options: Options): Operation[] {
  const caseFile = cycle(fixture.caseFileChildren);
  const twinCaseFile = cycle(fixture.caseFileChildren);
  const term = cycle(fixture.searchTerms);
  const twinTerm = cycle(fixture.searchTerms);
  // reportMissing reports another child each time; what it wrote is deleted afterwards
  const candidate = once(fixture.missingCandidates, 'children to report missing');
  const missingSince = () => new Date(Date.now() - 60_000).toISOString();
  const started = new Date();
  const to = londonDate(new Date());
  const from = addDays(to, -364);
  const code = fixture.authorityCode;
  const manager = mintToken(
    { role: Role.TEAM_MANAGER, org: code, sub: `bench-tm-${code}`, name: 'Bench' },
    secret,
  );
  const analyst = mintToken(
    {
      role: Role.LSCB_ANALYST,
      org: 'BENCH-UK-PARTNERSHIP',
      sub: 'bench-analyst-uk',
      name: 'Bench',
      las: fixture.allAuthorityCodes,
    },
    secret,
  );
  return [
    {
      name: 'caseFile',
      service: () => graphqlRequest(fixture.socialWorker, CASE_FILE, { id: caseFile() }),
      twin: () => twinRequest(fixture.socialWorker, '/case-file', { id: twinCaseFile() }),
    },
    {
      name: 'childrenSearch',
      service: () => graphqlRequest(fixture.socialWorker, CHILDREN_PAGE, { search: term() }),
      twin: () => twinRequest(fixture.socialWorker, '/children', { search: twinTerm() }),
    },
    {
      name: 'reportMissing',
      service: () => {
        const { childId, token } = candidate();
        return graphqlRequest(token, REPORT_MISSING, {
          input: { childId, kind: 'MISSING', missingSince: missingSince(), circumstances: BENCH_MARKER },
        });
      },
      twin: () => {
        const { childId, token } = candidate();
        return twinRequest(token, '/report-missing', {
          childId,
          missingSince: missingSince(),
          circumstances: BENCH_MARKER,
        });
      },
      connections: Math.min(options.connections, 8),
      after: () => removeBenchEpisodes(db, started),
    },
    {
      name: 'dashboardAuthority',
      service: () => graphqlRequest(manager, DASHBOARD, { input: { from, to } }),
      rate: 5,
    },
    {
      name: 'dashboardUk',
      service: () =>
        graphqlRequest(analyst, DASHBOARD, {
          input: { from, to, authorityCodes: fixture.allAuthorityCodes },
        }),
      rate: 1,
    },
  ];
}

/**
 * Like for like in one run: the twin's peak throughput and the service's, then the same fixed rate (60%
 * of the twin's peak) offered to both, so that both latencies are measured on the machine as it is in
 * this run. Which side goes first alternates from run to run (`serviceFirst`): measured side by side,
 * the second of two equal builds did better most of the time.
 */
async function compare(
  operation: string,
  serviceUrl: string,
  service: NextRequest,
  twinUrl: string,
  twin: NextRequest,
  options: Options,
  say: (line: string) => void,
): Promise<BenchRow> {
  const run = { connections: options.connections, seconds: options.seconds };
  const warm = { connections: options.connections, seconds: 2 };
  const order = options.serviceFirst ? "the service's then the twin's" : "the twin's then the service's";
  /** The twin's result and the service's, measured in this run's order. */
  const both = async <T>(onTwin: () => Promise<T>, onService: () => Promise<T>): Promise<[T, T]> => {
    if (!options.serviceFirst) return [await onTwin(), await onService()];
    const ofService = await onService();
    return [await onTwin(), ofService];
  };
  say(`${operation}: warming up`);
  await both(
    () => peak(twinUrl, twin, twinSucceeded, warm),
    () => peak(serviceUrl, service, graphqlSucceeded, warm),
  );
  say(`${operation}: peak throughput, ${order}`);
  const [[twinPeak, twinCpu], [servicePeak, serviceCpu]] = await both(
    () => withCpuPerRequest(options.twinPid, () => peak(twinUrl, twin, twinSucceeded, run)),
    () => withCpuPerRequest(options.servicePid, () => peak(serviceUrl, service, graphqlSucceeded, run)),
  );
  const rate = latencyRate(twinPeak.rps);
  say(`${operation}: latency at ${rate}/s (60% of the twin's peak), ${order}`);
  const [twinLatency, latency] = await both(
    async () => {
      await options.settle?.();
      return fixedRate(twinUrl, twin, twinSucceeded, { rate, seconds: options.seconds });
    },
    async () => {
      await options.settle?.();
      return fixedRate(serviceUrl, service, graphqlSucceeded, { rate, seconds: options.seconds });
    },
  );
  const statements = await sqlStatements(serviceUrl, service);
  failIfErrors(operation, servicePeak, twinPeak, twinLatency);
  // at a rate the twin bears and the service does not, the service's failed answers are the finding:
  // counted (the goal is then not met) rather than stopping every other measurement
  if (latency.failures > 0)
    say(
      `${operation}: ${latency.failures} of the service's answers failed at ${rate}/s, the first: ${latency.failed}`,
    );
  return {
    ...measuredRow(operation, servicePeak, latency, statements, twinPeak),
    failedRequests: latency.failures,
    twinP50Ms: twinLatency.p50Ms,
    twinP99Ms: twinLatency.p99Ms,
    ...cpuFigures('service', serviceCpu),
    ...cpuFigures('twin', twinCpu),
  };
}

/**
 * An empty query (`{ __typename }`) at its peak: what the service's stack (HTTP, the token, the request's
 * log line, Apollo, Nest) costs a request before any work of its own. No goal: it says how close to its
 * twin an operation can come, when the twin's whole process costs less than this.
 */
async function emptyQuery(
  serviceUrl: string,
  token: string,
  options: Options,
  say: (line: string) => void,
): Promise<BenchRow> {
  const request = () => graphqlRequest(token, EMPTY_QUERY, {});
  say('emptyQuery: warming up, then peak throughput');
  await peak(serviceUrl, request, graphqlSucceeded, { connections: options.connections, seconds: 2 });
  const [servicePeak, cpu] = await withCpuPerRequest(options.servicePid, () =>
    peak(serviceUrl, request, graphqlSucceeded, {
      connections: options.connections,
      seconds: options.seconds,
    }),
  );
  failIfErrors('emptyQuery', servicePeak);
  return {
    ...EMPTY_ROW,
    operation: 'emptyQuery',
    rps: round(servicePeak.rps),
    goal: '',
    met: true,
    ...cpuFigures('service', cpu),
  };
}

function cpuFigures(side: 'service' | 'twin', cpu: CpuPerRequest | null): Partial<BenchRow> {
  const own = cpu?.ownMs ?? null;
  const postgres = cpu?.postgresMs ?? null;
  const loadGenerator = cpu?.loadGeneratorMs ?? null;
  return side === 'service'
    ? { serviceCpuMs: own, servicePostgresCpuMs: postgres, serviceLoadGeneratorCpuMs: loadGenerator }
    : { twinCpuMs: own, twinPostgresCpuMs: postgres, twinLoadGeneratorCpuMs: loadGenerator };
}

/** An operation with no twin: peak throughput and latency at a fixed rate. */
async function serviceOnly(
  operation: string,
  serviceUrl: string,
  service: NextRequest,
  rate: number,
  options: Options,
  say: (line: string) => void,
): Promise<BenchRow> {
  say(`${operation}: warming up, then peak throughput and latency at ${rate}/s`);
  await peak(serviceUrl, service, graphqlSucceeded, { connections: 2, seconds: 2 });
  const servicePeak = await peak(serviceUrl, service, graphqlSucceeded, {
    connections: 4,
    seconds: options.seconds,
  });
  await options.settle?.();
  const latency = await fixedRate(serviceUrl, service, graphqlSucceeded, { rate, seconds: options.seconds });
  failIfErrors(operation, servicePeak, latency);
  return measuredRow(operation, servicePeak, latency, await sqlStatements(serviceUrl, service));
}

function measuredRow(
  operation: string,
  servicePeak: PeakResult,
  latency: LatencyResult,
  statements: number | null,
  twinPeak?: PeakResult,
): BenchRow {
  return {
    operation,
    rps: round(servicePeak.rps),
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    p95Ms: latency.p95Ms,
    sqlStatements: statements,
    failedRequests: null,
    twinRps: twinPeak ? round(twinPeak.rps) : null,
    ratio: twinPeak && twinPeak.rps > 0 ? Math.round((servicePeak.rps / twinPeak.rps) * 100) / 100 : null,
    goal: '',
    met: false,
    rate: latency.rate,
    twinP50Ms: null,
    twinP99Ms: null,
  };
}

/** Full scans of the national data set, one after another, as an administrator runs them. */
async function alertScan(serviceUrl: string, secret: string, say: (line: string) => void): Promise<BenchRow> {
  const admin = mintToken(
    { role: Role.ADMIN, org: 'BENCH-OPERATOR', sub: 'bench-admin', name: 'Bench' },
    secret,
  );
  const timings: number[] = [];
  say('alertScan: five full scans');
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    const response = await post(serviceUrl, graphqlRequest(admin, ALERT_SCAN, {}));
    if (!graphqlSucceeded(response.status, response.body))
      throw new Error(`The alert scan failed: ${response.body}`);
    timings.push(performance.now() - started);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  return withGoal(
    {
      operation: 'alertScan',
      rps: round(1000 / percentile(sorted, 50)),
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      p95Ms: percentile(sorted, 95),
      sqlStatements: null,
      failedRequests: null,
      twinRps: null,
      ratio: null,
      goal: '',
      met: false,
    },
    GOALS.alertScan,
  );
}

/** A scan raising thousands of alerts while four clients read: none of their requests fails, no alert is lost. */
async function alertBurstRow(
  db: Pool,
  fixture: Fixture,
  secret: string,
  serviceUrl: string,
  size: number,
  say: (line: string) => void,
): Promise<BenchRow> {
  const burst = await alertBurst(
    db,
    serviceUrl,
    secret,
    {
      authorityCode: fixture.authorityCode,
      socialWorker: { token: fixture.socialWorker, subject: fixture.socialWorkerSubject },
      caseFileChildren: fixture.caseFileChildren,
    },
    size,
    say,
  );
  if (burst.failed) say(`alertBurst: a reader's request failed: ${burst.failed}`);
  return withGoal(
    {
      operation: 'alertBurst',
      rps: burst.readersRps,
      p50Ms: burst.p50Ms,
      p99Ms: burst.p99Ms,
      p95Ms: burst.p95Ms,
      sqlStatements: null,
      failedRequests: burst.failures,
      twinRps: null,
      ratio: null,
      goal: '',
      met: false,
    },
    {
      text: `${burst.raised} raised with ${READERS} readers (their latency): 0 failed; ${burst.pushed} of ${burst.expected} pushed`,
      met: (row) => alertBurstMet({ ...burst, failedRequests: row.failedRequests, p99Ms: row.p99Ms }),
    },
  );
}

/** web-app.md's budgets, measured in Debian's Chromium: the first page's JavaScript and a case file's time to show. */
async function webPageRows(
  fixture: Fixture,
  serviceUrl: string,
  say: (line: string) => void,
): Promise<BenchRow[]> {
  say('webPages: the first page and 20 case files in Chromium ...');
  const web = await measureWebPages(
    serviceUrl,
    { subject: fixture.socialWorkerSubject, name: fixture.socialWorkerName, org: fixture.authorityCode },
    fixture.caseFileChildren.slice(0, 20),
  );
  return [
    withGoal(
      { ...EMPTY_ROW, operation: 'webFirstPageJs', goal: '', met: false },
      {
        text: `first page's JavaScript ≤ ${FIRST_PAGE_JS_BUDGET_KB} KB compressed (${web.skipped ?? `${web.firstPageJsKb} KB`})`,
        met: () => web.firstPageJsKb !== null && web.firstPageJsKb <= FIRST_PAGE_JS_BUDGET_KB,
      },
    ),
    withGoal(
      { ...EMPTY_ROW, operation: 'webCaseFile', p50Ms: web.p50Ms, p95Ms: web.p95Ms, goal: '', met: false },
      {
        text: `a case file shown within ${CASE_FILE_BUDGET_MS} ms of navigation (p95)${web.skipped ? `: ${web.skipped}` : ''}`,
        met: (row) => row.p95Ms !== null && row.p95Ms <= CASE_FILE_BUDGET_MS,
      },
    ),
  ];
}

function withGoal(row: BenchRow, goal: Goal): BenchRow {
  return { ...row, goal: goal.text, met: goal.met(row) };
}

/** A row's figures before any is measured. */
const EMPTY_ROW: Omit<BenchRow, 'operation' | 'goal' | 'met'> = {
  rps: null,
  p50Ms: null,
  p99Ms: null,
  sqlStatements: null,
  twinRps: null,
  ratio: null,
  p95Ms: null,
  failedRequests: null,
};

function memoryRow(maxRssMb: number): BenchRow {
  return {
    ...EMPTY_ROW,
    operation: 'serviceMemory',
    goal: `RSS under ${RSS_LIMIT_MB} MB (max seen ${maxRssMb} MB)`,
    met: memoryMet(maxRssMb),
    maxRssMb,
  };
}

/** Every response was checked: a benchmark of failing requests measures nothing. */
function failIfErrors(operation: string, ...runs: { failures: number; failed?: string }[]): void {
  const failed = runs.filter((run) => run.failures > 0);
  if (failed.length > 0) {
    const count = failed.reduce((sum, run) => sum + run.failures, 0);
    throw new Error(`${operation}: ${count} failed answers, the first: ${failed[0].failed}`);
  }
}

async function sqlStatements(serviceUrl: string, next: NextRequest): Promise<number | null> {
  const response = await post(serviceUrl, next());
  const header = response.headers.get('x-haven-sql-statements');
  return header === null ? null : Number(header);
}

async function post(
  baseUrl: string,
  spec: ReturnType<NextRequest>,
): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${baseUrl}${spec.path}`, {
    method: 'POST',
    headers: spec.headers,
    body: spec.body,
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Deletes what reportMissing wrote during the run, so that every run starts from the same data. */
async function removeBenchEpisodes(db: Pool, since: Date): Promise<void> {
  await db.query(
    `WITH episodes AS (SELECT id, child_id FROM missing_episode WHERE circumstances = $1),
          alerts AS (SELECT a.id FROM alert a
                      WHERE a.subject_id IN (SELECT id FROM episodes)
                         OR (a.kind = 'REPEAT_MISSING' AND a.raised_at >= $2 AND a.child_id IN (SELECT child_id FROM episodes))),
          outbox AS (DELETE FROM notification_outbox WHERE alert_id IN (SELECT id FROM alerts))
     DELETE FROM alert WHERE id IN (SELECT id FROM alerts)`,
    [BENCH_MARKER, since],
  );
  await db.query('DELETE FROM missing_episode WHERE circumstances = $1', [BENCH_MARKER]);
}

/** The service's resident memory, sampled from /proc while the run lasts; reports the most seen. */
function watchMemory(pid: number): { stop: () => number } {
  let maxKb = 0;
  const sample = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) maxKb = Math.max(maxKb, Number(match[1]));
    } catch {
      // not Linux, or the process has gone: keep what was seen
    }
  };
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(maxKb / 1024);
    },
  };
}

async function spawnListening(
  args: string[],
  env: Record<string, string>,
  listening: RegExp,
): Promise<{ child: ChildProcess; url: string }> {
  const script = args[args.length - 1];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = listening.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        // the service writes a line per request from now on: read it, keep none of it
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output.join('')}`));
    });
  });
  return { child, url };
}

function round(value: number): number {
  return Math.round(value);
}

/** The JSON's fields, in the order the first version wrote them, then those added since. */
function jsonRow(row: BenchRow) {
  const {
    operation,
    rps,
    p50Ms,
    p99Ms,
    sqlStatements: statements,
    twinRps,
    ratio,
    p95Ms,
    failedRequests,
    goal,
    met,
    rate,
    twinP50Ms,
    twinP99Ms,
    maxRssMb,
    ...cpu
  } = row;
  return {
    operation,
    rps,
    p50Ms,
    p99Ms,
    sqlStatements: statements,
    twinRps,
    ratio,
    p95Ms,
    failedRequests,
    goal,
    met,
    rate: rate ?? null,
    twinP50Ms: twinP50Ms ?? null,
    twinP99Ms: twinP99Ms ?? null,
    ...(maxRssMb === undefined ? {} : { maxRssMb }),
    ...cpu,
  };
}

const cell = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : String(value);

function markdownTable(header: string[], lines: string[][]): string {
  const table = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...table.map((line) => line[column].length)));
  const format = (line: string[]) =>
    `| ${line.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  return [
    format(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...lines.map(format),
  ].join('\n');
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'operation',
    'req/s',
    'twin req/s',
    'ratio',
    'rate /s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'twin p50',
    'twin p99',
    'SQL',
    'failed',
    'goal',
    'met',
  ];
  const lines = rows.map((row) => [
    row.operation,
    cell(row.rps),
    cell(row.twinRps),
    cell(row.ratio),
    cell(row.rate),
    cell(row.p50Ms),
    cell(row.p95Ms),
    cell(row.p99Ms),
    cell(row.twinP50Ms),
    cell(row.twinP99Ms),
    cell(row.sqlStatements),
    cell(row.failedRequests),
    row.goal === '' ? 'no goal' : row.goal,
    row.goal === '' ? '–' : row.met ? 'yes' : 'NO',
  ]);
  return markdownTable(header, lines);
}

/** What one request cost each process at peak (ms of CPU): own process, PostgreSQL, load generator. */
export function formatCpuTable(rows: readonly BenchRow[]): string {
  const side = (own?: number | null, postgres?: number | null, load?: number | null) =>
    own === null || own === undefined ? '–' : `${own} + ${cell(postgres)} + ${cell(load)}`;
  const measured = rows.filter((row) => row.serviceCpuMs !== null && row.serviceCpuMs !== undefined);
  if (measured.length === 0) return '';
  return markdownTable(
    ['operation', 'service + PostgreSQL + load generator', 'twin + PostgreSQL + load generator'],
    measured.map((row) => [
      row.operation,
      side(row.serviceCpuMs, row.servicePostgresCpuMs, row.serviceLoadGeneratorCpuMs),
      side(row.twinCpuMs, row.twinPostgresCpuMs, row.twinLoadGeneratorCpuMs),
    ]),
  );
}

/** Each figure's range (min–max) over the runs, per operation. */
export function formatRanges(range: Ranges): string {
  const header = [
    'operation',
    'req/s',
    'twin req/s',
    'ratio',
    'rate /s',
    'p95 ms',
    'p99 ms',
    'twin p99',
    'RSS MB',
    'CPU ms',
    'twin CPU ms',
  ];
  const lines = Object.entries(range).map(([operation, figures]) => [
    operation,
    formatRange(figures.rps),
    formatRange(figures.twinRps),
    formatRange(figures.ratio),
    formatRange(figures.rate),
    formatRange(figures.p95Ms),
    formatRange(figures.p99Ms),
    formatRange(figures.twinP99Ms),
    formatRange(figures.maxRssMb),
    formatRange(figures.serviceCpuMs),
    formatRange(figures.twinCpuMs),
  ]);
  return markdownTable(header, lines);
}

interface Machine {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  summary: string;
}

async function describeMachine(db: Pool): Promise<Machine> {
  const [{ server_version: postgres }] = (await db.query<{ server_version: string }>('SHOW server_version'))
    .rows;
  const cpuModel = cpus()[0]?.model.trim() ?? 'CPU';
  const cpuCount = cpus().length;
  const memoryGiB = Math.round(totalmem() / 2 ** 30);
  return {
    cpuModel,
    cpuCount,
    memoryGiB,
    node: process.version,
    postgres,
    summary: `${cpuCount} × ${cpuModel}, ${memoryGiB} GiB, Node ${process.version}, PostgreSQL ${postgres}`,
  };
}

/**
 * Each measurement is kept as JSON under bench-results/, so that runs can be compared: `rows` are the
 * last run's, `runs` every run's, `ranges` each figure's min–max over them.
 */
function saveResults(runs: readonly BenchRow[][], range: Ranges, machine: Machine): void {
  const directory = resolve(process.cwd(), 'bench-results');
  mkdirSync(directory, { recursive: true });
  const at = new Date().toISOString();
  const content = JSON.stringify(
    {
      at,
      machine: machine.summary,
      machineDetails: machine,
      rows: runs[runs.length - 1].map(jsonRow),
      runs: runs.map((rows) => rows.map(jsonRow)),
      ranges: range,
    },
    null,
    2,
  );
  writeFileSync(join(directory, `${at.replace(/[:.]/g, '-')}.json`), content);
  writeFileSync(join(directory, 'latest.json'), content);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
