import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-agency meetings: attendees, the children discussed with a decision each, and actions. A
 * MISSING_REVIEW's agenda is filled when it is scheduled; an LSCB_SUBGROUP meeting holds no child-level
 * data, which the database refuses as well.
 */
export class Meetings1732250000005 implements MigrationInterface {
  name = 'Meetings1732250000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        local_authority_id uuid NOT NULL REFERENCES organisation (id),
        type text NOT NULL CHECK (type IN ('STRATEGY_DISCUSSION', 'CHILD_EXPLOITATION', 'MISSING_REVIEW',
          'LOOKED_AFTER_REVIEW', 'BEST_INTERESTS', 'LSCB_SUBGROUP', 'OTHER')),
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
        scheduled_for timestamptz(3) NOT NULL,
        held_at timestamptz,
        chair text,
        -- a MISSING_REVIEW discusses the episodes since this instant
        agenda_since timestamptz,
        cancelled_at timestamptz,
        cancellation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES practitioner (id),
        CHECK ((status = 'HELD') = (held_at IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      );
      CREATE INDEX meeting_authority_idx ON meeting (local_authority_id, scheduled_for DESC, id DESC);
      CREATE INDEX meeting_missing_review_held_idx ON meeting (local_authority_id, held_at DESC)
        WHERE type = 'MISSING_REVIEW' AND status = 'HELD';

      CREATE TABLE meeting_attendee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        name text NOT NULL,
        agency text NOT NULL,
        role text,
        attended boolean,
        UNIQUE (meeting_id, name)
      );

      CREATE TABLE meeting_child (
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        added_because text NOT NULL CHECK (added_because IN ('NAMED', 'MISSING_SINCE_LAST_REVIEW', 'MISSING_NOW')),
        decision text,
        PRIMARY KEY (meeting_id, child_id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE
      );
      CREATE INDEX meeting_child_child_idx ON meeting_child (child_id);

      CREATE TABLE meeting_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        local_authority_id uuid NOT NULL REFERENCES organisation (id),
        child_id uuid,
        description text NOT NULL,
        owner text NOT NULL,
        due_on date NOT NULL,
        completed_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (meeting_id, child_id) REFERENCES meeting_child (meeting_id, child_id)
      );
      CREATE INDEX meeting_action_open_idx ON meeting_action (due_on) WHERE completed_on IS NULL;

      -- no child-level data in an LSCB subgroup meeting, whatever writes it
      CREATE FUNCTION meeting_child_not_in_subgroup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM meeting m WHERE m.id = NEW.meeting_id AND m.type = 'LSCB_SUBGROUP') THEN
          RAISE EXCEPTION 'an LSCB subgroup meeting holds no child-level data' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER meeting_child_not_in_subgroup BEFORE INSERT OR UPDATE ON meeting_child
        FOR EACH ROW EXECUTE FUNCTION meeting_child_not_in_subgroup();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE meeting_action, meeting_child, meeting_attendee, meeting;
      DROP FUNCTION meeting_child_not_in_subgroup();
    `);
  }
}
