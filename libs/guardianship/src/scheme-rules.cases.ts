import { ChildCategory } from '@haven/children';
import { addDays, addYears, IsoDate, Nation } from '@haven/platform';
import { ChildFacts, GuardianshipSettings, nationalScheme } from './scheme-rules';

const { TRAFFICKED, UNACCOMPANIED_ASYLUM_SEEKING, SEPARATED, AT_RISK_OF_EXPLOITATION } = ChildCategory;

/** Categories alone, none, and the combinations records hold most. */
const CATEGORY_SETS: readonly ChildCategory[][] = [
  [],
  [TRAFFICKED],
  [UNACCOMPANIED_ASYLUM_SEEKING],
  [SEPARATED],
  [AT_RISK_OF_EXPLOITATION],
  [TRAFFICKED, UNACCOMPANIED_ASYLUM_SEEKING],
  [AT_RISK_OF_EXPLOITATION, SEPARATED],
];

/** Ages around the nation's limit: the day before the birthday, the day of it, disputed past it, unknown. */
function agesAround(limit: number, on: IsoDate) {
  const birthdayToday = addYears(on, -limit);
  return [
    {
      label: 'the day before the birthday',
      effectiveDateOfBirth: addDays(birthdayToday, 1),
      ageDisputed: false,
    },
    { label: 'the birthday', effectiveDateOfBirth: birthdayToday, ageDisputed: false },
    {
      label: 'disputed, past the limit',
      effectiveDateOfBirth: addDays(birthdayToday, -400),
      ageDisputed: true,
    },
    { label: 'no date of birth', effectiveDateOfBirth: null, ageDisputed: false },
  ];
}

export interface EligibilityCase {
  label: string;
  facts: ChildFacts;
}

/**
 * Every nation x category set x parental responsibility (true, false, not known) x referral x age
 * around the nation's limit: the table the TypeScript and SQL forms of the rule are both run over.
 */
export function eligibilityCases(on: IsoDate, settings: GuardianshipSettings): EligibilityCase[] {
  const cases: EligibilityCase[] = [];
  for (const nation of Object.values(Nation)) {
    const limit = settings.ageLimits[nationalScheme(nation).ageLimit];
    for (const categories of CATEGORY_SETS)
      for (const parentalResponsibilityInUk of [true, false, null])
        for (const referredToNrm of [false, true])
          for (const age of agesAround(limit, on)) {
            cases.push({
              label: `${nation} [${categories.join(',')}] PR=${parentalResponsibilityInUk} referred=${referredToNrm} ${age.label}`,
              facts: {
                nation,
                categories,
                parentalResponsibilityInUk,
                referredToNrm,
                effectiveDateOfBirth: age.effectiveDateOfBirth,
                ageDisputed: age.ageDisputed,
              },
            });
          }
  }
  return cases;
}
