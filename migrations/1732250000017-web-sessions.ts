import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web application's browser sessions (express-session through connect-pg-simple): who signed in
 * (the claims their identity provider vouched for), when, and the session's CSRF token. Never anything
 * about a child. Expired rows are pruned by the store; signing out deletes the row.
 */
export class WebSessions1732250000017 implements MigrationInterface {
  name = 'WebSessions1732250000017';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE web_session (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamptz(6) NOT NULL
      );
      CREATE INDEX web_session_expire ON web_session (expire);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE web_session');
  }
}
