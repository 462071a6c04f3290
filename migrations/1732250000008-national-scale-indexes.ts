import { MigrationInterface, QueryRunner } from 'typeorm';
import { GuardianEligibility1732250000007 } from './1732250000007-guardian-eligibility';

/**
 * Indexes chosen from EXPLAIN on the national data set (npm run seed -- --national). The dashboard
 * reads one authority's (or a partnership's) rows in a period by (authority, instant or date), never
 * the whole history of the country; the alert scan looks up a candidate's resolved alerts by
 * (kind, subject) instead of scanning every alert. A partnership's or the UK's dashboard may come
 * from a rollup of its answer, at most a configured age old.
 */
export class NationalScaleIndexes1732250000008 implements MigrationInterface {
  name = 'NationalScaleIndexes1732250000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- covering what the dashboard reads of a period's episodes and returns, so the scans need not visit the heap
      CREATE INDEX missing_episode_authority_since_idx ON missing_episode (local_authority_id, missing_since)
        INCLUDE (child_id, returned_at, soon_after_placement);
      CREATE INDEX missing_episode_authority_returned_idx ON missing_episode (local_authority_id, returned_at)
        INCLUDE (interview_offered_at) WHERE returned_at IS NOT NULL;
      CREATE INDEX nrm_referral_authority_referred_idx ON nrm_referral (local_authority_id, referred_on);
      CREATE INDEX nrm_referral_authority_decided_idx ON nrm_referral (local_authority_id, reasonable_grounds_decided_on)
        WHERE reasonable_grounds_decided_on IS NOT NULL;
      CREATE INDEX age_assessment_open_authority_idx ON age_assessment (local_authority_id)
        WHERE status IN ('RAISED', 'IN_PROGRESS', 'CHALLENGED');
      CREATE INDEX guardian_assignment_active_authority_idx ON guardian_assignment (local_authority_id, guardian_id)
        WHERE end_date IS NULL;
      CREATE INDEX turned_18_authority_idx ON turned_18_without_solution (local_authority_id, turned_18_on);
      -- open children, and children closed after a period's end, by authority
      CREATE INDEX child_authority_status_idx ON child (local_authority_id, status, closed_on);
      -- "was this subject's alert resolved (by a practitioner, or since the latest episode)?" per candidate
      CREATE INDEX alert_resolved_idx ON alert (kind, subject_id, resolved_at) WHERE status = 'RESOLVED';

      -- partnership and UK-wide dashboards, kept for a while (DASHBOARD_ROLLUP_MAX_AGE_SECONDS): only suppressed aggregates
      CREATE TABLE dashboard_rollup (
        key text PRIMARY KEY,
        generated_at timestamptz NOT NULL,
        answer jsonb NOT NULL
      );

      -- eligibility is now plain SQL the planner can see through (libs/guardianship/src/scheme-rules.sql.ts):
      -- called once per child, these functions cost the dashboard a tenth of a second on a large authority
      DROP FUNCTION haven_has_guardian(uuid);
      DROP FUNCTION haven_guardian_eligible(uuid, text, text[], boolean, date, date, int, int, int);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await new GuardianEligibility1732250000007().up(db);
    await db.query(`
      DROP TABLE dashboard_rollup;
      DROP INDEX alert_resolved_idx, child_authority_status_idx, turned_18_authority_idx, guardian_assignment_active_authority_idx,
        age_assessment_open_authority_idx, nrm_referral_authority_decided_idx, nrm_referral_authority_referred_idx,
        missing_episode_authority_returned_idx, missing_episode_authority_since_idx;
    `);
  }
}
