import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The missing capability's rules, defined once for every library, the dashboard, the alert rules, the
 * seed and the benchmark's twin (issue 18, item 1):
 * - `open_missing_episode`: the episodes of children missing now. Its predicate is, word for word, that of
 *   the partial indexes `missing_episode_one_open_idx` and `missing_episode_open_idx`, so that a query on
 *   the view still reads them; `security_invoker` keeps the caller's row-level security.
 * - `haven_return_interview_due_by`: when the return interview is due (RETURN_INTERVIEW_DUE_HOURS after the
 *   return, in elapsed hours: a change of the clocks neither adds nor takes away an hour).
 * - `haven_soon_after_placement`: whether an episode starts within the window after the start of the
 *   placement the child was in, or after the start (in London) of the day the child arrived.
 * The TypeScript twins are libs/missing/src/missing-rules.ts; test/missing-rules.sql.e2e-spec.ts runs both.
 * And those of placements and children:
 * - `current_placement`: the placements not ended, the child's current one (`placement_current_unsafe_idx`'s
 *   predicate begins the same way). A placement current at an instant is placements' `placedAtSql`.
 * - `haven_nrm_categories`: the categories NRM statistics file a child's exploitation types under, criminal
 *   exploitation under labour; none recorded (or only UNKNOWN) is NOT_RECORDED. The TypeScript twin is
 *   libs/children's `nrmCategories`; test/nrm-category.sql.e2e-spec.ts runs both.
 * And the alert engine's record of the children who turned 18 without a secured durable solution
 * (`turned_18_without_solution`, which it writes as they do), published for the dashboard as
 * `child_turned_18_without_solution`.
 */
export class MissingPlacementNrmRules1732250000019 implements MigrationInterface {
  name = 'MissingPlacementNrmRules1732250000019';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW open_missing_episode WITH (security_invoker = true) AS
        SELECT * FROM missing_episode WHERE returned_at IS NULL;

      CREATE VIEW current_placement WITH (security_invoker = true) AS
        SELECT * FROM placement WHERE ended_at IS NULL;

      CREATE FUNCTION haven_nrm_categories(exploitation_types text[])
        RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT DISTINCT CASE WHEN t IS NULL THEN 'NOT_RECORDED' WHEN t = 'SEXUAL' THEN 'SEXUAL'
                             WHEN t = 'DOMESTIC_SERVITUDE' THEN 'DOMESTIC_SERVITUDE'
                             WHEN t = 'ORGAN_REMOVAL' THEN 'ORGAN_REMOVAL' ELSE 'LABOUR' END
          FROM (SELECT nullif(array_remove(exploitation_types, 'UNKNOWN'), '{}') AS recorded) r
          LEFT JOIN LATERAL unnest(r.recorded) t ON true
      $$;

      CREATE VIEW child_turned_18_without_solution WITH (security_invoker = true) AS
        SELECT child_id, local_authority_id, turned_18_on FROM turned_18_without_solution;

      CREATE FUNCTION haven_return_interview_due_by(returned_at timestamptz, due_hours int)
        RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT returned_at + make_interval(hours => due_hours) $$;

      CREATE FUNCTION haven_soon_after_placement(missing_since timestamptz, placement_started_at timestamptz,
                                                 arrival_date date, window_hours int)
        RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(missing_since >= placement_started_at
                        AND missing_since <= placement_started_at + make_interval(hours => window_hours), false)
            OR coalesce(missing_since >= (arrival_date::timestamp AT TIME ZONE 'Europe/London')
                        AND missing_since <= (arrival_date::timestamp AT TIME ZONE 'Europe/London')
                                             + make_interval(hours => window_hours), false)
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION haven_soon_after_placement(timestamptz, timestamptz, date, int);
      DROP FUNCTION haven_return_interview_due_by(timestamptz, int);
      DROP VIEW open_missing_episode;
      DROP FUNCTION haven_nrm_categories(text[]);
      DROP VIEW current_placement;
      DROP VIEW child_turned_18_without_solution;
    `);
  }
}
