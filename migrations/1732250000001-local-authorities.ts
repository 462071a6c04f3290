import { MigrationInterface, QueryRunner } from 'typeorm';
import { LOCAL_AUTHORITIES, LocalAuthorityRow } from './reference/local-authorities';

/**
 * Upserts the children's services authorities by code. A later revision of the list ships as a new
 * migration calling `upsertLocalAuthorities` with the revised rows; nothing is ever deleted, since
 * children's records keep pointing at the authority that was responsible.
 */
export async function upsertLocalAuthorities(
  db: QueryRunner,
  rows: readonly LocalAuthorityRow[],
): Promise<void> {
  await db.query(
    `INSERT INTO organisation (code, name, kind, nation)
     SELECT code, name, 'LOCAL_AUTHORITY', nation FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code, name, nation)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, nation = excluded.nation, kind = 'LOCAL_AUTHORITY'`,
    [rows.map((row) => row.code), rows.map((row) => row.name), rows.map((row) => row.nation)],
  );
}

export class LocalAuthorities1732250000001 implements MigrationInterface {
  name = 'LocalAuthorities1732250000001';

  async up(db: QueryRunner): Promise<void> {
    await upsertLocalAuthorities(db, LOCAL_AUTHORITIES);
  }

  async down(): Promise<void> {
    // reference data stays: children's records point at it
  }
}
