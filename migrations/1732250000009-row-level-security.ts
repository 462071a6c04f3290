import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose every row is about one child, by `child_id` and the child's `local_authority_id`. */
export const CHILD_ROW_TABLES = [
  'age_assessment',
  'alert',
  'audit_event',
  'durable_solution',
  'guardian_assignment',
  'guardian_contact',
  'meeting_action',
  'meeting_child',
  'missing_episode',
  'missing_person_profile',
  'nrm_decision',
  'nrm_referral',
  'placement',
  'turned_18_without_solution',
] as const;

/** The tables this migration puts under row-level security: the child rows, the child itself, and what hangs off them. */
const SCOPED_HERE = [
  ...CHILD_ROW_TABLES,
  'child',
  'meeting',
  'meeting_attendee',
  'notification_outbox',
] as const;

/** Every table under row-level security: those above, and the transactions that wrote what one authority's dashboard reads (migration 020). */
export const SCOPED_TABLES = [...SCOPED_HERE, 'dashboard_change'] as const;

// The transaction's scope, as set by the service (libs/platform/src/access/database-scope.ts). Each
// is a scalar subquery, so PostgreSQL evaluates it once per statement (an InitPlan), not once per
// row; read with current_setting directly rather than through a function, which the planner would
// inline afresh for every table a statement touches. A setting never made reads as NULL or ''.
// The casts sit inside the subqueries, so that a setting is parsed once, not for every row; the outer
// uuid[] keeps `= ANY (...)` an array comparison rather than a subquery's.
const setting = (name: string) =>
  `(SELECT coalesce(nullif(current_setting('haven.${name}', true), ''), '{}')::uuid[])::uuid[]`;
const SYSTEM = `(SELECT current_setting('haven.system', true) = 'on') IS TRUE`;
// staff work in exactly one authority: a plain comparison, the cheapest test for the commonest scope
const AUTHORITY = `(SELECT nullif(current_setting('haven.authority', true), '')::uuid)`;
const CHILDREN = setting('children');
const READ_AUTHORITIES = setting('read_authorities');

/** Rows the transaction's scope may read and write: all (system work), its authority's, its children's. */
export function inScope(authority: string, child?: string): string {
  const byAuthority = `${SYSTEM} OR ${authority} = ${AUTHORITY}`;
  return child ? `${byAuthority} OR ${child} = ANY (${CHILDREN})` : byAuthority;
}

/**
 * Rows an analyst's transaction may read for aggregates. A UK-wide analyst's transaction names every
 * authority: a hashed lookup (IN over a subquery), not a scan of a 200-element array for each of a
 * million rows.
 */
export const inAggregateScope = (authority: string) => `${authority} IN (SELECT unnest(${READ_AUTHORITIES}))`;

function policies(table: string, using: string, aggregateUsing?: string): string {
  const aggregate = aggregateUsing
    ? `CREATE POLICY haven_aggregate ON ${table} FOR SELECT USING (${aggregateUsing});`
    : '';
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY haven_scope ON ${table} USING (${using}) WITH CHECK (${using});
    ${aggregate}`;
}

/**
 * Row-level security, the database's own copy of the scope rule (defence in depth beneath the
 * services' `childScope`). The service connects as a role that owns no table (provisioned at start,
 * see libs/platform/src/database/service-role.ts) and states its scope at the start of every
 * transaction with `set_config(..., true)`: the authority of a social worker or team manager, the
 * children actively assigned to a guardian, the authorities whose aggregates an analyst may read,
 * or the whole country for the service's own scheduled work. A statement that forgets the scope in
 * code sees, and may write, nothing outside it; a transaction that states none sees nothing at all.
 * The owner (migrations, seed, purge) is not subject to the policies.
 */
export class RowLevelSecurity1732250000009 implements MigrationInterface {
  name = 'RowLevelSecurity1732250000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- A guardian's scope: the children actively assigned to them, read past the policies (by the
      -- owner) once per transaction, since guardian_assignment is itself scoped.
      CREATE FUNCTION haven_guardian_children(guardian uuid) RETURNS uuid[]
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
        AS $$ SELECT coalesce(array_agg(child_id), '{}') FROM guardian_assignment
              WHERE guardian_id = guardian AND end_date IS NULL $$;
      REVOKE EXECUTE ON FUNCTION haven_guardian_children(uuid) FROM PUBLIC;

      -- The service role's password, made once per database and readable by the owner alone.
      CREATE TABLE haven_service_credential (
        role_name name PRIMARY KEY,
        password text NOT NULL
      );
      REVOKE ALL ON haven_service_credential FROM PUBLIC;

      -- what is read from an index alone must carry what the policies read too (authority and child)
      DROP INDEX missing_episode_one_open_idx;
      CREATE UNIQUE INDEX missing_episode_one_open_idx ON missing_episode (child_id) INCLUDE (local_authority_id)
        WHERE returned_at IS NULL;
      DROP INDEX missing_episode_authority_returned_idx;
      CREATE INDEX missing_episode_authority_returned_idx ON missing_episode (local_authority_id, returned_at)
        INCLUDE (interview_offered_at, child_id) WHERE returned_at IS NOT NULL;
    `);
    const aggregate = inAggregateScope;
    const statements = [
      ...CHILD_ROW_TABLES.map((table) =>
        policies(table, inScope('local_authority_id', 'child_id'), aggregate('local_authority_id')),
      ),
      policies('child', inScope('local_authority_id', 'id'), aggregate('local_authority_id')),
      // a guardian sees the meetings that discuss their children, wherever hosted
      policies(
        'meeting',
        `${inScope('local_authority_id')} OR EXISTS (SELECT 1 FROM meeting_child mc
           WHERE mc.meeting_id = meeting.id AND mc.child_id = ANY (${CHILDREN}))`,
        aggregate('local_authority_id'),
      ),
      policies(
        'meeting_attendee',
        `EXISTS (SELECT 1 FROM meeting m WHERE m.id = meeting_attendee.meeting_id)`,
      ),
      // Delivery is the service's own work: only a system transaction reads or updates the outbox. A
      // request that raises an alert enqueues its notification in the same statement as the alert
      // (which that statement cannot yet see), so an insert is checked by the foreign key alone.
      `ALTER TABLE notification_outbox ENABLE ROW LEVEL SECURITY;
       CREATE POLICY haven_scope ON notification_outbox USING (${SYSTEM}) WITH CHECK (${SYSTEM});
       CREATE POLICY haven_enqueue ON notification_outbox FOR INSERT WITH CHECK (true);`,
    ];
    await db.query(statements.join('\n'));
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of SCOPED_HERE) {
      await db.query(`
        DROP POLICY IF EXISTS haven_scope ON ${table};
        DROP POLICY IF EXISTS haven_aggregate ON ${table};
        DROP POLICY IF EXISTS haven_enqueue ON ${table};
        ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY;`);
    }
    await db.query(`
      DROP TABLE haven_service_credential;
      DROP FUNCTION haven_guardian_children(uuid);
      DROP INDEX missing_episode_one_open_idx;
      CREATE UNIQUE INDEX missing_episode_one_open_idx ON missing_episode (child_id) WHERE returned_at IS NULL;
      DROP INDEX missing_episode_authority_returned_idx;
      CREATE INDEX missing_episode_authority_returned_idx ON missing_episode (local_authority_id, returned_at)
        INCLUDE (interview_offered_at) WHERE returned_at IS NOT NULL;
    `);
  }
}
