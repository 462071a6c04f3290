import { Module } from '@nestjs/common';
import { DashboardHousekeepingModule } from './dashboard-housekeeping';
import { Ssda903Resolver } from './returns/ssda903.resolver';
import { Ssda903Service } from './returns/ssda903.service';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

export const STATISTICS_RESOLVERS = [StatisticsResolver, Ssda903Resolver];

/** What the LSCB subgroup looks at: de-identified, suppressed statistics. */
@Module({
  imports: [DashboardHousekeepingModule],
  providers: [StatisticsService, Ssda903Service, ...STATISTICS_RESOLVERS],
})
export class StatisticsModule {}
