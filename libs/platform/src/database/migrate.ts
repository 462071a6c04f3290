import { Client } from 'pg';
import { DataSource, MixedList } from 'typeorm';
import { dataSourceOptions, describeConnectionError } from './data-source';
import { execute } from './typed-query';

/** Any number to serialise migrations between service instances starting at once. */
const MIGRATION_LOCK = 7_240_101;

/** Applies pending migrations under an advisory lock, so that several instances can start together. */
export async function runMigrations(url: string, migrations: MixedList<Function>): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  const dataSource = new DataSource({ ...dataSourceOptions({ url, migrations, poolSize: 2 }) });
  try {
    await execute(lock, 'SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await execute(lock, 'SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/** Connects once to tell "unreachable" apart early, with one line rather than a stack trace. */
export async function checkDatabaseReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await execute(client, 'SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(describeConnectionError(error, url));
  } finally {
    await client.end().catch(() => undefined);
  }
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}
