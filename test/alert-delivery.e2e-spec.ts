import { createClient, Client } from 'graphql-ws';
import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import WebSocket from 'ws';
import { eventually } from './support/eventually';
import { assignGuardian, newChild, newReferral, practitionerId, today } from './support/factories';
import {
  Caller,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  spawnService,
  stopProcess,
  teamManager,
  TestApp,
} from './support/test-app';

const SECRET = 'webhook-secret-for-the-tests';

interface Delivery {
  signature: string;
  deliveryId: string;
  body: string;
  json: { alertId: string; escalationLevel: number; kind: string; recipients: { practitionerId: string }[] };
}

/** A webhook receiver on loopback that records every delivery; it can be told to fail some. */
class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  /** Refuse this many deliveries of alerts of this kind (as a receiver that is down would). */
  fail = { kind: '', times: 0 };
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const kind = (JSON.parse(body) as { kind: string }).kind;
        if (this.fail.times > 0 && kind === this.fail.kind) {
          this.fail.times -= 1;
          res.statusCode = 503;
          res.end();
          return;
        }
        this.deliveries.push({
          signature: String(req.headers['x-haven-signature']),
          deliveryId: String(req.headers['x-haven-delivery']),
          body,
          json: JSON.parse(body) as Delivery['json'],
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/haven`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('alerts across three service instances', () => {
  const webhook = new WebhookReceiver();
  let app: TestApp;
  const others: { child: import('node:child_process').ChildProcess; listening: string }[] = [];
  const clients: Client[] = [];
  const worker = socialWorker(HILLINGDON, 'sw-delivery');
  const colleague = socialWorker(HILLINGDON, 'sw-delivery-colleague');
  const manager = teamManager(HILLINGDON, 'tm-delivery');
  const kent = socialWorker(KENT, 'sw-delivery-kent');
  const gail = guardian('ICTG-DELIVERY', 'g-delivery');

  beforeAll(async () => {
    const url = await webhook.start();
    const env = {
      ALERT_WORKERS: 'true',
      ALERT_WEBHOOK_URL: url,
      ALERT_WEBHOOK_SECRET: SECRET,
      NOTIFICATION_POLL_SECONDS: '1',
      ALERT_SCAN_INTERVAL_SECONDS: '3600',
    };
    app = await TestApp.start(env);
    for (let index = 0; index < 2; index += 1) {
      const { child, listening } = await spawnService({ ...env, DATABASE_URL: app.databaseUrl });
      others.push({ child, listening });
    }
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const other of others) await stopProcess(other.child);
    await app.close();
    await webhook.stop();
  });

  function subscribe(
    caller: Caller,
    instanceUrl: string,
  ): { received: { id: string; kind: string; child: { id: string } }[]; ready: Promise<void> } {
    const received: { id: string; kind: string; child: { id: string } }[] = [];
    const client = createClient({
      url: instanceUrl.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${app.token(caller)}` },
      lazy: false,
    });
    clients.push(client);
    const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    client.subscribe<{ alertRaised: { id: string; kind: string; child: { id: string } } }>(
      { query: 'subscription { alertRaised { id kind severity escalationLevel child { id } } }' },
      {
        next: (message) => message.data && received.push(message.data.alertRaised),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return { received, ready };
  }

  it('pushes each alert to its recipients on any instance, and to no one else', async () => {
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, today());
    await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    await app.ok(manager, '{ me { id } }');
    const [b, c] = others.map((other) => other.listening);
    const subscriptions = {
      worker: subscribe(worker, b),
      manager: subscribe(manager, c),
      guardian: subscribe(gail, b),
      colleague: subscribe(colleague, c),
      kent: subscribe(kent, b),
    };
    await Promise.all(Object.values(subscriptions).map((subscription) => subscription.ready));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the subscribe messages reach the servers

    await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: {
        childId: child.id,
        kind: 'MISSING',
        missingSince: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    for (const [caller, recipient] of [
      [worker, subscriptions.worker],
      [manager, subscriptions.manager],
      [gail, subscriptions.guardian],
    ] as const) {
      const alert = await eventually(() =>
        recipient.received.find((received) => received.child.id === child.id),
      );
      expect(alert.kind).toBe('CHILD_MISSING');
      // the pushed event's read of the child was audited, and committed before the event was sent
      // (the manager and the guardian read this child only through their subscriptions)
      if (caller === worker) continue;
      const [audited] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE action = 'READ' AND entity = 'Child' AND entity_id = $1 AND practitioner_id = $2`,
        [child.id, await practitionerId(app, caller)],
      );
      expect(audited.n).toBe(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(subscriptions.colleague.received).toEqual([]);
    expect(subscriptions.kent.received).toEqual([]);
    expect(subscriptions.worker.received.filter((received) => received.child.id === child.id)).toHaveLength(
      1,
    );
  });

  it('refuses a subscription without a valid token', async () => {
    const client = createClient({
      url: others[0].listening.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: 'Bearer not-a-token' },
      retryAttempts: 0,
    });
    clients.push(client);
    const outcome = await new Promise<string>((resolve) => {
      client.subscribe(
        { query: 'subscription { alertRaised { id } }' },
        {
          next: () => resolve('data'),
          error: () => resolve('refused'),
          complete: () => resolve('complete'),
        },
      );
    });
    expect(outcome).toBe('refused');
  });

  it('delivers each notification to the webhook once, signed, however many instances run', async () => {
    const child = await newChild(app, worker);
    await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: {
        childId: child.id,
        kind: 'MISSING',
        missingSince: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    const [{ id: alertId }] = await app.query<{ id: string }>(`SELECT id FROM alert WHERE child_id = $1`, [
      child.id,
    ]);
    const delivery = await eventually(() =>
      webhook.deliveries.find((received) => received.json.alertId === alertId),
    );
    expect(delivery.signature).toBe(
      `sha256=${createHmac('sha256', SECRET).update(delivery.body).digest('hex')}`,
    );
    expect(delivery.deliveryId).toBe(`${alertId}:0`);
    expect(delivery.json.kind).toBe('CHILD_MISSING');
    expect(delivery.json.recipients.length).toBeGreaterThanOrEqual(1);
    expect(delivery.body).not.toContain('Minh'); // no names leave the service
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(webhook.deliveries.filter((received) => received.json.alertId === alertId)).toHaveLength(1);
    expect(
      await app.query(
        `SELECT attempts, delivered_at IS NOT NULL AS delivered FROM notification_outbox WHERE alert_id = $1`,
        [alertId],
      ),
    ).toEqual([{ attempts: 1, delivered: true }]);
  });

  it('retries a delivery the webhook refused, until it is taken', async () => {
    webhook.fail = { kind: 'UNSAFE_PLACEMENT', times: 1 };
    const child = await newChild(app, worker);
    await app.ok(worker, `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`, {
      input: {
        childId: child.id,
        type: 'BED_AND_BREAKFAST',
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    const [{ id: alertId }] = await app.query<{ id: string }>(`SELECT id FROM alert WHERE child_id = $1`, [
      child.id,
    ]);
    await eventually(() => webhook.deliveries.find((received) => received.json.alertId === alertId), 20_000);
    // the delivery is marked when the worker's transaction commits, just after the webhook answered
    const outbox = await eventually(async () => {
      const [row] = await app.query<{ attempts: number; delivered: boolean; last_error: string | null }>(
        `SELECT attempts, delivered_at IS NOT NULL AS delivered, last_error FROM notification_outbox WHERE alert_id = $1`,
        [alertId],
      );
      return row.delivered ? row : undefined;
    });
    expect(outbox).toEqual({ attempts: 2, delivered: true, last_error: null });
    expect(webhook.deliveries.filter((received) => received.json.alertId === alertId)).toHaveLength(1);
  });

  it('raises nothing twice when every instance scans at once', async () => {
    const child = await newChild(app, worker, { immigrationStatus: 'UASC_LEAVE', leaveExpiresOn: today() });
    await newReferral(app, worker, child.id, '2026-01-05');
    const urls = [app.url, ...others.map((other) => other.listening)];
    const scans = urls.flatMap((url) =>
      Array.from({ length: 4 }, () =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token(manager)}` },
          body: JSON.stringify({ query: 'mutation { runAlertScan(input: {}) { raised } }' }),
        }).then((response) => response.json() as Promise<{ data: { runAlertScan: { raised: number } } }>),
      ),
    );
    const results = await Promise.all(scans);
    expect(results.every((result) => result.data?.runAlertScan)).toBe(true);
    expect(
      await app.query(
        `SELECT kind, subject_id FROM alert WHERE status <> 'RESOLVED' GROUP BY 1, 2 HAVING count(*) > 1`,
      ),
    ).toEqual([]);
    expect(
      (
        await app.query<{ kind: string }>(`SELECT kind FROM alert WHERE child_id = $1 ORDER BY kind`, [
          child.id,
        ])
      ).map((row) => row.kind),
    ).toEqual(['NO_GUARDIAN', 'NRM_DECISION_OVERDUE', 'UASC_LEAVE_EXPIRING']);
  });
});

