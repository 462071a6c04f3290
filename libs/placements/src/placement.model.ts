import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from '@haven/platform';
import { PlacementEndReason, PlacementType } from './placement.enums';

@ObjectType('Placement')
export class PlacementModel {
  @Field(() => ID)
  id!: string;

  childId!: string;
  localAuthorityId!: string;
  /** Restricted: resolved by a guarded field. */
  address!: string | null;

  @Field(() => PlacementType)
  type!: PlacementType;

  @Field(() => String, { nullable: true })
  provider!: string | null;

  @Field(() => GraphQLDateTime)
  startedAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  endedAt!: Date | null;

  @Field(() => PlacementEndReason, { nullable: true })
  endReason!: PlacementEndReason | null;

  @Field()
  current!: boolean;

  @Field()
  outOfArea!: boolean;

  @Field({ description: 'A specialist placement for trafficked children' })
  specialist!: boolean;

  @Field()
  safetyPlan!: boolean;

  @Field({
    description:
      'Of a type unsafe (B&B, adult asylum accommodation, detention) for a child or a person whose age is disputed, while the person is one: now for a current placement, on its last day for one that ended',
  })
  unsafe!: boolean;

  @Field({
    description: 'The SSDA903 placement code for the children looked after return (2025-26 code set)',
  })
  ssda903Code!: string;
}
