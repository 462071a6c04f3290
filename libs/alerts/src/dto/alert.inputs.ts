import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLDateTime, PageArgs, RequiredText, Trim } from '@haven/platform';
import { AlertKind, AlertSeverity, AlertStatus } from '../alert.enums';

@InputType()
export class AlertFilter {
  @Field(() => AlertStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AlertStatus)
  status?: AlertStatus;

  @Field(() => AlertKind, { nullable: true })
  @IsOptional()
  @IsEnum(AlertKind)
  kind?: AlertKind;

  @Field(() => AlertSeverity, { nullable: true })
  @IsOptional()
  @IsEnum(AlertSeverity)
  severity?: AlertSeverity;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  childId?: string;
}

@ArgsType()
export class AlertsArgs extends PageArgs {
  @Field(() => AlertFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlertFilter)
  filter?: AlertFilter;
}

@InputType()
export class AcknowledgeAlertInput {
  @Field(() => ID)
  @IsUUID('all')
  alertId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class ResolveAlertInput {
  @Field(() => ID)
  @IsUUID('all')
  alertId!: string;

  @Field({ description: 'What was done: e.g. "Strategy discussion held, safety plan agreed"' })
  @RequiredText(2000, 'note is required: say how the alert was resolved')
  note!: string;
}

@InputType()
export class RunAlertScanInput {
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'Evaluate every rule as of this instant (default now)',
  })
  @IsOptional()
  asOf?: Date | null;
}
