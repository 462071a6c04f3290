import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A practitioner as JSON (`practitionerJson`): the row `PractitionersService` reads, with the
 * organisation's fields, for a statement that reads a practitioner alongside other rows (a case file's
 * guardian and allocated worker). In PL/pgSQL so that PostgreSQL keeps its plan for each connection:
 * as a subquery, the practitioner's join with their organisation was planned again in every case file,
 * a quarter of that statement's planning (issue 19). Invoked with the caller's rights, so row-level
 * security applies as to the subquery it replaces.
 */
export class PractitionerJson1732250000021 implements MigrationInterface {
  name = 'PractitionerJson1732250000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION haven_practitioner_json(practitioner uuid) RETURNS jsonb
        LANGUAGE plpgsql STABLE STRICT AS $$
        BEGIN
          RETURN (SELECT to_jsonb(x) FROM (
            SELECT p.id, p.subject, p.name, p.email, p.role, o.id AS organisation_id,
                   o.code AS organisation_code, o.name AS organisation_name, o.kind AS organisation_kind,
                   o.nation AS organisation_nation
              FROM practitioner p JOIN organisation o ON o.id = p.organisation_id
             WHERE p.id = practitioner) x);
        END
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION haven_practitioner_json(uuid)`);
  }
}
