import { ageDisputedSql, standingOutcomeSql } from '@haven/age-assessment';
import { guardianEligibleSql, guardianEligibleSinceSql, hasGuardianSql } from '@haven/guardianship';
import { placedAtSql, unsafeOnSql } from '@haven/placements';
import { AlertThresholds, AppConfig, londonDate } from '@haven/platform';
import { AlertKind } from './alert.enums';

/**
 * The alert rules of domain.md, as SQL evaluated set-based "as of" an instant. Every statement takes
 * the same parameters, so that a scan can run them all with one list:
 *   $1 asOf (timestamptz), $2 the London date of asOf, $3 the authority scanned (null: all),
 *   $4 $5 $6 the age limits of the ICTG, Scottish and Northern Irish guardian schemes, $7 one child (or null);
 * then the thresholds of the alert table (configuration, appended so that $1..$7 keep their meaning):
 *   $8 $9 the hours missing at which CHILD_MISSING escalates (24, 72), $10 $11 REPEAT_MISSING's count of
 *   episodes and window in days (3, 90), $12 $13 $14 NEARING_18's WARNING, URGENT and CRITICAL days (180,
 *   90, 30), $15 UASC_LEAVE_EXPIRING's days ahead (60), $16 NO_GUARDIAN's days (2), $17 the days past its
 *   due date at which a meeting action is overdue (0). Deadlines computed when a record is written are
 *   stored with it and read from there: the return interview's (RETURN_INTERVIEW_DUE_HOURS) and the
 *   reasonable-grounds target (NRM_RG_TARGET_WORKING_DAYS, in the nation's working days).
 * alertRuleParams builds the list.
 * A "candidates" query yields what should be alerted: local_authority_id, child_id, kind, severity,
 * subject_type, subject_id, escalation_level, reason, detail. Each rule reads only the rows whose state
 * or deadline makes them candidates (partial indexes on open episodes, due interviews, pending
 * decisions, birthdays in range), never the whole history.
 */
export interface AlertRule {
  kind: AlertKind;
  /** Rows that should have an unresolved alert now. */
  candidates?: string;
  /** Unresolved alerts whose escalation level should rise: id, level, severity. */
  escalations?: string;
  /** Unresolved alerts whose condition has cleared: id, note. */
  cleared?: string;
}

/** Fixes the type of every parameter, whichever a statement uses. */
const PARAMS = `_params AS (SELECT $1::timestamptz, $2::date, $3::uuid, $4::int, $5::int, $6::int, $7::uuid,
  $8::int, $9::int, $10::int, $11::int, $12::int, $13::int, $14::int, $15::int, $16::int, $17::int)`;

export interface RuleScope {
  authorityId?: string | null;
  childId?: string | null;
}

/** The parameters every statement takes, in order: the instant, the scope, and the configured thresholds. */
export function alertRuleParams(
  config: Pick<AppConfig, 'guardianship'> & { alerts: { thresholds: AlertThresholds } },
  asOf: Date,
  scope: RuleScope = {},
): unknown[] {
  const { ictg, scotland, northernIreland } = config.guardianship.ageLimits;
  const t = config.alerts.thresholds;
  return [
    asOf,
    londonDate(asOf),
    scope.authorityId ?? null,
    ictg,
    scotland,
    northernIreland,
    scope.childId ?? null,
    t.childMissingFirstEscalationHours,
    t.childMissingSecondEscalationHours,
    t.repeatMissingCount,
    t.repeatMissingWindowDays,
    t.nearing18WarningDays,
    t.nearing18UrgentDays,
    t.nearing18CriticalDays,
    t.uascLeaveExpiringDays,
    t.noGuardianDays,
    t.meetingActionOverdueDays,
  ];
}
const CANDIDATE_COLUMNS = `(local_authority_id, child_id, kind, severity, subject_type, subject_id, escalation_level, reason, detail)`;

/** The authority scanned ($3) and, for a rule run by an event, the one child ($7). */
const IN_SCOPE = (authority: string, child: string) =>
  `($3::uuid IS NULL OR ${authority} = $3::uuid) AND ($7::uuid IS NULL OR ${child} = $7::uuid)`;

