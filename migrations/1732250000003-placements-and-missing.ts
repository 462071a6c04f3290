import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placements, missing episodes with their return interviews, and the missing-person profile. The
 * database holds what concurrent requests could otherwise break: a child's placements never overlap
 * (so at most one is current), and a child has at most one open missing episode.
 */
export class PlacementsAndMissing1732250000003 implements MigrationInterface {
  name = 'PlacementsAndMissing1732250000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE placement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('FOSTER_CARE', 'SPECIALIST_FOSTER_CARE', 'KINSHIP_CARE',
          'RESIDENTIAL_CHILDRENS_HOME', 'SECURE_CHILDRENS_HOME', 'SUPPORTED_ACCOMMODATION',
          'SPECIALIST_SAFE_ACCOMMODATION', 'INDEPENDENT_LIVING', 'BED_AND_BREAKFAST', 'ADULT_ASYLUM_ACCOMMODATION',
          'IMMIGRATION_DETENTION', 'CUSTODY', 'HOSPITAL', 'OTHER')),
        provider text,
        address text,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('PLANNED_MOVE', 'PLACEMENT_BREAKDOWN', 'CHILD_WENT_MISSING',
          'RETURNED_TO_FAMILY', 'TURNED_18', 'AGE_ASSESSED_ADULT', 'OTHER')),
        out_of_area boolean NOT NULL DEFAULT false,
        specialist boolean NOT NULL DEFAULT false,
        safety_plan boolean NOT NULL DEFAULT false,
        -- an unsafe type for a child, or a person whose age is disputed, when the placement began
        unsafe boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES practitioner (id),
        ended_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE,
        CHECK (ended_at IS NULL OR ended_at > started_at),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
        CONSTRAINT placement_no_overlap EXCLUDE USING gist (child_id WITH =, tstzrange(started_at, ended_at, '[)') WITH &&)
      );
      CREATE INDEX placement_child_idx ON placement (child_id, started_at DESC);
      CREATE INDEX placement_current_unsafe_idx ON placement (local_authority_id) WHERE ended_at IS NULL AND unsafe;

      CREATE TABLE missing_episode (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MISSING', 'AWAY')),
        placement_id uuid REFERENCES placement (id),
        missing_since timestamptz NOT NULL,
        reported_to_police_at timestamptz,
        police_reference text,
        police_risk_level text CHECK (police_risk_level IN ('HIGH', 'MEDIUM', 'LOW', 'NO_APPARENT_RISK')),
        last_seen_location text,
        last_seen_with text,
        circumstances text,
        trafficker_contact_feared boolean NOT NULL DEFAULT false,
        soon_after_placement boolean NOT NULL,
        returned_at timestamptz,
        where_found text,
        found_by text CHECK (found_by IN ('POLICE', 'CARER', 'SELF_RETURNED', 'OTHER')),
        -- the return plus 72 hours: set with the return (timestamptz arithmetic cannot be a generated column)
        return_interview_due_by timestamptz,
        interview_offered_at timestamptz,
        interview_completed_at timestamptz,
        interview_declined boolean NOT NULL DEFAULT false,
        interview_conducted_by text,
        interview_findings text,
        reported_at timestamptz NOT NULL DEFAULT now(),
        reported_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE,
        CHECK (returned_at IS NULL OR returned_at > missing_since),
        CHECK ((returned_at IS NULL) = (return_interview_due_by IS NULL)),
        CHECK (reported_to_police_at IS NULL OR reported_to_police_at >= missing_since),
        CHECK (interview_offered_at IS NULL OR (returned_at IS NOT NULL AND interview_offered_at >= returned_at)),
        CHECK (interview_completed_at IS NULL OR (interview_offered_at IS NOT NULL AND interview_completed_at >= interview_offered_at)),
        CHECK (NOT (interview_declined AND interview_completed_at IS NOT NULL)),
        CONSTRAINT missing_episode_no_overlap EXCLUDE USING gist (child_id WITH =, tstzrange(missing_since, returned_at, '[)') WITH &&)
      );
      CREATE UNIQUE INDEX missing_episode_one_open_idx ON missing_episode (child_id) WHERE returned_at IS NULL;
      CREATE INDEX missing_episode_child_idx ON missing_episode (child_id, missing_since DESC);
      CREATE INDEX missing_episode_open_idx ON missing_episode (local_authority_id) WHERE returned_at IS NULL;

      CREATE TABLE missing_person_profile (
        child_id uuid PRIMARY KEY,
        local_authority_id uuid NOT NULL,
        description text,
        photo_reference text,
        associates text,
        places_of_concern text,
        phone_numbers text,
        social_media text,
        medical_needs text,
        languages text,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE missing_person_profile, missing_episode, placement`);
  }
}
