import { Client } from 'pg';
import { loadNational, NationalOptions } from '../apps/cli/src/seed/national';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/database';

// A small national data set, loaded with COPY into a fresh migrated database: the full set (npm run
// seed -- --national) takes minutes; this proves the writer, the tables' columns and the loading order.
const OPTIONS: NationalOptions = {
  seed: 1,
  asOf: '2025-06-15',
  children: 300,
  meetings: 40,
  settings: {
    soonAfterPlacementHours: 72,
    returnInterviewDueHours: 72,
    reasonableGroundsTargetWorkingDays: 5,
    recoveryPeriodDays: { englandAndWales: 30, scotland: 30, northernIreland: 45 },
    guardianAgeLimits: { ictg: 18, scotland: 18, northernIreland: 18 },
  },
};

// the migrations load the local authorities; the rest of the tables start empty
const ONLY_NATIONAL: Record<string, string> = {
  organisation: "code LIKE 'NATIONAL-%'",
  practitioner: "subject LIKE 'national-%'",
};

describe('the national seed', () => {
  let database: string;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: databaseUrl(database) });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropTestDatabase(database);
  });

  it('loads every generated row with COPY in one transaction, and only once', async () => {
    const lines: string[] = [];
    const result = await loadNational(databaseUrl(database), OPTIONS, (line) => lines.push(line));
    expect(result.skipped).toBe(false);
    expect(result.counts.child).toBe(300);
    for (const [table, rows] of Object.entries(result.counts)) {
      const { rows: counted } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${ONLY_NATIONAL[table] ?? 'true'}`,
      );
      expect({ table, rows: counted[0].n }).toEqual({ table, rows });
    }

    const again = await loadNational(databaseUrl(database), OPTIONS, (line) => lines.push(line));
    expect(again.skipped).toBe(true);
  });
});
