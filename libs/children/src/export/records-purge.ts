import { EntityManager } from 'typeorm';
import { IsoDate } from '@haven/platform';

/**
 * Children's social care records are kept until the 75th birthday. Past it, a purge deletes
 * everything held on the child, in dependency order, and leaves an audit row for each record purged
 * (the audit trail itself is never deleted). Children whose date of birth is unknown are kept.
 */
const DELETIONS = [
  `DELETE FROM notification_outbox WHERE alert_id IN (SELECT id FROM alert WHERE child_id = ANY($1::uuid[]))`,
  `DELETE FROM alert WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM meeting_action WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM meeting_child WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM guardian_contact WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM guardian_assignment WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM age_assessment WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM missing_person_profile WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM missing_episode WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM placement WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM durable_solution WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM nrm_decision WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM nrm_referral WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM turned_18_without_solution WHERE child_id = ANY($1::uuid[])`,
  `DELETE FROM child WHERE id = ANY($1::uuid[])`,
];

export interface PurgeResult {
  purged: number;
}

/** Purges the records of children past their 75th birthday on `today` (London), in one transaction. */
export async function purgeExpiredRecords(
  em: EntityManager,
  today: IsoDate,
  dryRun = false,
): Promise<PurgeResult> {
  const expired = await em.query<{ id: string; local_authority_id: string }[]>(
    `SELECT id, local_authority_id FROM child
      WHERE effective_date_of_birth IS NOT NULL AND (effective_date_of_birth + interval '75 years')::date <= $1::date
      FOR UPDATE`,
    [today],
  );
  if (dryRun || expired.length === 0) return { purged: expired.length };
  const ids = expired.map((row) => row.id);
  for (const statement of DELETIONS) await em.query(statement, [ids]);
  await em.query(
    `INSERT INTO audit_event (practitioner_id, request_id, action, entity, entity_id, child_id, local_authority_id, detail)
     SELECT NULL, $2, 'DELETE', 'ChildRecord', e.id, e.id, e.local_authority_id, jsonb_build_object('reason', 'Retention period ended (75th birthday)')
       FROM unnest($1::uuid[], $3::uuid[]) AS e(id, local_authority_id)`,
    [ids, `purge:${today}`, expired.map((row) => row.local_authority_id)],
  );
  return { purged: ids.length };
}
