import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditEntry } from '../audit/audit-entry';
import { writeAuditEntries } from '../audit/audit-writer';
import { unauthenticated } from '../errors/haven-error';
import { Actor } from '../identity/actor';
import { UnitOfWork } from './unit-of-work';

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
  }

  auditMany(action: AuditAction, entity: string, records: readonly ChildOwned[]): void {
    for (const record of records) this.audit(action, entity, record);
  }

  /** In autocommit mode (subscriptions), writes the pending audit rows now. */
  async flushPendingAudit(): Promise<void> {
    if (this.uow.autocommit && this.auditEntries.length > 0) await this.flushAudit(this.dataSource.manager);
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
    await writeAuditEntries(
      manager,
      this.resolved?.practitionerId ?? null,
      this.requestId,
      this.auditEntries,
    );
    this.auditEntries.length = 0;
  }
}
