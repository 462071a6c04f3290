import { ChildCategory } from '@haven/children';
import { ageOn, AppConfig, birthday, IsoDate, Nation } from '@haven/platform';
import { z } from 'zod';
import { GuardianScheme } from './guardianship.enums';

export type GuardianshipSettings = AppConfig['guardianship'];

/** What the scheme rules need to know about a child. */
export interface ChildFacts {
  nation: Nation;
  categories: readonly string[];
  referredToNrm: boolean;
  /** Whether anyone in the UK holds parental responsibility; null while not known. */
  parentalResponsibilityInUk: boolean | null;
  effectiveDateOfBirth: IsoDate | null;
  ageDisputed: boolean;
}

/** One way into a nation's scheme: any of these categories (or an NRM referral, where it counts). */
export interface EligibilityRoute {
  readonly categories: readonly ChildCategory[];
  readonly referral: boolean;
  /** Only while no one in the UK holds parental responsibility (not known counts as no one). */
  readonly onlyWithoutParentalResponsibility: boolean;
  /** The child "…", in plain words, when this route makes them eligible. */
  readonly because: string;
}

/** A nation's statutory guardian scheme, as data: the TypeScript and the SQL forms both read it. */
export interface NationalScheme {
  readonly nations: readonly Nation[];
  readonly schemes: readonly GuardianScheme[];
  readonly name: string;
  readonly ageLimit: 'ictg' | 'scotland' | 'northernIreland';
  readonly routes: readonly EligibilityRoute[];
  /** Who the scheme is for, in plain words, for a child it does not serve. */
  readonly isFor: string;
}

const { TRAFFICKED, UNACCOMPANIED_ASYLUM_SEEKING, SEPARATED, AT_RISK_OF_EXPLOITATION } = ChildCategory;

/**
 * domain.md "Guardian assignment" (statute, corrected 2026-12). England and Wales: an ICTG for every
 * child who is, or is suspected of being, trafficked (Modern Slavery Act 2015 s48; Home Office interim
 * ICTG guidance 2024), the category or an NRM referral, whichever comes first. Scotland: Guardianship
 * Scotland (Human Trafficking and Exploitation (Scotland) Act 2015 s11). Northern Ireland: Independent
 * Guardians (Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (NI) 2015 s21).
 */
export const NATIONAL_SCHEMES: readonly NationalScheme[] = [
  {
    nations: [Nation.ENGLAND, Nation.WALES],
    schemes: [GuardianScheme.ICTG_DIRECT, GuardianScheme.ICTG_REGIONAL_COORDINATOR],
    name: 'the Independent Child Trafficking Guardian service',
    ageLimit: 'ictg',
    routes: [
      {
        categories: [TRAFFICKED],
        referral: true,
        onlyWithoutParentalResponsibility: false,
        because: 'is, or is suspected of being, trafficked',
      },
    ],
    isFor:
      'a child who is, or is suspected of being, trafficked: record the TRAFFICKED category or an NRM referral (the referral is not needed first)',
  },
  {
    nations: [Nation.SCOTLAND],
    schemes: [GuardianScheme.SCOTTISH_GUARDIANSHIP],
    name: 'Guardianship Scotland',
    ageLimit: 'scotland',
    routes: [
      {
        categories: [TRAFFICKED, AT_RISK_OF_EXPLOITATION, UNACCOMPANIED_ASYLUM_SEEKING, SEPARATED],
        referral: true,
        onlyWithoutParentalResponsibility: true,
        because: 'is a victim, possible victim or at risk of trafficking, or is unaccompanied or separated',
      },
    ],
    isFor:
      'a child who is a victim, possible victim or at risk of trafficking, or unaccompanied or separated, when no one in the UK holds parental rights and responsibilities',
  },
  {
    nations: [Nation.NORTHERN_IRELAND],
    schemes: [GuardianScheme.NI_INDEPENDENT_GUARDIAN],
    name: 'the Northern Ireland Independent Guardian service',
    ageLimit: 'northernIreland',
    routes: [
      {
        categories: [SEPARATED, UNACCOMPANIED_ASYLUM_SEEKING],
        referral: false,
        onlyWithoutParentalResponsibility: false,
        because: 'is separated',
      },
      {
        categories: [TRAFFICKED],
        referral: true,
        onlyWithoutParentalResponsibility: true,
        because: 'has been, or is about to be, referred into the NRM',
      },
    ],
    isFor:
      'a separated child, or a child referred (or about to be referred) into the NRM when no one can exercise parental responsibility',
  },
];

