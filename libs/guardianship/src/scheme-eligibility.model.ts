import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '@haven/platform';
import { GuardianScheme } from './guardianship.enums';

@ObjectType('SchemeEligibility', {
  description: 'Whether a child may be assigned a guardian under a scheme today, and why',
})
export class SchemeEligibilityModel {
  @Field(() => GuardianScheme)
  scheme!: GuardianScheme;

  @Field()
  eligible!: boolean;

  @Field({ description: 'In plain words: what makes the child eligible, or what the scheme is for' })
  reason!: string;

  @Field(() => Int, {
    description: "The scheme's age limit (configurable; statutory entitlement ends at 18)",
  })
  ageLimit!: number;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'The birthday on which the age limit is reached; null while the age is disputed (the person is a child) or the date of birth is not known',
  })
  endsOn!: string | null;
}
