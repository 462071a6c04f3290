import type {
  Agency,
  AgeAssessmentOutcome,
  AuditAction,
  CaseClosureReason,
  AgeAssessmentSafeguardsInput,
  AgeAssessmentStatus,
  ChildCategory,
  ChildStatus,
  ContactMode,
  DurableSolutionOption,
  DurableSolutionStatus,
  ExploitationType,
  GuardianEndReason,
  Gender,
  GuardianScheme,
  ImmigrationStatus,
  LegalStatus,
  MeetingStatus,
  MeetingType,
  NrmCompetentAuthority,
  NrmDecision,
  NrmStage,
  PlacementEndReason,
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

export const GUARDIAN_END_REASON: Record<GuardianEndReason, string> = {
  GUARDIAN_CHANGED: 'Another guardian takes over',
  MOVED_OUT_OF_AREA: 'The child moved out of the area',
  NO_LONGER_ELIGIBLE: 'The child is no longer eligible',
  AGE_LIMIT_REACHED: 'The child reached the age limit',
  OTHER: 'Another reason',
};

/** How a guardian was in contact with a child, most usual first. */
export const CONTACT_MODE: Record<ContactMode, string> = {
  IN_PERSON: 'In person',
  PHONE: 'Phone call',
  VIDEO: 'Video call',
  MESSAGE: 'Message',
};

/** In the order the start-a-placement form offers them: the usual first, the unsafe ones last. */
export const PLACEMENT_TYPE: Record<PlacementType, string> = {
  FOSTER_CARE: 'Foster care',
  SPECIALIST_FOSTER_CARE: 'Specialist foster care',
  KINSHIP_CARE: 'Kinship care',
  RESIDENTIAL_CHILDRENS_HOME: 'Residential children’s home',
  SECURE_CHILDRENS_HOME: 'Secure children’s home',
  SUPPORTED_ACCOMMODATION: 'Supported accommodation',
  SPECIALIST_SAFE_ACCOMMODATION: 'Specialist safe accommodation',
  INDEPENDENT_LIVING: 'Independent living',
  HOSPITAL: 'Hospital',
  CUSTODY: 'Custody',
  OTHER: 'Other',
  BED_AND_BREAKFAST: 'Bed and breakfast',
  ADULT_ASYLUM_ACCOMMODATION: 'Adult asylum accommodation',
  IMMIGRATION_DETENTION: 'Immigration detention',
};

export const AGE_OUTCOME: Record<AgeAssessmentOutcome, string> = {
  CLAIMED_AGE_ACCEPTED: 'Claimed age accepted',
  ASSESSED_YOUNGER: 'Assessed as younger than claimed',
  ASSESSED_OLDER_STILL_CHILD: 'Assessed as older, still a child',
  ASSESSED_ADULT: 'Assessed as an adult',
};

export const AGE_STATUS: Record<AgeAssessmentStatus, string> = {
  RAISED: 'Raised',
  IN_PROGRESS: 'Assessment in progress',
  COMPLETED: 'Completed',
  CHALLENGED: 'Challenged (judicial review)',
  FINAL: 'Final',
};

/** The agencies that refer, assess, dispute an age, attend meetings and own actions. */
export const AGENCY: Record<Agency, string> = {
  CHILDRENS_SERVICES: 'Children’s services',
  HOME_OFFICE: 'Home Office',
  BORDER_FORCE: 'Border Force',
  POLICE: 'Police',
  HEALTH: 'Health',
  EDUCATION: 'Education',
  GUARDIANSHIP_SERVICE: 'Guardianship service',
  YOUTH_JUSTICE: 'Youth justice',
  NGO: 'Charity or voluntary organisation',
  OTHER: 'Another agency',
};

/**
 * The safeguards of a lawful (Merton-compliant) age assessment, in the order an assessor checks
 * them; an interpreter is needed only where the child needs one (domain.md).
 */
export const SAFEGUARDS: Record<keyof Required<AgeAssessmentSafeguardsInput>, string> = {
  twoAssessors: 'Two trained assessing social workers carried it out',
  appropriateAdult: 'An appropriate adult was present',
  interpreterUsed: 'An interpreter was used',
  adversePointsPut: 'The adverse points were put to the young person, with a chance to answer',
  writtenReasons: 'The reasons were given in writing',
};

export const PLACEMENT_END_REASON: Record<PlacementEndReason, string> = {
  PLANNED_MOVE: 'Planned move',
  PLACEMENT_BREAKDOWN: 'The placement broke down',
  CHILD_WENT_MISSING: 'The child went missing',
  RETURNED_TO_FAMILY: 'Returned to family',
  TURNED_18: 'Turned 18',
  AGE_ASSESSED_ADULT: 'Assessed as an adult',
  OTHER: 'Another reason',
};

/**
 * The placement types unsafe for a child or a person whose age is disputed (domain.md; the API marks
 * such placements `unsafe`), and why, as the warning before one is saved says it.
 */
export const UNSAFE_PLACEMENT_REASON: Partial<Record<PlacementType, string>> = {
  BED_AND_BREAKFAST:
    'Bed and breakfast gives no care or supervision: children placed in it go missing and are found by those who exploit them.',
  ADULT_ASYLUM_ACCOMMODATION:
    'Adult asylum accommodation houses the child with adults they do not know, with no care or supervision.',
  IMMIGRATION_DETENTION: 'A child must not be held in immigration detention.',
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

/** Why a case closed (domain.md), in the words the closing form and the case file use. */
export const CLOSURE_REASON: Record<CaseClosureReason, string> = {
  TURNED_18_TO_LEAVING_CARE: 'Turned 18, leaving care',
  RETURNED_TO_FAMILY: 'Returned to family',
  TRANSFERRED: 'Transferred to another authority',
  AGE_ASSESSED_ADULT: 'Age assessed as an adult',
  DIED: 'Died',
  OTHER: 'Another reason',
};

/** What an audit event did, as a sentence's verb: "Read the child's record". */
export const AUDIT_ACTION: Record<AuditAction, string> = {
  READ: 'Read',
  CREATE: 'Added',
  UPDATE: 'Changed',
  EXPORT: 'Exported',
  DELETE: 'Deleted',
};

/** The records the API audits (its `entity` names), in plain words; an unknown one is humanised. */
export const AUDIT_ENTITY: Record<string, string> = {
  Child: 'the child’s record',
  ChildRecord: 'everything held on the child (subject access)',
  AuditTrail: 'the audit trail',
  AgeAssessment: 'an age assessment',
  NrmReferral: 'an NRM referral',
  GuardianAssignment: 'a guardian assignment',
  GuardianContact: 'a guardian’s contact',
  Placement: 'a placement',
  MissingEpisode: 'a missing episode',
  MissingPersonProfile: 'the missing person profile (grab pack)',
  DurableSolution: 'a durable solution',
  Alert: 'an alert',
  Meeting: 'a meeting',
  Ssda903Return: 'the SSDA903 return',
};

/** The sections of a subject-access export (the API's names), in plain words. */
export const RECORD_SECTION: Record<string, string> = {
  child: 'Identity, date of birth, immigration and case details',
  nrmReferrals: 'National Referral Mechanism referrals',
  nrmDecisions: 'National Referral Mechanism decisions',
  guardianAssignments: 'Guardians assigned',
  guardianContacts: 'Guardians’ contacts with the child',
  ageAssessments: 'Age assessments',
  placements: 'Placements, with addresses',
  missingEpisodes: 'Missing episodes, returns and return interviews',
  missingPersonProfile: 'The missing person profile (grab pack)',
  durableSolutions: 'Durable-solution plans',
  alerts: 'Alerts',
  meetings: 'Meetings that discussed the child',
  meetingActions: 'Actions agreed at meetings',
  turnedEighteenWithoutSolution: 'Turning 18 without a durable solution',
  auditTrail: 'The audit trail: who read, changed or exported the record, and when',
};

export const DURABLE_SOLUTION_STATUS: Record<DurableSolutionStatus, string> = {
  IDENTIFIED: 'Identified',
  IN_PROGRESS: 'In progress',
  SECURED: 'Secured',
  ABANDONED: 'Abandoned',
};

export const NRM_DECISION: Record<NrmDecision, string> = {
  PENDING: 'Waiting for a decision',
  POSITIVE: 'Positive',
  NEGATIVE: 'Negative',
  SUSPENDED: 'Suspended',
  WITHDRAWN: 'Withdrawn',
};

export const NRM_STAGE: Record<NrmStage, string> = {
  REASONABLE_GROUNDS: 'Reasonable grounds',
  CONCLUSIVE_GROUNDS: 'Conclusive grounds',
};

export const MEETING_TYPE: Record<MeetingType, string> = {
  MISSING_REVIEW: 'Missing review',
  STRATEGY_DISCUSSION: 'Strategy discussion (section 47)',
  CHILD_EXPLOITATION: 'Child exploitation meeting (MACE)',
  LOOKED_AFTER_REVIEW: 'Looked-after review',
  BEST_INTERESTS: 'Best interests meeting',
  LSCB_SUBGROUP: 'Safeguarding partnership subgroup',
  OTHER: 'Other meeting',
};

export const MEETING_STATUS: Record<MeetingStatus, string> = {
  SCHEDULED: 'Scheduled',
  HELD: 'Held',
  CANCELLED: 'Cancelled',
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
  ageStatus: AGE_STATUS,
  agency: AGENCY,
  placementEndReason: PLACEMENT_END_REASON,
  competentAuthority: COMPETENT_AUTHORITY,
  durableSolution: DURABLE_SOLUTION,
  closureReason: CLOSURE_REASON,
  auditAction: AUDIT_ACTION,
  auditEntity: AUDIT_ENTITY,
  durableSolutionStatus: DURABLE_SOLUTION_STATUS,
  nrmDecision: NRM_DECISION,
  nrmStage: NRM_STAGE,
  meetingType: MEETING_TYPE,
  meetingStatus: MEETING_STATUS,
};

/** The items of a select, radios or checkboxes for an enum's values, in the order given. */
export function itemsOf(labels: Record<string, string>): { value: string; text: string }[] {
  return Object.entries(labels).map(([value, text]) => ({ value, text }));
}

/** Options for a select of an enum's values, in the order given, after an "any" option. */
export function optionsOf(
  labels: Record<string, string>,
  anyText: string,
): { value: string; text: string }[] {
  return [{ value: '', text: anyText }, ...itemsOf(labels)];
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
