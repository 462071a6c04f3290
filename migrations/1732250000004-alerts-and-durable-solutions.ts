import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts, their notification outbox, durable solutions, and the record of young people who turned 18
 * without one. "At most one unresolved alert per rule per subject" is a unique partial index, so that
 * parallel scans and concurrent mutations on several instances raise each alert exactly once.
 */
export class AlertsAndDurableSolutions1732250000004 implements MigrationInterface {
  name = 'AlertsAndDurableSolutions1732250000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        local_authority_id uuid NOT NULL REFERENCES organisation (id),
        child_id uuid,
        kind text NOT NULL CHECK (kind IN ('CHILD_MISSING', 'RETURN_INTERVIEW_OVERDUE', 'REPEAT_MISSING',
          'NEARING_18_WITHOUT_DURABLE_SOLUTION', 'UASC_LEAVE_EXPIRING', 'NO_GUARDIAN', 'UNSAFE_PLACEMENT',
          'NRM_DECISION_OVERDUE', 'MEETING_ACTION_OVERDUE')),
        severity text NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'URGENT', 'CRITICAL')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        escalation_level integer NOT NULL DEFAULT 0,
        reason text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        -- milliseconds, so that a keyset cursor round-trips through JavaScript exactly
        raised_at timestamptz(3) NOT NULL,
        escalated_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES practitioner (id),
        acknowledgement_note text,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES practitioner (id),
        resolution text CHECK (resolution IN ('BY_PRACTITIONER', 'CONDITION_CLEARED')),
        resolution_note text,
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE,
        CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL AND resolution IS NOT NULL))
      );
      CREATE UNIQUE INDEX alert_one_unresolved_idx ON alert (kind, subject_id) WHERE status <> 'RESOLVED';
      CREATE INDEX alert_authority_idx ON alert (local_authority_id, raised_at DESC, id DESC);
      CREATE INDEX alert_child_idx ON alert (child_id, raised_at DESC);
      CREATE INDEX alert_unresolved_kind_idx ON alert (kind, local_authority_id) WHERE status <> 'RESOLVED';

      -- one row per alert and escalation level: delivered at least once, idempotent by (alert, level)
      CREATE TABLE notification_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alert (id),
        escalation_level integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        last_error text,
        UNIQUE (alert_id, escalation_level)
      );
      CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at) WHERE delivered_at IS NULL;

      CREATE TABLE durable_solution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        option text NOT NULL CHECK (option IN ('INTEGRATION_IN_UK', 'FAMILY_REUNIFICATION_IN_UK',
          'FAMILY_REUNIFICATION_ABROAD', 'RETURN_TO_COUNTRY_OF_ORIGIN', 'RESETTLEMENT_THIRD_COUNTRY')),
        status text NOT NULL CHECK (status IN ('IDENTIFIED', 'IN_PROGRESS', 'SECURED', 'ABANDONED')),
        assessed_on date,
        secured_on date,
        basis text,
        risk_assessment_completed boolean NOT NULL DEFAULT false,
        best_interests_assessment_completed boolean NOT NULL DEFAULT false,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        recorded_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE,
        CHECK ((status = 'SECURED') = (secured_on IS NOT NULL)),
        -- never a return without a human-rights-based risk assessment and a best-interests assessment
        CHECK (NOT (option = 'RETURN_TO_COUNTRY_OF_ORIGIN' AND status = 'SECURED')
               OR (risk_assessment_completed AND best_interests_assessment_completed))
      );
      CREATE INDEX durable_solution_child_idx ON durable_solution (child_id, recorded_at DESC);

      -- the latest record of each option decides whether the child has a secured solution
      CREATE FUNCTION haven_has_secured_solution(child uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
          SELECT 1 FROM (SELECT DISTINCT ON (option) status FROM durable_solution
                          WHERE child_id = child ORDER BY option, recorded_at DESC, id DESC) latest
           WHERE latest.status = 'SECURED')
      $$;

      CREATE TABLE turned_18_without_solution (
        child_id uuid PRIMARY KEY,
        local_authority_id uuid NOT NULL,
        turned_18_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE
      );

      -- what the time rules look up by deadline, so a scan reads the children whose deadlines fall
      CREATE INDEX child_open_birth_idx ON child (effective_date_of_birth) WHERE status = 'OPEN';
      CREATE INDEX child_leave_expiry_idx ON child (leave_expires_on) WHERE leave_expires_on IS NOT NULL;
      CREATE INDEX missing_episode_interview_due_idx ON missing_episode (return_interview_due_by)
        WHERE interview_completed_at IS NULL AND NOT interview_declined AND returned_at IS NOT NULL;
      CREATE INDEX missing_episode_recent_idx ON missing_episode (missing_since, child_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX missing_episode_recent_idx, missing_episode_interview_due_idx, child_leave_expiry_idx, child_open_birth_idx;
      DROP TABLE turned_18_without_solution, durable_solution, notification_outbox, alert;
      DROP FUNCTION haven_has_secured_solution(uuid);
    `);
  }
}
