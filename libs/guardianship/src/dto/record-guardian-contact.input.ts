import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { GraphQLDateTime, IsPastInstant, Trim } from '@haven/platform';
import { ContactMode } from '../guardianship.enums';

@InputType()
export class RecordGuardianContactInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => GraphQLDateTime)
  @IsPastInstant()
  contactedAt!: Date;

  @Field(() => ContactMode)
  @IsEnum(ContactMode)
  mode!: ContactMode;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  summary?: string | null;
}
