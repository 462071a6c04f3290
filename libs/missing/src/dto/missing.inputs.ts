import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { GraphQLDateTime, IsPastInstant, MAX_PAGE_SIZE, Trim } from '@haven/platform';
import { FoundBy, MissingKind, PoliceRiskLevel } from '../missing.enums';

@InputType()
export class ReportMissingInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => MissingKind)
  @IsEnum(MissingKind)
  kind!: MissingKind;

  @Field(() => GraphQLDateTime)
  @IsPastInstant()
  missingSince!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  @IsOptional()
  @IsPastInstant()
  reportedToPoliceAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  policeReference?: string | null;

  @Field(() => PoliceRiskLevel, { nullable: true })
  @IsOptional()
  @IsEnum(PoliceRiskLevel)
  policeRiskLevel?: PoliceRiskLevel | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  lastSeenLocation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  lastSeenWith?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  circumstances?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Contact with suspected traffickers is feared' })
  @IsOptional()
  @IsBoolean()
  traffickerContactFeared?: boolean | null;
}

@InputType()
export class RecordReturnInput {
  @Field(() => ID)
  @IsUUID('all')
  episodeId!: string;

  @Field(() => GraphQLDateTime)
  @IsPastInstant()
  returnedAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  whereFound?: string | null;

  @Field(() => FoundBy, { nullable: true })
  @IsOptional()
  @IsEnum(FoundBy)
  foundBy?: FoundBy | null;
}

@InputType()
export class RecordReturnInterviewInput {
  @Field(() => ID)
  @IsUUID('all')
  episodeId!: string;

  @Field(() => GraphQLDateTime)
  @IsPastInstant()
  offeredAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  @IsOptional()
  @IsPastInstant()
  completedAt?: Date | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  declined?: boolean | null;

  @Field(() => String, { nullable: true, description: 'An independent person, not the child’s carer' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  conductedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Restricted: findings and disclosures' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(8000)
  findings?: string | null;
}

@ArgsType()
export class ChildMissingEpisodesArgs {
  @Field(() => Int, { nullable: true, description: `Only the newest this many, 1 to ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;
}