/** Hours a missing child has been gone that raise the escalation level: 24 h ($8), then 72 h ($9). */
const MISSING_LEVEL = `CASE WHEN $1::timestamptz - m.missing_since >= make_interval(hours => $9::int) THEN 2
                            WHEN $1::timestamptz - m.missing_since >= make_interval(hours => $8::int) THEN 1 ELSE 0 END`;

/** The effective 18th birthday (the platform's haven_birthday: 29 February falls on 28 February). */
const TURNS_18_ON = `haven_birthday(c.effective_date_of_birth, 18)`;
/** Days to the effective 18th birthday (Europe/London dates). */
const DAYS_TO_18 = `(${TURNS_18_ON} - $2::date)`;
/** WARNING within $12 days (180), URGENT within $13 (90), CRITICAL within $14 (30). */
const NEARING_LEVEL = `CASE WHEN ${DAYS_TO_18} <= $14::int THEN 2 WHEN ${DAYS_TO_18} <= $13::int THEN 1 ELSE 0 END`;
const LEVEL_SEVERITY = (level: string) => `(ARRAY['WARNING', 'URGENT', 'CRITICAL'])[${level} + 1]`;

/** Leave is valid through its expiry date (London): expired from the day after. */
const LEAVE_EXPIRED = `c.leave_expires_on < $2::date`;
/** UASC_LEAVE_EXPIRING: 0 (URGENT) while it expires within $15 days, 1 (CRITICAL) once it has expired. */
const LEAVE_LEVEL = `CASE WHEN ${LEAVE_EXPIRED} THEN 1 ELSE 0 END`;
const LEAVE_SEVERITY = `CASE WHEN ${LEAVE_EXPIRED} THEN 'CRITICAL' ELSE 'URGENT' END`;

/** Eligibility for the nation's guardian scheme (scheme-rules.ts, as SQL). */
const GUARDIAN_ELIGIBLE = guardianEligibleSql({
  child: 'c',
  nation: 'o.nation',
  onDate: '$2::date',
  ictgAgeLimit: '$4::int',
  scotlandAgeLimit: '$5::int',
  northernIrelandAgeLimit: '$6::int',
});
/**
 * NO_GUARDIAN_DAYS ($16) after eligibility began: in England and Wales the earlier of being recorded as
 * trafficked (the registration, for a child registered so) and the first NRM referral; elsewhere the
 * earlier of registration and the first referral (scheme-rules.sql.ts).
 */
const GUARDIAN_DUE = `(${guardianEligibleSinceSql('c', 'o.nation')}) + make_interval(days => $16::int)`;
const HAS_GUARDIAN = hasGuardianSql('c');

/** UNSAFE_PLACEMENT: a placement of an unsafe type (placements) that is current at asOf. */
const UNSAFE_ON_AS_OF = unsafeOnSql('p', '$2::date');
const PLACED_AT_AS_OF = placedAtSql('p', '$1');

