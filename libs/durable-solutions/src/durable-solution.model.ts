import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDate, GraphQLDateTime } from '@haven/platform';
import { DurableSolutionOption, DurableSolutionStatus } from './durable-solution.enums';

/** One record of a best-interests assessment's outcome; the history of a child's plan is kept whole. */
@ObjectType('DurableSolution')
export class DurableSolutionModel {
  @Field(() => ID)
  id!: string;

  childId!: string;
  localAuthorityId!: string;

  @Field(() => DurableSolutionOption)
  option!: DurableSolutionOption;

  @Field(() => DurableSolutionStatus)
  status!: DurableSolutionStatus;

  @Field(() => GraphQLDate, { nullable: true })
  assessedOn!: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  securedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. refugee status granted' })
  basis!: string | null;

  @Field()
  riskAssessmentCompleted!: boolean;

  @Field()
  bestInterestsAssessmentCompleted!: boolean;

  @Field(() => GraphQLDateTime)
  recordedAt!: Date;
}
