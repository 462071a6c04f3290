import { Logger } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditEntry } from '../audit/audit-entry';
import { writeAuditEntries } from '../audit/audit-writer';
import { unauthenticated } from '../errors/haven-error';
import { Actor } from '../identity/actor';
import { UnitOfWork } from './unit-of-work';

const auditLogger = new Logger('Audit');

/** A record about a child, as far as auditing needs to know it. */
export interface ChildOwned {
  id: string;
  childId: string;
  localAuthorityId: string;
}

/**
 * Everything one request carries: who is calling, its transaction, its audit entries and its
 * DataLoaders. Services take it as their first argument, as Vendure's RequestContext.
 */
export class RequestContext {
  readonly uow: UnitOfWork;
  private resolving?: Promise<Actor>;
  private resolved?: Actor;
  private readonly auditEntries: AuditEntry[] = [];
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private pendingFlush: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly authenticate: () => Promise<Actor>,
    readonly requestId: string = randomUUID(),
    /** For a subscription: reads run outside a transaction, and their audit rows are written at once. */
    autocommit = false,
  ) {
    this.uow = new UnitOfWork(
      dataSource,
      (manager) => this.flushAudit(manager),
      () => this.auditEntries.length > 0,
      autocommit,
    );
  }

  /** Verifies the token and resolves the practitioner once per request. */
  resolveActor(): Promise<Actor> {
    this.resolving ??= this.authenticate().then((actor) => (this.resolved = actor));
    return this.resolving;
  }

  /** The caller; the access guard has resolved it before any resolver runs. */
  get actor(): Actor {
    if (!this.resolved) throw unauthenticated();
    return this.resolved;
  }

  em(): Promise<EntityManager> {
    return this.uow.manager();
  }

  audit(action: AuditAction, entity: string, record: ChildOwned, detail?: Record<string, unknown>): void {
    this.auditEntries.push({
      action,
      entity,
      entityId: record.id,
      childId: record.childId,
      localAuthorityId: record.localAuthorityId,
      detail,
    });
    // a subscription has no transaction to flush with at its end: write as soon as the read is done
    if (this.uow.autocommit) {
      this.pendingFlush = this.pendingFlush
        .then(() => this.flushAudit(this.dataSource.manager))
        .catch((error: Error) =>
          auditLogger.error(`Could not write a subscription's audit rows: ${error.message}`),
        );
    }
  }

  auditMany(action: AuditAction, entity: string, records: readonly ChildOwned[]): void {
    for (const record of records) this.audit(action, entity, record);
  }

  /** In autocommit mode (subscriptions): waits for the audit rows of the reads so far to be written. */
  flushPendingAudit(): Promise<void> {
    return this.pendingFlush;
  }

  /** A DataLoader that lives as long as this request. */
  loader<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    // a subscription lives for hours: each pushed event reads afresh
    if (this.uow.autocommit) return create();
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(name, loader);
    }
    return loader;
  }

  private async flushAudit(manager: EntityManager): Promise<void> {
    // take what is pending now: reads that finish while this is written are flushed next time
    const entries = this.auditEntries.splice(0);
    await writeAuditEntries(manager, this.resolved?.practitionerId ?? null, this.requestId, entries);
  }
}
