import { AdvancedConsoleLogger, LoggerOptions, ObjectLiteral, QueryRunner } from 'typeorm';

/** Set as a query runner's `data` to have its statements counted (a request's unit of work does). */
export interface StatementCount {
  sqlStatements: number;
}

/**
 * TypeORM's console logger, counting the statements of marked query runners on the way: how the
 * benchmark catches N+1 queries per operation. Logging itself stays as configured.
 */
export class StatementCountingLogger extends AdvancedConsoleLogger {
  constructor(options: LoggerOptions) {
    super(options);
  }

  override logQuery(query: string, parameters?: unknown[] | ObjectLiteral, queryRunner?: QueryRunner): void {
    const count = queryRunner?.data as Partial<StatementCount> | undefined;
    if (typeof count?.sqlStatements === 'number') count.sqlStatements += 1;
    super.logQuery(query, parameters, queryRunner);
  }
}
