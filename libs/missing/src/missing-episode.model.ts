import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from '@haven/platform';
import { FoundBy, MissingKind, PoliceRiskLevel } from './missing.enums';

@ObjectType('ReturnInterview')
export class ReturnInterviewModel {
  episodeId!: string;
  childId!: string;
  localAuthorityId!: string;
  /** Restricted: resolved by a guarded field. */
  findings!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  offeredAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  completedAt!: Date | null;

  @Field()
  declined!: boolean;

  @Field(() => String, { nullable: true, description: 'The independent person who conducted it' })
  conductedBy!: string | null;
}

@ObjectType('MissingEpisode')
export class MissingEpisodeModel {
  @Field(() => ID)
  id!: string;

  childId!: string;
  localAuthorityId!: string;
  placementId!: string | null;

  @Field(() => MissingKind)
  kind!: MissingKind;

  @Field(() => GraphQLDateTime)
  missingSince!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  reportedToPoliceAt!: Date | null;

  @Field(() => String, { nullable: true })
  policeReference!: string | null;

  @Field(() => PoliceRiskLevel, { nullable: true })
  policeRiskLevel!: PoliceRiskLevel | null;

  @Field(() => String, { nullable: true })
  lastSeenLocation!: string | null;

  @Field(() => String, { nullable: true })
  lastSeenWith!: string | null;

  @Field(() => String, { nullable: true })
  circumstances!: string | null;

  @Field({ description: 'Contact with suspected traffickers is feared' })
  traffickerContactFeared!: boolean;

  @Field({ description: 'Started within 72 hours (configurable) of arrival or of the placement it left' })
  soonAfterPlacement!: boolean;

  @Field(() => GraphQLDateTime, { nullable: true })
  returnedAt!: Date | null;

  @Field(() => String, { nullable: true })
  whereFound!: string | null;

  @Field(() => FoundBy, { nullable: true })
  foundBy!: FoundBy | null;

  @Field({ description: 'Not yet returned' })
  open!: boolean;

  @Field(() => Float, { nullable: true, description: 'Hours missing, to the return or to now' })
  hoursMissing!: number;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'The return plus 72 hours' })
  returnInterviewDueBy!: Date | null;

  @Field(() => ReturnInterviewModel, { nullable: true })
  returnInterview!: ReturnInterviewModel | null;
}
