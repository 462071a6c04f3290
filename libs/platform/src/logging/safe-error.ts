/**
 * What may be said about an error in a log. A database error's message, detail and statement carry
 * the values that failed (an address in an exclusion violation's detail, a name in "invalid input
 * syntax"): it is described by SQLSTATE and the names PostgreSQL gives (constraint, table, column),
 * never by its message, parameters or statement.
 */
export interface DatabaseErrorFields {
  sqlState: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
  routine?: string;
}

export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  database?: DatabaseErrorFields;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** The names pg and TypeORM give database errors, as the first line of a stack shows them. */
const DATABASE_ERROR_HEADER = /^(QueryFailedError|DatabaseError|error):/;
const WITHHELD = 'message withheld: it may carry the values of the statement';

type ErrorLike = Error & Record<string, unknown>;

/** The SQLSTATE and names of a pg or TypeORM database error; undefined for any other error. */
export function databaseErrorFields(error: unknown): DatabaseErrorFields | undefined {
  if (!(error instanceof Error)) return undefined;
  const source = error as ErrorLike;
  const driver = (source.driverError instanceof Error ? source.driverError : source) as ErrorLike;
  const code = driver.code ?? source.code;
  if (typeof code !== 'string' || !SQLSTATE.test(code)) return undefined;
  if (!('severity' in driver) && source.name !== 'QueryFailedError') return undefined;
  const name = (key: string): string | undefined => {
    const value = driver[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const fields: DatabaseErrorFields = { sqlState: code };
  for (const key of ['constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const) {
    const value = name(key);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

/** One line naming a database error: `SQLSTATE 23P01, constraint placement_no_overlap, table placement`. */
export function describeDatabaseError(fields: DatabaseErrorFields): string {
  const parts = [`SQLSTATE ${fields.sqlState}`];
  if (fields.constraint) parts.push(`constraint ${fields.constraint}`);
  if (fields.table) parts.push(`table ${fields.table}`);
  if (fields.column) parts.push(`column ${fields.column}`);
  if (fields.routine) parts.push(`routine ${fields.routine}`);
  return parts.join(', ');
}

/** The frames of a stack, without its first line (which repeats the message). */
function frames(stack: string | undefined): string[] {
  return (stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
}

/**
 * An error as the log may carry it: a database error by SQLSTATE and names, with its frames; any
 * other error as it is, but with no own properties beyond its type, message and stack (a
 * QueryFailedError's `query` and `parameters` never reach a log, even wrapped).
 */
export function loggableError(error: unknown): LoggableError {
  const database = databaseErrorFields(error);
  if (database) {
    const type = (error as Error).name || 'DatabaseError';
    const header = `${type}: ${describeDatabaseError(database)} (${WITHHELD})`;
    return {
      type,
      message: `${describeDatabaseError(database)} (${WITHHELD})`,
      stack: [header, ...frames((error as Error).stack)].join('\n'),
      database,
    };
  }
  if (error instanceof Error) {
    // Nest's exception handlers re-create an Error from a message and a stack: a database error's
    // stack still names it on its first line.
    const header = /^[^\n]*/.exec(error.stack ?? '')?.[0] ?? '';
    const databaseHeader = DATABASE_ERROR_HEADER.exec(header);
    if (databaseHeader || DATABASE_ERROR_HEADER.test(`${error.name}:`)) {
      const type = databaseHeader?.[1] ?? error.name;
      return {
        type,
        message: WITHHELD,
        stack: [`${type}: ${WITHHELD}`, ...frames(error.stack)].join('\n'),
      };
    }
    return { type: error.name, message: error.message, stack: error.stack };
  }
  return { type: typeof error, message: String(error) };
}
