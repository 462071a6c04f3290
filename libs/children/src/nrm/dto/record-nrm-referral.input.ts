import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Agency, GraphQLDate } from '@haven/platform';
import { IsPastOrToday } from '@haven/platform';
import { NrmCompetentAuthority } from '../nrm.enums';

@InputType()
export class RecordNrmReferralInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  referredOn!: string;

  @Field(() => Agency, { nullable: true })
  @IsOptional()
  @IsEnum(Agency)
  firstResponder?: Agency | null;

  @Field(() => NrmCompetentAuthority, { nullable: true })
  @IsOptional()
  @IsEnum(NrmCompetentAuthority)
  competentAuthority?: NrmCompetentAuthority | null;
}
