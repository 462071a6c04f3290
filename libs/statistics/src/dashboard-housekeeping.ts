import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG, AppConfig, inSystemTransaction, loggableError, queryRow } from '@haven/platform';

const ForgottenRow = z.object({ forgotten: z.number() });
const HorizonRow = z.object({ horizon: z.string() });

/** How often the dashboard's record of changes is trimmed; far longer than any request's transaction. */
export const FORGET_INTERVAL_MS = 15 * 60 * 1000;

/**
 * Keeps `dashboard_change` (one row per writing transaction and authority) from growing for ever. Each
 * round forgets the changes written before the horizon read one round earlier, with every kept answer
 * computed under an older snapshot: any answer still being computed began after that horizon was read,
 * so its snapshot saw them (`haven_dashboard_forget`, migration 020). Runs with the alert workers, in
 * any number of processes.
 */
@Injectable()
export class DashboardHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DashboardHousekeeping.name);
  private timer?: NodeJS.Timeout;
  private horizon?: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.alerts.workersEnabled) return;
    this.timer = setInterval(() => void this.round(), FORGET_INTERVAL_MS).unref();
    void this.round();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Forgets what was written before the last horizon, if there is one; reads the next. */
  async round(): Promise<number> {
    try {
      const { forgotten, horizon } = await inSystemTransaction(this.dataSource, async (em) => {
        const { forgotten } =
          this.horizon === undefined
            ? { forgotten: 0 }
            : await queryRow(em, ForgottenRow, 'SELECT haven_dashboard_forget($1::xid8)::int AS forgotten', [
                this.horizon,
              ]);
        const { horizon } = await queryRow(
          em,
          HorizonRow,
          'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon',
        );
        return { forgotten, horizon };
      });
      this.horizon = horizon;
      return forgotten;
    } catch (error) {
      this.logger.error({ err: loggableError(error) }, "Could not trim the dashboard's record of changes");
      return 0;
    }
  }
}

/** The housekeeping alone, for the worker process (the API has it through StatisticsModule). */
@Module({ providers: [DashboardHousekeeping] })
export class DashboardHousekeepingModule {}
