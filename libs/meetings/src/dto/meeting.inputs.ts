import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  Agency,
  GraphQLDate,
  GraphQLDateTime,
  IsPastInstant,
  IsPastOrToday,
  IsPlausibleDate,
  PageArgs,
  RequiredText,
  Trim,
} from '@haven/platform';
import { MeetingStatus, MeetingType } from '../meeting.enums';

@InputType()
export class AttendeeInput {
  @Field()
  @RequiredText(200)
  name!: string;

  @Field(() => Agency)
  @IsEnum(Agency)
  agency!: Agency;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  role?: string | null;
}

@InputType()
export class ScheduleMeetingInput {
  @Field(() => MeetingType)
  @IsEnum(MeetingType)
  type!: MeetingType;

  @Field(() => GraphQLDateTime)
  @IsDate()
  scheduledFor!: Date;

  @Field(() => [ID], {
    nullable: true,
    description: 'Children to discuss; a MISSING_REVIEW adds every missing child itself',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  childIds?: string[] | null;

  @Field(() => [AttendeeInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttendeeInput)
  attendees?: AttendeeInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  chair?: string | null;
}

@InputType()
export class AttendanceInput extends AttendeeInput {
  @Field()
  @IsBoolean()
  attended!: boolean;
}

@InputType()
export class DecisionInput {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;

  @Field()
  @RequiredText(4000)
  decision!: string;
}

@InputType()
export class ActionInput {
  @Field()
  @RequiredText(2000)
  description!: string;

  @Field({ description: 'Who will do it: a person or an agency' })
  @RequiredText(200)
  owner!: string;

  @Field(() => GraphQLDate)
  @IsPlausibleDate()
  dueOn!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  childId?: string | null;
}

@InputType()
export class RecordMeetingOutcomeInput {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field(() => GraphQLDateTime)
  @IsPastInstant()
  heldAt!: Date;

  @Field(() => [AttendanceInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttendanceInput)
  attendance?: AttendanceInput[] | null;

  @Field(() => [DecisionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DecisionInput)
  decisions?: DecisionInput[] | null;

  @Field(() => [ActionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ActionInput)
  actions?: ActionInput[] | null;
}

@InputType()
export class CompleteMeetingActionInput {
  @Field(() => ID)
  @IsUUID('all')
  actionId!: string;

  @Field(() => GraphQLDate)
  @IsPastOrToday()
  completedOn!: string;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID)
  @IsUUID('all')
  meetingId!: string;

  @Field()
  @RequiredText(1000)
  reason!: string;
}

@InputType()
export class MeetingFilter {
  @Field(() => MeetingType, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingType)
  type?: MeetingType;

  @Field(() => MeetingStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingStatus)
  status?: MeetingStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  childId?: string;
}

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => MeetingFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingFilter)
  filter?: MeetingFilter;
}
