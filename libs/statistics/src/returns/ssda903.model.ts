import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { GraphQLDate } from '@haven/platform';

@InputType()
export class Ssda903ExportInput {
  @Field(() => Int, { description: 'The collection year by its end: 2026 is 1 April 2025 to 31 March 2026' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => String, {
    nullable: true,
    description: "An English authority's ONS code; defaults to the caller's",
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  authorityCode?: string | null;
}

@ObjectType('Ssda903Problem')
export class Ssda903ProblemModel {
  @Field({ description: 'The CHILD identifier as in the files; blank when no local identifier is recorded' })
  child!: string;

  @Field(() => ID, { description: "The child's record in Haven, to correct it" })
  childId!: string;

  @Field({ description: 'Missing or UASC' })
  table!: string;

  @Field()
  field!: string;

  @Field({
    description:
      'Starts with the number of the DfE validator rule it mirrors, e.g. "567: MIS_END is before MIS_START"',
  })
  message!: string;
}

@ObjectType('Ssda903Export')
export class Ssda903ExportModel {
  @Field()
  authorityCode!: string;

  @Field(() => GraphQLDate)
  periodStart!: string;

  @Field(() => GraphQLDate)
  periodEnd!: string;

  @Field({ description: 'CHILD,DOB,MISSING,MIS_START,MIS_END' })
  missingCsv!: string;

  @Field({ description: 'CHILD,SEX,DOB,DUC' })
  uascCsv!: string;

  @Field(() => [Ssda903ProblemModel], { description: 'What the DfE validator would reject, per child' })
  problems!: Ssda903ProblemModel[];
}
