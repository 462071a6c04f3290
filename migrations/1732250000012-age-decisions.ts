import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The age decision that stands, once, in SQL (the age-assessment capability's rule; read by the child's
 * effective date of birth, closing a case as AGE_ASSESSED_ADULT, unsafe placements and the alert scan):
 *
 * - a court's final determination overrides any local assessment, even a later one;
 * - otherwise the latest decision by the date it was made (not the latest row written): a local
 *   authority's outcome counts from its completion until a judicial review is brought;
 * - a dispute is open from the day it is raised until its outcome, and again from a judicial review to the
 *   court's determination; meanwhile the person is treated as a child (benefit of the doubt).
 *
 * Every function takes the date it judges on (null: now, from the statuses), so that the alert scan can
 * evaluate "as of" an instant. History is kept: the local authority's own outcome is no longer replaced by
 * a court's, it stays in local_outcome beside the outcome that stands.
 */
export class AgeDecisions1732250000012 implements MigrationInterface {
  name = 'AgeDecisions1732250000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE age_assessment
        ADD COLUMN local_outcome text CHECK (local_outcome IN ('CLAIMED_AGE_ACCEPTED', 'ASSESSED_YOUNGER',
          'ASSESSED_OLDER_STILL_CHILD', 'ASSESSED_ADULT')),
        ADD COLUMN local_assessed_date_of_birth date;
      -- a court's replacement overwrote the local outcome until now: only the others can be told
      UPDATE age_assessment SET local_outcome = outcome, local_assessed_date_of_birth = assessed_date_of_birth
       WHERE outcome IS NOT NULL AND final_determined_by IS DISTINCT FROM 'COURT';

      CREATE FUNCTION haven_age_decision(child uuid, on_date date DEFAULT NULL)
        RETURNS TABLE (assessment_id uuid, outcome text, assessed_date_of_birth date, decided_on date, by_court boolean)
        LANGUAGE sql STABLE AS $$
        SELECT d.id, d.outcome, d.dob, d.decided_on, d.by_court FROM (
          SELECT a.id, a.outcome, a.assessed_date_of_birth AS dob, a.finalised_on AS decided_on, true AS by_court,
                 a.created_at
            FROM age_assessment a
           WHERE a.child_id = child AND a.status = 'FINAL' AND a.final_determined_by = 'COURT'
             AND a.finalised_on <= coalesce(on_date, 'infinity'::date)
          UNION ALL
          SELECT a.id, coalesce(a.local_outcome, a.outcome), coalesce(a.local_assessed_date_of_birth, a.assessed_date_of_birth),
                 a.completed_on, false, a.created_at
            FROM age_assessment a
           WHERE a.child_id = child AND a.status IN ('COMPLETED', 'CHALLENGED', 'FINAL')
             AND a.completed_on <= coalesce(on_date, 'infinity'::date)
             AND (a.challenged_on IS NULL OR a.challenged_on > coalesce(on_date, 'infinity'::date))
        ) d
        ORDER BY d.by_court DESC, d.decided_on DESC, d.created_at DESC
        LIMIT 1
      $$;

      CREATE FUNCTION haven_age_disputed(child uuid, on_date date DEFAULT NULL) RETURNS boolean
        LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
          SELECT 1 FROM age_assessment a
           WHERE a.child_id = child
             AND ((a.raised_on <= coalesce(on_date, 'infinity'::date)
                   AND (a.completed_on IS NULL OR a.completed_on > coalesce(on_date, 'infinity'::date)))
               OR (a.challenged_on <= coalesce(on_date, 'infinity'::date)
                   AND (a.finalised_on IS NULL OR a.finalised_on > coalesce(on_date, 'infinity'::date)))))
      $$;

      -- a child, or a person whose age is disputed, on a date: unknown age counts as a child
      CREATE FUNCTION haven_treated_as_child(child uuid, on_date date) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT haven_age_disputed(child, on_date) OR coalesce(
          (SELECT (coalesce((SELECT d.assessed_date_of_birth FROM haven_age_decision(child, on_date) d),
                            c.claimed_date_of_birth) + interval '18 years')::date > on_date
             FROM child c WHERE c.id = child),
          true)
      $$;

      -- the effective date of birth follows the decision that stands now
      CREATE OR REPLACE FUNCTION haven_assessed_date_of_birth(child uuid) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT d.assessed_date_of_birth FROM haven_age_decision(child) d
      $$;
      UPDATE child c SET effective_date_of_birth = coalesce(haven_assessed_date_of_birth(c.id), c.claimed_date_of_birth)
       WHERE c.effective_date_of_birth IS DISTINCT FROM coalesce(haven_assessed_date_of_birth(c.id), c.claimed_date_of_birth);

      -- unsafe types are rare: the scan finds those current at any instant through this
      CREATE INDEX placement_unsafe_type_idx ON placement (local_authority_id, started_at)
        WHERE type IN ('BED_AND_BREAKFAST', 'ADULT_ASYLUM_ACCOMMODATION', 'IMMIGRATION_DETENTION');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX placement_unsafe_type_idx;
      CREATE OR REPLACE FUNCTION haven_assessed_date_of_birth(child uuid) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT assessed_date_of_birth FROM age_assessment
         WHERE child_id = child AND status IN ('COMPLETED', 'FINAL')
         ORDER BY coalesce(finalised_on, completed_on) DESC, created_at DESC LIMIT 1
      $$;
      DROP FUNCTION haven_treated_as_child(uuid, date);
      DROP FUNCTION haven_age_disputed(uuid, date);
      DROP FUNCTION haven_age_decision(uuid, date);
      ALTER TABLE age_assessment DROP COLUMN local_assessed_date_of_birth, DROP COLUMN local_outcome;
    `);
  }
}