describe('the worker process', () => {
  it('scans and delivers on its own, beside a service that runs no workers', async () => {
    const app = await TestApp.start(); // ALERT_WORKERS=false in tests unless asked
    const worker = socialWorker(HILLINGDON, 'sw-worker');
    try {
      const child = await newChild(app, worker);
      await newReferral(app, worker, child.id, '2026-01-05');
      const { process: process_ } = app.spawnWorker({ ALERT_SCAN_INTERVAL_SECONDS: '5' });
      try {
        const kinds = await eventually(async () => {
          const rows = await app.query<{ kind: string }>(
            `SELECT kind FROM alert WHERE child_id = $1 ORDER BY kind`,
            [child.id],
          );
          return rows.length >= 2 ? rows.map((row) => row.kind) : undefined;
        }, 20_000);
        expect(kinds).toEqual(['NO_GUARDIAN', 'NRM_DECISION_OVERDUE']);
        await eventually(async () => {
          const [row] = await app.query<{ pending: number }>(
            `SELECT count(*)::int AS pending FROM notification_outbox WHERE delivered_at IS NULL`,
          );
          return row.pending === 0 ? true : undefined;
        });
      } finally {
        expect(await stopProcess(process_)).toBe(0);
      }
    } finally {
      await app.close();
    }
  });
});

describe('e-mail notifications', () => {
  it('e-mails the recipients through SMTP when it is configured, naming no child', async () => {
    const messages: { to: string[]; body: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          messages.push({ to: session.envelope.rcptTo.map((address) => address.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const app = await TestApp.start({
      ALERT_WORKERS: 'true',
      NOTIFICATION_POLL_SECONDS: '1',
      ALERT_SCAN_INTERVAL_SECONDS: '3600',
      SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      ALERT_EMAIL_FROM: 'alerts@haven.test',
    });
    try {
      const worker = { ...socialWorker(HILLINGDON, 'sw-mail'), email: 'sam.worker@hillingdon.test' };
      await app.ok(app.tokenWithEmail(worker, worker.email), '{ me { id } }');
      const child = await newChild(app, worker, { givenName: 'Ardit' });
      await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
        input: {
          childId: child.id,
          kind: 'MISSING',
          missingSince: new Date(Date.now() - 3_600_000).toISOString(),
        },
      });
      const message = await eventually(() =>
        messages.find((received) => received.to.includes('sam.worker@hillingdon.test')),
      );
      expect(message.body).toMatch(/Subject: \[Haven\] CRITICAL: child missing/);
      expect(message.body).not.toContain('Ardit');
    } finally {
      await app.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
