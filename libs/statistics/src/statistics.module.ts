import { Module } from '@nestjs/common';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

export const STATISTICS_RESOLVERS = [StatisticsResolver];

/** What the LSCB subgroup looks at: de-identified, suppressed statistics. */
@Module({ providers: [StatisticsService, ...STATISTICS_RESOLVERS] })
export class StatisticsModule {}
