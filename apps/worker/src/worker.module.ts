import { DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from '@haven/alerts';
import { MIGRATIONS } from '@haven/migrations';
import { AppConfig, PlatformModule } from '@haven/platform';
import { DashboardHousekeepingModule } from '@haven/statistics';

/**
 * The alert scan, notification delivery and the dashboard's housekeeping without the HTTP service; any
 * number may run.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config, databaseUrl, migrations: MIGRATIONS }),
        AlertsModule,
        DashboardHousekeepingModule,
      ],
    };
  }
}
