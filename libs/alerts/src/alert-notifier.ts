import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { PubSub } from 'graphql-subscriptions';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { execute, inSystemTransaction, loggableError, queryRow } from '@haven/platform';
import { AlertModel } from './alert.model';
import { AlertsService } from './alerts.service';

const PendingRow = z.object({ snapshot: z.string(), ids: z.array(z.string()) });
const SnapshotRow = z.object({ snapshot: z.string() });

export const ALERT_PUBSUB = Symbol('ALERT_PUBSUB');
export const ALERT_RAISED = 'alertRaised';
const CHANNEL = 'haven_alert';
/** Alerts read (with their recipients) in one transaction. */
export const ALERT_BATCH_SIZE = 200;

export interface AlertRaisedPayload {
  alert: AlertModel;
  recipients: string[];
}

/** The in-process PubSub of alertRaised, which can tell whether anyone on this instance listens. */
export class AlertPubSub extends PubSub {
  constructor(private readonly events = new EventEmitter().setMaxListeners(0)) {
    super({ eventEmitter: events });
  }

  /** The alertRaised subscriptions open on this instance (each adds its listener until it ends). */
  subscribers(): number {
    return this.events.listenerCount(ALERT_RAISED);
  }
}

type Listener = () => void;

/**
 * Passes on every raise and escalation to the alertRaised subscribers of this instance, however many
 * arrive at once. A NOTIFY only wakes it: what to pass on is read from the outbox, which records the
 * transaction of every raise and escalation. Each pass reads the rows committed between the snapshot
 * of the previous pass and its own, so nothing is passed on twice and nothing is lost, whether
 * notifications arrive one at a time, in a burst of thousands (one pass for them all, alerts read
 * ALERT_BATCH_SIZE at a time: one connection at most, whatever the burst), or not at all while the
 * listening connection is down (the pass after reconnecting catches up). With no subscriber here, a
 * pass only moves its snapshot on, on the listening connection, and reads no alert.
 */
@Injectable()
export class AlertNotifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AlertNotifier.name);
  private client?: Client;
  private stopped = false;
  private readonly listeners = new Set<Listener>();
  /** The snapshot up to which the outbox has been passed on. */
  private passedOn?: string;
  /** Alerts read from the outbox and not yet published. */
  private pending: string[] = [];
  /** The pass running or last run, and the one queued after it (which every wake-up meanwhile joins). */
  private last: Promise<void> = Promise.resolve();
  private next?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsService,
    @Inject(ALERT_PUBSUB) private readonly pubsub: AlertPubSub,
  ) {}

  /** Called after each pass over committed raises and escalations (the delivery worker starts at once). */
  onNotification(listener: Listener): void {
    this.listeners.add(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.last;
    await this.client?.end().catch(() => undefined);
  }

  /**
   * Passes on what has committed so far; resolves when it has. At most one pass runs at a time, and
   * the calls made while one runs share the single pass queued after it.
   */
  passOn(): Promise<void> {
    if (!this.next) {
      this.next = this.last.then(() => {
        this.next = undefined;
        return this.pass();
      });
      this.last = this.next;
    }
    return this.next;
  }

  private async connect(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'haven-alert-listener' });
    client.on('notification', () => void this.passOn());
    client.on('error', (error) => {
      this.logger.warn(`Alert listener lost its connection: ${error.message}`);
      this.reconnect(client);
    });
    await client.connect();
    await execute(client, `LISTEN ${CHANNEL}`);
    this.client = client;
    // from the first LISTEN on, every commit is passed on; after a reconnection, the pass catches up
    if (this.passedOn === undefined) this.passedOn = await currentSnapshot(client);
    else void this.passOn();
  }

  private reconnect(failed: Client): void {
    if (this.stopped || this.client !== failed) return;
    this.client = undefined;
    void failed.end().catch(() => undefined);
    this.retryConnect();
  }

  private retryConnect(): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.connect().catch((error: Error) => {
        this.logger.warn(`Alert listener could not reconnect: ${error.message}`);
        this.retryConnect();
      });
    }, 1_000).unref();
  }

  private async pass(): Promise<void> {
    if (this.stopped || this.passedOn === undefined) return;
    try {
      if (this.pubsub.subscribers() > 0 || this.pending.length > 0) await this.readOutbox();
      else await this.moveOn();
      while (this.pending.length > 0 && !this.stopped)
        await this.publish(this.pending.slice(0, ALERT_BATCH_SIZE));
    } catch (error) {
      this.logger.error({ err: loggableError(error) }, 'Could not pass on the alerts raised');
      // try again soon: what was not passed on is still in the outbox, or pending
      setTimeout(() => void this.passOn(), 1_000).unref();
    } finally {
      for (const listener of this.listeners) listener();
    }
  }

  /**
   * With no subscriber here, nothing is owed to anyone: the snapshot moves on, taken on the listening
   * connection, and no alert is read. Subscribers are counted after the snapshot, so that none who
   * subscribed before it is skipped. Without the listening connection, the pass after reconnecting will do.
   */
  private async moveOn(): Promise<void> {
    if (!this.client) return;
    const now = await currentSnapshot(this.client);
    if (this.pubsub.subscribers() === 0) this.passedOn = now;
    else await this.readOutbox();
  }

  /** Queues the alerts raised or escalated in the transactions committed since the last pass. */
  private async readOutbox(): Promise<void> {
    const { snapshot, ids } = await inSystemTransaction(this.dataSource, (em) =>
      queryRow(
        em,
        PendingRow,
        // one statement, one snapshot: the rows read are exactly those visible in the snapshot returned
        `SELECT pg_current_snapshot()::text AS snapshot,
                ARRAY(SELECT o.alert_id FROM notification_outbox o
                       WHERE o.xact >= pg_snapshot_xmin($1::pg_snapshot)
                         AND NOT pg_visible_in_snapshot(o.xact, $1::pg_snapshot)
                       GROUP BY o.alert_id ORDER BY min(o.id)) AS ids`,
        [this.passedOn],
      ),
    );
    const queued = new Set(this.pending);
    this.pending.push(...ids.filter((id) => !queued.has(id)));
    this.passedOn = snapshot;
  }

  /** Reads a batch of alerts and their recipients in one transaction, and publishes each alert once. */
  private async publish(ids: string[]): Promise<void> {
    const { alerts, recipients } = await inSystemTransaction(this.dataSource, async (em) => ({
      alerts: await this.alerts.byIds(em, ids),
      recipients: await this.alerts.recipientsOf(em, ids),
    }));
    this.pending.splice(0, ids.length);
    for (const alert of alerts) {
      const payload: AlertRaisedPayload = { alert, recipients: recipients.get(alert.id) ?? [] };
      await this.pubsub.publish(ALERT_RAISED, payload);
    }
  }
}

async function currentSnapshot(client: Client): Promise<string> {
  const { snapshot } = await queryRow(client, SnapshotRow, 'SELECT pg_current_snapshot()::text AS snapshot');
  return snapshot;
}
