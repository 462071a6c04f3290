import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each outbox row records the transaction that wrote it, so that an instance can read exactly what
 * committed between two snapshots: the alert listener passes on a burst, or what it missed while its
 * connection was down, from the outbox rather than from one NOTIFY at a time.
 */
export class OutboxTransactionIds1732250000016 implements MigrationInterface {
  name = 'OutboxTransactionIds1732250000016';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification_outbox ADD COLUMN xact xid8 NOT NULL DEFAULT pg_current_xact_id();
      CREATE INDEX notification_outbox_xact_idx ON notification_outbox (xact);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_outbox DROP COLUMN xact`);
  }
}
