import { EntityManager } from 'typeorm';
import { IsoDate } from '@haven/platform';
import { retainUntilSql } from './retention';

/**
 * Children's social care records are kept until their retention date (retention.ts: the 75th birthday,
 * the 100th in Scotland, later for a child who died young). From that day a purge deletes everything
 * held on the child, in dependency order, and leaves an audit row for each record purged (the audit
 * trail itself is never deleted). A child whose retention cannot be computed (no date of birth) is kept.
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
  /** Children whose records were purged (or, in a dry run, would be). */
  purged: number;
  /** Children kept because their retention date cannot be computed: no date of birth is recorded. */
  undetermined: number;
}

/** Purges the records of children whose retention date is `today` (London) or earlier, in one transaction. */
export async function purgeExpiredRecords(
  em: EntityManager,
  today: IsoDate,
  dryRun = false,
): Promise<PurgeResult> {
  const expired = await em.query<{ id: string; local_authority_id: string; retain_until: IsoDate }[]>(
    `SELECT c.id, c.local_authority_id, (${retainUntilSql('c')})::text AS retain_until FROM child c
      WHERE ${retainUntilSql('c')} <= $1::date
      FOR UPDATE`,
    [today],
  );
  const [{ undetermined }] = await em.query<{ undetermined: number }[]>(
    `SELECT count(*)::int AS undetermined FROM child c WHERE ${retainUntilSql('c')} IS NULL`,
  );
  if (dryRun || expired.length === 0) return { purged: expired.length, undetermined };
  const ids = expired.map((row) => row.id);
  for (const statement of DELETIONS) await em.query(statement, [ids]);
  await em.query(
    `INSERT INTO audit_event (practitioner_id, request_id, action, entity, entity_id, child_id, local_authority_id, detail)
     SELECT NULL, $2, 'DELETE', 'ChildRecord', e.id, e.id, e.local_authority_id,
            jsonb_build_object('reason', 'Retention period ended', 'retainUntil', e.retain_until)
       FROM unnest($1::uuid[], $3::uuid[], $4::text[]) AS e(id, local_authority_id, retain_until)`,
    [
      ids,
      `purge:${today}`,
      expired.map((row) => row.local_authority_id),
      expired.map((row) => row.retain_until),
    ],
  );
  return { purged: ids.length, undetermined };
}
