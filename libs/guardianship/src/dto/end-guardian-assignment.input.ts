import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { GraphQLDate, IsPastOrToday } from '@haven/platform';
import { GuardianEndReason } from '../guardianship.enums';

@InputType()
export class EndGuardianAssignmentInput {
  @Field(() => ID)
  @IsUUID('all')
  assignmentId!: string;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  endDate!: string;

  @Field(() => GuardianEndReason)
  @IsEnum(GuardianEndReason)
  reason!: GuardianEndReason;
}
