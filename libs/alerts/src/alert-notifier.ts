import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { inSystemTransaction } from '@haven/platform';
import { AlertModel } from './alert.model';
import { AlertsService } from './alerts.service';

export const ALERT_PUBSUB = Symbol('ALERT_PUBSUB');
export const ALERT_RAISED = 'alertRaised';
const CHANNEL = 'haven_alert';

export interface AlertRaisedPayload {
  alert: AlertModel;
  recipients: string[];
}

type Listener = () => void;

/**
 * Every instance LISTENs for the NOTIFY that each raise or escalation sends in its transaction, so
 * that subscribers connected to any instance hear of every alert once it is committed.
 */
@Injectable()
export class AlertNotifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AlertNotifier.name);
  private client?: Client;
  private stopped = false;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsService,
    @Inject(ALERT_PUBSUB) private readonly pubsub: PubSub,
  ) {}

  /** Called on every committed raise or escalation (the delivery worker starts at once). */
  onNotification(listener: Listener): void {
    this.listeners.add(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'haven-alert-listener' });
    client.on('notification', (message) => void this.handle(message));
    client.on('error', (error) => {
      this.logger.warn(`Alert listener lost its connection: ${error.message}`);
      this.reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private reconnect(): void {
    if (this.stopped) return;
    this.client = undefined;
    setTimeout(() => {
      this.connect().catch((error: Error) => {
        this.logger.warn(`Alert listener could not reconnect: ${error.message}`);
        this.reconnect();
      });
    }, 1_000).unref();
  }

  private async handle(message: Notification): Promise<void> {
    try {
      const { alertId } = JSON.parse(message.payload ?? '{}') as { alertId?: string };
      if (!alertId) return;
      const found = await inSystemTransaction(this.dataSource, async (em) => {
        const alert = await this.alerts.byId(em, alertId);
        return alert && { alert, recipients: await this.alerts.recipients(em, alertId) };
      });
      if (!found) return;
      const { alert, recipients } = found;
      await this.pubsub.publish(ALERT_RAISED, { alert, recipients } satisfies AlertRaisedPayload);
      for (const listener of this.listeners) listener();
    } catch (error) {
      this.logger.error(`Could not pass on an alert notification: ${(error as Error).message}`);
    }
  }
}
