import { MigrationInterface, QueryRunner } from 'typeorm';
import { inAggregateScope, inScope } from './1732250000009-row-level-security';

/**
 * What one authority's dashboard reads, directly or through the views and functions it uses, and the
 * column naming the authority each row belongs to. A write to any of them may change its figures.
 */
export const DASHBOARD_SOURCES: Readonly<Record<string, string>> = {
  child: 'local_authority_id',
  missing_episode: 'local_authority_id',
  nrm_referral: 'local_authority_id',
  placement: 'local_authority_id',
  guardian_assignment: 'local_authority_id',
  age_assessment: 'local_authority_id',
  durable_solution: 'local_authority_id',
  turned_18_without_solution: 'local_authority_id',
  // the authority's nation decides its guardian scheme
  organisation: 'id',
};

/**
 * One authority's dashboard kept until a write changes it (issue 19, item 2). Every transaction that
 * writes a row the dashboard reads records, in the same transaction, that it wrote to that authority:
 * one row per (authority, transaction) in `dashboard_change`, inserted by statement-level triggers
 * (`haven_dashboard_changed`, statistics' own) on the tables above. Inserting only, and never the same
 * row from two transactions, so concurrent writers neither wait for each other nor lose anything.
 *
 * A kept answer (a `dashboard_rollup` row with `snapshot` and `valid_until`) stores the snapshot it was
 * computed under; it is current while every change row of its authority is visible in that snapshot
 * (a transaction that had not committed when it was computed has written since) and the clock has not
 * reached `valid_until` (the next London midnight, or an open episode passing seven days).
 *
 * Also: current placements by authority, for the dashboard's children in unsafe placements (a
 * sequential scan of every placement before, 35–55 ms on the national data).
 */
export class DashboardKeptAnswers1732250000020 implements MigrationInterface {
  name = 'DashboardKeptAnswers1732250000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX placement_current_authority_idx ON placement (local_authority_id) INCLUDE (child_id, type)
        WHERE ended_at IS NULL;

      CREATE TABLE dashboard_change (
        local_authority_id uuid NOT NULL,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        PRIMARY KEY (local_authority_id, xid)
      );
      ALTER TABLE dashboard_change ENABLE ROW LEVEL SECURITY;
      CREATE POLICY haven_scope ON dashboard_change
        USING (${inScope('local_authority_id')}) WITH CHECK (${inScope('local_authority_id')});
      CREATE POLICY haven_aggregate ON dashboard_change FOR SELECT USING (${inAggregateScope('local_authority_id')});

      ALTER TABLE dashboard_rollup ADD COLUMN snapshot pg_snapshot, ADD COLUMN valid_until timestamptz;

      -- Run as the owner (past row-level security: a guardian's or the scan's write counts too), once per
      -- statement; the authority is TG_ARGV[0]'s column of the rows written (before and after an update).
      CREATE FUNCTION haven_dashboard_changed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE format('INSERT INTO dashboard_change (local_authority_id)
                          SELECT DISTINCT %1$I FROM written WHERE %1$I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0]);
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format('INSERT INTO dashboard_change (local_authority_id)
                          SELECT DISTINCT %1$I FROM unwritten WHERE %1$I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0]);
        ELSE
          EXECUTE format('INSERT INTO dashboard_change (local_authority_id)
                          SELECT %1$I FROM written WHERE %1$I IS NOT NULL
                          UNION SELECT %1$I FROM unwritten WHERE %1$I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$;
      REVOKE EXECUTE ON FUNCTION haven_dashboard_changed() FROM PUBLIC;

      CREATE FUNCTION haven_dashboard_truncated() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        DELETE FROM dashboard_rollup WHERE snapshot IS NOT NULL;
        RETURN NULL;
      END $$;
      REVOKE EXECUTE ON FUNCTION haven_dashboard_truncated() FROM PUBLIC;

      -- Forgets the changes written before a horizon (an xmin the caller read at least one interval ago,
      -- so that every snapshot still computing an answer was taken after it and saw them), and with them
      -- every kept answer computed under an older snapshot, which may not have. The service's role may
      -- delete neither table itself.
      CREATE FUNCTION haven_dashboard_forget(horizon xid8) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        forgotten bigint;
      BEGIN
        DELETE FROM dashboard_rollup WHERE snapshot IS NOT NULL AND pg_snapshot_xmin(snapshot) < horizon;
        DELETE FROM dashboard_change WHERE xid < horizon;
        GET DIAGNOSTICS forgotten = ROW_COUNT;
        RETURN forgotten;
      END $$;
      REVOKE EXECUTE ON FUNCTION haven_dashboard_forget(xid8) FROM PUBLIC;
    `);
    for (const [table, authority] of Object.entries(DASHBOARD_SOURCES)) {
      await db.query(`
        CREATE TRIGGER ${table}_dashboard_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS written
          FOR EACH STATEMENT EXECUTE FUNCTION haven_dashboard_changed('${authority}');
        CREATE TRIGGER ${table}_dashboard_updated AFTER UPDATE ON ${table}
          REFERENCING OLD TABLE AS unwritten NEW TABLE AS written
          FOR EACH STATEMENT EXECUTE FUNCTION haven_dashboard_changed('${authority}');
        CREATE TRIGGER ${table}_dashboard_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS unwritten
          FOR EACH STATEMENT EXECUTE FUNCTION haven_dashboard_changed('${authority}');
        -- emptied without a trace: no kept answer of any authority can be trusted
        CREATE TRIGGER ${table}_dashboard_truncated AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION haven_dashboard_truncated();
      `);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of Object.keys(DASHBOARD_SOURCES)) {
      await db.query(`
        DROP TRIGGER ${table}_dashboard_inserted ON ${table};
        DROP TRIGGER ${table}_dashboard_updated ON ${table};
        DROP TRIGGER ${table}_dashboard_deleted ON ${table};
        DROP TRIGGER ${table}_dashboard_truncated ON ${table};
      `);
    }
    await db.query(`
      DROP FUNCTION haven_dashboard_forget(xid8);
      DROP FUNCTION haven_dashboard_changed();
      DROP FUNCTION haven_dashboard_truncated();
      DELETE FROM dashboard_rollup WHERE snapshot IS NOT NULL;
      ALTER TABLE dashboard_rollup DROP COLUMN snapshot, DROP COLUMN valid_until;
      DROP TABLE dashboard_change;
      DROP INDEX placement_current_authority_idx;
    `);
  }
}
