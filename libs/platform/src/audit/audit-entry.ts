import { registerEnumType } from '@nestjs/graphql';

export enum AuditAction {
  READ = 'READ',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  EXPORT = 'EXPORT',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

/** One audited access to a record, before the request's practitioner and id are attached. */
export interface AuditEntry {
  action: AuditAction;
  /** The record's type as clients know it, e.g. "Child", "NrmReferral". */
  entity: string;
  entityId: string;
  /** The child the record is about, and its authority (the tenant key). */
  childId: string | null;
  localAuthorityId: string | null;
  detail?: Record<string, unknown>;
}
