import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { createDataSource } from '@haven/platform/database/data-source';
import { execute, queryMaybeRow, queryRow, queryRows } from '@haven/platform/database/typed-query';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/database';

/**
 * The typed-query helper over real PostgreSQL: rows parse into what node-postgres returns for each
 * type, and a row that does not match its schema throws with the column named and none of the values.
 */
describe('typed queries', () => {
  let database: string;
  let dataSource: DataSource;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: databaseUrl(database), poolSize: 2 });
    await dataSource.initialize();
    client = new Client({ connectionString: databaseUrl(database) });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dataSource.destroy();
    await dropTestDatabase(database);
  });

  const Typed = z.object({
    id: z.string(),
    at: z.date(),
    on: z.string(),
    n: z.number(),
    big: z.string(),
    amount: z.string(),
    flag: z.boolean(),
    tags: z.array(z.string()),
    doc: z.object({ a: z.number() }),
    missing: z.string().nullable(),
  });
  const TYPED_SQL = `SELECT gen_random_uuid() AS id, now() AS at, DATE '2026-02-28' AS on, 7::int AS n,
      count(*) AS big, 1.50::numeric AS amount, true AS flag, ARRAY['x', 'y'] AS tags,
      '{"a": 1}'::jsonb AS doc, NULL::text AS missing FROM generate_series(1, 3)`;

  it('parses each PostgreSQL type into what the driver returns, typed by the schema', async () => {
    for (const db of [dataSource, dataSource.manager, client]) {
      const [row] = await queryRows(db, Typed, TYPED_SQL);
      expect(row.at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ on: '2026-02-28', n: 7, big: '3', amount: '1.50', flag: true });
      expect(row.tags).toEqual(['x', 'y']);
      expect(row.doc).toEqual({ a: 1 });
      expect(row.missing).toBeNull();
    }
  });

  it('throws on a mismatch, naming the column and the query but never the value', async () => {
    const secret = 'Amira-Haddad-2011';
    const Wrong = z.object({ given_name: z.string(), age: z.string() });
    const error = await queryRows(
      dataSource.manager,
      Wrong,
      `SELECT $1::text AS given_name, $2::int AS age
        FROM generate_series(1, 1)`,
      [secret, 1407],
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('"age"');
    expect(message).toContain('expected string');
    expect(message).toContain('SELECT $1::text AS given_name, $2::int AS age');
    expect(message).not.toContain(secret);
    expect(message).not.toContain('1407');
    expect(message).not.toContain('generate_series');
  });

  it('names a NULL where the schema does not allow one', async () => {
    const NotNull = z.object({ ended_on: z.string() });
    await expect(queryRows(client, NotNull, `SELECT NULL::date AS ended_on`)).rejects.toThrow(
      /column "ended_on": expected string/,
    );
  });

  it('reads the rows of an UPDATE … RETURNING in a transaction, and counts what execute affects', async () => {
    await dataSource.transaction(async (em) => {
      await execute(em, `CREATE TEMP TABLE scratch (id int PRIMARY KEY, label text NOT NULL)`);
      expect(await execute(em, `INSERT INTO scratch VALUES (1, 'a'), (2, 'b'), (3, 'c')`)).toBe(3);
      const updated = await queryRows(
        em,
        z.object({ id: z.number(), label: z.string() }),
        `UPDATE scratch SET label = upper(label) WHERE id <= $1 RETURNING id, label`,
        [2],
      );
      expect(updated.sort((a, b) => a.id - b.id)).toEqual([
        { id: 1, label: 'A' },
        { id: 2, label: 'B' },
      ]);
      expect(await execute(em, `DELETE FROM scratch WHERE id > $1`, [1])).toBe(2);
    });
  });

  it('insists on one row for queryRow and at most one for queryMaybeRow', async () => {
    const N = z.object({ n: z.number() });
    const series = `SELECT n FROM generate_series(1, $1::int) n`;
    await expect(queryRow(dataSource, N, series, [1])).resolves.toEqual({ n: 1 });
    await expect(queryRow(dataSource, N, series, [0])).rejects.toThrow(/Expected one row, got 0/);
    await expect(queryMaybeRow(dataSource, N, series, [0])).resolves.toBeUndefined();
    await expect(queryMaybeRow(dataSource, N, series, [2])).rejects.toThrow(/at most one row, got 2/);
  });
});
