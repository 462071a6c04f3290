import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'haven_template';

function adminUrl(): string {
  const url = process.env.HAVEN_TEST_ADMIN_URL;
  if (!url) throw new Error('The e2e global setup has not run');
  return url;
}

export function databaseUrl(database: string): string {
  const parsed = new URL(adminUrl());
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `haven_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
        return name;
      } catch (error) {
        // another file may be cloning the template at this very moment
        if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.end();
  }
}

export async function dropTestDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // the service's login for that database (provisioned by the service at start)
    await admin.query(`DROP ROLE IF EXISTS ${name}_service`);
  } finally {
    await admin.end();
  }
}

/**
 * A client on a fresh migrated database for the describe block that calls it (made in `beforeAll`, dropped
 * in `afterAll`): for specs that run SQL alone, such as the rules' TypeScript-against-SQL agreements.
 */
export function migratedDatabaseClient(): () => Client {
  let name: string | undefined;
  let client: Client | undefined;
  beforeAll(async () => {
    name = await createTestDatabase();
    client = new Client({ connectionString: databaseUrl(name) });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    if (name) await dropTestDatabase(name);
  });
  return () => {
    if (!client) throw new Error('The database is made in beforeAll');
    return client;
  };
}
