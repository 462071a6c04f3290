import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate, GraphQLDateTime, Paginated } from '@haven/platform';
import {
  ArrivalRoute,
  CaseClosureReason,
  ChildCategory,
  ChildStatus,
  ExploitationType,
  Gender,
  LegalStatus,
  NationalityBasis,
} from './child.enums';

@ObjectType('Alias')
export class AliasModel {
  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the name came from, e.g. "name given by traffickers"',
  })
  source!: string | null;
}

/**
 * The child as the API shows it. Restricted fields (immigration details) and fields from other
 * capabilities are added by resolvers, each guarded on the field.
 */
@ObjectType('Child')
export class ChildModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Pass as expectedVersion to updateChild' })
  version!: number;

  localAuthorityId!: string;

  @Field()
  givenName!: string;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => String, { nullable: true })
  preferredName!: string | null;

  @Field(() => [AliasModel])
  aliases!: AliasModel[];

  @Field(() => GraphQLDate, { nullable: true })
  claimedDateOfBirth!: string | null;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'The assessed date of birth of the latest completed age assessment, otherwise the claimed one',
  })
  effectiveDateOfBirth!: string | null;

  @Field({
    description: 'True while any age dispute is unresolved; the person is treated as a child meanwhile',
  })
  ageDisputed!: boolean;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  nationality!: string | null;

  @Field(() => NationalityBasis, { nullable: true })
  nationalityBasis!: NationalityBasis | null;

  @Field(() => String, { nullable: true })
  regionOfOrigin!: string | null;

  @Field(() => [String])
  languages!: string[];

  @Field()
  interpreterNeeded!: boolean;

  @Field(() => [ChildCategory])
  categories!: ChildCategory[];

  @Field(() => [ExploitationType])
  exploitationTypes!: ExploitationType[];

  @Field(() => GraphQLDate, { nullable: true })
  arrivalDate!: string | null;

  @Field(() => ArrivalRoute, { nullable: true })
  arrivalRoute!: ArrivalRoute | null;

  @Field(() => LegalStatus, { nullable: true })
  legalStatus!: LegalStatus | null;

  allocatedWorkerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The authority's own identifier for the child (its case-management person id); statutory returns join on it",
  })
  localChildId!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether anyone in the UK holds parental responsibility; null while not known',
  })
  parentalResponsibilityInUk!: boolean | null;

  @Field(() => ChildStatus)
  status!: ChildStatus;

  @Field(() => CaseClosureReason, { nullable: true })
  closureReason!: CaseClosureReason | null;

  @Field(() => GraphQLDate, { nullable: true })
  closedOn!: string | null;

  @Field(() => GraphQLDateTime)
  registeredAt!: Date;

  @Field(() => GraphQLDateTime)
  updatedAt!: Date;

  /** Restricted: exposed through guarded field resolvers only. */
  immigration!: {
    status: string | null;
    asylumClaimDate: string | null;
    leaveExpiresOn: string | null;
    homeOfficeReference: string | null;
  };
}

@ObjectType('ChildConnection')
export class ChildConnection extends Paginated(ChildModel, 'Child') {}
