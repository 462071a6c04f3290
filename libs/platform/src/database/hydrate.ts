import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

const TIMESTAMP_TYPES = new Set<unknown>(['timestamptz', 'timestamp with time zone', 'timestamp', Date]);

/**
 * An entity from a row read as JSON (`to_jsonb(row)` inside a larger query): column names mapped to
 * properties as TypeORM maps them, and timestamps, which JSON carries as text, made Dates again.
 * Dates stay 'YYYY-MM-DD', as the driver returns them.
 */
export function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(entity);
  const instance = metadata.create() as T;
  for (const column of metadata.columns) {
    const value = row[column.databaseName];
    if (value === undefined) continue;
    (instance as Record<string, unknown>)[column.propertyName] =
      value !== null && TIMESTAMP_TYPES.has(column.type) ? new Date(value as string) : value;
  }
  return instance;
}

/** Turns the named columns of a row read as JSON back into Dates. */
export function reviveTimestamps<T extends object>(row: T, columns: readonly (keyof T & string)[]): T {
  const revived = { ...row } as Record<string, unknown>;
  for (const column of columns) {
    const value = revived[column];
    if (typeof value === 'string') revived[column] = new Date(value);
  }
  return revived as T;
}