export const ALERT_RULES: readonly AlertRule[] = [
  {
    kind: AlertKind.CHILD_MISSING,
    // raised by the report itself; the scan only catches episodes recorded another way
    candidates: `
      SELECT m.local_authority_id, m.child_id, 'CHILD_MISSING' AS kind, 'CRITICAL' AS severity,
             'MissingEpisode' AS subject_type, m.id AS subject_id, ${MISSING_LEVEL} AS escalation_level,
             'Reported ' || lower(m.kind) || ' since ' || to_char(m.missing_since AT TIME ZONE 'Europe/London', 'DD Mon YYYY HH24:MI')
               || CASE WHEN m.soon_after_placement THEN ' (soon after placement)' ELSE '' END AS reason,
             jsonb_build_object('missingSince', m.missing_since) AS detail
        FROM open_missing_episode m
       WHERE m.missing_since <= $1 AND ${IN_SCOPE('m.local_authority_id', 'm.child_id')}`,
    escalations: `
      SELECT a.id, ${MISSING_LEVEL} AS level, 'CRITICAL' AS severity
        FROM alert a JOIN open_missing_episode m ON m.id = a.subject_id
       WHERE a.kind = 'CHILD_MISSING' AND a.status <> 'RESOLVED'
         AND ${MISSING_LEVEL} > a.escalation_level AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
    cleared: `
      SELECT a.id, 'The child returned' AS note
        FROM alert a JOIN missing_episode m ON m.id = a.subject_id
       WHERE a.kind = 'CHILD_MISSING' AND a.status <> 'RESOLVED' AND m.returned_at IS NOT NULL
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
  },
  {
    kind: AlertKind.RETURN_INTERVIEW_OVERDUE,
    candidates: `
      SELECT m.local_authority_id, m.child_id, 'RETURN_INTERVIEW_OVERDUE', 'URGENT', 'MissingEpisode', m.id, 0,
             'No return interview completed or declined by '
               || to_char(m.return_interview_due_by AT TIME ZONE 'Europe/London', 'DD Mon YYYY HH24:MI')
               || ', after the return on ' || to_char(m.returned_at AT TIME ZONE 'Europe/London', 'DD Mon YYYY HH24:MI'),
             jsonb_build_object('dueBy', m.return_interview_due_by)
        FROM missing_episode m
       WHERE m.returned_at IS NOT NULL AND m.interview_completed_at IS NULL AND NOT m.interview_declined
         AND m.return_interview_due_by <= $1 AND ${IN_SCOPE('m.local_authority_id', 'm.child_id')}`,
    cleared: `
      SELECT a.id, 'The return interview was recorded' AS note
        FROM alert a JOIN missing_episode m ON m.id = a.subject_id
       WHERE a.kind = 'RETURN_INTERVIEW_OVERDUE' AND a.status <> 'RESOLVED'
         AND (m.interview_completed_at IS NOT NULL OR m.interview_declined) AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
  },
  {
    kind: AlertKind.REPEAT_MISSING,
    // never clears by itself: a practitioner resolves it, and it returns only with a new episode
    candidates: `
      SELECT m.local_authority_id, m.child_id, 'REPEAT_MISSING', 'URGENT', 'Child', m.child_id, 0,
             count(*) || ' missing episodes in the ' || $11::int || ' days to ' || to_char($2::date, 'DD Mon YYYY'),
             jsonb_build_object('episodes', count(*), 'latest', max(m.missing_since))
        FROM missing_episode m
       WHERE m.missing_since > $1::timestamptz - make_interval(days => $11::int) AND m.missing_since <= $1
         AND ${IN_SCOPE('m.local_authority_id', 'm.child_id')}
       GROUP BY m.local_authority_id, m.child_id
      HAVING count(*) >= $10::int
         AND NOT EXISTS (SELECT 1 FROM alert r WHERE r.kind = 'REPEAT_MISSING' AND r.subject_id = m.child_id
                            AND r.status = 'RESOLVED' AND r.resolved_at >= max(m.reported_at))`,
  },
  {
    kind: AlertKind.NEARING_18_WITHOUT_DURABLE_SOLUTION,
    candidates: `
      SELECT c.local_authority_id, c.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION', ${LEVEL_SEVERITY(NEARING_LEVEL)},
             'Child', c.id, ${NEARING_LEVEL},
             'Turns 18 on ' || to_char(${TURNS_18_ON}, 'DD Mon YYYY')
               || ' (' || ${DAYS_TO_18} || ' days) with no secured durable solution',
             jsonb_build_object('turns18On', ${TURNS_18_ON})
        FROM child c
       WHERE c.status = 'OPEN' AND ${IN_SCOPE('c.local_authority_id', 'c.id')}
         AND c.effective_date_of_birth > ($2::date - interval '18 years')::date - 1
         AND c.effective_date_of_birth <= ($2::date + $12::int - interval '18 years')::date + 1
         AND ${DAYS_TO_18} BETWEEN 1 AND $12::int
         AND NOT haven_has_secured_solution(c.id)`,
    escalations: `
      SELECT a.id, ${NEARING_LEVEL} AS level, ${LEVEL_SEVERITY(NEARING_LEVEL)} AS severity
        FROM alert a JOIN child c ON c.id = a.subject_id
       WHERE a.kind = 'NEARING_18_WITHOUT_DURABLE_SOLUTION' AND a.status <> 'RESOLVED'
         AND ${DAYS_TO_18} BETWEEN 1 AND $12::int AND ${NEARING_LEVEL} > a.escalation_level
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
    cleared: `
      SELECT a.id, CASE WHEN haven_has_secured_solution(c.id) THEN 'A durable solution was secured'
                        WHEN c.status = 'CLOSED' THEN 'The case was closed'
                        WHEN ${DAYS_TO_18} <= 0 THEN 'Turned 18 without a secured durable solution'
                        ELSE 'The 18th birthday is more than ' || $12::int || ' days away' END AS note
        FROM alert a JOIN child c ON c.id = a.subject_id
       WHERE a.kind = 'NEARING_18_WITHOUT_DURABLE_SOLUTION' AND a.status <> 'RESOLVED'
         AND (haven_has_secured_solution(c.id) OR c.status = 'CLOSED' OR c.effective_date_of_birth IS NULL
              OR ${DAYS_TO_18} NOT BETWEEN 1 AND $12::int)
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
  },
  {
    kind: AlertKind.UASC_LEAVE_EXPIRING,
    // leave is valid through its expiry date: URGENT from $15 days before it to the day itself, CRITICAL after
    candidates: `
      SELECT c.local_authority_id, c.id, 'UASC_LEAVE_EXPIRING', ${LEAVE_SEVERITY}, 'Child', c.id, ${LEAVE_LEVEL},
             CASE WHEN ${LEAVE_EXPIRED} THEN 'Immigration leave expired on ' ELSE 'Immigration leave expires on ' END
               || to_char(c.leave_expires_on, 'DD Mon YYYY'),
             jsonb_build_object('leaveExpiresOn', c.leave_expires_on, 'status', c.immigration_status)
        FROM child c
       WHERE c.leave_expires_on <= $2::date + $15::int AND c.status = 'OPEN'
         AND c.immigration_status IS DISTINCT FROM 'BRITISH_OR_SETTLED' AND ${IN_SCOPE('c.local_authority_id', 'c.id')}`,
    escalations: `
      SELECT a.id, 1 AS level, 'CRITICAL' AS severity
        FROM alert a JOIN child c ON c.id = a.subject_id
       WHERE a.kind = 'UASC_LEAVE_EXPIRING' AND a.status <> 'RESOLVED' AND a.escalation_level < 1 AND ${LEAVE_EXPIRED}
         AND c.leave_expires_on = (a.detail ->> 'leaveExpiresOn')::date
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
    cleared: `
      SELECT a.id, 'A new expiry date or immigration status was recorded' AS note
        FROM alert a JOIN child c ON c.id = a.subject_id
       WHERE a.kind = 'UASC_LEAVE_EXPIRING' AND a.status <> 'RESOLVED'
         AND (c.leave_expires_on IS DISTINCT FROM (a.detail ->> 'leaveExpiresOn')::date
              OR c.immigration_status IS DISTINCT FROM a.detail ->> 'status')
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
  },
  {
    kind: AlertKind.NO_GUARDIAN,
    candidates: `
      SELECT c.local_authority_id, c.id, 'NO_GUARDIAN', 'URGENT', 'Child', c.id, 0,
             'Eligible for ' || CASE o.nation WHEN 'SCOTLAND' THEN 'Guardianship Scotland'
               WHEN 'NORTHERN_IRELAND' THEN 'an Independent Guardian' ELSE 'an Independent Child Trafficking Guardian' END
               || ' and no guardian assigned ' || $16::int || CASE WHEN $16::int = 1 THEN ' day on' ELSE ' days on' END,
             '{}'::jsonb
        FROM child c JOIN organisation o ON o.id = c.local_authority_id
       WHERE c.status = 'OPEN' AND ${IN_SCOPE('c.local_authority_id', 'c.id')} AND ${GUARDIAN_ELIGIBLE}
         AND ${GUARDIAN_DUE} <= $1 AND NOT ${HAS_GUARDIAN}`,
    cleared: `
      SELECT a.id, 'A guardian was assigned' AS note
        FROM alert a JOIN child c ON c.id = a.subject_id JOIN organisation o ON o.id = c.local_authority_id
       WHERE a.kind = 'NO_GUARDIAN' AND a.status <> 'RESOLVED'
         AND (${HAS_GUARDIAN} OR c.status = 'CLOSED' OR NOT (${GUARDIAN_ELIGIBLE}))
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
  },
  {
    kind: AlertKind.UNSAFE_PLACEMENT,
    // at every moment, not only when the placement began: raised when it starts, when a dispute is raised
    // or an outcome challenged (in that transaction), and by the scan as of its instant
    candidates: `
      SELECT p.local_authority_id, p.child_id, 'UNSAFE_PLACEMENT', 'CRITICAL', 'Placement', p.id, 0,
             'Placed in ' || lower(replace(p.type, '_', ' '))
               || CASE WHEN ${ageDisputedSql('p.child_id', '$2::date')} THEN ' while their age is disputed'
                       ELSE ' as a child' END
               || ': unsafe for a child or a person whose age is disputed',
             jsonb_build_object('type', p.type)
        FROM placement p
       WHERE ${PLACED_AT_AS_OF} AND ${IN_SCOPE('p.local_authority_id', 'p.child_id')} AND ${UNSAFE_ON_AS_OF}`,
    cleared: `
      SELECT a.id, CASE WHEN p.ended_at <= $1 THEN 'The placement ended'
                        WHEN p.started_at > $1 THEN 'The placement had not begun'
                        WHEN ${standingOutcomeSql('p.child_id', '$2::date')} = 'ASSESSED_ADULT' THEN 'The person was found an adult'
                        ELSE 'The young person is 18 and their age is not disputed' END AS note
        FROM alert a JOIN placement p ON p.id = a.subject_id
       WHERE a.kind = 'UNSAFE_PLACEMENT' AND a.status <> 'RESOLVED'
         AND (NOT ${PLACED_AT_AS_OF} OR NOT ${UNSAFE_ON_AS_OF})
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
  },
  {
    kind: AlertKind.NRM_DECISION_OVERDUE,
    candidates: `
      SELECT r.local_authority_id, r.child_id, 'NRM_DECISION_OVERDUE', 'WARNING', 'NrmReferral', r.id, 0,
             'Reasonable-grounds decision pending past its target of ' || to_char(r.reasonable_grounds_due_by, 'DD Mon YYYY'),
             jsonb_build_object('dueBy', r.reasonable_grounds_due_by)
        FROM nrm_referral r
       WHERE r.reasonable_grounds_decision = 'PENDING' AND r.reasonable_grounds_due_by < $2::date
         AND ${IN_SCOPE('r.local_authority_id', 'r.child_id')}`,
    cleared: `
      SELECT a.id, 'The reasonable-grounds decision was recorded' AS note
        FROM alert a JOIN nrm_referral r ON r.id = a.subject_id
       WHERE a.kind = 'NRM_DECISION_OVERDUE' AND a.status <> 'RESOLVED' AND r.reasonable_grounds_decision <> 'PENDING'
         AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
  },
  {
    kind: AlertKind.MEETING_ACTION_OVERDUE,
    candidates: `
      SELECT a.local_authority_id, a.child_id, 'MEETING_ACTION_OVERDUE', 'WARNING', 'MeetingAction', a.id, 0,
             'Meeting action due ' || to_char(a.due_on, 'DD Mon YYYY') || ' is not completed: ' || left(a.description, 200),
             jsonb_build_object('dueOn', a.due_on, 'meetingId', a.meeting_id)
        FROM meeting_action a
       WHERE a.completed_on IS NULL AND a.due_on < $2::date - $17::int AND ${IN_SCOPE('a.local_authority_id', 'a.child_id')}`,
    cleared: `
      SELECT al.id, 'The action was completed' AS note
        FROM alert al JOIN meeting_action a ON a.id = al.subject_id
       WHERE al.kind = 'MEETING_ACTION_OVERDUE' AND al.status <> 'RESOLVED' AND a.completed_on IS NOT NULL
         AND ${IN_SCOPE('al.local_authority_id', 'al.child_id')}`,
  },
];

