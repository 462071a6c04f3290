/**
 * Which capability owns each table the migrations create, and which views and functions it publishes
 * for the others (issue 18, item 2). A library's SQL may name its own tables and any capability's
 * published views and functions; naming another capability's table is a boundary crossing, allowed only
 * where `SQL_CROSSINGS` below says why. `test/sql-boundaries.e2e-spec.ts` reads the migrated database and
 * the libraries' sources and fails on anything not accounted for here.
 */
export interface Ownership {
  /** Tables only this capability's library names in SQL. */
  readonly tables: readonly string[];
  /** Views and functions any library may use: the capability's rules, defined once. */
  readonly published: readonly string[];
  /** Trigger functions and helpers of the capability's own tables, named by nobody else. */
  readonly internal?: readonly string[];
}

export const OWNERSHIP = {
  platform: {
    tables: ['audit_event', 'organisation', 'practitioner', 'haven_service_credential'],
    published: ['haven_normalise', 'haven_birthday'],
    internal: ['audit_event_is_append_only'],
  },
  children: {
    tables: ['child', 'nrm_referral', 'nrm_decision'],
    published: ['haven_child_search_text', 'haven_retain_until', 'haven_nrm_categories'],
    internal: ['child_trafficked_since'],
  },
  guardianship: {
    tables: ['guardian_assignment', 'guardian_contact'],
    published: ['haven_guardian_children', 'active_guardian_assignment'],
  },
  'age-assessment': {
    tables: ['age_assessment'],
    published: [
      'open_age_assessment',
      'haven_assessed_date_of_birth',
      'haven_age_decision',
      'haven_age_disputed',
      'haven_treated_as_child',
    ],
    internal: ['age_assessment_updates_child', 'child_effective_date_of_birth'],
  },
  placements: { tables: ['placement'], published: ['current_placement'] },
  missing: {
    tables: ['missing_episode', 'missing_person_profile'],
    published: [
      'haven_missing_review_since',
      'haven_missing_review_agenda',
      'open_missing_episode',
      'haven_return_interview_due_by',
      'haven_soon_after_placement',
    ],
  },
  'durable-solutions': { tables: ['durable_solution'], published: ['haven_has_secured_solution'] },
  meetings: {
    tables: ['meeting', 'meeting_action', 'meeting_attendee', 'meeting_child'],
    published: [],
    internal: ['meeting_child_not_in_subgroup'],
  },
  alerts: {
    tables: ['alert', 'notification_outbox', 'turned_18_without_solution'],
    published: ['child_turned_18_without_solution'],
  },
  statistics: {
    tables: ['dashboard_rollup', 'dashboard_change'],
    published: ['haven_figure', 'haven_rate', 'haven_measure'],
    // triggers on the tables one authority's dashboard reads (migration 020)
    internal: ['haven_dashboard_changed', 'haven_dashboard_truncated', 'haven_dashboard_forget'],
  },
  web: { tables: ['web_session'], published: [] },
} satisfies Record<string, Ownership>;

export type Capability = keyof typeof OWNERSHIP;

/** A library's SQL naming a table another capability owns, reviewed and kept on purpose. */
export interface SqlCrossing {
  readonly library: Capability;
  readonly table: string;
  readonly reason: string;
}

const IDENTITY =
  "the platform's identity tables name the people and organisations every capability's rows refer to; " +
  'they are read, never written, outside the platform';

/**
 * The reviewed exceptions. The test fails on a crossing missing from this list, and on an entry here that
 * no longer crosses, so the list only shrinks as capabilities publish what the others need.
 */
export const SQL_CROSSINGS: readonly SqlCrossing[] = [
  { library: 'children', table: 'organisation', reason: IDENTITY },
  { library: 'children', table: 'practitioner', reason: IDENTITY },
  { library: 'guardianship', table: 'organisation', reason: IDENTITY },
  { library: 'guardianship', table: 'practitioner', reason: IDENTITY },
  { library: 'alerts', table: 'organisation', reason: IDENTITY },
  { library: 'alerts', table: 'practitioner', reason: IDENTITY },
  { library: 'statistics', table: 'organisation', reason: IDENTITY },
  { library: 'web', table: 'organisation', reason: IDENTITY },
  // to be published by their owners (issue 18, items 1 and 2)
  { library: 'guardianship', table: 'nrm_referral', reason: 'scheme eligibility reads the NRM referral' },
  {
    library: 'guardianship',
    table: 'child',
    reason:
      "eligibility's facts (categories, parental responsibility, effective date of birth, age disputed) are read " +
      "with the nation and the NRM referral in one statement per batch of children, in the caller's scope; " +
      "the children's service would add a round trip per batch. Read only",
  },
  {
    library: 'age-assessment',
    table: 'child',
    reason:
      "raising a dispute copies the child's claimed date of birth into the assessment in the same INSERT; " +
      'completing one reads the claimed date of birth and whether an interpreter is needed. Read only: the ' +
      "child's effective date of birth follows through age-assessment's own trigger",
  },
  { library: 'missing', table: 'child', reason: 'the profile reads the child' },
  { library: 'meetings', table: 'child', reason: 'meetings list the children discussed' },
  { library: 'alerts', table: 'missing_episode', reason: 'alert rules' },
  { library: 'alerts', table: 'child', reason: 'alert rules' },
  { library: 'alerts', table: 'placement', reason: 'alert rules' },
  { library: 'alerts', table: 'nrm_referral', reason: 'alert rules' },
  { library: 'alerts', table: 'meeting_action', reason: 'alert rules' },
  { library: 'statistics', table: 'child', reason: 'dashboard and SSDA903' },
  { library: 'statistics', table: 'missing_episode', reason: 'dashboard and SSDA903' },
  { library: 'statistics', table: 'nrm_referral', reason: 'dashboard figures' },
  { library: 'statistics', table: 'placement', reason: 'dashboard and SSDA903' },
];
