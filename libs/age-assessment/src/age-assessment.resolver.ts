import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ChildModel } from '@haven/children';
import { Allow, Ctx, Permission, RequestContext } from '@haven/platform';
import { AgeAssessmentModel } from './age-assessment.model';
import { AgeAssessmentService } from './age-assessment.service';
import {
  ChallengeAgeAssessmentInput,
  FinaliseAgeAssessmentInput,
  RaiseAgeDisputeInput,
  RecordAgeAssessmentOutcomeInput,
  StartAgeAssessmentInput,
} from './dto/age-assessment.inputs';

@Resolver(() => ChildModel)
export class AgeAssessmentResolver {
  constructor(private readonly assessments: AgeAssessmentService) {}

  @Mutation(() => AgeAssessmentModel, {
    description: 'Disputes the claimed age; the person is treated as a child meanwhile',
  })
  @Allow(Permission.RECORD_AGE_ASSESSMENT)
  raiseAgeDispute(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RaiseAgeDisputeInput,
  ): Promise<AgeAssessmentModel> {
    return this.assessments.raise(ctx, input);
  }

  @Mutation(() => AgeAssessmentModel)
  @Allow(Permission.RECORD_AGE_ASSESSMENT)
  startAgeAssessment(
    @Ctx() ctx: RequestContext,
    @Args('input') input: StartAgeAssessmentInput,
  ): Promise<AgeAssessmentModel> {
    return this.assessments.start(ctx, input);
  }

  @Mutation(() => AgeAssessmentModel, {
    description: 'ASSESSED_ADULT is refused unless every safeguard is met',
  })
  @Allow(Permission.RECORD_AGE_ASSESSMENT)
  recordAgeAssessmentOutcome(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordAgeAssessmentOutcomeInput,
  ): Promise<AgeAssessmentModel> {
    return this.assessments.recordOutcome(ctx, input);
  }

  @Mutation(() => AgeAssessmentModel, { description: 'Records a judicial review of a completed assessment' })
  @Allow(Permission.RECORD_AGE_ASSESSMENT)
  challengeAgeAssessment(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ChallengeAgeAssessmentInput,
  ): Promise<AgeAssessmentModel> {
    return this.assessments.challenge(ctx, input);
  }

  @Mutation(() => AgeAssessmentModel)
  @Allow(Permission.RECORD_AGE_ASSESSMENT)
  finaliseAgeAssessment(
    @Ctx() ctx: RequestContext,
    @Args('input') input: FinaliseAgeAssessmentInput,
  ): Promise<AgeAssessmentModel> {
    return this.assessments.finalise(ctx, input);
  }

  @ResolveField(() => [AgeAssessmentModel], { description: 'The whole history, newest first' })
  @Allow(Permission.READ_CHILD)
  ageAssessments(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<AgeAssessmentModel[]> {
    return this.assessments.forChild(ctx, child.id);
  }
}
