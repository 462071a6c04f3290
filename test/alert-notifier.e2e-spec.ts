import { DataSource, Logger } from 'typeorm';
import { AlertKind, AlertsService } from '@haven/alerts';
import { Clock, dataSourceOptions, loadConfig, londonDate } from '@haven/platform';
import {
  ALERT_BATCH_SIZE,
  ALERT_RAISED,
  AlertNotifier,
  AlertPubSub,
  AlertRaisedPayload,
} from '../libs/alerts/src/alert-notifier';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/database';
import { HILLINGDON } from './support/test-app';

/** Every statement the notifier sends through its pool (its listening connection is its own). */
class RecordingLogger implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * The alert listener's database use, counted statement by statement on real PostgreSQL (issue 15,
 * item 6): none at all while no one on the instance subscribes, and one transaction per
 * ALERT_BATCH_SIZE alerts of a burst, each alert passed on once. Driven in-process so that its pool
 * is its own; the same listener in the built service is exercised by alert-bursts.e2e-spec.ts.
 */
describe('the alert listener', () => {
  let database: string;
  let writer: DataSource;
  let pool: DataSource;
  const recorded = new RecordingLogger();
  const pubsub = new AlertPubSub();
  const alerts = new AlertsService(loadConfig(), new Clock());
  let notifier: AlertNotifier;
  let wakeUps = 0;
  let authorityId: string;
  let managerId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = databaseUrl(database);
    writer = await new DataSource(dataSourceOptions({ url, poolSize: 2 })).initialize();
    pool = await new DataSource({
      ...dataSourceOptions({ url, poolSize: 4 }),
      logger: recorded,
    }).initialize();
    [{ id: authorityId }] = await writer.query<{ id: string }[]>(
      `SELECT id FROM organisation WHERE code = $1`,
      [HILLINGDON],
    );
    [{ id: managerId }] = await writer.query<{ id: string }[]>(
      `INSERT INTO practitioner (subject, name, role, organisation_id)
       VALUES ('tm-listener', 'Tara Manager', 'TEAM_MANAGER', $1) RETURNING id`,
      [authorityId],
    );
    notifier = new AlertNotifier(pool, alerts, pubsub);
    notifier.onNotification(() => (wakeUps += 1));
    await notifier.onModuleInit();
  });
  afterAll(async () => {
    await notifier.onApplicationShutdown();
    await pool.destroy();
    await writer.destroy();
    await dropTestDatabase(database);
  });

  /** Registers `count` children whose leave expires today and scans: one commit raising an alert for each. */
  async function raiseBurst(count: number): Promise<string[]> {
    return writer.transaction(async (em) => {
      const children = await em.query<{ id: string }[]>(
        `INSERT INTO child (local_authority_id, given_name, gender, immigration_status, leave_expires_on)
         SELECT $1, 'Burst', 'FEMALE', 'UASC_LEAVE', $2 FROM generate_series(1, $3) RETURNING id`,
        [authorityId, londonDate(new Date()), count],
      );
      const { raised } = await alerts.evaluate(em, new Date(), {
        authorityId,
        kinds: [AlertKind.UASC_LEAVE_EXPIRING],
      });
      expect(raised).toBe(count);
      const rows = await em.query<{ id: string }[]>(
        `SELECT id FROM alert WHERE child_id = ANY($1::uuid[]) ORDER BY id`,
        [children.map((child) => child.id)],
      );
      return rows.map((row) => row.id);
    });
  }

  it('reads nothing while no one here subscribes, and still wakes the delivery worker', async () => {
    expect(pubsub.subscribers()).toBe(0);
    await raiseBurst(50);
    recorded.statements = [];
    const before = wakeUps;
    await notifier.passOn();
    expect(wakeUps).toBeGreaterThan(before);
    expect(recorded.statements).toEqual([]);
  });

  it('passes on each alert of a burst once, reading a batch of alerts per transaction', async () => {
    const received: AlertRaisedPayload[] = [];
    const subscription = await pubsub.subscribe(ALERT_RAISED, (payload: AlertRaisedPayload) =>
      received.push(payload),
    );
    try {
      expect(pubsub.subscribers()).toBe(1);
      const burst = 2 * ALERT_BATCH_SIZE + 50;
      // the burst's NOTIFY may start a pass on its own at any moment after the commit: the statements
      // are counted from before the burst, and the pass asked for here follows (or joins) that one
      recorded.statements = [];
      const raised = await raiseBurst(burst);
      await notifier.passOn();

      // every alert of the burst, once, with its recipients; none of those raised before anyone subscribed
      expect(received.map((payload) => payload.alert.id).sort()).toEqual(raised);
      expect(received.every((payload) => payload.recipients.includes(managerId))).toBe(true);
      // a transaction per reading of the outbox (however many passes the notifications started), and one per batch of alerts
      const outboxReads = recorded.statements.filter((statement) =>
        /FROM notification_outbox/.test(statement),
      );
      const alertReads = recorded.statements.filter((statement) =>
        /FROM alert a WHERE a\.id = ANY/.test(statement),
      );
      const transactions = recorded.statements.filter((statement) => statement === 'START TRANSACTION');
      expect(alertReads).toHaveLength(Math.ceil(burst / ALERT_BATCH_SIZE));
      expect(outboxReads.length).toBeGreaterThanOrEqual(1);
      expect(transactions).toHaveLength(outboxReads.length + alertReads.length);

      // a pass with nothing new committed reads the outbox and no alert
      recorded.statements = [];
      await notifier.passOn();
      expect(received).toHaveLength(burst);
      expect(recorded.statements.filter((statement) => /FROM alert a WHERE/.test(statement))).toEqual([]);
    } finally {
      pubsub.unsubscribe(subscription);
    }
    expect(pubsub.subscribers()).toBe(0);
  });
});
