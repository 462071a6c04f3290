import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Agency, GraphQLDate } from '@haven/platform';
import { AgeAssessmentOutcome, AgeAssessmentStatus, AgeDeterminedBy } from './age-assessment.enums';

@ObjectType('AgeAssessmentSafeguards')
export class SafeguardsModel {
  @Field(() => Boolean, { nullable: true })
  twoAssessors!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  appropriateAdult!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  interpreterUsed!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  adversePointsPut!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  writtenReasons!: boolean | null;
}

@ObjectType('AgeAssessment')
export class AgeAssessmentModel {
  @Field(() => ID)
  id!: string;

  childId!: string;
  localAuthorityId!: string;

  @Field(() => GraphQLDate)
  raisedOn!: string;

  @Field(() => Agency)
  raisedBy!: Agency;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'The claimed date of birth when the dispute was raised',
  })
  claimedDateOfBirth!: string | null;

  @Field(() => AgeAssessmentStatus)
  status!: AgeAssessmentStatus;

  @Field(() => GraphQLDate, { nullable: true })
  startedOn!: string | null;

  @Field(() => AgeAssessmentOutcome, { nullable: true })
  outcome!: AgeAssessmentOutcome | null;

  @Field(() => GraphQLDate, { nullable: true })
  assessedDateOfBirth!: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  completedOn!: string | null;

  @Field(() => AgeAssessmentOutcome, {
    nullable: true,
    description: "The local authority's own outcome, kept when a court's final determination replaces it",
  })
  localAuthorityOutcome!: AgeAssessmentOutcome | null;

  @Field(() => GraphQLDate, { nullable: true })
  localAuthorityAssessedDateOfBirth!: string | null;

  @Field(() => SafeguardsModel)
  safeguards!: SafeguardsModel;

  @Field(() => GraphQLDate, { nullable: true, description: 'When a judicial review was brought' })
  challengedOn!: string | null;

  @Field(() => String, { nullable: true })
  challengeNotes!: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  finalisedOn!: string | null;

  @Field(() => AgeDeterminedBy, { nullable: true })
  determinedBy!: AgeDeterminedBy | null;
}
