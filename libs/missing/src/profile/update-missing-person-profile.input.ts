import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '@haven/platform';

const text = (description?: string) => Field(() => String, { nullable: true, description });

/** Any field given replaces the stored one; null clears it; absent keeps it. */
@InputType()
export class UpdateMissingPersonProfileInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @text('Physical description: height, build, hair, marks, clothing often worn')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @text('Where a recent photograph is held (a reference, not the image)')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  photoReference?: string | null;

  @text()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  associates?: string | null;

  @text('Places and addresses of concern')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  placesOfConcern?: string | null;

  @text()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  phoneNumbers?: string | null;

  @text()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  socialMedia?: string | null;

  @text()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  medicalNeeds?: string | null;

  @text()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  languages?: string | null;
}
