import { EntityManager } from 'typeorm';
import { execute } from '../database/typed-query';
import { AuditAction, AuditEntry } from './audit-entry';

/**
 * Writes a request's audit entries in one statement, inside the request's transaction, so that a
 * read or write and its audit row commit (or vanish) together. Repeated reads of one record in one
 * request are written once.
 */
export async function writeAuditEntries(
  manager: EntityManager,
  practitionerId: string | null,
  requestId: string,
  entries: readonly AuditEntry[],
): Promise<void> {
  const unique = dedupeReads(entries);
  if (unique.length === 0) return;
  await execute(
    manager,
    `INSERT INTO audit_event (practitioner_id, request_id, action, entity, entity_id, child_id, local_authority_id, detail)
     SELECT $1, $2, e.action, e.entity, e.entity_id, e.child_id, e.local_authority_id, e.detail
       FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::jsonb[])
         AS e(action, entity, entity_id, child_id, local_authority_id, detail)`,
    [
      practitionerId,
      requestId,
      unique.map((entry) => entry.action),
      unique.map((entry) => entry.entity),
      unique.map((entry) => entry.entityId),
      unique.map((entry) => entry.childId),
      unique.map((entry) => entry.localAuthorityId),
      unique.map((entry) => (entry.detail ? JSON.stringify(entry.detail) : null)),
    ],
  );
}

export function dedupeReads(entries: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (entry.action !== AuditAction.READ) return true;
    const key = `${entry.entity}:${entry.entityId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
