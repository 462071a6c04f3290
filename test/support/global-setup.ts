import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../migrations';
import { EmbeddedPostgres, runMigrations } from '../../libs/platform/src';
import { databaseUrl, TEMPLATE_DATABASE } from './database';
import { freePort } from './ports';

declare global {
  var havenTestPostgres: EmbeddedPostgres | undefined;
}

/**
 * Once per run: a real PostgreSQL (the embedded one, unless TEST_DATABASE_URL names a server), and a
 * template database with every migration applied. Each test file then clones the template.
 */
export default async function globalSetup(): Promise<void> {
  // NODE_ENV=test has no development secret: the harness brings its own, for this run only, which every
  // spawned service, worker and command inherits (and TestApp mints tokens with)
  process.env.JWT_SECRET ||= `haven-test-${randomBytes(24).toString('hex')}`;
  // browser sessions' cookies are signed with a key of their own (required in production)
  process.env.SESSION_SECRET ||= `haven-test-session-${randomBytes(24).toString('hex')}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'haven-test-'));
    const postgres = new EmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    await postgres.start();
    globalThis.havenTestPostgres = postgres;
    adminUrl = postgres.adminUrl;
  }
  process.env.HAVEN_TEST_ADMIN_URL = adminUrl;

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await runMigrations(databaseUrl(TEMPLATE_DATABASE), MIGRATIONS);
}