/**
 * Inserts the candidates as alerts, once: the unique partial index turns a second raise (another
 * scan, another instance) into nothing. An alert a practitioner resolved is not raised again for the
 * same subject (REPEAT_MISSING has its own rule for that; NEARING_18 returns at a higher level).
 * Each new alert queues its notification and tells every instance, in the same transaction.
 */
export function raiseStatement(candidates: string): string {
  return `
    WITH ${PARAMS}, candidates ${CANDIDATE_COLUMNS} AS (${candidates}),
    raised AS (
      INSERT INTO alert (local_authority_id, child_id, kind, severity, subject_type, subject_id, escalation_level,
                         reason, detail, raised_at)
      SELECT c.*, $1 FROM candidates c
       WHERE NOT EXISTS (SELECT 1 FROM alert r WHERE r.kind = c.kind AND r.subject_id = c.subject_id
                            AND r.resolution = 'BY_PRACTITIONER' AND r.kind <> 'REPEAT_MISSING'
                            AND (r.kind <> 'NEARING_18_WITHOUT_DURABLE_SOLUTION' OR r.escalation_level >= c.escalation_level)
                            AND (r.kind <> 'UASC_LEAVE_EXPIRING'
                                 OR (r.detail = c.detail AND r.escalation_level >= c.escalation_level)))
      ON CONFLICT (kind, subject_id) WHERE status <> 'RESOLVED' DO NOTHING
      RETURNING id, escalation_level),
    queued AS (
      INSERT INTO notification_outbox (alert_id, escalation_level) SELECT id, escalation_level FROM raised
      ON CONFLICT DO NOTHING)
    SELECT count(*)::int AS n FROM (SELECT pg_notify('haven_alert', json_build_object('alertId', id, 'level', escalation_level)::text)
                                      FROM raised) notified`;
}

