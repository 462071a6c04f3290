import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { databaseScopeOf } from '../access/database-scope';
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
  private unitOfWork: UnitOfWork;
  private resolving?: Promise<Actor>;
  private resolved?: Actor;
  private readonly auditEntries: AuditEntry[] = [];
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly authenticate: () => Promise<Actor>,
    readonly requestId: string = randomUUID(),
  ) {
    this.unitOfWork = this.newUnitOfWork();
  }

  get uow(): UnitOfWork {
    return this.unitOfWork;
  }

  /**
   * A subscription lives for hours: each event it pushes reads in a transaction of its own, committed
   * (with its audit rows) before the event is sent; the next event reads afresh.
   */
  async completeEvent(): Promise<void> {
    const finished = this.unitOfWork;
    try {
      await finished.commit();
    } finally {
      this.unitOfWork = this.newUnitOfWork();
      this.loaders.clear();
    }
  }

  private newUnitOfWork(): UnitOfWork {
    return new UnitOfWork(
      this.dataSource,
      async () => databaseScopeOf(await this.resolveActor()),
      (manager) => this.flushAudit(manager),
      () => this.auditEntries.length > 0,
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

  /** A DataLoader that lives as long as this request. */
  loader<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
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
