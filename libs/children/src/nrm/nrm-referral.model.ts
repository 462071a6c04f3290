import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Agency, GraphQLDate, GraphQLDateTime } from '@haven/platform';
import { NrmCompetentAuthority, NrmDecision, NrmStage } from './nrm.enums';

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

  @Field(() => GraphQLDate, { description: 'The target date for the reasonable-grounds decision' })
  reasonableGroundsDueBy!: string;

  @Field(() => NrmStageDecisionModel)
  conclusiveGrounds!: NrmStageDecisionModel;

  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'The end of the recovery and reflection period, once reasonable grounds are positive',
  })
  earliestConclusiveDecisionOn!: string | null;

  @Field(() => [NrmDecisionRecordModel], { description: 'Every decision recorded, newest first' })
  decisions!: NrmDecisionRecordModel[];

  @Field(() => GraphQLDateTime)
  recordedAt!: Date;
}
