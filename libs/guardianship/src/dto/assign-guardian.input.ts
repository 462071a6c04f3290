import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { GraphQLDate, IsPastOrToday } from '@haven/platform';
import { GuardianScheme } from '../guardianship.enums';

@InputType()
export class AssignGuardianInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => ID, { description: 'A practitioner with the GUARDIAN role' })
  @IsUUID('all')
  guardianId!: string;

  @Field(() => GuardianScheme)
  @IsEnum(GuardianScheme)
  scheme!: GuardianScheme;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  startDate!: string;
}
