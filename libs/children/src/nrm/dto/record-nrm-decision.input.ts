import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { GraphQLDate } from '@haven/platform';
import { IsPastOrToday } from '@haven/platform';
import { NrmDecision, NrmStage } from '../nrm.enums';

@InputType()
export class RecordNrmDecisionInput {
  @Field(() => ID)
  @IsUUID('all')
  referralId!: string;

  @Field(() => NrmStage)
  @IsEnum(NrmStage)
  stage!: NrmStage;

  @Field(() => NrmDecision)
  @IsEnum(NrmDecision)
  decision!: NrmDecision;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  decidedOn!: string;
}
