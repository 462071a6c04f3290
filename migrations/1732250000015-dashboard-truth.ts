import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard counts return interviews completed within 72 hours as well as offered: the index its
 * returns are read from carries the completion time too. Rollups kept from before secondary
 * suppression are dropped: they hold figures from which a small count could be worked out.
 */
export class DashboardTruth1732250000015 implements MigrationInterface {
  name = 'DashboardTruth1732250000015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX missing_episode_authority_returned_idx;
      CREATE INDEX missing_episode_authority_returned_idx ON missing_episode (local_authority_id, returned_at)
        INCLUDE (return_interview_due_by, interview_offered_at, interview_completed_at, child_id)
        WHERE returned_at IS NOT NULL;
      DELETE FROM dashboard_rollup;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX missing_episode_authority_returned_idx;
      CREATE INDEX missing_episode_authority_returned_idx ON missing_episode (local_authority_id, returned_at)
        INCLUDE (interview_offered_at, child_id) WHERE returned_at IS NOT NULL;
    `);
  }
}
