import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG, AppConfig, Clock, inSystemTransaction, loggableError, queryRow } from '@haven/platform';
import { AlertNotifier } from './alert-notifier';
import { AlertsService } from './alerts.service';
import { NotificationDelivery } from './notification-delivery';

const LockedRow = z.object({ locked: z.boolean() });

/** Any number; the instance holding this transaction-scoped lock runs the scheduled scan, the others skip. */
const SCAN_LOCK = 7_240_102;

/**
 * The scheduled alert scan and notification delivery, in the API process by default or in
 * `apps/worker`. Several may run against one database: the scan takes a transaction-scoped advisory
 * lock (and its writes are idempotent anyway); delivery claims rows with SKIP LOCKED.
 */
@Injectable()
export class AlertWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertWorkers.name);
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  private delivering = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsService,
    private readonly delivery: NotificationDelivery,
    private readonly notifier: AlertNotifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.alerts.workersEnabled) return;
    const { scanIntervalSeconds, deliveryPollSeconds } = this.config.alerts;
    this.timers.push(setInterval(() => this.track(this.scheduledScan()), scanIntervalSeconds * 1000));
    this.timers.push(setInterval(() => this.track(this.deliver()), deliveryPollSeconds * 1000));
    this.notifier.onNotification(() => this.track(this.deliver()));
    this.track(this.scheduledScan());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }

  /** Runs the scan unless another instance is running it; returns null when skipped. */
  async scheduledScan(): Promise<{ raised: number; escalated: number; resolved: number } | null> {
    if (this.stopped) return null;
    try {
      return await inSystemTransaction(this.dataSource, async (em) => {
        const { locked } = await queryRow(em, LockedRow, 'SELECT pg_try_advisory_xact_lock($1) AS locked', [
          SCAN_LOCK,
        ]);
        if (!locked) return null;
        const counts = await this.alerts.evaluate(em, this.clock.now());
        if (counts.raised + counts.escalated + counts.resolved > 0) {
          this.logger.log(
            `Scan: ${counts.raised} raised, ${counts.escalated} escalated, ${counts.resolved} resolved`,
          );
        }
        return counts;
      });
    } catch (error) {
      // a database error by SQLSTATE and names only: its message may carry a child's data
      this.logger.error({ err: loggableError(error) }, 'The alert scan failed');
      return null;
    }
  }

  private async deliver(): Promise<void> {
    if (this.stopped || this.delivering) return;
    this.delivering = true;
    try {
      while (!this.stopped && (await this.delivery.deliverDue()) > 0) {
        // keep going while there is a backlog
      }
    } catch (error) {
      this.logger.error({ err: loggableError(error) }, 'Notification delivery failed');
    } finally {
      this.delivering = false;
    }
  }

  private track(work: Promise<unknown>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }
}
