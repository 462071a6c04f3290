import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AliasModel } from '@haven/children';
import { GraphQLDate, GraphQLDateTime, OrganisationModel, PractitionerModel } from '@haven/platform';
import { MissingEpisodeModel } from '../missing-episode.model';

/** What carers keep ready for the police before anything happens (the Philomena Protocol "grab pack"). */
@ObjectType('MissingPersonProfile')
export class MissingPersonProfileModel {
  @Field(() => ID)
  childId!: string;

  localAuthorityId!: string;
  allocatedWorkerId!: string | null;

  @Field()
  givenName!: string;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => String, { nullable: true })
  preferredName!: string | null;

  @Field(() => [AliasModel])
  aliases!: AliasModel[];

  @Field(() => GraphQLDate, { nullable: true, description: 'The effective date of birth' })
  dateOfBirth!: string | null;

  @Field()
  ageDisputed!: boolean;

  @Field()
  gender!: string;

  @Field(() => String, { nullable: true })
  nationality!: string | null;

  @Field(() => [String], { description: 'Languages the child speaks, from the child record' })
  spokenLanguages!: string[];

  @Field()
  interpreterNeeded!: boolean;

  @Field(() => String, { nullable: true, description: 'Physical description' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Where a recent photograph is held' })
  photoReference!: string | null;

  @Field(() => String, { nullable: true })
  associates!: string | null;

  @Field(() => String, { nullable: true })
  placesOfConcern!: string | null;

  @Field(() => String, { nullable: true })
  phoneNumbers!: string | null;

  @Field(() => String, { nullable: true })
  socialMedia!: string | null;

  @Field(() => String, { nullable: true })
  medicalNeeds!: string | null;

  @Field(() => String, { nullable: true, description: 'Languages and communication notes for the police' })
  languages!: string | null;

  @Field(() => Int, { description: '0 while nothing has been recorded' })
  version!: number;

  @Field(() => GraphQLDateTime, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => MissingEpisodeModel, {
    nullable: true,
    description: 'The open episode, with its last-seen details',
  })
  currentEpisode!: MissingEpisodeModel | null;

  @Field(() => OrganisationModel)
  responsibleAuthority!: OrganisationModel;

  @Field(() => PractitionerModel, { nullable: true })
  allocatedWorker!: PractitionerModel | null;

  @Field({
    description:
      'A link to the printable profile for the police, valid for 30 minutes; each opening is audited',
  })
  printUrl!: string;

  @Field(() => GraphQLDateTime)
  generatedAt!: Date;
}
