import { ageOn, AppConfig, IsoDate, Nation } from '@haven/platform';
import { GuardianScheme } from './guardianship.enums';

export type GuardianshipSettings = AppConfig['guardianship'];

/** What the scheme rules need to know about a child. */
export interface ChildFacts {
  nation: Nation;
  categories: readonly string[];
  referredToNrm: boolean;
  effectiveDateOfBirth: IsoDate | null;
  ageDisputed: boolean;
}

const SCHEME_NAMES: Record<GuardianScheme, string> = {
  ICTG_DIRECT: 'the Independent Child Trafficking Guardian service',
  ICTG_REGIONAL_COORDINATOR: 'the Independent Child Trafficking Guardian service',
  SCOTTISH_GUARDIANSHIP: 'the Scottish Guardianship Service',
  NI_INDEPENDENT_GUARDIAN: 'the Northern Ireland Independent Guardian service',
  OTHER_ADVOCATE: 'an advocacy service',
};

const NATIONS: Record<GuardianScheme, readonly Nation[]> = {
  ICTG_DIRECT: [Nation.ENGLAND, Nation.WALES],
  ICTG_REGIONAL_COORDINATOR: [Nation.ENGLAND, Nation.WALES],
  SCOTTISH_GUARDIANSHIP: [Nation.SCOTLAND],
  NI_INDEPENDENT_GUARDIAN: [Nation.NORTHERN_IRELAND],
  OTHER_ADVOCATE: [Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND],
};

const SEPARATED_OR_TRAFFICKED = ['UNACCOMPANIED_ASYLUM_SEEKING', 'SEPARATED', 'TRAFFICKED'];

export function ageLimit(scheme: GuardianScheme, settings: GuardianshipSettings): number {
  switch (scheme) {
    case GuardianScheme.ICTG_DIRECT:
    case GuardianScheme.ICTG_REGIONAL_COORDINATOR:
      return settings.ageLimits.ictg;
    case GuardianScheme.SCOTTISH_GUARDIANSHIP:
      return settings.ageLimits.scotland;
    case GuardianScheme.NI_INDEPENDENT_GUARDIAN:
      return settings.ageLimits.northernIreland;
    case GuardianScheme.OTHER_ADVOCATE:
      return settings.ageLimits.otherAdvocate;
  }
}

/** The guardian schemes a child of this nation is eligible for, as the services define them. */
export function isEligible(scheme: GuardianScheme, child: ChildFacts): boolean {
  switch (scheme) {
    case GuardianScheme.ICTG_DIRECT:
    case GuardianScheme.ICTG_REGIONAL_COORDINATOR:
      // England and Wales: children referred into the NRM as (potentially) trafficked
      return child.referredToNrm;
    case GuardianScheme.SCOTTISH_GUARDIANSHIP:
    case GuardianScheme.NI_INDEPENDENT_GUARDIAN:
      // every unaccompanied or separated child, and every trafficked child
      return (
        child.referredToNrm || child.categories.some((category) => SEPARATED_OR_TRAFFICKED.includes(category))
      );
    case GuardianScheme.OTHER_ADVOCATE:
      return true;
  }
}

/**
 * Why a child may not be assigned a guardian under a scheme on a date, or null if they may. While
 * the child's age is disputed they are treated as a child, so the age limit does not refuse them.
 */
export function assignmentRefusal(
  scheme: GuardianScheme,
  child: ChildFacts,
  on: IsoDate,
  settings: GuardianshipSettings,
): string | null {
  if (!NATIONS[scheme].includes(child.nation)) {
    return `${capitalise(SCHEME_NAMES[scheme])} does not serve children in ${nationName(child.nation)}`;
  }
  if (!isEligible(scheme, child)) {
    return scheme === GuardianScheme.ICTG_DIRECT || scheme === GuardianScheme.ICTG_REGIONAL_COORDINATOR
      ? 'An Independent Child Trafficking Guardian is for children referred into the NRM: record the referral first'
      : `${capitalise(SCHEME_NAMES[scheme])} is for unaccompanied, separated or trafficked children`;
  }
  const limit = ageLimit(scheme, settings);
  if (child.effectiveDateOfBirth && !child.ageDisputed && ageOn(child.effectiveDateOfBirth, on) >= limit) {
    return `${capitalise(SCHEME_NAMES[scheme])} ends at ${limit}; the young person is ${ageOn(child.effectiveDateOfBirth, on)} on ${on}`;
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function nationName(nation: Nation): string {
  return { ENGLAND: 'England', WALES: 'Wales', SCOTLAND: 'Scotland', NORTHERN_IRELAND: 'Northern Ireland' }[
    nation
  ];
}
