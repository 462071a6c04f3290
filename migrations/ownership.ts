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
    published: ['haven_normalise', 'haven_birthday', 'practitioner_row', 'haven_practitioner_json'],
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

const CHILD =
  "the child is the record every capability's rows hang off: its authority, dates of birth, nation and " +
  "categories are read in the same statement as the capability's own rows, keeping one statement where a " +
  'request needs one (a view of the child would be the table again). Read only';

const ALERT_RULES =
  'each alert rule is a read-only condition over the rows it watches — by deadline (interviews, NRM ' +
  'decisions, meeting actions overdue), by period (repeat missing), at an instant (placed then) — joined to ' +
  'its open alerts in one statement, so that a scan costs what changed, not all history; the shared parts ' +
  '(open episode, current placement, placed at, birthdays) come from their owners';

const STATISTICS =
  'the dashboard and the SSDA903 return count rows by period (episodes and returns in a year, referrals and ' +
  'decisions, first placements) in one statement per section over covering indexes; the shared rules (open ' +
  'episode, current placement, NRM category, open disputes, birthdays) come from their owners';

/**
 * The reviewed exceptions. The test fails on a crossing missing from this list, and on an entry here that
 * no longer crosses, so the list only shrinks as capabilities publish what the others need.
 */
export const SQL_CROSSINGS: readonly SqlCrossing[] = [
  ...(['children', 'guardianship', 'alerts', 'statistics', 'web'] as const).map((library) => ({
    library,
    table: 'organisation',
    reason: IDENTITY,
  })),
  ...(['children', 'guardianship', 'alerts'] as const).map((library) => ({
    library,
    table: 'practitioner',
    reason: IDENTITY,
  })),
  ...(['guardianship', 'age-assessment', 'missing', 'meetings', 'alerts', 'statistics'] as const).map(
    (library) => ({ library, table: 'child', reason: CHILD }),
  ),
  ...['missing_episode', 'placement', 'nrm_referral', 'meeting_action'].map((table) => ({
    library: 'alerts' as const,
    table,
    reason: ALERT_RULES,
  })),
  ...['missing_episode', 'placement', 'nrm_referral'].map((table) => ({
    library: 'statistics' as const,
    table,
    reason: STATISTICS,
  })),
  {
    library: 'guardianship',
    table: 'nrm_referral',
    reason:
      'scheme eligibility turns on whether, and since when, the child has been referred to the NRM, read with ' +
      "the child's facts in one statement per batch of children. Read only",
  },
];
