import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { mintToken, Role } from '@haven/platform';
import { eventually } from '../support/eventually';
import { newChild, newReferral } from '../support/factories';
import { freePort } from '../support/ports';
import {
  codeOf,
  GraphQLResponse,
  HILLINGDON,
  socialWorker,
  spawnService,
  stopProcess,
  TestApp,
  testJwtSecret,
} from '../support/test-app';

/**
 * Faults from the Reliability table of quality.md, each against the built service and a real
 * PostgreSQL: connections killed mid-mutation, the database restarted under load, and a scanning
 * process killed outright. Each prints what it measured (requests, faults, what was lost).
 */
jest.setTimeout(180_000);

/** One line per test, outside Jest's console decoration, for the README's table. */
function report(test: string, figures: Record<string, number | string>): void {
  const line = Object.entries(figures)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  process.stdout.write(`chaos | ${test} | ${line}\n`);
}

/** Runs `tasks` with at most `width` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

const REGISTER = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`;
const REPORT = `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`;

describe('database faults', () => {
  it('pg_terminate_backend mid-mutation: the caller gets an error, nothing partial is written, and the service serves on', async () => {
    const app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '0' });
    const worker = socialWorker(HILLINGDON, 'sw-chaos-kill');
    try {
      const [{ role }] = await app.query<{ role: string }>(`SELECT current_database() || '_service' AS role`);
      const missingChildren: string[] = [];
      for (let index = 0; index < 60; index += 1) missingChildren.push((await newChild(app, worker)).id);

      // the killer: terminates the service's busy connections, as an operator or a failover would
      let faults = 0;
      let killing = true;
      const killer = (async () => {
        const admin = new Client({ connectionString: app.databaseUrl });
        await admin.connect();
        try {
          while (killing) {
            // one busy connection at a time, at random moments: some requests are cut, most are not
            const { rows } = await admin.query<{ killed: boolean }>(
              `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
                WHERE datname = current_database() AND usename = $1 AND application_name = 'haven'
                  AND state IN ('active', 'idle in transaction')
                ORDER BY random() LIMIT 1`,
              [role],
            );
            faults += rows.filter((row) => row.killed).length;
            await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
          }
        } finally {
          await admin.end();
        }
      })();

      type Outcome = { marker: string; kind: 'child' | 'episode'; response: GraphQLResponse };
      const outcomes: Outcome[] = [];
      const tasks: (() => Promise<Outcome>)[] = [];
      for (let index = 0; index < 240; index += 1) {
        const marker = `chaos-${index}`;
        tasks.push(async () =>
          index % 4 === 0
            ? {
                marker,
                kind: 'episode',
                response: await app.gql(worker, REPORT, {
                  input: {
                    childId: missingChildren[index / 4],
                    kind: 'MISSING',
                    missingSince: new Date(Date.now() - 3_600_000).toISOString(),
                    circumstances: marker,
                  },
                }),
              }
            : {
                marker,
                kind: 'child',
                response: await app.gql(worker, REGISTER, { input: { givenName: marker, gender: 'FEMALE' } }),
              },
        );
      }
      outcomes.push(...(await pool(tasks, 6)));
      killing = false;
      await killer;

      const failed = outcomes.filter((outcome) => outcome.response.errors?.length);
      const succeeded = outcomes.filter((outcome) => !outcome.response.errors?.length);
      // every failure is a masked error; every answer came back
      expect(new Set(failed.map((outcome) => codeOf(outcome.response)))).toEqual(
        failed.length ? new Set(['INTERNAL_SERVER_ERROR']) : new Set(),
      );
      expect(faults).toBeGreaterThan(0);
      expect(failed.length).toBeGreaterThan(0);

      // a success is whole (record, alert, audit); a failure left nothing
      const children = await app.query<{ marker: string; audited: boolean }>(
        `SELECT c.given_name AS marker, EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_id = c.id AND a.action = 'CREATE') AS audited
           FROM child c WHERE c.given_name LIKE 'chaos-%'`,
      );
      const episodes = await app.query<{ marker: string; alerted: boolean; audited: boolean }>(
        `SELECT m.circumstances AS marker,
                EXISTS (SELECT 1 FROM alert a WHERE a.kind = 'CHILD_MISSING' AND a.subject_id = m.id) AS alerted,
                EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_id = m.id AND a.action = 'CREATE') AS audited
           FROM missing_episode m WHERE m.circumstances LIKE 'chaos-%'`,
      );
      const written = new Map([...children, ...episodes].map((row) => [row.marker, row]));
      const expected = succeeded.map((outcome) => outcome.marker).sort();
      expect([...written.keys()].sort()).toEqual(expected);
      expect(children.every((row) => row.audited)).toBe(true);
      expect(episodes.every((row) => row.alerted && row.audited)).toBe(true);
      const orphans = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alert a WHERE a.kind = 'CHILD_MISSING'
            AND NOT EXISTS (SELECT 1 FROM missing_episode m WHERE m.id = a.subject_id)`,
      );
      expect(orphans[0].n).toBe(0);

      // and the service serves at once, without a restart
      const after = await app.gql(worker, REGISTER, { input: { givenName: 'After', gender: 'MALE' } });
      expect(after.errors).toBeUndefined();
      report('pg_terminate_backend mid-mutation', {
        requests: outcomes.length,
        'connections killed': faults,
        'requests failed (masked error)': failed.length,
        'partial writes': 0,
        'successes lost': 0,
      });
    } finally {
      await app.close();
    }
  });

  it('the database restarted under load: answers fail fast while it is down, then it serves again without a restart, losing nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'haven-chaos-'));
    const postgres = controlPostgres(dataDir, await freePort());
    const url = await postgres.start();
    const service = await spawnService({ DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '0' });
    const token = mintToken(
      { role: Role.SOCIAL_WORKER, org: HILLINGDON, sub: 'sw-chaos-restart', name: 'Sam' },
      testJwtSecret(),
    );
    const register = async (marker: string) => {
      const started = Date.now();
      try {
        const response = await fetch(`${service.listening}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: REGISTER,
            variables: { input: { givenName: marker, gender: 'MALE' } },
          }),
          signal: AbortSignal.timeout(20_000),
        });
        const body = (await response.json()) as GraphQLResponse;
        return { marker, ok: !body.errors?.length, code: codeOf(body), ms: Date.now() - started };
      } catch (error) {
        return { marker, ok: false, code: (error as Error).name, ms: Date.now() - started };
      }
    };
    const health = async () => (await fetch(`${service.listening}/health`)).status;
    try {
      // a request belongs to a phase by when it was sent and answered: the stop, and the restart, cut
      // across the requests in flight at that moment, which may go either way
      let stoppedAt = Infinity;
      let restartedAt = Infinity;
      let sequence = 0;
      let running = true;
      let streakAfter = 0;
      const results: (Awaited<ReturnType<typeof register>> & { sentAt: number; answeredAt: number })[] = [];
      const load = Promise.all(
        Array.from({ length: 4 }, async () => {
          while (running) {
            const sentAt = Date.now();
            const result = await register(`restart-${sequence++}`);
            results.push({ ...result, sentAt, answeredAt: Date.now() });
            if (sentAt > restartedAt && result.ok) streakAfter += 1;
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      stoppedAt = Date.now();
      await postgres.stop();
      const downFrom = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const healthDown = await health();
      await postgres.start();
      restartedAt = Date.now();
      await eventually(() => (streakAfter >= 40 ? true : undefined), 30_000);
      running = false;
      await load;
      const healthUp = await health();

      const before = results.filter((result) => result.answeredAt < stoppedAt);
      const down = results.filter((result) => result.sentAt > downFrom && result.answeredAt < restartedAt);
      const after = results.filter((result) => result.sentAt > restartedAt);
      expect(before.every((result) => result.ok)).toBe(true);
      expect(after.every((result) => result.ok)).toBe(true);
      expect(down.some((result) => !result.ok)).toBe(true);
      // while the database is down an answer comes back (an error), not a hung request
      expect(down.every((result) => result.ok || result.code === 'INTERNAL_SERVER_ERROR')).toBe(true);
      expect(Math.max(...down.map((result) => result.ms))).toBeLessThan(15_000);
      expect(healthDown).toBe(503);
      expect(healthUp).toBe(200);

      const owner = new Client({ connectionString: url });
      await owner.connect();
      const stored = new Set(
        (
          await owner.query<{ given_name: string }>(
            `SELECT given_name FROM child WHERE given_name LIKE 'restart-%'`,
          )
        ).rows.map((row) => row.given_name),
      );
      await owner.end();
      const lost = results.filter((result) => result.ok && !stored.has(result.marker));
      expect(lost).toEqual([]);
      report('database restarted under load', {
        requests: results.length,
        'before the stop (all served)': before.length,
        'while down (failed fast)': down.filter((result) => !result.ok).length,
        'slowest answer while down ms': Math.max(...down.map((result) => result.ms)),
        'after the restart': after.length,
        'successes lost': lost.length,
      });
    } finally {
      await stopProcess(service.child);
      await postgres.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('process faults', () => {
  it('kill -9 during a scan: the scan commits nothing, and the next one raises each alert exactly once', async () => {
    const app = await TestApp.start();
    const worker = socialWorker(HILLINGDON, 'sw-chaos-scan');
    const spawnWorker = () => app.spawnWorker({ ALERT_SCAN_INTERVAL_SECONDS: '5' });
    const alerts = async () => (await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM alert`))[0].n;
    try {
      const CHILDREN = 30;
      for (let index = 0; index < CHILDREN; index += 1) {
        const child = await newChild(app, worker);
        await newReferral(app, worker, child.id, '2026-01-05');
      }
      // what the referrals raised at once is the scan's to raise now
      await app.query(`DELETE FROM notification_outbox`);
      await app.query(`DELETE FROM alert`);

      const KILLS = 3;
      for (let kill = 0; kill < KILLS; kill += 1) {
        // hold the last table the scan writes, so that it is caught mid-way, its alerts raised but not committed
        const blocker = new Client({ connectionString: app.databaseUrl });
        await blocker.connect();
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE turned_18_without_solution IN ACCESS EXCLUSIVE MODE');
        const scanning = spawnWorker();
        const [{ pid }] = await eventually(async () => {
          const rows = await app.query<{ pid: number }>(
            `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE NOT l.granted AND l.relation = 'turned_18_without_solution'::regclass AND a.application_name = 'haven'`,
          );
          return rows.length ? rows : undefined;
        }, 30_000);
        await stopProcess(scanning.process, 'SIGKILL');
        await blocker.query('COMMIT');
        await blocker.end();
        await eventually(async () => {
          const rows = await app.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid]);
          return rows.length === 0 ? true : undefined;
        }, 30_000);
        expect(await alerts()).toBe(0);
      }

      const recovery = spawnWorker();
      try {
        const raised = await eventually(() => {
          const match = /Scan: (\d+) raised/.exec(recovery.output.join(''));
          return match ? Number(match[1]) : undefined;
        }, 30_000);
        expect(raised).toBe(CHILDREN * 2); // NO_GUARDIAN and NRM_DECISION_OVERDUE for each child
        expect(await alerts()).toBe(raised);
        const duplicates = await app.query(
          `SELECT kind, subject_id FROM alert WHERE status <> 'RESOLVED' GROUP BY 1, 2 HAVING count(*) > 1`,
        );
        expect(duplicates).toEqual([]);
        const notifications = await app.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification_outbox`,
        );
        expect(notifications[0].n).toBe(raised);
        report('kill -9 during a scan', {
          children: CHILDREN,
          'scans killed mid-way': KILLS,
          'alerts committed by killed scans': 0,
          'alerts raised by the next scan': raised,
          duplicates: duplicates.length,
        });
      } finally {
        expect(await stopProcess(recovery.process)).toBe(0);
      }
    } finally {
      await app.close();
    }
  });
});

/** A PostgreSQL in a process of its own (test/support/postgres-controller.js), stopped and started at will. */
function controlPostgres(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [join(__dirname, '../support/postgres-controller.js'), dataDir, String(port)],
    {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  let waiting: ((line: string) => void) | undefined;
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (!/^(started|stopped|failed)/.test(line)) continue;
      if (waiting) waiting(line);
      else lines.push(line);
    }
  });
  const command = (name: string) =>
    new Promise<string>((resolve, reject) => {
      waiting = (line) => {
        waiting = undefined;
        if (line.startsWith('failed')) reject(new Error(line));
        else resolve(line);
      };
      child.stdin.write(`${name}\n`);
    });
  return {
    start: async () => (await command('start')).slice('started '.length),
    stop: async () => void (await command('stop')),
    close: async () => {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
