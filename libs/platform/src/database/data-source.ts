import { types } from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { StatementCountingLogger } from './statement-counting-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// A `date` is a calendar date: keep it 'YYYY-MM-DD' instead of a Date at the process's local midnight.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface DataSourceSettings {
  url: string;
  entities?: MixedList<Function>;
  migrations?: MixedList<Function>;
  poolSize?: number;
  applicationName?: string;
}

export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities ?? [],
    migrations: settings.migrations ?? [],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logger: new StatementCountingLogger(),
    applicationName: settings.applicationName ?? 'haven',
    extra: {
      max: settings.poolSize ?? 20,
      connectionTimeoutMillis: 5_000,
      // a statement that runs away is stopped by the server, not left holding a connection
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

/** One line for an unreachable database instead of a driver stack trace. */
export function describeConnectionError(error: unknown, url: string): string {
  const target = safeUrl(url);
  const code = (error as { code?: string }).code;
  const reason =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND'
        ? 'host not found'
        : code === '28P01'
          ? 'authentication failed'
          : code === '3D000'
            ? 'database does not exist'
            : (error as Error).message?.split('\n')[0] || 'unknown error';
  return `Cannot reach the database at ${target}: ${reason}`;
}

export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
