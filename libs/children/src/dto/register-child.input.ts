import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLDate } from '@haven/platform';
import {
  ArrivalRoute,
  ChildCategory,
  ExploitationType,
  Gender,
  ImmigrationStatus,
  LegalStatus,
  NationalityBasis,
} from '../child.enums';
import { IsPastOrToday, IsPlausibleDate, RequiredText, Trim } from '@haven/platform';

export const NAME_MAX = 100;
/** The SSDA903 CHILD field: the authority's person id, at most 10 characters. */
export const LOCAL_CHILD_ID_MAX = 10;

@InputType()
export class AliasInput {
  @Field()
  @RequiredText(200, "An alias's name is required")
  name!: string;

  @Field(() => String, { nullable: true, description: 'Where the name came from' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  source?: string | null;
}

const upper = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

@InputType()
export class RegisterChildInput {
  @Field()
  @RequiredText(NAME_MAX)
  givenName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  familyName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  preferredName?: string | null;

  @Field(() => [AliasInput], {
    nullable: true,
    description: 'Other names and spellings, each with its source',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AliasInput)
  aliases?: AliasInput[] | null;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsPastOrToday()
  claimedDateOfBirth?: string | null;

  @Field(() => Gender)
  @IsEnum(Gender)
  gender!: Gender;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. "VN"' })
  @IsOptional()
  @upper()
  @IsISO31661Alpha2({ message: 'nationality must be an ISO 3166-1 alpha-2 code, e.g. "VN"' })
  nationality?: string | null;

  @Field(() => NationalityBasis, { nullable: true })
  @IsOptional()
  @IsEnum(NationalityBasis)
  nationalityBasis?: NationalityBasis | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  regionOfOrigin?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  languages?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  interpreterNeeded?: boolean | null;

  @Field(() => [ChildCategory], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(ChildCategory, { each: true })
  categories?: ChildCategory[] | null;

  @Field(() => [ExploitationType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(ExploitationType, { each: true })
  exploitationTypes?: ExploitationType[] | null;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsPastOrToday()
  arrivalDate?: string | null;

  @Field(() => ArrivalRoute, { nullable: true })
  @IsOptional()
  @IsEnum(ArrivalRoute)
  arrivalRoute?: ArrivalRoute | null;

  @Field(() => LegalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LegalStatus)
  legalStatus?: LegalStatus | null;

  @Field(() => ImmigrationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ImmigrationStatus)
  immigrationStatus?: ImmigrationStatus | null;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsPastOrToday()
  asylumClaimDate?: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsPlausibleDate()
  leaveExpiresOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Restricted: seen only by those supporting the child' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  homeOfficeReference?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Defaults to the registering social worker or team manager',
  })
  @IsOptional()
  @IsUUID('all')
  allocatedWorkerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The authority's own identifier for the child (at most 10 characters, unique in the authority)",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LOCAL_CHILD_ID_MAX, { message: `localChildId is at most ${LOCAL_CHILD_ID_MAX} characters` })
  localChildId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether anyone in the UK holds parental responsibility; null (or absent) while not known',
  })
  @IsOptional()
  @IsBoolean()
  parentalResponsibilityInUk?: boolean | null;
}