const OTHER_ADVOCATE_NAME = 'an advocacy service';

export function nationalScheme(nation: Nation): NationalScheme {
  return NATIONAL_SCHEMES.find((scheme) => scheme.nations.includes(nation))!;
}

/** The schemes a child of this nation may be assigned under, the statutory ones first. */
export function schemesServing(nation: Nation): GuardianScheme[] {
  return [...nationalScheme(nation).schemes, GuardianScheme.OTHER_ADVOCATE];
}

export function ageLimit(scheme: GuardianScheme, settings: GuardianshipSettings): number {
  if (scheme === GuardianScheme.OTHER_ADVOCATE) return settings.ageLimits.otherAdvocate;
  const national = NATIONAL_SCHEMES.find((candidate) => candidate.schemes.includes(scheme))!;
  return settings.ageLimits[national.ageLimit];
}

/**
 * Whether no one in the UK holds parental responsibility, as the schemes read it: not known counts as
 * no one (the safer reading), and an unaccompanied child has no one by definition.
 */
export function noOneHoldsParentalResponsibility(child: ChildFacts): boolean {
  return child.parentalResponsibilityInUk !== true || child.categories.includes(UNACCOMPANIED_ASYLUM_SEEKING);
}

/** A scheme's answer for one child on one date, in words a practitioner choosing a guardian can use. */
export interface SchemeEligibilityResult {
  scheme: GuardianScheme;
  eligible: boolean;
  reason: string;
  ageLimit: number;
  /** The day the scheme's age limit is reached, on the effective date of birth; null if not known or disputed. */
  endsOn: IsoDate | null;
}

/**
 * Eligibility for the nation's statutory scheme, whichever of its models: the rule the NO_GUARDIAN alert,
 * the dashboard's coverage and the seeds apply. guardianEligibleSql (scheme-rules.sql.ts) is the same
 * rule in SQL; scheme-rules.sql.e2e-spec runs both over the same cases.
 */
export function nationalEligibility(
  child: ChildFacts,
  on: IsoDate,
  settings: GuardianshipSettings,
): { eligible: boolean; reason: string } {
  const national = nationalScheme(child.nation);
  const limit = settings.ageLimits[national.ageLimit];
  const refusedByAge = ageRefusal(national.name, limit, child, on);
  if (refusedByAge) return { eligible: false, reason: refusedByAge };
  const qualifying = national.routes.filter(
    (route) =>
      route.categories.some((category) => child.categories.includes(category)) ||
      (route.referral && child.referredToNrm),
  );
  const route = qualifying.find(
    (candidate) => !candidate.onlyWithoutParentalResponsibility || noOneHoldsParentalResponsibility(child),
  );
  if (route) {
    const details = [`the child ${route.because}`];
    if (route.onlyWithoutParentalResponsibility) details.push(parentalResponsibilityInWords(child));
    if (child.ageDisputed) details.push('their age is disputed, so they are treated as a child');
    return { eligible: true, reason: `Eligible for ${national.name}: ${details.join('; ')}` };
  }
  if (qualifying.length > 0) {
    return {
      eligible: false,
      reason: `${capitalise(national.name)} is for ${national.isFor}; someone in the UK holds parental responsibility for this child`,
    };
  }
  return { eligible: false, reason: `${capitalise(national.name)} is for ${national.isFor}` };
}

/** Whether a child may be assigned a guardian under a scheme on a date, and why (or why not). */
export function schemeEligibility(
  scheme: GuardianScheme,
  child: ChildFacts,
  on: IsoDate,
  settings: GuardianshipSettings,
): SchemeEligibilityResult {
  const limit = ageLimit(scheme, settings);
  const endsOn =
    child.effectiveDateOfBirth && !child.ageDisputed ? birthday(child.effectiveDateOfBirth, limit) : null;
  const answer = (eligible: boolean, reason: string) => ({
    scheme,
    eligible,
    reason,
    ageLimit: limit,
    endsOn,
  });
  if (scheme === GuardianScheme.OTHER_ADVOCATE) {
    const refusedByAge = ageRefusal(OTHER_ADVOCATE_NAME, limit, child, on);
    return refusedByAge
      ? answer(false, refusedByAge)
      : answer(true, 'An advocate may support any child the authority looks after');
  }
  if (!schemesServing(child.nation).includes(scheme)) {
    const national = NATIONAL_SCHEMES.find((candidate) => candidate.schemes.includes(scheme))!;
    return answer(
      false,
      `${capitalise(national.name)} does not serve children in ${nationName(child.nation)}`,
    );
  }
  const national = nationalEligibility(child, on, settings);
  if (!national.eligible) return answer(false, national.reason);
  const model = ictgModelRefusal(scheme, child);
  return model ? answer(false, model) : answer(true, national.reason + ictgModelNote(scheme, child));
}

