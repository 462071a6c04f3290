import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLDate, GraphQLDateTime } from '@haven/platform';

const SUPPRESSED =
  'True when the value is withheld (and then null, never 0): a count from 1 to the suppression threshold, ' +
  'a figure hidden as well so that such a count cannot be worked out by subtraction from a total shown beside it, ' +
  'or a rate or median built on either';

/**
 * A count: null and suppressed when from 1 to the threshold, since small numbers identify children, or
 * when hidden so that one of those cannot be worked out from the totals beside it.
 */
@ObjectType('Figure', {
  description:
    'A count of children, episodes or decisions; withheld (value null, suppressed true) when small or when it would reveal a small one',
})
export class FigureModel {
  @Field(() => Int, { nullable: true })
  value!: number | null;

  @Field({ description: SUPPRESSED })
  suppressed!: boolean;
}

/** A proportion from 0 to 1, suppressed when its numerator or denominator is. */
@ObjectType('Rate')
export class RateModel {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field({ description: SUPPRESSED })
  suppressed!: boolean;
}

/** A median or other statistic of the rows behind it, suppressed with their count. */
@ObjectType('Measure')
export class MeasureModel {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field({ description: SUPPRESSED })
  suppressed!: boolean;
}

@ObjectType('Breakdown')
export class BreakdownModel {
  @Field({
    description: 'The category, type, country code, band…; OTHER groups the rest, NOT_RECORDED the unknown',
  })
  key!: string;

  @Field(() => FigureModel)
  count!: FigureModel;
}

@ObjectType('MonthlyFigures')
export class MonthlyModel {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => FigureModel)
  childrenRegistered!: FigureModel;

  @Field(() => FigureModel)
  missingEpisodes!: FigureModel;

  @Field(() => FigureModel)
  childrenMissing!: FigureModel;

  @Field(() => FigureModel)
  nrmReferrals!: FigureModel;
}

@ObjectType('Dashboard')
export class DashboardModel {
  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate)
  to!: string;

  @Field(() => [String])
  authorityCodes!: string[];

  @Field(() => Int)
  suppressionThreshold!: number;

  @Field(() => GraphQLDateTime, {
    description:
      "The moment the figures are true of: for one authority the request's own (computed afresh, or kept from a computation that nothing written since has changed); a partnership or UK-wide dashboard may come from a rollup up to DASHBOARD_ROLLUP_MAX_AGE_SECONDS old",
  })
  generatedAt!: Date;

  @Field(() => FigureModel, {
    description:
      'Open on the last day of the period: the total of the breakdowns, which count the same children',
  })
  childrenOpen!: FigureModel;

  @Field(() => FigureModel)
  childrenRegistered!: FigureModel;

  @Field(() => FigureModel)
  childrenMissingAtLeastOnce!: FigureModel;

  @Field(() => RateModel, {
    description:
      'Of trafficked children looked after at any time in the period (registered by its end, not closed before its start), the share with at least one missing episode starting in it (the 28% measure)',
  })
  traffickedMissingRate!: RateModel;

  @Field(() => RateModel, {
    description:
      'Of unaccompanied asylum-seeking children looked after at any time in the period, the share with at least one missing episode starting in it (the 13% measure)',
  })
  unaccompaniedMissingRate!: RateModel;

  @Field(() => FigureModel)
  missingEpisodes!: FigureModel;

  @Field(() => FigureModel, { description: 'Open episodes now' })
  currentlyMissing!: FigureModel;

  @Field(() => FigureModel, {
    description: 'Episodes of the period still missing, or missing for more than 7 days',
  })
  notFoundAfter7Days!: FigureModel;

  @Field(() => MeasureModel, { description: 'Median hours missing, of episodes that ended' })
  medianHoursMissing!: MeasureModel;

  @Field(() => RateModel)
  soonAfterPlacementRate!: RateModel;

  @Field(() => RateModel, {
    description:
      'Of returns from missing in the period, the share with a return interview OFFERED within 72 hours of the return',
  })
  returnInterviewsWithin72hRate!: RateModel;

  @Field(() => RateModel, {
    description:
      'Of returns from missing in the period, the share with a return interview COMPLETED within 72 hours of the return (declined or late interviews are not)',
  })
  returnInterviewsCompletedWithin72hRate!: RateModel;

  @Field(() => RateModel, {
    description: 'Children eligible for their nation’s guardian scheme who have a guardian',
  })
  guardianCoverageRate!: RateModel;

  @Field(() => FigureModel)
  guardiansActive!: FigureModel;

  @Field(() => MeasureModel)
  medianGuardianCaseload!: MeasureModel;

  @Field(() => FigureModel)
  openAgeDisputes!: FigureModel;

  @Field(() => FigureModel)
  childrenInUnsafePlacements!: FigureModel;

  @Field(() => FigureModel)
  nrmReferrals!: FigureModel;

  @Field(() => FigureModel)
  nrmReasonableGroundsDecisions!: FigureModel;

  @Field(() => MeasureModel, { description: 'Median days from referral to the reasonable-grounds decision' })
  medianDaysToReasonableGrounds!: MeasureModel;

  @Field(() => FigureModel, {
    description: 'Open children whose effective 18th birthday falls in the next 180 days',
  })
  turning18Within180Days!: FigureModel;

  @Field(() => RateModel, { description: 'Of those, the share with a secured durable solution' })
  turning18WithSecuredSolutionRate!: RateModel;

  @Field(() => FigureModel, {
    description: 'Young people who turned 18 in the period without a secured durable solution',
  })
  turning18WithoutDurableSolution!: FigureModel;

  @Field(() => RateModel, { description: 'Data quality: open children with no exploitation type recorded' })
  exploitationNotRecordedRate!: RateModel;

  @Field(() => RateModel, { description: 'Data quality: open children with no nationality recorded' })
  nationalityNotRecordedRate!: RateModel;

  @Field(() => [BreakdownModel])
  byCategory!: BreakdownModel[];

  @Field(() => [BreakdownModel])
  byNrmCategory!: BreakdownModel[];

  @Field(() => [BreakdownModel])
  byExploitationType!: BreakdownModel[];

  @Field(() => [BreakdownModel], { description: 'The ten commonest nationalities, the rest as OTHER' })
  byNationality!: BreakdownModel[];

  @Field(() => [BreakdownModel])
  byGender!: BreakdownModel[];

  @Field(() => [BreakdownModel])
  byAgeBand!: BreakdownModel[];

  @Field(() => [MonthlyModel], {
    description:
      'Month by month: childrenRegistered, missingEpisodes and nrmReferrals add up to the headline figures of those names, and are suppressed with them so that no hidden month can be worked out',
  })
  monthly!: MonthlyModel[];
}

@InputType()
export class DashboardInput {
  @Field(() => GraphQLDate)
  @IsString()
  from!: string;

  @Field(() => GraphQLDate)
  @IsString()
  to!: string;

  @Field(() => [String], { nullable: true, description: "Defaults to the caller's authorities" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  authorityCodes?: string[] | null;
}
