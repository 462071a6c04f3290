import { Client, Pool } from 'pg';
import { DatabaseScope, provisionServiceRole, scopeStatement } from '@haven/platform';
import { CHILD_ROW_TABLES, SCOPED_TABLES } from '../migrations/1732250000009-row-level-security';
import { fileCase, practitionerId, today } from './support/factories';
import { guardian, HILLINGDON, KENT, socialWorker, TestApp } from './support/test-app';

/**
 * Defence in depth (quality.md, security): the service connects as a role that owns no table, and
 * every table holding child data has row-level security keyed by the child's authority (and, for a
 * guardian, the active assignment). These tests talk to PostgreSQL as that role, with statements
 * that carry no scope of their own — as a query that forgot it in code would — and show that only
 * the transaction's stated scope is ever seen or written.
 */
const AUTHORITIES = [HILLINGDON, KENT] as const;

/** Rows of a scoped table outside a set of authorities (meeting attendees by their meeting's host). */
function outside(table: string): string {
  if (table === 'meeting_attendee')
    return `SELECT count(*)::int AS n FROM meeting_attendee a
             WHERE NOT EXISTS (SELECT 1 FROM meeting m WHERE m.id = a.meeting_id AND m.local_authority_id = ANY ($1::uuid[]))`;
  if (table === 'notification_outbox')
    return `SELECT count(*)::int AS n FROM notification_outbox WHERE $1::uuid[] IS NOT NULL`;
  return `SELECT count(*)::int AS n FROM ${table} WHERE NOT (local_authority_id = ANY ($1::uuid[]))`;
}

