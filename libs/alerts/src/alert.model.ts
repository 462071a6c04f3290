import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime, Paginated } from '@haven/platform';
import { AlertKind, AlertResolution, AlertSeverity, AlertStatus } from './alert.enums';

@ObjectType('Alert')
export class AlertModel {
  @Field(() => ID)
  id!: string;

  childId!: string | null;
  localAuthorityId!: string;
  acknowledgedById!: string | null;
  resolvedById!: string | null;

  @Field(() => AlertKind)
  kind!: AlertKind;

  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Field(() => AlertStatus)
  status!: AlertStatus;

  @Field(() => Int, {
    description: 'Rises as the alert escalates (missing 24 h and 72 h; 18th birthday nearer)',
  })
  escalationLevel!: number;

  @Field(() => GraphQLDateTime)
  raisedAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  escalatedAt!: Date | null;

  @Field({ description: 'Why the alert was raised, in words' })
  reason!: string;

  @Field({ description: 'What the alert is about, e.g. MissingEpisode, Child, Placement, NrmReferral' })
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => GraphQLDateTime, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true })
  acknowledgementNote!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => AlertResolution, { nullable: true })
  resolution!: AlertResolution | null;

  @Field(() => String, { nullable: true })
  resolutionNote!: string | null;
}

@ObjectType('AlertConnection')
export class AlertConnection extends Paginated(AlertModel, 'Alert') {}

@ObjectType('AlertScanResult')
export class AlertScanResult {
  @Field(() => Int)
  raised!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int)
  escalated!: number;

  @Field(() => GraphQLDateTime)
  asOf!: Date;
}
