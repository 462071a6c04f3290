import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Agency, GraphQLDate, IsPastOrToday, Trim } from '@haven/platform';
import { AgeAssessmentOutcome } from '../age-assessment.enums';

@InputType()
export class RaiseAgeDisputeInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  raisedOn!: string;

  @Field(() => Agency, { description: 'The agency that disputes the claimed age' })
  @IsEnum(Agency)
  raisedBy!: Agency;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  reason?: string | null;
}

@InputType()
export class StartAgeAssessmentInput {
  @Field(() => ID)
  @IsUUID('all')
  assessmentId!: string;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  startedOn!: string;
}

@InputType()
export class AgeAssessmentSafeguardsInput {
  @Field(() => Boolean, { nullable: true, description: 'Two trained assessing social workers' })
  @IsOptional()
  @IsBoolean()
  twoAssessors?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'An appropriate adult present' })
  @IsOptional()
  @IsBoolean()
  appropriateAdult?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'An interpreter, where the child needs one' })
  @IsOptional()
  @IsBoolean()
  interpreterUsed?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Adverse points put to the young person, with a chance to answer',
  })
  @IsOptional()
  @IsBoolean()
  adversePointsPut?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Reasons given in writing' })
  @IsOptional()
  @IsBoolean()
  writtenReasons?: boolean | null;
}

@InputType()
export class RecordAgeAssessmentOutcomeInput {
  @Field(() => ID)
  @IsUUID('all')
  assessmentId!: string;

  @Field(() => AgeAssessmentOutcome)
  @IsEnum(AgeAssessmentOutcome)
  outcome!: AgeAssessmentOutcome;

  @Field(() => GraphQLDate, { nullable: true, description: 'Needed unless the claimed age is accepted' })
  @IsOptional()
  @IsPastOrToday()
  assessedDateOfBirth?: string | null;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  completedOn!: string;

  @Field(() => AgeAssessmentSafeguardsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgeAssessmentSafeguardsInput)
  safeguards?: AgeAssessmentSafeguardsInput | null;
}

@InputType()
export class ChallengeAgeAssessmentInput {
  @Field(() => ID)
  @IsUUID('all')
  assessmentId!: string;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  challengedOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

@InputType()
export class FinaliseAgeAssessmentInput {
  @Field(() => ID)
  @IsUUID('all')
  assessmentId!: string;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  finalisedOn!: string;

  @Field(() => AgeAssessmentOutcome, {
    nullable: true,
    description: 'A court determination that replaces the outcome',
  })
  @IsOptional()
  @IsEnum(AgeAssessmentOutcome)
  courtOutcome?: AgeAssessmentOutcome | null;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsPastOrToday()
  courtAssessedDateOfBirth?: string | null;
}
