import { Module, OnModuleInit } from '@nestjs/common';
import { ChildRecordParts, ChildrenModule } from '@haven/children';
import { DurableSolutionsResolver } from './durable-solutions.resolver';
import { DurableSolutionsService } from './durable-solutions.service';
import { DURABLE_SOLUTIONS_RECORD_PART } from './durable-solutions.record-part';

export const DURABLE_SOLUTIONS_RESOLVERS = [DurableSolutionsResolver];

/** Durable solutions: the outcome of best-interests assessments, and the cliff edge at 18. */
@Module({
  imports: [ChildrenModule],
  providers: [DurableSolutionsService, ...DURABLE_SOLUTIONS_RESOLVERS],
  exports: [DurableSolutionsService],
})
export class DurableSolutionsModule implements OnModuleInit {
  constructor(private readonly parts: ChildRecordParts) {}

  /** Adds the capability's part to the child record's export and purge. */
  onModuleInit(): void {
    this.parts.register(DURABLE_SOLUTIONS_RECORD_PART);
  }
}
