import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { applyDatabaseScope, DatabaseScope } from '../access/database-scope';
import { StatementCount } from '../database/statement-counting-logger';

/** A programming error: something used the request's transaction after it ended. */
export class UnitOfWorkFinishedError extends Error {
  override name = 'UnitOfWorkFinishedError';
  override message = 'The unit of work has already finished';
}

/**
 * One transaction per request, opened on first use and scoped at once to what the caller may see
 * (row-level security): everything a request reads, writes and audits happens in it. Queries commit
 * (their audit rows must persist); a mutation with any error rolls back.
 */
export class UnitOfWork {
  private runner?: QueryRunner;
  private opening?: Promise<EntityManager>;
  private finished = false;
  private readonly count: StatementCount = { sqlStatements: 0 };

  constructor(
    private readonly dataSource: DataSource,
    /** The caller's scope, stated as the transaction's first statement. */
    private readonly scope: () => Promise<DatabaseScope>,
    /** Runs inside the transaction just before COMMIT (the audit flush). */
    private readonly beforeCommit: (manager: EntityManager) => Promise<void>,
    /** Whether beforeCommit has anything to write when nothing else opened the transaction. */
    private readonly hasPendingWrites: () => boolean = () => false,
  ) {}

  /** The statements this request's transaction sent, BEGIN and COMMIT included. */
  get sqlStatements(): number {
    return this.count.sqlStatements;
  }

  get started(): boolean {
    return this.opening !== undefined;
  }

  manager(): Promise<EntityManager> {
    if (this.finished) return Promise.reject(new UnitOfWorkFinishedError());
    this.opening ??= this.open();
    return this.opening;
  }

  async commit(): Promise<void> {
    if (this.finished) return;
    if (!this.opening && !this.hasPendingWrites()) {
      this.finished = true;
      return;
    }
    const manager = await this.manager();
    this.finished = true;
    try {
      await this.beforeCommit(manager);
      await this.runner!.commitTransaction();
    } catch (error) {
      await this.safeRollback();
      throw error;
    } finally {
      await this.release();
    }
  }

  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (!this.opening) return;
    try {
      await this.opening;
    } catch {
      return;
    }
    await this.safeRollback();
    await this.release();
  }

  private async open(): Promise<EntityManager> {
    const scope = await this.scope();
    const runner = this.dataSource.createQueryRunner();
    // the logger counts what this runner sends (StatementCountingLogger)
    runner.data = this.count;
    try {
      await runner.connect();
      // READ COMMITTED, PostgreSQL's default: naming it would cost a statement per request
      await runner.startTransaction();
      await applyDatabaseScope(runner.manager, scope);
    } catch (error) {
      // never hand a connection back to the pool inside a transaction
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
      throw error;
    }
    this.runner = runner;
    return runner.manager;
  }

  private async safeRollback(): Promise<void> {
    if (this.runner?.isTransactionActive) await this.runner.rollbackTransaction().catch(() => undefined);
  }

  private async release(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (runner && !runner.isReleased) await runner.release().catch(() => undefined);
  }
}
