import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A practitioner with their organisation, defined once: the view `practitioner_row`, which
 * `PractitionersService` lists and loads from, and `haven_practitioner_json` (`practitionerJson`), the
 * same row as JSON for a statement that reads a practitioner alongside other rows (a case file's
 * guardian and allocated worker). The function is PL/pgSQL so that PostgreSQL keeps its plan for each
 * connection: as a subquery, the practitioner's join with their organisation was planned again in every
 * case file, a quarter of that statement's planning (issue 19). Both run with the caller's rights, so
 * row-level security applies as to the query they replace.
 */
export class PractitionerJson1732250000021 implements MigrationInterface {
  name = 'PractitionerJson1732250000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW practitioner_row WITH (security_invoker = true) AS
        SELECT p.id, p.subject, p.name, p.email, p.role, p.organisation_id,
               o.code AS organisation_code, o.name AS organisation_name, o.kind AS organisation_kind,
               o.nation AS organisation_nation
          FROM practitioner p JOIN organisation o ON o.id = p.organisation_id;

      CREATE FUNCTION haven_practitioner_json(practitioner uuid) RETURNS jsonb
        LANGUAGE plpgsql STABLE STRICT AS $$
        BEGIN
          RETURN (SELECT to_jsonb(x) FROM practitioner_row x WHERE x.id = practitioner);
        END
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION haven_practitioner_json(uuid);
      DROP VIEW practitioner_row;
    `);
  }
}
