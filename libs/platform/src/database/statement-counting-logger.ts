import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger, ObjectLiteral, QueryRunner } from 'typeorm';
import { databaseErrorFields, describeDatabaseError } from '../logging/safe-error';

/** Set as a query runner's `data` to have its statements counted (a request's unit of work does). */
export interface StatementCount {
  sqlStatements: number;
}

const logger = new NestLogger('Database');

/**
 * TypeORM's logger: counts the statements of marked query runners (how the benchmark catches N+1
 * queries per operation) and logs what went wrong without any of the request's data. A failed
 * statement is logged by SQLSTATE and the names PostgreSQL gives (constraint, table, column) —
 * never its text, parameters or the server's message, which carry the values (a refused placement's
 * address is in its exclusion violation's detail). It is logged at trace: most failures are refusals
 * the service expects (a constraint it maps to CONFLICT); one it does not expect is logged at ERROR,
 * once, where the request fails.
 */
export class StatementCountingLogger implements TypeOrmLogger {
  logQuery(_query: string, _parameters?: unknown[] | ObjectLiteral, queryRunner?: QueryRunner): void {
    const count = queryRunner?.data as Partial<StatementCount> | undefined;
    if (typeof count?.sqlStatements === 'number') count.sqlStatements += 1;
  }

  logQueryError(error: string | Error): void {
    const fields = databaseErrorFields(error);
    if (fields) logger.verbose({ database: fields }, `Statement failed: ${describeDatabaseError(fields)}`);
    else logger.verbose('Statement failed (not a database error)');
  }

  logQuerySlow(time: number): void {
    logger.warn({ durationMs: time }, `Slow statement: ${time} ms`);
  }

  // the migrations are announced by whoever runs them ("Applied ..."), once
  logSchemaBuild(): void {}

  logMigration(): void {}

  /**
   * TypeORM's own notices name no data; at debug, since the one it gives at every start (that it
   * cannot install `uuid-ossp`) is not a problem: ids come from `gen_random_uuid()`.
   */
  log(_level: 'log' | 'info' | 'warn', message: unknown): void {
    if (typeof message === 'string') logger.debug(message);
  }
}
