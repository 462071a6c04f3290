import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { z } from 'zod';
import { execute, queryRow } from './typed-query';

const DatabaseRow = z.object({ database: z.string() });
const ExistsRow = z.object({ exists: z.boolean() });
const RoleRow = z.object({
  name: z.string(),
  superuser: z.boolean(),
  bypassrls: z.boolean(),
  owns: z.boolean(),
});
const PasswordRow = z.object({ password: z.string() });

/** Any number to serialise provisioning between instances starting at once (not the migrations' or the scan's). */
const SERVICE_ROLE_LOCK = 7_240_104;

/** The service would connect as a role that row-level security does not bind: it refuses to start. */
export class ServiceRoleError extends Error {
  override name = 'ServiceRoleError';
}

/**
 * The login the service's requests and workers use: a role that owns no table, is no superuser and
 * cannot bypass row-level security; it may read, insert and update, never delete, and never update
 * the audit trail. Run by the owner after the migrations, on every start (idempotent, under a lock).
 *
 * Without `serviceUrl` the owner creates `<database>_service` with a password kept in
 * `haven_service_credential` (readable by the owner alone), so that every instance on the database
 * agrees on it. With `serviceUrl`, the role is the operator's: only its grants are made here.
 * Returns the URL to connect with.
 */
export async function provisionServiceRole(ownerUrl: string, serviceUrl?: string): Promise<string> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  let url: string;
  try {
    await execute(owner, 'BEGIN');
    await execute(owner, 'SELECT pg_advisory_xact_lock($1)', [SERVICE_ROLE_LOCK]);
    const { database } = await queryRow(owner, DatabaseRow, 'SELECT current_database() AS database');
    let role: string;
    if (serviceUrl) {
      role = decodeURIComponent(new URL(serviceUrl).username);
      url = serviceUrl;
    } else {
      role = `${database}_service`;
      const password = await ownPassword(owner, role);
      const { exists } = await queryRow(
        owner,
        ExistsRow,
        'SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists',
        [role],
      );
      await execute(
        owner,
        `${exists ? 'ALTER' : 'CREATE'} ROLE ${owner.escapeIdentifier(role)}
           WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT
           PASSWORD ${owner.escapeLiteral(password)}`,
      );
      url = withLogin(ownerUrl, role, password);
    }
    const grantee = owner.escapeIdentifier(role);
    await execute(
      owner,
      `
      GRANT CONNECT ON DATABASE ${owner.escapeIdentifier(database)} TO ${grantee};
      GRANT USAGE ON SCHEMA public TO ${grantee};
      GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ${grantee};
      REVOKE DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${grantee};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee};
      -- the audit trail is append-only for the service
      REVOKE UPDATE ON audit_event FROM ${grantee};
      REVOKE ALL ON schema_migration, haven_service_credential FROM ${grantee};
      GRANT EXECUTE ON FUNCTION haven_guardian_children(uuid) TO ${grantee};
      GRANT EXECUTE ON FUNCTION haven_dashboard_forget(xid8) TO ${grantee};
      -- a browser session ends by deleting its row (signing out, or the store pruning expired ones)
      GRANT DELETE ON web_session TO ${grantee};
    `,
    );
    await execute(owner, 'COMMIT');
  } catch (error) {
    await execute(owner, 'ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '42501') {
      throw new ServiceRoleError(
        `The database owner may not provision the service's role: ${(error as Error).message}. ` +
          'Give the owner CREATEROLE, or set DATABASE_SERVICE_URL to a login made for the service.',
      );
    }
    throw error;
  } finally {
    await owner.end();
  }
  await checkServiceRole(url);
  return url;
}

/** Connects as the service's role and refuses one that row-level security would not bind. */
async function checkServiceRole(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const role = await queryRow(
      client,
      RoleRow,
      `SELECT rolname AS name, rolsuper AS superuser, rolbypassrls AS bypassrls,
              EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns
         FROM pg_roles WHERE rolname = current_user`,
    );
    if (role.superuser || role.bypassrls || role.owns) {
      throw new ServiceRoleError(
        `The service must not connect as ${role.name}: it ${role.owns ? 'owns the tables' : 'bypasses row-level security'}. ` +
          'Set DATABASE_SERVICE_URL to a role that owns no table, or leave it unset to have one provisioned.',
      );
    }
  } finally {
    await client.end();
  }
}

async function ownPassword(owner: Client, role: string): Promise<string> {
  await execute(
    owner,
    'INSERT INTO haven_service_credential (role_name, password) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [role, randomBytes(24).toString('base64url')],
  );
  const { password } = await queryRow(
    owner,
    PasswordRow,
    'SELECT password FROM haven_service_credential WHERE role_name = $1',
    [role],
  );
  return password;
}

function withLogin(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
