import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@haven/platform';
import { ChildCategory, ChildStatus, ExploitationType } from '../child.enums';

@InputType()
export class ChildFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Names and aliases, ignoring case and accents, or the authority's own identifier for the child",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => ChildStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ChildStatus)
  status?: ChildStatus;

  @Field(() => ChildCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ChildCategory)
  category?: ChildCategory;

  @Field(() => ExploitationType, { nullable: true })
  @IsOptional()
  @IsEnum(ExploitationType)
  exploitationType?: ExploitationType;

  @Field(() => Int, {
    nullable: true,
    description: 'Effective 18th birthday from today to this many days ahead',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3660)
  turning18WithinDays?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only children whose age is disputed (or not)' })
  @IsOptional()
  @IsBoolean()
  ageDisputed?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only children missing (or away) now, or only those not',
  })
  @IsOptional()
  @IsBoolean()
  missingNow?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only children actively assigned to this guardian' })
  @IsOptional()
  @IsUUID('all')
  guardianId?: string;

  @Field(() => ID, { nullable: true, description: 'Only children allocated to this social worker' })
  @IsOptional()
  @IsUUID('all')
  allocatedWorkerId?: string;
}

@ArgsType()
export class ChildrenArgs extends PageArgs {
  @Field(() => ChildFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChildFilter)
  filter?: ChildFilter;
}