describe('row-level security', () => {
  let app: TestApp;
  let service: Pool;
  let role: string;
  const staff = AUTHORITIES.map((code) => socialWorker(code, `sw-rls-${code}`));
  const guardians = AUTHORITIES.map((code) => guardian('ICTG-RLS', `g-rls-${code}`));
  const authorityIds: string[] = [];
  const childIds: string[] = [];
  const assignments: string[] = [];

  /** Runs `statements` as the service's role in one transaction with `scope` stated (or none). */
  async function asService<T>(scope: DatabaseScope | null, work: (db: Client) => Promise<T>): Promise<T> {
    const db = (await service.connect()) as unknown as Client & { release(): void };
    try {
      await db.query('BEGIN');
      if (scope) await db.query(scopeStatement(scope));
      return await work(db);
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      db.release();
    }
  }

  const count = async (db: Client, sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(sql, params)).rows[0].n;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '0' });
    for (const [index, caller] of staff.entries()) {
      const file = await fileCase(app, caller, guardians[index]);
      childIds.push(file.childId);
      assignments.push(file.assignmentId);
    }
    for (const code of AUTHORITIES) {
      const [row] = await app.query<{ id: string }>(`SELECT id FROM organisation WHERE code = $1`, [code]);
      authorityIds.push(row.id);
    }
    // the scan writes these for a child who turned 18 without a durable solution
    await app.query(
      `INSERT INTO turned_18_without_solution (child_id, local_authority_id, turned_18_on)
       SELECT id, local_authority_id, current_date FROM child WHERE id = ANY ($1::uuid[])`,
      [childIds],
    );
    // the service provisioned its role at start; provisioning again is idempotent and gives its login
    const url = await provisionServiceRole(app.databaseUrl);
    role = decodeURIComponent(new URL(url).username);
    service = new Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    await service?.end();
    await app.close();
  });

  it('has records of both authorities in every scoped table, as the owner sees them', async () => {
    for (const table of [...CHILD_ROW_TABLES, 'child', 'meeting']) {
      const [row] = await app.query<{ n: number }>(
        `SELECT count(DISTINCT local_authority_id)::int AS n FROM ${table} WHERE local_authority_id = ANY ($1::uuid[])`,
        [authorityIds],
      );
      expect({ table, authorities: row.n }).toEqual({ table, authorities: 2 });
    }
    for (const table of ['meeting_attendee', 'notification_outbox']) {
      const [row] = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, rows: row.n >= 2 }).toEqual({ table, rows: true });
    }
  });

  it('puts every table that holds child data under row-level security', async () => {
    const tables = await app.query<{ name: string; rls: boolean; policies: number }>(
      `SELECT c.relname AS name, c.relrowsecurity AS rls,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('child_id', 'local_authority_id') AND NOT a.attisdropped)
               OR c.relname = ANY ($1::text[]))
        ORDER BY 1`,
      [[...SCOPED_TABLES]],
    );
    expect(tables.map((table) => table.name).sort()).toEqual([...SCOPED_TABLES].sort());
    for (const table of tables) expect(table).toMatchObject({ rls: true, policies: expect.any(Number) });
    expect(tables.every((table) => table.policies >= 1)).toBe(true);
  });

  it('connects the service as a role that owns no table, bypasses nothing, deletes nothing and cannot alter the audit trail', async () => {
    const [flags] = await app.query<{ superuser: boolean; bypassrls: boolean; owned: number }>(
      `SELECT rolsuper AS superuser, rolbypassrls AS bypassrls,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1) AS owned
         FROM pg_roles WHERE rolname = $1`,
      [role],
    );
    expect(flags).toEqual({ superuser: false, bypassrls: false, owned: 0 });
    const privileges = await app.query<{ table: string; del: boolean; truncate: boolean }>(
      `SELECT tablename AS table, has_table_privilege($1, 'public.' || tablename, 'DELETE') AS del,
              has_table_privilege($1, 'public.' || tablename, 'TRUNCATE') AS truncate
         FROM pg_tables WHERE schemaname = 'public'`,
      [role],
    );
    // browser sessions (who signed in, never a child) end by deleting their row; nothing else may be deleted
    expect(privileges.filter((row) => row.del || row.truncate)).toEqual([
      { table: 'web_session', del: true, truncate: false },
    ]);
    const [audit] = await app.query<{ insert: boolean; select: boolean; update: boolean; delete: boolean }>(
      `SELECT has_table_privilege($1, 'audit_event', 'INSERT') AS insert, has_table_privilege($1, 'audit_event', 'SELECT') AS select,
              has_table_privilege($1, 'audit_event', 'UPDATE') AS update, has_table_privilege($1, 'audit_event', 'DELETE') AS delete`,
      [role],
    );
    expect(audit).toEqual({ insert: true, select: true, update: false, delete: false });
    const [secrets] = await app.query<{ credential: boolean; migrations: boolean }>(
      `SELECT has_table_privilege($1, 'haven_service_credential', 'SELECT') AS credential,
              has_table_privilege($1, 'schema_migration', 'SELECT') AS migrations`,
      [role],
    );
    expect(secrets).toEqual({ credential: false, migrations: false });

    // and the running service's own connections are that role's
    await app.ok(staff[0], '{ me { id } }');
    const users = await app.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'haven'`,
    );
    expect(users.map((row) => row.usename)).toEqual([role]);
  });

  it("shows a statement that forgets the scope only the authority's rows", async () => {
    for (const [index, authorityId] of authorityIds.entries()) {
      await asService({ authorityId }, async (db) => {
        for (const table of SCOPED_TABLES) {
          expect({ table, outside: await count(db, outside(table), [[authorityId]]) }).toEqual({
            table,
            outside: 0,
          });
          if (table !== 'notification_outbox') {
            expect({ table, seen: (await count(db, `SELECT count(*)::int AS n FROM ${table}`)) > 0 }).toEqual(
              {
                table,
                seen: true,
              },
            );
          }
        }
        expect((await db.query(`SELECT id FROM child`)).rows.map((row) => row.id)).toEqual([childIds[index]]);
      });
    }
  });

  it('shows a transaction that states no scope nothing, even on a connection a scoped one used before', async () => {
    const db = (await service.connect()) as unknown as Client & { release(): void };
    try {
      await db.query('BEGIN');
      await db.query(scopeStatement({ authorityId: authorityIds[0] }));
      expect(await count(db, 'SELECT count(*)::int AS n FROM child')).toBe(1);
      await db.query('COMMIT');
      // autocommit, and then a fresh transaction: the setting ended with its transaction
      for (const table of SCOPED_TABLES) {
        expect({ table, rows: await count(db, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({
          table,
          rows: 0,
        });
      }
      await db.query('BEGIN');
      expect(await count(db, 'SELECT count(*)::int AS n FROM missing_episode')).toBe(0);
      await db.query('ROLLBACK');
    } finally {
      db.release();
    }
  });

  it('shows a guardian only the children actively assigned to them, wherever they are', async () => {
    const guardianId = await practitionerId(app, guardians[1]);
    await asService({ guardianId }, async (db) => {
      expect((await db.query(`SELECT id FROM child`)).rows.map((row) => row.id)).toEqual([childIds[1]]);
      for (const table of CHILD_ROW_TABLES) {
        const others = await count(
          db,
          `SELECT count(*)::int AS n FROM ${table} WHERE child_id IS DISTINCT FROM $1`,
          [childIds[1]],
        );
        expect({ table, others }).toEqual({ table, others: 0 });
      }
      expect(await count(db, 'SELECT count(*)::int AS n FROM meeting')).toBe(1);
    });
    // the assignment ended: nothing, from the next transaction on
    await app.ok(
      staff[1],
      `mutation($input: EndGuardianAssignmentInput!) { endGuardianAssignment(input: $input) { id } }`,
      { input: { assignmentId: assignments[1], endDate: today(), reason: 'GUARDIAN_CHANGED' } },
    );
    await asService({ guardianId }, async (db) => {
      for (const table of SCOPED_TABLES) {
        expect({ table, rows: await count(db, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({
          table,
          rows: 0,
        });
      }
    });
  });

  it('lets an analyst read only their authorities, for aggregates, and write nothing', async () => {
    await asService({ aggregateAuthorityCodes: [KENT] }, async (db) => {
      expect((await db.query(`SELECT id FROM child`)).rows.map((row) => row.id)).toEqual([childIds[1]]);
      for (const table of [...CHILD_ROW_TABLES, 'child', 'meeting']) {
        expect({ table, outside: await count(db, outside(table), [[authorityIds[1]]]) }).toEqual({
          table,
          outside: 0,
        });
      }
      await expect(
        db.query(`UPDATE child SET given_name = 'Changed' WHERE id = $1 RETURNING id`, [childIds[1]]),
      ).resolves.toMatchObject({ rowCount: 0 });
    });
  });

  it('refuses writes outside the scope, and any delete or audit change, whatever the statement says', async () => {
    const [hillingdon, kent] = authorityIds;
    const refused = async (sql: string, params: unknown[], code: string) =>
      asService({ authorityId: hillingdon }, async (db) => {
        await expect(db.query(sql, params)).rejects.toMatchObject({ code });
      });
    // a new child, or a placement, in another authority: the policy's WITH CHECK refuses it
    await refused(
      `INSERT INTO child (local_authority_id, given_name, gender, claimed_date_of_birth) VALUES ($1, 'Intruder', 'MALE', '2010-01-01')`,
      [kent],
      '42501',
    );
    await refused(`UPDATE child SET local_authority_id = $1 WHERE id = $2`, [kent, childIds[0]], '42501');
    await refused(`DELETE FROM missing_episode WHERE child_id = $1`, [childIds[0]], '42501');
    await refused(`UPDATE audit_event SET action = 'READ' WHERE child_id = $1`, [childIds[0]], '42501');
    await refused(`DELETE FROM audit_event`, [], '42501');
    await refused(`SELECT * FROM haven_service_credential`, [], '42501');
    // another authority's rows cannot even be found to update
    await asService({ authorityId: hillingdon }, async (db) => {
      const result = await db.query(`UPDATE child SET given_name = 'Changed' WHERE id = $1`, [childIds[1]]);
      expect(result.rowCount).toBe(0);
    });
    const [unchanged] = await app.query<{ given_name: string }>(
      `SELECT given_name FROM child WHERE id = $1`,
      [childIds[1]],
    );
    expect(unchanged.given_name).toBe('Scoped');
  });

  it("lets the service's own scheduled work (system scope) see every authority", async () => {
    await asService({ system: true }, async (db) => {
      expect(await count(db, 'SELECT count(DISTINCT local_authority_id)::int AS n FROM child')).toBe(2);
      expect(await count(db, 'SELECT count(*)::int AS n FROM notification_outbox')).toBeGreaterThanOrEqual(2);
    });
  });
});
