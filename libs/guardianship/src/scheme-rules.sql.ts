/**
 * The schemes' eligibility (scheme-rules.ts) as SQL predicates over a child row, for the readers that
 * work set-based: the NO_GUARDIAN alert rule and the dashboard's guardianship coverage. Plain SQL
 * rather than database functions, so that the planner sees through them (a function call per child
 * cost the dashboard a tenth of a second on one large authority).
 */

/** Where a query finds the facts eligibility depends on. */
export interface EligibilityColumns {
  /** The child row's alias: id, categories, age_disputed, effective_date_of_birth are read from it. */
  child: string;
  /** The nation of the child's authority. */
  nation: string;
  /** The date eligibility is judged on, and the schemes' age limits (SQL expressions or parameters). */
  onDate: string;
  ictgAgeLimit: string;
  scotlandAgeLimit: string;
  northernIrelandAgeLimit: string;
}

/**
 * England and Wales: referred into the NRM; Scotland and Northern Ireland: every unaccompanied,
 * separated or trafficked child, or one referred; within the scheme's age limit unless the age is
 * disputed (benefit of the doubt).
 */
export function guardianEligibleSql(columns: EligibilityColumns): string {
  const { child: c, nation } = columns;
  const referred = `EXISTS (SELECT 1 FROM nrm_referral r WHERE r.child_id = ${c}.id)`;
  const ageLimit = `CASE ${nation} WHEN 'SCOTLAND' THEN ${columns.scotlandAgeLimit}
    WHEN 'NORTHERN_IRELAND' THEN ${columns.northernIrelandAgeLimit} ELSE ${columns.ictgAgeLimit} END`;
  return `((${nation} IN ('ENGLAND', 'WALES') AND ${referred})
            OR (${nation} IN ('SCOTLAND', 'NORTHERN_IRELAND')
                AND (${c}.categories && ARRAY['UNACCOMPANIED_ASYLUM_SEEKING', 'SEPARATED', 'TRAFFICKED'] OR ${referred})))
          AND (${c}.age_disputed OR ${c}.effective_date_of_birth IS NULL
               OR (${c}.effective_date_of_birth + make_interval(years => ${ageLimit}))::date > ${columns.onDate})`;
}

/** The child has an active guardian (an advocate of another scheme is not one). */
export function hasGuardianSql(child: string): string {
  return `EXISTS (SELECT 1 FROM guardian_assignment ga WHERE ga.child_id = ${child}.id AND ga.end_date IS NULL
                    AND ga.scheme <> 'OTHER_ADVOCATE')`;
}