/** Why a child may not be assigned a guardian under a scheme on a date, or null if they may. */
export function assignmentRefusal(
  scheme: GuardianScheme,
  child: ChildFacts,
  on: IsoDate,
  settings: GuardianshipSettings,
): string | null {
  const result = schemeEligibility(scheme, child, on, settings);
  return result.eligible ? null : result.reason;
}

/** A scheme's age limit holds at the birthday, unless the age is disputed (benefit of the doubt). */
function ageRefusal(name: string, limit: number, child: ChildFacts, on: IsoDate): string | null {
  if (!child.effectiveDateOfBirth || child.ageDisputed) return null;
  const age = ageOn(child.effectiveDateOfBirth, on);
  return age >= limit ? `${capitalise(name)} ends at ${limit}; the young person is ${age} on ${on}` : null;
}

/**
 * England and Wales: the one-to-one ICTG where no one in the UK holds parental responsibility, the
 * regional practice co-ordinator where someone does, either while that is not known.
 */
function ictgModelRefusal(scheme: GuardianScheme, child: ChildFacts): string | null {
  const unaccompanied = child.categories.includes(UNACCOMPANIED_ASYLUM_SEEKING);
  if (scheme === GuardianScheme.ICTG_DIRECT && !noOneHoldsParentalResponsibility(child)) {
    return 'Someone in the UK holds parental responsibility for this child: the ICTG regional practice co-ordinator (ICTG_REGIONAL_COORDINATOR) works with them, not a one-to-one ICTG';
  }
  if (
    scheme === GuardianScheme.ICTG_REGIONAL_COORDINATOR &&
    (unaccompanied || child.parentalResponsibilityInUk === false)
  ) {
    return `${unaccompanied ? 'An unaccompanied child has no one in the UK with parental responsibility' : 'No one in the UK holds parental responsibility for this child'}: a one-to-one ICTG (ICTG_DIRECT) supports them, not the regional practice co-ordinator`;
  }
  return null;
}

function ictgModelNote(scheme: GuardianScheme, child: ChildFacts): string {
  if (scheme !== GuardianScheme.ICTG_DIRECT && scheme !== GuardianScheme.ICTG_REGIONAL_COORDINATOR) return '';
  if (child.categories.includes(UNACCOMPANIED_ASYLUM_SEEKING) || child.parentalResponsibilityInUk === false) {
    return '; no one in the UK holds parental responsibility, so the ICTG works one-to-one';
  }
  if (child.parentalResponsibilityInUk === true) {
    return '; someone in the UK holds parental responsibility, so the regional practice co-ordinator works with them';
  }
  return '; whether anyone in the UK holds parental responsibility is not known, so either ICTG model may be chosen';
}

function parentalResponsibilityInWords(child: ChildFacts): string {
  if (child.categories.includes(UNACCOMPANIED_ASYLUM_SEEKING)) {
    return 'an unaccompanied child has no one in the UK with parental responsibility';
  }
  return child.parentalResponsibilityInUk === false
    ? 'no one in the UK holds parental responsibility'
    : 'whether anyone in the UK holds parental responsibility is not known, so the child is treated as if no one did';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function nationName(nation: Nation): string {
  return { ENGLAND: 'England', WALES: 'Wales', SCOTLAND: 'Scotland', NORTHERN_IRELAND: 'Northern Ireland' }[
    nation
  ];
}

/** The facts the scheme rules read, as a row of SQL names them (see FACTS_COLUMNS in guardianship.service.ts). */
/** The columns the rules read of a child (FACTS_COLUMNS in the service). */
export const ChildFactsRow = z.object({
  nation: z.enum(Nation),
  categories: z.array(z.string()),
  parental_responsibility_in_uk: z.boolean().nullable(),
  effective_date_of_birth: z.string().nullable(),
  age_disputed: z.boolean(),
  referred: z.boolean(),
});
export type ChildFactsRow = z.infer<typeof ChildFactsRow>;

export function toFacts(row: ChildFactsRow): ChildFacts {
  return {
    nation: row.nation,
    categories: row.categories,
    referredToNrm: row.referred,
    parentalResponsibilityInUk: row.parental_responsibility_in_uk,
    effectiveDateOfBirth: row.effective_date_of_birth,
    ageDisputed: row.age_disputed,
  };
}
