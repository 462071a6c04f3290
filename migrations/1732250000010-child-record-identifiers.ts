import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The authority's own identifier for the child (the person id of its case-management system, which the
 * SSDA903 return joins on) and whether anyone in the UK holds parental responsibility (the guardianship
 * schemes turn on it; null while not known).
 */
export class ChildRecordIdentifiers1732250000010 implements MigrationInterface {
  name = 'ChildRecordIdentifiers1732250000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE child
        ADD COLUMN local_child_id text CHECK (char_length(local_child_id) BETWEEN 1 AND 10),
        ADD COLUMN parental_responsibility_in_uk boolean;
      CREATE UNIQUE INDEX child_local_child_id_key ON child (local_authority_id, local_child_id)
        WHERE local_child_id IS NOT NULL;
      CREATE INDEX child_local_child_id_lower_idx ON child (local_authority_id, lower(local_child_id))
        WHERE local_child_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX child_local_child_id_lower_idx;
      DROP INDEX child_local_child_id_key;
      ALTER TABLE child DROP COLUMN parental_responsibility_in_uk, DROP COLUMN local_child_id;
    `);
  }
}
