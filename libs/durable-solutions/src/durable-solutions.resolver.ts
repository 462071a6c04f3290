import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ChildModel } from '@haven/children';
import { Allow, Ctx, Permission, RequestContext } from '@haven/platform';
import { DurableSolutionStatus } from './durable-solution.enums';
import { DurableSolutionModel } from './durable-solution.model';
import { DurableSolutionsService } from './durable-solutions.service';
import { RecordDurableSolutionInput } from './record-durable-solution.input';

@Resolver(() => ChildModel)
export class DurableSolutionsResolver {
  constructor(private readonly solutions: DurableSolutionsService) {}

  @Mutation(() => DurableSolutionModel)
  @Allow(Permission.RECORD_DURABLE_SOLUTION)
  recordDurableSolution(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordDurableSolutionInput,
  ): Promise<DurableSolutionModel> {
    return this.solutions.record(ctx, input);
  }

  @ResolveField(() => [DurableSolutionModel], { description: 'Every record, newest first' })
  @Allow(Permission.READ_CHILD)
  durableSolutions(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<DurableSolutionModel[]> {
    return this.solutions.forChild(ctx, child.id);
  }

  @ResolveField(() => Boolean, { description: 'The latest record of some option is SECURED' })
  @Allow(Permission.READ_CHILD)
  async hasDurableSolution(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<boolean> {
    const records = await this.solutions.forChild(ctx, child.id);
    const latest = new Map<string, DurableSolutionStatus>();
    for (const record of records) if (!latest.has(record.option)) latest.set(record.option, record.status);
    return [...latest.values()].includes(DurableSolutionStatus.SECURED);
  }
}
