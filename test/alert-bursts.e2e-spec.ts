import { Client, createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { AlertKind, AlertsService } from '@haven/alerts';
import { Clock, dataSourceOptions, loadConfig } from '@haven/platform';
import { eventually } from './support/eventually';
import { newChild, practitionerId, today } from './support/factories';
import { Caller, HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

/**
 * Children in scope whose leave expires today: one scan raises an alert for each. At this size a
 * transaction per notification (the listener before) queues past the pool's 5 s wait for a
 * connection, and pushes and readers' requests fail.
 */
const BURST = 8_000;
const READERS = 4;
const LISTENER = 'haven-alert-listener';

interface Pushed {
  id: string;
  kind: string;
}

/**
 * Alert bursts lose nothing (issue 15, item 6): a scan that raises thousands of alerts while four
 * clients read leaves every reader's request answered and every subscriber with its alerts, on the
 * service's configured pool; and alerts raised while the listener's connection is down reach the
 * subscriber once it is back. The national-scale case is `npm run bench` (alertBurst).
 */
describe('alert bursts', () => {
  let app: TestApp;
  const clients: Client[] = [];
  const worker = socialWorker(HILLINGDON, 'sw-burst');
  const colleague = socialWorker(HILLINGDON, 'sw-burst-colleague');
  const manager = teamManager(HILLINGDON, 'tm-burst');

  beforeAll(async () => {
    // one practitioner makes thousands of requests here; the rate limit has its own test
    app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await app.close();
  });

  /** Subscribes to alertRaised as `caller`; resolves once an alert raised for a new child of theirs arrives. */
  async function subscribe(caller: Caller): Promise<Pushed[]> {
    const received: Pushed[] = [];
    const client = createClient({
      url: app.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${app.token(caller)}` },
    });
    clients.push(client);
    client.subscribe<{ alertRaised: Pushed }>(
      { query: 'subscription { alertRaised { id kind } }' },
      {
        next: (message) => message.data && received.push(message.data.alertRaised),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    // the subscription is open on the server once an alert raised after it arrives
    const sentinel = await newChild(app, caller, { givenName: 'Sentinel' });
    await reportMissing(caller, sentinel.id);
    const [alert] = await app.query<{ id: string }>(`SELECT id FROM alert WHERE child_id = $1`, [
      sentinel.id,
    ]);
    await eventually(() => received.find((pushed) => pushed.id === alert.id));
    return received;
  }

  async function reportMissing(caller: Caller, childId: string): Promise<void> {
    await app.gql(caller, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: { childId, kind: 'MISSING', missingSince: new Date(Date.now() - 3_600_000).toISOString() },
    });
  }

  /** Copies of a child of `caller`'s whose leave expires today, written straight to the database. */
  async function childrenWithLeaveExpiring(caller: Caller, count: number): Promise<void> {
    const template = await newChild(app, caller, {
      givenName: 'Burst',
      immigrationStatus: 'UASC_LEAVE',
      leaveExpiresOn: today(),
    });
    await app.query(
      `INSERT INTO child (local_authority_id, given_name, family_name, gender, claimed_date_of_birth,
                          immigration_status, leave_expires_on, allocated_worker_id, registered_by)
       SELECT local_authority_id, given_name, family_name, gender, claimed_date_of_birth,
              immigration_status, leave_expires_on, allocated_worker_id, registered_by
         FROM child, generate_series(2, $2) WHERE id = $1`,
      [template.id, count],
    );
  }

  /** Ordinary requests, one after another, until told to stop; counts the ones that failed. */
  async function reader(caller: Caller, childId: string, until: { done: boolean }) {
    const outcome = { requests: 0, failed: 0, firstFailure: '' };
    const queries = [
      ['{ children(first: 20) { totalCount edges { node { id givenName } } } }', {}],
      ['query($id: ID!) { child(id: $id) { id givenName alerts { id kind } } }', { id: childId }],
      ['{ alerts(first: 20) { totalCount edges { node { id kind } } } }', {}],
    ] as const;
    while (!until.done) {
      const [query, variables] = queries[outcome.requests % queries.length];
      outcome.requests += 1;
      try {
        const response = await app.gql(caller, query, variables);
        if (response.errors?.length || !response.data) {
          outcome.failed += 1;
          outcome.firstFailure ||= JSON.stringify(response.errors);
        }
      } catch (error) {
        outcome.failed += 1;
        outcome.firstFailure ||= (error as Error).message;
      }
    }
    return outcome;
  }

  it(`passes on a scan's ${BURST} alerts to their subscriber while four clients read, with no failed request`, async () => {
    const received = await subscribe(worker);
    const bystander = await subscribe(colleague);
    await childrenWithLeaveExpiring(worker, BURST);
    const [readChild] = await app.query<{ id: string }>(
      `SELECT id FROM child WHERE given_name = 'Burst' LIMIT 1`,
    );
    const workerId = await practitionerId(app, worker);

    const until = { done: false };
    const readers = Array.from({ length: READERS }, () => reader(worker, readChild.id, until));
    const asOf = new Date().toISOString();
    const scan = await app.ok<{ runAlertScan: { raised: number } }>(
      manager,
      'mutation($asOf: DateTime) { runAlertScan(input: { asOf: $asOf }) { raised } }',
      { asOf },
    );
    const expected = (
      await app.query<{ id: string }>(
        `SELECT a.id FROM alert a JOIN child c ON c.id = a.child_id
          WHERE a.raised_at = $1 AND c.allocated_worker_id = $2 ORDER BY a.id`,
        [asOf, workerId],
      )
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThanOrEqual(BURST);
    expect(scan.runAlertScan.raised).toBe(expected.length);

    const wanted = new Set(expected);
    try {
      await eventually(
        () => (received.filter((alert) => wanted.has(alert.id)).length >= wanted.size ? true : undefined),
        45_000,
      );
    } finally {
      until.done = true;
    }
    const outcomes = await Promise.all(readers);

    const burst = received.filter((alert) => wanted.has(alert.id));
    expect(burst.map((alert) => alert.id).sort()).toEqual(expected); // every one, each once
    expect(bystander.filter((alert) => wanted.has(alert.id))).toEqual([]); // and to no one else
    expect(outcomes.map((outcome) => outcome.firstFailure).filter(Boolean)).toEqual([]);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.failed, 0)).toBe(0);
    expect(outcomes.every((outcome) => outcome.requests > 1)).toBe(true); // they read throughout
  }, 90_000);

  it('catches up on the alerts raised while its listening connection was down', async () => {
    const received = await subscribe(worker);
    const child = await newChild(app, worker, {
      givenName: 'Offline',
      immigrationStatus: 'UASC_LEAVE',
      leaveExpiresOn: today(),
    });
    const writer = await new DataSource(
      dataSourceOptions({ url: app.databaseUrl, poolSize: 1 }),
    ).initialize();
    let alertId: string;
    try {
      alertId = await writer.transaction(async (em) => {
        // the listener's connection ends (as when a proxy drops it; the function waits until that
        // backend has gone), and the alert commits at once, while the listener waits to reconnect
        const [{ ok }] = await em.query<{ ok: boolean }[]>(
          `SELECT bool_and(pg_terminate_backend(pid, 10000)) AS ok FROM pg_stat_activity
            WHERE application_name = $1 AND datname = current_database()`,
          [LISTENER],
        );
        expect(ok).toBe(true);
        await new AlertsService(loadConfig(), new Clock()).evaluate(em, new Date(), {
          childId: child.id,
          kinds: [AlertKind.UASC_LEAVE_EXPIRING],
        });
        const [alert] = await em.query<{ id: string }[]>(`SELECT id FROM alert WHERE child_id = $1`, [
          child.id,
        ]);
        return alert.id;
      });
    } finally {
      await writer.destroy();
    }
    const [{ committed }] = await app.query<{ committed: Date }>(`SELECT clock_timestamp() AS committed`);

    const pushed = await eventually(() => received.find((alert) => alert.id === alertId));
    expect(pushed.kind).toBe('UASC_LEAVE_EXPIRING');
    // the alert committed while nothing was listening: the listener connected again only after it
    const [listener] = await app.query<{ started: Date }>(
      `SELECT backend_start AS started FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
      [LISTENER],
    );
    expect(listener.started.getTime()).toBeGreaterThan(committed.getTime());
    expect(received.filter((alert) => alert.id === alertId)).toHaveLength(1);
  });
});
