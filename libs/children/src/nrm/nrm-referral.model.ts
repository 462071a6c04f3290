import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Agency, GraphQLDate, GraphQLDateTime } from '@haven/platform';
import { NrmCompetentAuthority, NrmDecision, NrmFlagCode, NrmStage } from './nrm.enums';

@ObjectType('NrmFlag', {
  description: 'Something recorded that looks wrong against policy: for review, not refused',
})
export class NrmFlagModel {
  @Field(() => NrmFlagCode)
  code!: NrmFlagCode;

  @Field({ description: 'What looks wrong, in plain words' })
  message!: string;
}

@ObjectType('NrmStageDecision')
export class NrmStageDecisionModel {
  @Field(() => NrmDecision)
  decision!: NrmDecision;

  @Field(() => GraphQLDate, { nullable: true })
  decidedOn!: string | null;
}

@ObjectType('NrmDecisionRecord')
export class NrmDecisionRecordModel {
  @Field(() => NrmStage)
  stage!: NrmStage;

  @Field(() => NrmDecision)
  decision!: NrmDecision;

  @Field(() => GraphQLDate)
  decidedOn!: string;

  @Field(() => GraphQLDateTime)
  recordedAt!: Date;
}

@ObjectType('NrmReferral')
export class NrmReferralModel {
  @Field(() => ID)
  id!: string;

  childId!: string;
  localAuthorityId!: string;

  @Field(() => GraphQLDate)
  referredOn!: string;

  @Field(() => Agency, { nullable: true })
  firstResponder!: Agency | null;

  @Field(() => NrmCompetentAuthority, { nullable: true })
  competentAuthority!: NrmCompetentAuthority | null;

  @Field(() => NrmStageDecisionModel)
  reasonableGrounds!: NrmStageDecisionModel;

  @Field(() => GraphQLDate, {
    description:
      "The target date for the reasonable-grounds decision: working days after the referral, skipping weekends and the bank holidays of the child's nation",
  })
  reasonableGroundsDueBy!: string;

  @Field(() => NrmStageDecisionModel)
  conclusiveGrounds!: NrmStageDecisionModel;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      "The end of the recovery and reflection period (of the child's nation), once reasonable grounds are positive: a conclusive decision before it is recorded and flagged",
  })
  earliestConclusiveDecisionOn!: string | null;

  @Field(() => [NrmFlagModel], { description: 'What looks wrong on the referral, for review' })
  flags!: NrmFlagModel[];

  @Field(() => [NrmDecisionRecordModel], { description: 'Every decision recorded, newest first' })
  decisions!: NrmDecisionRecordModel[];

  @Field(() => GraphQLDateTime)
  recordedAt!: Date;
}
