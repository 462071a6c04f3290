import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the child was first recorded as (potentially) trafficked: in England and Wales eligibility for an
 * ICTG starts then, or at the first NRM referral if that came first, and NO_GUARDIAN counts its two
 * days from the earlier (libs/guardianship/src/scheme-rules.sql.ts). Kept by a trigger, whatever writes
 * the categories: the registration of a child registered as trafficked, otherwise the moment the
 * category was added (an NRM referral adds it); cleared when the category is removed.
 */
export class TraffickedSince1732250000011 implements MigrationInterface {
  name = 'TraffickedSince1732250000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE child ADD COLUMN trafficked_since timestamptz(3);
      -- the best that is known of the children already recorded
      UPDATE child SET trafficked_since = registered_at WHERE 'TRAFFICKED' = ANY(categories);

      CREATE FUNCTION child_trafficked_since() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT ('TRAFFICKED' = ANY(NEW.categories)) THEN
          NEW.trafficked_since := NULL;
        ELSIF TG_OP = 'INSERT' THEN
          NEW.trafficked_since := coalesce(NEW.trafficked_since, NEW.registered_at);
        ELSIF NOT ('TRAFFICKED' = ANY(OLD.categories)) OR OLD.trafficked_since IS NULL THEN
          NEW.trafficked_since := now();
        ELSE
          NEW.trafficked_since := OLD.trafficked_since;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER child_trafficked_since BEFORE INSERT OR UPDATE OF categories ON child
        FOR EACH ROW EXECUTE FUNCTION child_trafficked_since();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER child_trafficked_since ON child;
      DROP FUNCTION child_trafficked_since();
      ALTER TABLE child DROP COLUMN trafficked_since;
    `);
  }
}
