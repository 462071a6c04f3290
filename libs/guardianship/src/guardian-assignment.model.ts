import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate, GraphQLDateTime } from '@haven/platform';
import { ContactMode, GuardianEndReason, GuardianScheme } from './guardianship.enums';

@ObjectType('GuardianContact')
export class GuardianContactModel {
  @Field(() => ID)
  id!: string;

  childId!: string;
  localAuthorityId!: string;
  assignmentId!: string;
  guardianId!: string;

  @Field(() => GraphQLDateTime)
  contactedAt!: Date;

  @Field(() => ContactMode)
  mode!: ContactMode;

  @Field(() => String, { nullable: true })
  summary!: string | null;
}

@ObjectType('GuardianAssignment')
export class GuardianAssignmentModel {
  @Field(() => ID)
  id!: string;

  childId!: string;
  localAuthorityId!: string;
  guardianId!: string;
  providerId!: string;

  @Field(() => GuardianScheme)
  scheme!: GuardianScheme;

  @Field(() => GraphQLDate)
  startDate!: string;

  @Field(() => GraphQLDate, { nullable: true })
  endDate!: string | null;

  @Field(() => GuardianEndReason, { nullable: true })
  endReason!: GuardianEndReason | null;

  @Field({ description: 'True until the assignment ends' })
  active!: boolean;

  @Field(() => Int, { description: "The guardian's active assignments" })
  guardianCaseload!: number;

  @Field(() => [String], { description: 'e.g. the guardian is above the caseload ceiling; not a refusal' })
  warnings!: string[];
}
