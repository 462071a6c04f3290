import { Field, ID, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { Nation, OrganisationKind, Role } from './role';

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: "A local authority's ONS code, or a provider's code" })
  code!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => Nation, { nullable: true })
  nation!: Nation | null;
}

/** An organisation as SQL selects it (`id, code, name, kind, nation`), checked as it arrives. */
export const OrganisationRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(OrganisationKind),
  nation: z.enum(Nation).nullable(),
}) satisfies z.ZodType<OrganisationModel>;

@ObjectType('Practitioner')
export class PractitionerModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The identity provider's subject" })
  subject!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Role)
  role!: Role;

  @Field(() => OrganisationModel)
  organisation!: OrganisationModel;
}
