import { EntityManager } from 'typeorm';
import { auditPurgedChildRecords, IsoDate, queryRow, queryRows } from '@haven/platform';
import { z } from 'zod';
import { ChildRecordPart, inPurgeOrder } from './child-record-part';
import { OWN_RECORD_PART } from './own-record-part';
import { retainUntilSql } from './retention';

const PurgeRow = z.object({ id: z.string(), local_authority_id: z.string(), retain_until: z.string() });
const UndeterminedRow = z.object({ undetermined: z.number() });

export interface PurgeResult {
  /** Children whose records were purged (or, in a dry run, would be). */
  purged: number;
  /** Children kept because their retention date cannot be computed: no date of birth is recorded. */
  undetermined: number;
}

/**
 * Children's social care records are kept until their retention date (retention.ts: the 75th birthday,
 * the 100th in Scotland, later for a child who died young). From that day a purge deletes everything
 * held on the child — each capability's part of the record (`ChildRecordPart`) in an order its foreign
 * keys allow, then the child itself — and leaves an audit row for each record purged (the audit trail
 * itself is never deleted). A child whose retention cannot be computed (no date of birth) is kept.
 *
 * Purges the records of children whose retention date is `today` (London) or earlier, in one transaction.
 */
export async function purgeExpiredRecords(
  em: EntityManager,
  today: IsoDate,
  parts: readonly ChildRecordPart[],
  dryRun = false,
): Promise<PurgeResult> {
  const expired = await queryRows(
    em,
    PurgeRow,
    `SELECT c.id, c.local_authority_id, (${retainUntilSql('c')})::text AS retain_until FROM child c
      WHERE ${retainUntilSql('c')} <= $1::date
      FOR UPDATE`,
    [today],
  );
  const { undetermined } = await queryRow(
    em,
    UndeterminedRow,
    `SELECT count(*)::int AS undetermined FROM child c WHERE ${retainUntilSql('c')} IS NULL`,
  );
  if (dryRun || expired.length === 0) return { purged: expired.length, undetermined };
  const ids = expired.map((row) => row.id);
  for (const part of [...inPurgeOrder(parts), OWN_RECORD_PART]) await part.purge(em, ids);
  await auditPurgedChildRecords(
    em,
    `purge:${today}`,
    expired.map((row) => ({
      id: row.id,
      localAuthorityId: row.local_authority_id,
      retainUntil: row.retain_until,
    })),
  );
  return { purged: ids.length, undetermined };
}