/**
 * One statement raising every given rule's candidates together (an event about one child: one round
 * trip, not one per rule). The rules' candidates are independent of each other's alerts, so one
 * snapshot for all of them raises what a statement per rule would.
 */
export function raiseAllStatement(rules: readonly AlertRule[]): string | null {
  const candidates = rules.flatMap((rule) => (rule.candidates ? [`(${rule.candidates})`] : []));
  return candidates.length === 0 ? null : raiseStatement(candidates.join('\n    UNION ALL\n    '));
}

/** Raises the escalation level (and severity) of unresolved alerts; an acknowledged alert opens again. */
export function escalateStatement(escalations: string): string {
  return `
    WITH ${PARAMS}, candidates (id, level, severity) AS (${escalations}),
    escalated AS (
      UPDATE alert a SET escalation_level = c.level, severity = c.severity, escalated_at = $1,
             status = CASE WHEN a.status = 'ACKNOWLEDGED' THEN 'OPEN' ELSE a.status END
        FROM candidates c WHERE a.id = c.id AND c.level > a.escalation_level
      RETURNING a.id, a.escalation_level),
    queued AS (
      INSERT INTO notification_outbox (alert_id, escalation_level) SELECT id, escalation_level FROM escalated
      ON CONFLICT DO NOTHING)
    SELECT count(*)::int AS n FROM (SELECT pg_notify('haven_alert', json_build_object('alertId', id, 'level', escalation_level)::text)
                                      FROM escalated) notified`;
}

