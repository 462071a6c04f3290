import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { StatementCount } from '../database/statement-counting-logger';

/** A programming error: something used the request's transaction after it ended. */
export class UnitOfWorkFinishedError extends Error {
  override name = 'UnitOfWorkFinishedError';
  override message = 'The unit of work has already finished';
}

/**
 * One transaction per request, opened on first use: everything a request reads, writes and audits
 * happens in it. Queries commit (their audit rows must persist); a mutation with any error rolls back.
 */
export class UnitOfWork {
  private runner?: QueryRunner;
  private opening?: Promise<EntityManager>;
  private finished = false;
  private readonly count: StatementCount = { sqlStatements: 0 };

  constructor(
    private readonly dataSource: DataSource,
    /** Runs inside the transaction just before COMMIT (the audit flush). */
    private readonly beforeCommit: (manager: EntityManager) => Promise<void>,
    /** Whether beforeCommit has anything to write when nothing else opened the transaction. */
    private readonly hasPendingWrites: () => boolean = () => false,
    /** A long-lived subscription reads each pushed event outside any transaction it could hold open. */
    readonly autocommit = false,
  ) {}

  /** The statements this request's transaction sent, BEGIN and COMMIT included. */
  get sqlStatements(): number {
    return this.count.sqlStatements;
  }

  get started(): boolean {
    return this.opening !== undefined;
  }

  manager(): Promise<EntityManager> {
    if (this.autocommit) return Promise.resolve(this.dataSource.manager);
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
    const runner = this.dataSource.createQueryRunner();
    // the logger counts what this runner sends (StatementCountingLogger)
    runner.data = this.count;
    try {
      await runner.connect();
      // READ COMMITTED, PostgreSQL's default: naming it would cost a statement per request
      await runner.startTransaction();
    } catch (error) {
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

/** Runs `work` in a transaction of its own (jobs, the CLI, tests), committing when it succeeds. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
