import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guardian assignments and contacts, and age assessments. The database holds the rules that must
 * survive concurrent requests: assignments of one child in one scheme role never overlap (so at most
 * one is active), at most one age dispute is open per child, and the child's effective date of birth
 * and "age disputed" flag always follow its assessments.
 */
export class GuardianshipAndAgeAssessment1732250000002 implements MigrationInterface {
  name = 'GuardianshipAndAgeAssessment1732250000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE guardian_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        guardian_id uuid NOT NULL REFERENCES practitioner (id),
        provider_id uuid NOT NULL REFERENCES organisation (id),
        scheme text NOT NULL CHECK (scheme IN ('ICTG_DIRECT', 'ICTG_REGIONAL_COORDINATOR', 'SCOTTISH_GUARDIANSHIP',
          'NI_INDEPENDENT_GUARDIAN', 'OTHER_ADVOCATE')),
        -- a child has one guardian (whichever scheme) and at most one other advocate at a time
        scheme_role text GENERATED ALWAYS AS
          (CASE WHEN scheme = 'OTHER_ADVOCATE' THEN 'ADVOCATE' ELSE 'GUARDIAN' END) STORED,
        start_date date NOT NULL,
        end_date date,
        end_reason text CHECK (end_reason IN ('AGE_LIMIT_REACHED', 'GUARDIAN_CHANGED', 'MOVED_OUT_OF_AREA',
          'NO_LONGER_ELIGIBLE', 'OTHER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES practitioner (id),
        ended_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE,
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((end_date IS NULL) = (end_reason IS NULL)),
        CONSTRAINT guardian_assignment_no_overlap EXCLUDE USING gist (
          child_id WITH =, scheme_role WITH =, daterange(start_date, end_date, '[)') WITH &&)
      );
      CREATE INDEX guardian_assignment_child_idx ON guardian_assignment (child_id, start_date DESC);
      CREATE INDEX guardian_assignment_active_guardian_idx ON guardian_assignment (guardian_id, child_id)
        WHERE end_date IS NULL;

      CREATE TABLE guardian_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        assignment_id uuid NOT NULL REFERENCES guardian_assignment (id),
        guardian_id uuid NOT NULL REFERENCES practitioner (id),
        contacted_at timestamptz NOT NULL,
        mode text NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO', 'MESSAGE')),
        summary text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE
      );
      CREATE INDEX guardian_contact_child_idx ON guardian_contact (child_id, contacted_at DESC);

      CREATE TABLE age_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        raised_on date NOT NULL,
        raised_by text NOT NULL,
        reason text,
        claimed_date_of_birth date,
        status text NOT NULL DEFAULT 'RAISED'
          CHECK (status IN ('RAISED', 'IN_PROGRESS', 'COMPLETED', 'CHALLENGED', 'FINAL')),
        started_on date,
        outcome text CHECK (outcome IN ('CLAIMED_AGE_ACCEPTED', 'ASSESSED_YOUNGER', 'ASSESSED_OLDER_STILL_CHILD',
          'ASSESSED_ADULT')),
        assessed_date_of_birth date,
        completed_on date,
        two_assessors boolean,
        appropriate_adult boolean,
        interpreter_used boolean,
        adverse_points_put boolean,
        written_reasons boolean,
        challenged_on date,
        challenge_notes text,
        finalised_on date,
        final_determined_by text CHECK (final_determined_by IN ('LOCAL_AUTHORITY', 'COURT')),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE,
        CHECK ((status IN ('RAISED', 'IN_PROGRESS')) = (outcome IS NULL)),
        CHECK (outcome IS NULL OR (assessed_date_of_birth IS NOT NULL AND completed_on IS NOT NULL)),
        -- the lawful-assessment (Merton) safeguards are a precondition of an adult determination
        CHECK (outcome IS DISTINCT FROM 'ASSESSED_ADULT' OR final_determined_by = 'COURT' OR
          (two_assessors AND appropriate_adult AND adverse_points_put AND written_reasons))
      );
      CREATE INDEX age_assessment_child_idx ON age_assessment (child_id, raised_on DESC);
      CREATE UNIQUE INDEX age_assessment_one_open_idx ON age_assessment (child_id)
        WHERE status IN ('RAISED', 'IN_PROGRESS', 'CHALLENGED');

      -- The effective date of birth every age rule uses: the assessed one of the latest completed (or
      -- final) assessment, otherwise the claimed one. A challenged assessment does not count while it is
      -- challenged, and the person is treated as a child meanwhile (benefit of the doubt).
      CREATE FUNCTION haven_assessed_date_of_birth(child uuid) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT assessed_date_of_birth FROM age_assessment
         WHERE child_id = child AND status IN ('COMPLETED', 'FINAL')
         ORDER BY coalesce(finalised_on, completed_on) DESC, created_at DESC LIMIT 1
      $$;

      CREATE FUNCTION child_effective_date_of_birth() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.effective_date_of_birth := coalesce(haven_assessed_date_of_birth(NEW.id), NEW.claimed_date_of_birth);
        RETURN NEW;
      END $$;
      CREATE TRIGGER child_effective_date_of_birth BEFORE INSERT OR UPDATE OF claimed_date_of_birth ON child
        FOR EACH ROW EXECUTE FUNCTION child_effective_date_of_birth();

      CREATE FUNCTION age_assessment_updates_child() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE child c
           SET effective_date_of_birth = coalesce(haven_assessed_date_of_birth(c.id), c.claimed_date_of_birth),
               age_disputed = EXISTS (SELECT 1 FROM age_assessment a
                                       WHERE a.child_id = c.id AND a.status IN ('RAISED', 'IN_PROGRESS', 'CHALLENGED')),
               version = c.version + 1,
               updated_at = now()
         WHERE c.id = NEW.child_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER age_assessment_updates_child AFTER INSERT OR UPDATE ON age_assessment
        FOR EACH ROW EXECUTE FUNCTION age_assessment_updates_child();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER child_effective_date_of_birth ON child;
      DROP TABLE age_assessment, guardian_contact, guardian_assignment;
      DROP FUNCTION age_assessment_updates_child(), child_effective_date_of_birth(), haven_assessed_date_of_birth(uuid);
    `);
  }
}
