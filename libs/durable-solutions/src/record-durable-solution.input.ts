import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { GraphQLDate, IsPastOrToday, Trim } from '@haven/platform';
import { DurableSolutionOption, DurableSolutionStatus } from './durable-solution.enums';

@InputType()
export class RecordDurableSolutionInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => DurableSolutionOption)
  @IsEnum(DurableSolutionOption)
  option!: DurableSolutionOption;

  @Field(() => DurableSolutionStatus)
  @IsEnum(DurableSolutionStatus)
  status!: DurableSolutionStatus;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsPastOrToday()
  assessedOn?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Required when SECURED' })
  @IsOptional()
  @IsPastOrToday()
  securedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  basis?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A human-rights-based risk and security assessment' })
  @IsOptional()
  @IsBoolean()
  riskAssessmentCompleted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "A full assessment of the child's best interests" })
  @IsOptional()
  @IsBoolean()
  bestInterestsAssessmentCompleted?: boolean | null;
}
