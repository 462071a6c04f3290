import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsUUID, Min } from 'class-validator';
import { GraphQLDate } from '@haven/platform';
import { CaseClosureReason } from '../child.enums';
import { IsPastOrToday } from '@haven/platform';

@InputType()
export class ReopenCaseInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType()
export class CloseCaseInput extends ReopenCaseInput {
  @Field(() => CaseClosureReason)
  @IsEnum(CaseClosureReason)
  reason!: CaseClosureReason;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  closedOn!: string;
}
