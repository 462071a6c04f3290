import { createClient } from 'graphql-ws';
import { Pool } from 'pg';
import WebSocket from 'ws';
import { mintToken, Role } from '@haven/platform';
import { percentile } from './load';
import { CASE_FILE, cycle, graphqlRequest, graphqlSucceeded } from './operations';

export const READERS = 4;

/** The kinds whose open, untouched alerts a scan raises again once they are gone. */
const RE_RAISED = [
  'NO_GUARDIAN',
  'UASC_LEAVE_EXPIRING',
  'NRM_DECISION_OVERDUE',
  'MEETING_ACTION_OVERDUE',
  'RETURN_INTERVIEW_OVERDUE',
  'NEARING_18_WITHOUT_DURABLE_SOLUTION',
];

const SCAN_AS_OF = `mutation Scan($asOf: DateTime) { runAlertScan(input: { asOf: $asOf }) { raised } }`;

export interface BurstFixture {
  authorityCode: string;
  socialWorker: { token: string; subject: string };
  caseFileChildren: string[];
}

export interface BurstResult {
  raised: number;
  /** Alerts meant for the subscribers, and how many of them reached them. */
  expected: number;
  pushed: number;
  requests: number;
  failures: number;
  failed?: string;
  readersRps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/**
 * quality.md's alert burst: one full scan raises thousands of alerts while four clients read case
 * files, and two practitioners of the busiest authority (its social worker and a team manager, who
 * hears of every alert there) subscribe to alertRaised. The burst is made by removing `size` open,
 * untouched alerts that the scan raises again, so every run starts from the same data.
 */
export async function alertBurst(
  db: Pool,
  serviceUrl: string,
  secret: string,
  fixture: BurstFixture,
  size: number,
  say: (line: string) => void,
): Promise<BurstResult> {
  const code = fixture.authorityCode;
  const manager = mintToken(
    { role: Role.TEAM_MANAGER, org: code, sub: `bench-tm-${code}`, name: 'Bench' },
    secret,
  );
  const admin = mintToken(
    { role: Role.ADMIN, org: 'BENCH-OPERATOR', sub: 'bench-admin', name: 'Bench' },
    secret,
  );
  await graphql(serviceUrl, manager, '{ me { id } }'); // a recipient once the service has seen them

  const { rowCount } = await db.query(
    `WITH burst AS (SELECT id FROM alert WHERE status = 'OPEN' AND escalation_level = 0 AND acknowledged_at IS NULL
                       AND kind = ANY($1::text[]) ORDER BY id LIMIT $2),
          outbox AS (DELETE FROM notification_outbox WHERE alert_id IN (SELECT id FROM burst))
     DELETE FROM alert WHERE id IN (SELECT id FROM burst)`,
    [RE_RAISED, size],
  );
  say(`alertBurst: a scan raising ${rowCount ?? 0} alerts again, ${READERS} readers, 2 subscribers`);

  const subscribers = [manager, fixture.socialWorker.token].map((token) => subscribe(serviceUrl, token));
  try {
    await Promise.all(subscribers.map((subscriber) => subscriber.connected));
    await new Promise((resolveWait) => setTimeout(resolveWait, 1000)); // the subscribe messages reach the service

    const readers = { done: false };
    const nextChild = cycle(fixture.caseFileChildren);
    const reading = Array.from({ length: READERS }, () =>
      read(serviceUrl, fixture.socialWorker.token, nextChild, readers),
    );
    const started = performance.now();
    const asOf = new Date().toISOString();
    const scan = await graphql(serviceUrl, admin, SCAN_AS_OF, { asOf });
    const raised = (scan.data as { runAlertScan?: { raised: number } } | undefined)?.runAlertScan?.raised;
    if (raised === undefined) throw new Error(`The burst's scan failed: ${JSON.stringify(scan)}`);

    const wanted = await expectedAlerts(db, asOf, code, fixture.socialWorker.subject);
    const allPushed = () =>
      wanted.every((ids, index) => ids.every((id) => subscribers[index].received.has(id)));
    const until = Date.now() + 120_000;
    while (!allPushed() && Date.now() < until)
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    readers.done = true;
    const outcomes = await Promise.all(reading);
    const seconds = (performance.now() - started) / 1000;

    const latencies = outcomes.flatMap((outcome) => outcome.latencies).sort((a, b) => a - b);
    const failures = outcomes.reduce((sum, outcome) => sum + outcome.failures, 0);
    return {
      raised,
      expected: wanted.reduce((sum, ids) => sum + ids.length, 0),
      pushed: wanted.reduce(
        (sum, ids, index) => sum + ids.filter((id) => subscribers[index].received.has(id)).length,
        0,
      ),
      requests: latencies.length,
      failures,
      failed: outcomes.find((outcome) => outcome.failed)?.failed,
      readersRps: Math.round(latencies.length / seconds),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
    };
  } finally {
    await Promise.all(subscribers.map(async (subscriber) => subscriber.dispose()));
  }
}

/** The burst's alerts each subscriber should hear of: the manager every one of the authority, the worker their children's. */
async function expectedAlerts(
  db: Pool,
  asOf: string,
  code: string,
  workerSubject: string,
): Promise<string[][]> {
  const ids = async (sql: string, params: unknown[]) =>
    (await db.query<{ id: string }>(sql, params)).rows.map((row) => row.id);
  return [
    await ids(
      `SELECT a.id FROM alert a JOIN organisation o ON o.id = a.local_authority_id WHERE a.raised_at = $1 AND o.code = $2`,
      [asOf, code],
    ),
    await ids(
      `SELECT a.id FROM alert a JOIN child c ON c.id = a.child_id JOIN practitioner p ON p.id = c.allocated_worker_id
        WHERE a.raised_at = $1 AND p.subject = $2`,
      [asOf, workerSubject],
    ),
  ];
}

function subscribe(serviceUrl: string, token: string) {
  const received = new Set<string>();
  const client = createClient({
    url: `${serviceUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    lazy: false,
  });
  const connected = new Promise<void>((resolveConnected) => client.on('connected', () => resolveConnected()));
  client.subscribe<{ alertRaised: { id: string } }>(
    { query: 'subscription { alertRaised { id } }' },
    {
      next: (message) => message.data && received.add(message.data.alertRaised.id),
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return { received, connected, dispose: () => client.dispose() };
}

/** A client reading case files one after another until told to stop. */
async function read(serviceUrl: string, token: string, nextChild: () => string, until: { done: boolean }) {
  const outcome = { latencies: [] as number[], failures: 0, failed: undefined as string | undefined };
  while (!until.done) {
    const started = performance.now();
    try {
      const spec = graphqlRequest(token, CASE_FILE, { id: nextChild() });
      const response = await fetch(`${serviceUrl}${spec.path}`, {
        method: 'POST',
        headers: spec.headers,
        body: spec.body,
      });
      const body = await response.text();
      if (!graphqlSucceeded(response.status, body)) {
        outcome.failures += 1;
        outcome.failed ??= `HTTP ${response.status}: ${body.slice(0, 500)}`;
      }
    } catch (error) {
      outcome.failures += 1;
      outcome.failed ??= (error as Error).message;
    }
    outcome.latencies.push(performance.now() - started);
  }
  return outcome;
}

async function graphql(
  serviceUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: unknown; errors?: unknown[] }> {
  const spec = graphqlRequest(token, query, variables);
  const response = await fetch(`${serviceUrl}${spec.path}`, {
    method: 'POST',
    headers: spec.headers,
    body: spec.body,
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}
