import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Small-number suppression for the statistics, applied in SQL so that no count from 1 to the threshold,
 * and no rate built on one, ever leaves the database: small numbers identify children.
 */
export class Statistics1732250000006 implements MigrationInterface {
  name = 'Statistics1732250000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION haven_figure(n bigint, threshold int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN n BETWEEN 1 AND threshold THEN jsonb_build_object('value', NULL, 'suppressed', true)
                    ELSE jsonb_build_object('value', coalesce(n, 0), 'suppressed', false) END
      $$;

      CREATE FUNCTION haven_rate(numerator bigint, denominator bigint, threshold int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN numerator BETWEEN 1 AND threshold OR denominator BETWEEN 1 AND threshold
            THEN jsonb_build_object('value', NULL, 'suppressed', true)
          WHEN coalesce(denominator, 0) = 0 THEN jsonb_build_object('value', NULL, 'suppressed', false)
          ELSE jsonb_build_object('value', round(numerator::numeric / denominator, 4), 'suppressed', false) END
      $$;

      -- a median (hours, days) is a statistic of the rows behind it: suppressed with their count
      CREATE FUNCTION haven_measure(value double precision, n bigint, threshold int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN n BETWEEN 1 AND threshold THEN jsonb_build_object('value', NULL, 'suppressed', true)
                    ELSE jsonb_build_object('value', round(value::numeric, 1), 'suppressed', false) END
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP FUNCTION haven_measure(double precision, bigint, int), haven_rate(bigint, bigint, int), haven_figure(bigint, int)`,
    );
  }
}
