import { Module } from '@nestjs/common';
import { ChildrenModule } from '@haven/children';
import { DurableSolutionsResolver } from './durable-solutions.resolver';
import { DurableSolutionsService } from './durable-solutions.service';

export const DURABLE_SOLUTIONS_RESOLVERS = [DurableSolutionsResolver];

/** Durable solutions: the outcome of best-interests assessments, and the cliff edge at 18. */
@Module({
  imports: [ChildrenModule],
  providers: [DurableSolutionsService, ...DURABLE_SOLUTIONS_RESOLVERS],
  exports: [DurableSolutionsService],
})
export class DurableSolutionsModule {}
