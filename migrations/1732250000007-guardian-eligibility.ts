import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The guardian schemes' eligibility (libs/guardianship/src/scheme-rules.ts) in SQL, once, for the rules
 * that read it set-based: the NO_GUARDIAN alert and the dashboard's guardianship coverage.
 */
export class GuardianEligibility1732250000007 implements MigrationInterface {
  name = 'GuardianEligibility1732250000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- England and Wales: referred into the NRM; Scotland and Northern Ireland: every unaccompanied, separated
      -- or trafficked child; within the scheme's age limit unless the age is disputed (benefit of the doubt)
      CREATE FUNCTION haven_guardian_eligible(child uuid, nation text, categories text[], age_disputed boolean,
                                              date_of_birth date, on_date date, ictg int, scotland int, ni int)
        RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT ((nation IN ('ENGLAND', 'WALES') AND EXISTS (SELECT 1 FROM nrm_referral r WHERE r.child_id = child))
                OR (nation IN ('SCOTLAND', 'NORTHERN_IRELAND')
                    AND (categories && ARRAY['UNACCOMPANIED_ASYLUM_SEEKING', 'SEPARATED', 'TRAFFICKED']
                         OR EXISTS (SELECT 1 FROM nrm_referral r WHERE r.child_id = child))))
           AND (age_disputed OR date_of_birth IS NULL
                OR (date_of_birth + make_interval(years => CASE nation WHEN 'SCOTLAND' THEN scotland
                      WHEN 'NORTHERN_IRELAND' THEN ni ELSE ictg END))::date > on_date)
      $$;

      CREATE FUNCTION haven_has_guardian(child uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM guardian_assignment ga
                        WHERE ga.child_id = child AND ga.end_date IS NULL AND ga.scheme <> 'OTHER_ADVOCATE')
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION haven_has_guardian(uuid);
      DROP FUNCTION haven_guardian_eligible(uuid, text, text[], boolean, date, date, int, int, int);
    `);
  }
}
