import type {
  AgeAssessmentOutcome,
  ChildCategory,
  ChildStatus,
  DurableSolutionOption,
  ExploitationType,
  Gender,
  GuardianScheme,
  ImmigrationStatus,
  LegalStatus,
  NrmCompetentAuthority,
  PlacementType,
} from '../../graphql/generated';

/**
 * Plain words for the codes practitioners read on these pages (the rest read well through the
 * `humanise` filter). Each is a complete record of its enum, so a new value fails the type check.
 */
export const CATEGORY: Record<ChildCategory, string> = {
  UNACCOMPANIED_ASYLUM_SEEKING: 'Unaccompanied asylum-seeking child',
  SEPARATED: 'Separated child',
  TRAFFICKED: 'Trafficked',
  AT_RISK_OF_EXPLOITATION: 'At risk of exploitation',
};

export const EXPLOITATION: Record<ExploitationType, string> = {
  SEXUAL: 'Sexual exploitation',
  LABOUR: 'Labour exploitation',
  DOMESTIC_SERVITUDE: 'Domestic servitude',
  CRIMINAL_COUNTY_LINES: 'Criminal exploitation: county lines',
  CRIMINAL_CANNABIS_CULTIVATION: 'Criminal exploitation: cannabis cultivation',
  CRIMINAL_BEGGING: 'Criminal exploitation: forced begging',
  CRIMINAL_THEFT: 'Criminal exploitation: theft',
  BENEFIT_FRAUD: 'Benefit fraud',
  ORGAN_REMOVAL: 'Organ removal',
  UNKNOWN: 'Type not known',
};

export const CHILD_STATUS: Record<ChildStatus, string> = {
  OPEN: 'Open case',
  CLOSED: 'Closed case',
};

export const IMMIGRATION_STATUS: Record<ImmigrationStatus, string> = {
  ASYLUM_CLAIM_PENDING: 'Asylum claim pending',
  BRITISH_OR_SETTLED: 'British or settled',
  DISCRETIONARY_LEAVE: 'Discretionary leave',
  EEA_NATIONAL: 'EEA national',
  HUMANITARIAN_PROTECTION: 'Humanitarian protection',
  NO_LEAVE: 'No leave to remain',
  REFUGEE_STATUS: 'Refugee status',
  REFUSED_APPEAL_PENDING: 'Refused, appeal pending',
  UASC_LEAVE: 'UASC leave',
  UNKNOWN: 'Not known',
};

export const LEGAL_STATUS: Record<LegalStatus, string> = {
  CARE_ORDER: 'Care order',
  INTERIM_CARE_ORDER: 'Interim care order',
  S20_ACCOMMODATED: 'Accommodated under section 20',
  POLICE_PROTECTION: 'Police protection',
  CHILD_IN_NEED: 'Child in need',
  CARE_LEAVER: 'Care leaver',
  OTHER: 'Other',
};

export const GUARDIAN_SCHEME: Record<GuardianScheme, string> = {
  ICTG_DIRECT: 'Independent Child Trafficking Guardian (direct work)',
  ICTG_REGIONAL_COORDINATOR: 'Independent Child Trafficking Guardian (regional practice coordinator)',
  SCOTTISH_GUARDIANSHIP: 'Scottish Guardianship Service',
  NI_INDEPENDENT_GUARDIAN: 'Independent Guardian (Northern Ireland)',
  OTHER_ADVOCATE: 'Another advocate',
};

export const PLACEMENT_TYPE: Record<PlacementType, string> = {
  ADULT_ASYLUM_ACCOMMODATION: 'Adult asylum accommodation',
  BED_AND_BREAKFAST: 'Bed and breakfast',
  CUSTODY: 'Custody',
  FOSTER_CARE: 'Foster care',
  HOSPITAL: 'Hospital',
  IMMIGRATION_DETENTION: 'Immigration detention',
  INDEPENDENT_LIVING: 'Independent living',
  KINSHIP_CARE: 'Kinship care',
  OTHER: 'Other',
  RESIDENTIAL_CHILDRENS_HOME: 'Residential children’s home',
  SECURE_CHILDRENS_HOME: 'Secure children’s home',
  SPECIALIST_FOSTER_CARE: 'Specialist foster care',
  SPECIALIST_SAFE_ACCOMMODATION: 'Specialist safe accommodation',
  SUPPORTED_ACCOMMODATION: 'Supported accommodation',
};

export const AGE_OUTCOME: Record<AgeAssessmentOutcome, string> = {
  CLAIMED_AGE_ACCEPTED: 'Claimed age accepted',
  ASSESSED_YOUNGER: 'Assessed as younger than claimed',
  ASSESSED_OLDER_STILL_CHILD: 'Assessed as older, still a child',
  ASSESSED_ADULT: 'Assessed as an adult',
};

export const COMPETENT_AUTHORITY: Record<NrmCompetentAuthority, string> = {
  SINGLE_COMPETENT_AUTHORITY: 'Single Competent Authority',
  IMMIGRATION_ENFORCEMENT: 'Immigration Enforcement Competent Authority',
  DEVOLVED_CHILD_PANEL: 'Devolved child panel',
};

export const DURABLE_SOLUTION: Record<DurableSolutionOption, string> = {
  INTEGRATION_IN_UK: 'Integration in the UK',
  FAMILY_REUNIFICATION_IN_UK: 'Family reunification in the UK',
  FAMILY_REUNIFICATION_ABROAD: 'Family reunification abroad',
  RESETTLEMENT_THIRD_COUNTRY: 'Resettlement in a third country',
  RETURN_TO_COUNTRY_OF_ORIGIN: 'Return to the country of origin',
};

/** The labels a case file's template reads, by kind. */
export const LABELS = {
  category: CATEGORY,
  exploitation: EXPLOITATION,
  childStatus: CHILD_STATUS,
  immigrationStatus: IMMIGRATION_STATUS,
  legalStatus: LEGAL_STATUS,
  guardianScheme: GUARDIAN_SCHEME,
  placementType: PLACEMENT_TYPE,
  ageOutcome: AGE_OUTCOME,
  competentAuthority: COMPETENT_AUTHORITY,
  durableSolution: DURABLE_SOLUTION,
};

/** Options for a select of an enum's values, in the order given, after an "any" option. */
export function optionsOf(
  labels: Record<string, string>,
  anyText: string,
): { value: string; text: string }[] {
  return [{ value: '', text: anyText }, ...Object.entries(labels).map(([value, text]) => ({ value, text }))];
}

/** The dashboard's breakdowns: a key for the rest, and one for children with nothing recorded. */
export const NOT_RECORDED = 'Not recorded';

export const GENDER: Record<Gender, string> = {
  FEMALE: 'Female',
  MALE: 'Male',
  OTHER: 'Other',
  NOT_KNOWN: 'Not known',
};

/** The NRM statistics' exploitation categories (criminal exploitation is filed under labour). */
export const NRM_CATEGORY: Record<string, string> = {
  SEXUAL: 'Sexual exploitation',
  LABOUR: 'Labour exploitation, criminal exploitation included',
  DOMESTIC_SERVITUDE: 'Domestic servitude',
  ORGAN_REMOVAL: 'Organ removal',
};

/** The dashboard's age bands, in age order (by the effective date of birth). */
export const AGE_BAND: Record<string, string> = {
  UNDER_14: 'Under 14',
  '14_15': '14 or 15',
  '16_17': '16 or 17',
  '18_AND_OVER': '18 or over',
};
