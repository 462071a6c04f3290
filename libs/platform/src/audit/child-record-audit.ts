import { EntityManager } from 'typeorm';
import { AnyRow, queryRows } from '../database/typed-query';
import { AuditAction } from './audit-entry';
import { writeAuditEntries } from './audit-writer';

/** The audit trail's rows about one child, oldest first, as the subject-access export shows them. */
export function childAuditTrail(em: EntityManager, childId: string): Promise<Record<string, unknown>[]> {
  return queryRows(
    em,
    AnyRow,
    `SELECT seq, at, practitioner_id, request_id, action, entity, entity_id FROM audit_event WHERE child_id = $1 ORDER BY seq`,
    [childId],
  );
}

/** A child whose records the retention purge deleted. */
export interface PurgedChildRecord {
  id: string;
  localAuthorityId: string;
  retainUntil: string;
}

/**
 * One audit row for each child record the retention purge deleted, by no practitioner, under the purge's
 * request id. The audit trail itself is never purged.
 */
export function auditPurgedChildRecords(
  em: EntityManager,
  requestId: string,
  purged: readonly PurgedChildRecord[],
): Promise<void> {
  return writeAuditEntries(
    em,
    null,
    requestId,
    purged.map((record) => ({
      action: AuditAction.DELETE,
      entity: 'ChildRecord',
      entityId: record.id,
      childId: record.id,
      localAuthorityId: record.localAuthorityId,
      detail: { reason: 'Retention period ended', retainUntil: record.retainUntil },
    })),
  );
}
