import { EligibilityRoute, NATIONAL_SCHEMES, NationalScheme } from './scheme-rules';

/**
 * The schemes' eligibility (scheme-rules.ts) as SQL predicates over a child row, for the readers that
 * work set-based: the NO_GUARDIAN alert rule and the dashboard's guardianship coverage. Written from the
 * same table of schemes as the TypeScript (NATIONAL_SCHEMES), and tested against it over the same cases
 * (test/scheme-rules.sql.e2e-spec.ts). Plain SQL rather than database functions, so that the planner
 * sees through them (a function call per child cost the dashboard a tenth of a second on one large
 * authority).
 */

/** Where a query finds the facts eligibility depends on. */
export interface EligibilityColumns {
  /**
   * The child row's alias: id, categories, parental_responsibility_in_uk, age_disputed and
   * effective_date_of_birth are read from it.
   */
  child: string;
  /** The nation of the child's authority. */
  nation: string;
  /** The date eligibility is judged on, and the schemes' age limits (SQL expressions or parameters). */
  onDate: string;
  ictgAgeLimit: string;
  scotlandAgeLimit: string;
  northernIrelandAgeLimit: string;
  /** Whether the child has been referred into the NRM; by default, any referral of theirs. */
  referred?: string;
}

/**
 * Eligible for the nation's statutory scheme (nationalEligibility in scheme-rules.ts): one of the
 * scheme's routes (a category, or an NRM referral where it counts; some only while no one in the UK
 * holds parental responsibility, not known counting as no one and an unaccompanied child having no
 * one), within the scheme's age limit unless the age is disputed (benefit of the doubt).
 */
export function guardianEligibleSql(columns: EligibilityColumns): string {
  const { child: c, nation } = columns;
  const referred = columns.referred ?? `EXISTS (SELECT 1 FROM nrm_referral r WHERE r.child_id = ${c}.id)`;
  const noOneHoldsResponsibility = `(${c}.parental_responsibility_in_uk IS NOT TRUE
                 OR 'UNACCOMPANIED_ASYLUM_SEEKING' = ANY(${c}.categories))`;
  const route = (candidate: EligibilityRoute) => {
    const ways = [`${c}.categories && ${textArray(candidate.categories)}`];
    if (candidate.referral) ways.push(referred);
    const qualifies = `(${ways.join(' OR ')})`;
    return candidate.onlyWithoutParentalResponsibility
      ? `(${qualifies} AND ${noOneHoldsResponsibility})`
      : qualifies;
  };
  const schemes = NATIONAL_SCHEMES.map(
    (scheme) =>
      `(${nation} IN (${scheme.nations.map((n) => `'${n}'`).join(', ')})
            AND (${scheme.routes.map(route).join(' OR ')}))`,
  );
  const limits: Record<NationalScheme['ageLimit'], string> = {
    ictg: columns.ictgAgeLimit,
    scotland: columns.scotlandAgeLimit,
    northernIreland: columns.northernIrelandAgeLimit,
  };
  const ageLimit = `CASE ${NATIONAL_SCHEMES.map(
    (scheme) =>
      `WHEN ${nation} IN (${scheme.nations.map((n) => `'${n}'`).join(', ')}) THEN ${limits[scheme.ageLimit]}`,
  ).join(' ')} END`;
  return `((${schemes.join('\n          OR ')})
          AND (${c}.age_disputed OR ${c}.effective_date_of_birth IS NULL
               OR haven_birthday(${c}.effective_date_of_birth, ${ageLimit}) > ${columns.onDate}))`;
}

/**
 * When the child became eligible, as an instant (null if never): in England and Wales the earlier of
 * becoming TRAFFICKED (the registration, for a child registered as trafficked) and the first NRM
 * referral; elsewhere the earlier of registration and the first referral. NO_GUARDIAN counts its two
 * days from here.
 */
export function guardianEligibleSinceSql(child: string, nation: string): string {
  const firstReferral = `((SELECT min(r.referred_on) FROM nrm_referral r WHERE r.child_id = ${child}.id)::timestamp
    AT TIME ZONE 'Europe/London')`;
  const traffickedSince = `CASE WHEN 'TRAFFICKED' = ANY(${child}.categories)
    THEN coalesce(${child}.trafficked_since, ${child}.registered_at) END`;
  return `CASE WHEN ${nation} IN ('ENGLAND', 'WALES') THEN least(${traffickedSince}, ${firstReferral})
    ELSE least(${child}.registered_at, ${firstReferral}) END`;
}

/** The assignment `ga` makes a guardian (an advocate of another scheme is not one). */
export function guardianSchemeSql(assignment: string): string {
  return `${assignment}.scheme <> 'OTHER_ADVOCATE'`;
}

/** The child has an active guardian (an advocate of another scheme is not one). */
export function hasGuardianSql(child: string): string {
  return `EXISTS (SELECT 1 FROM active_guardian_assignment ga WHERE ga.child_id = ${child}.id
                    AND ${guardianSchemeSql('ga')})`;
}

function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;
}
