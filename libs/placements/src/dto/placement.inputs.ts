import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { GraphQLDateTime, IsPastInstant, Trim } from '@haven/platform';
import { PlacementEndReason, PlacementType } from '../placement.enums';

@InputType()
export class StartPlacementInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field(() => PlacementType)
  @IsEnum(PlacementType)
  type!: PlacementType;

  @Field(() => GraphQLDateTime)
  @IsPastInstant()
  startedAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  provider?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Restricted: seen only by those who can see the child',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  outOfArea?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  specialist?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  safetyPlan?: boolean | null;
}

@InputType()
export class EndPlacementInput {
  @Field(() => ID)
  @IsUUID('all')
  placementId!: string;

  @Field(() => GraphQLDateTime)
  @IsPastInstant()
  endedAt!: Date;

  @Field(() => PlacementEndReason)
  @IsEnum(PlacementEndReason)
  reason!: PlacementEndReason;
}
