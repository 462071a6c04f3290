import { z } from 'zod';

/**
 * The rows the dashboard's statements return (dashboard.sql.ts), checked as they arrive
 * (`queryRows`): every figure is `haven_figure`, `haven_rate` or `haven_measure`'s jsonb, a value
 * (or null) and whether it is suppressed.
 */
export const Figure = z.object({ value: z.number().nullable(), suppressed: z.boolean() });

/** HEADLINES' one row: every headline figure of the dashboard, by name. */
export const HeadlinesRow = z.object({
  figures: z.object({
    childrenOpen: Figure,
    childrenRegistered: Figure,
    childrenMissingAtLeastOnce: Figure,
    traffickedMissingRate: Figure,
    unaccompaniedMissingRate: Figure,
    missingEpisodes: Figure,
    currentlyMissing: Figure,
    notFoundAfter7Days: Figure,
    medianHoursMissing: Figure,
    soonAfterPlacementRate: Figure,
    returnInterviewsWithin72hRate: Figure,
    returnInterviewsCompletedWithin72hRate: Figure,
    guardianCoverageRate: Figure,
    guardiansActive: Figure,
    medianGuardianCaseload: Figure,
    openAgeDisputes: Figure,
    childrenInUnsafePlacements: Figure,
    nrmReferrals: Figure,
    nrmReasonableGroundsDecisions: Figure,
    medianDaysToReasonableGrounds: Figure,
    turning18Within180Days: Figure,
    turning18WithSecuredSolutionRate: Figure,
    turning18WithoutDurableSolution: Figure,
    exploitationNotRecordedRate: Figure,
    nationalityNotRecordedRate: Figure,
  }),
});

/** BREAKDOWNS: one row per dimension and key. */
export const BreakdownRow = z.object({ dimension: z.string(), key: z.string(), count: Figure });

const Breakdown = BreakdownRow.omit({ dimension: true });

/** MONTHLY: one row per month of the period. */
export const MonthlyRow = z.object({
  month: z.string(),
  childrenRegistered: Figure,
  missingEpisodes: Figure,
  childrenMissing: Figure,
  nrmReferrals: Figure,
});

/** A whole answer as `dashboard_rollup` keeps it (jsonb: its instant as text). */
export const KeptAnswer = HeadlinesRow.shape.figures.extend({
  from: z.string(),
  to: z.string(),
  authorityCodes: z.array(z.string()),
  suppressionThreshold: z.number(),
  generatedAt: z.string(),
  byCategory: z.array(Breakdown),
  byNrmCategory: z.array(Breakdown),
  byExploitationType: z.array(Breakdown),
  byNationality: z.array(Breakdown),
  byGender: z.array(Breakdown),
  byAgeBand: z.array(Breakdown),
  monthly: z.array(MonthlyRow),
});

/** KEPT_ANSWER's one row: the snapshot of now, and one authority's kept answer if it is still current. */
export const KeptAnswerRow = z.object({ snapshot: z.string(), answer: KeptAnswer.nullable() });

/** A partnership's or the UK's rollup. */
export const RollupRow = z.object({ answer: KeptAnswer });
