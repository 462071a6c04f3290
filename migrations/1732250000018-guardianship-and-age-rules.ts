import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules written once, in SQL, for every reader (issue 18, item 1):
 *
 * - `active_guardian_assignment`: the guardian and advocate assignments in force (not ended). Its
 *   predicate is textually the partial indexes' (`end_date IS NULL`, migrations 002 and 008), so a query
 *   through the view still reads them. `security_invoker`, so the querying role's row-level security
 *   applies as it does to the table. Guardianship publishes it; scope, the child list, the alerts'
 *   recipients, the dashboard and the benchmark's twin read it.
 * - `open_age_assessment`: the age disputes open now (raised, in progress, or challenged by judicial
 *   review), with the predicate of the partial indexes on age_assessment (migrations 002 and 008).
 *   Published by age-assessment, read by the dashboard and the case-closure check.
 * - `haven_birthday(date_of_birth, age)`: the n-th birthday, as PostgreSQL adds years (29 February
 *   becomes 28 February in a common year), the same as the platform's `birthday` in TypeScript. Small,
 *   immutable SQL, so the planner inlines it. The 18th birthday, the scheme's age limit and the 75th (or
 *   100th) for retention are all this one calculation.
 */
export class GuardianshipAndAgeRules1732250000018 implements MigrationInterface {
  name = 'GuardianshipAndAgeRules1732250000018';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW active_guardian_assignment WITH (security_invoker = true) AS
        SELECT * FROM guardian_assignment WHERE end_date IS NULL;

      CREATE VIEW open_age_assessment WITH (security_invoker = true) AS
        SELECT * FROM age_assessment WHERE status IN ('RAISED', 'IN_PROGRESS', 'CHALLENGED');

      CREATE FUNCTION haven_birthday(date_of_birth date, age int) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (date_of_birth + make_interval(years => age))::date
      $$;

      CREATE OR REPLACE FUNCTION haven_guardian_children(guardian uuid) RETURNS uuid[]
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
        AS $$ SELECT coalesce(array_agg(child_id), '{}') FROM active_guardian_assignment
              WHERE guardian_id = guardian $$;

      CREATE OR REPLACE FUNCTION haven_treated_as_child(child uuid, on_date date) RETURNS boolean
        LANGUAGE sql STABLE AS $$
        SELECT haven_age_disputed(child, on_date) OR coalesce(
          (SELECT haven_birthday(coalesce((SELECT d.assessed_date_of_birth FROM haven_age_decision(child, on_date) d),
                                          c.claimed_date_of_birth), 18) > on_date
             FROM child c WHERE c.id = child),
          true)
      $$;

      CREATE OR REPLACE FUNCTION haven_retain_until(date_of_birth date, nation text, closure_reason text, closed_on date)
        RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN date_of_birth IS NOT NULL THEN greatest(
          haven_birthday(date_of_birth, CASE nation WHEN 'SCOTLAND' THEN 100 ELSE 75 END),
          CASE WHEN closure_reason = 'DIED' AND closed_on < haven_birthday(date_of_birth, 18)
               THEN (closed_on + make_interval(years => CASE nation WHEN 'SCOTLAND' THEN 25 ELSE 15 END))::date END)
        END
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION haven_retain_until(date_of_birth date, nation text, closure_reason text, closed_on date)
        RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN date_of_birth IS NOT NULL THEN greatest(
          (date_of_birth + make_interval(years => CASE nation WHEN 'SCOTLAND' THEN 100 ELSE 75 END))::date,
          CASE WHEN closure_reason = 'DIED' AND closed_on < (date_of_birth + interval '18 years')::date
               THEN (closed_on + make_interval(years => CASE nation WHEN 'SCOTLAND' THEN 25 ELSE 15 END))::date END)
        END
      $$;
      CREATE OR REPLACE FUNCTION haven_treated_as_child(child uuid, on_date date) RETURNS boolean
        LANGUAGE sql STABLE AS $$
        SELECT haven_age_disputed(child, on_date) OR coalesce(
          (SELECT (coalesce((SELECT d.assessed_date_of_birth FROM haven_age_decision(child, on_date) d),
                            c.claimed_date_of_birth) + interval '18 years')::date > on_date
             FROM child c WHERE c.id = child),
          true)
      $$;
      CREATE OR REPLACE FUNCTION haven_guardian_children(guardian uuid) RETURNS uuid[]
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
        AS $$ SELECT coalesce(array_agg(child_id), '{}') FROM guardian_assignment
              WHERE guardian_id = guardian AND end_date IS NULL $$;
      DROP FUNCTION haven_birthday(date, int);
      DROP VIEW open_age_assessment;
      DROP VIEW active_guardian_assignment;
    `);
  }
}
