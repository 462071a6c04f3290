import type { ClientBase } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';

/**
 * Raw SQL with its rows typed and checked at the query. Each query names a zod schema of the row it
 * expects; every row PostgreSQL returns is parsed with it, so the row type (`z.infer`) is what the
 * database actually sent, not what a cast claimed. A row that does not match throws, naming the
 * query's first line and the column — never the row's values (nothing about a child may reach a log).
 *
 * What node-postgres returns, for writing schemas: uuid, text and enums → string; timestamptz → Date;
 * date → 'YYYY-MM-DD' string (data-source.ts); int2/int4 → number; int8 and count(*) → string unless
 * cast to int; numeric → string; boolean → boolean; jsonb → the parsed value; arrays → arrays;
 * NULL → null (`.nullable()`). Schemas are exact, never coercing: the point is to check.
 */

/**
 * A row whose columns are checked elsewhere: a whole table row (`SELECT c.*`, `RETURNING *`) that
 * `hydrate` reads by the entity's own column metadata, or an export section shown column by column.
 */
export const AnyRow = z.record(z.string(), z.unknown());
/** A JSON array of such rows (an edge's `jsonb_agg`). */
export const AnyRows = z.array(AnyRow);
/** The row of an `INSERT ... RETURNING id`, or any lookup of one id. */
export const IdRow = z.object({ id: z.string() });

/*
 * Schemas are built once, at module level, never per call: building one costs about 20 µs (zod
 * compiles its parser on first use), parsing a row with it well under 1 µs.
 */

/** Where raw SQL runs: a request's or a transaction's EntityManager, the DataSource, or a pg client. */
export type Database = EntityManager | DataSource | ClientBase;

/** Every row of the query, each parsed with the schema. */
export async function queryRows<S extends z.ZodType>(
  db: Database,
  schema: S,
  sql: string,
  params?: readonly unknown[],
): Promise<z.infer<S>[]> {
  const records = await run(db, sql, params);
  return records.map((record) => parseRow(schema, record, sql));
}

/** The one row of the query (an INSERT … RETURNING, a lookup by key that must exist). */
export async function queryRow<S extends z.ZodType>(
  db: Database,
  schema: S,
  sql: string,
  params?: readonly unknown[],
): Promise<z.infer<S>> {
  const rows = await queryRows(db, schema, sql, params);
  if (rows.length !== 1) throw new Error(`Expected one row, got ${rows.length}, from: ${firstLine(sql)}`);
  return rows[0];
}

/** The row of the query, or undefined when it returns none; more than one is an error. */
export async function queryMaybeRow<S extends z.ZodType>(
  db: Database,
  schema: S,
  sql: string,
  params?: readonly unknown[],
): Promise<z.infer<S> | undefined> {
  const rows = await queryRows(db, schema, sql, params);
  if (rows.length > 1)
    throw new Error(`Expected at most one row, got ${rows.length}, from: ${firstLine(sql)}`);
  return rows[0];
}

/** A statement whose rows are not read (UPDATE, DELETE, INSERT without RETURNING): rows affected. */
export async function execute(db: Database, sql: string, params?: readonly unknown[]): Promise<number> {
  if (db instanceof EntityManager || db instanceof DataSource) {
    return (await structured(db, sql, params)).affected ?? 0;
  }
  return (await db.query(sql, params as unknown[] | undefined)).rowCount ?? 0;
}

/** Parses one row; exported for rows that arrive inside a larger result (a jsonb aggregate). */
export function parseRow<S extends z.ZodType>(schema: S, record: unknown, sql: string): z.infer<S> {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  // only the column's name and what was expected: zod's issue `input` (the value) is not reported
  const issue = result.error.issues[0];
  const column = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the row)';
  const expected = issue.code === 'invalid_type' ? `: expected ${issue.expected}` : ` (${issue.code})`;
  throw new Error(`Row does not match its schema at column "${column}"${expected}, from: ${firstLine(sql)}`);
}

async function run(db: Database, sql: string, params?: readonly unknown[]): Promise<unknown[]> {
  if (db instanceof EntityManager || db instanceof DataSource) {
    return (await structured(db, sql, params)).records;
  }
  const { rows } = await db.query<Record<string, unknown>>(sql, params as unknown[] | undefined);
  return rows;
}

/**
 * As `EntityManager.query` runs it (the manager's own query runner inside a transaction, a pooled one
 * otherwise), but with TypeORM's structured result: `records` are the rows for every command, where
 * the plain result of an UPDATE … RETURNING is `[rows, count]`.
 */
async function structured(
  db: EntityManager | DataSource,
  sql: string,
  params?: readonly unknown[],
): Promise<{ records: unknown[]; affected?: number }> {
  const manager = db instanceof DataSource ? db.manager : db;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return await runner.query(sql, params as unknown[] | undefined, true);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

function firstLine(sql: string): string {
  return (
    sql
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}
