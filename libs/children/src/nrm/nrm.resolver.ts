import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@haven/platform';
import { ChildModel } from '../child.model';
import { RecordNrmDecisionInput } from './dto/record-nrm-decision.input';
import { RecordNrmReferralInput } from './dto/record-nrm-referral.input';
import { NrmReferralModel } from './nrm-referral.model';
import { NrmService } from './nrm.service';

@Resolver(() => ChildModel)
export class NrmResolver {
  constructor(private readonly nrm: NrmService) {}

  @Mutation(() => NrmReferralModel)
  @Allow(Permission.RECORD_NRM)
  recordNrmReferral(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordNrmReferralInput,
  ): Promise<NrmReferralModel> {
    return this.nrm.refer(ctx, input);
  }

  @Mutation(() => NrmReferralModel)
  @Allow(Permission.RECORD_NRM)
  recordNrmDecision(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordNrmDecisionInput,
  ): Promise<NrmReferralModel> {
    return this.nrm.decide(ctx, input);
  }

  @ResolveField(() => [NrmReferralModel], { description: 'Newest first' })
  @Allow(Permission.READ_CHILD)
  nrmReferrals(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<NrmReferralModel[]> {
    return this.nrm.forChild(ctx, child.id);
  }
}
