import { Module } from '@nestjs/common';
import { DashboardPageController } from './page/dashboard-page.controller';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

export const STATISTICS_RESOLVERS = [StatisticsResolver];

/** What the LSCB subgroup looks at: de-identified, suppressed statistics. */
@Module({ controllers: [DashboardPageController], providers: [StatisticsService, ...STATISTICS_RESOLVERS] })
export class StatisticsModule {}