/** Resolves alerts whose condition has cleared. */
export function clearStatement(cleared: string): string {
  return `
    WITH ${PARAMS}, candidates (id, note) AS (${cleared}),
    resolved AS (
      UPDATE alert a SET status = 'RESOLVED', resolution = 'CONDITION_CLEARED', resolved_at = $1, resolution_note = c.note
        FROM candidates c WHERE a.id = c.id AND a.status <> 'RESOLVED'
      RETURNING a.id)
    SELECT count(*)::int AS n FROM resolved`;
}

/** Young people who turned 18 without a secured durable solution, kept for the statistics. */
export const RECORD_TURNED_18 = `
  WITH ${PARAMS}, turned AS (
    SELECT c.id, c.local_authority_id, ${TURNS_18_ON} AS turned_18_on
      FROM child c
     WHERE c.effective_date_of_birth > ($2::date - interval '18 years')::date - 366
       AND ${TURNS_18_ON} <= $2::date
       AND c.status = 'OPEN' AND NOT haven_has_secured_solution(c.id) AND ${IN_SCOPE('c.local_authority_id', 'c.id')})
  INSERT INTO turned_18_without_solution (child_id, local_authority_id, turned_18_on)
  SELECT id, local_authority_id, turned_18_on FROM turned ON CONFLICT (child_id) DO NOTHING`;
