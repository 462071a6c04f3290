import { MigrationInterface, QueryRunner } from 'typeorm';
// relative, not @haven/platform: the tests' global setup loads the migrations outside Jest's module mapping
import { Nation } from '../libs/platform/src/identity/role';
import { addWorkingDays } from '../libs/platform/src/time/calendar';

/**
 * The reasonable-grounds target counts the working days of the child's nation, skipping its bank
 * holidays as well as weekends (England and Wales, Scotland and Northern Ireland differ). SQL cannot
 * know the holidays, so the date is computed in TypeScript (addWorkingDays, the function the service
 * uses when a referral is recorded) and stored, and NRM_DECISION_OVERDUE reads it; here every existing
 * referral's target is recomputed.
 *
 * UASC_LEAVE_EXPIRING now also covers leave that has already expired (CRITICAL), however long ago: an
 * index on the open cases' expiry dates keeps that scan to open cases.
 */
export class NationWorkingDays1732250000013 implements MigrationInterface {
  name = 'NationWorkingDays1732250000013';

  async up(db: QueryRunner): Promise<void> {
    await recomputeReasonableGroundsTargets(db.manager);
    await db.query(`
      CREATE INDEX child_open_leave_expiry_idx ON child (leave_expires_on)
        WHERE leave_expires_on IS NOT NULL AND status = 'OPEN';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // the targets stay as recomputed: a later date that skips holidays is still the referral's target
    await db.query(`DROP INDEX child_open_leave_expiry_idx;`);
  }
}

interface ReferralRow {
  id: string;
  referred_on: string;
  nation: Nation;
  working_days: number;
}

/** An EntityManager, or anything else that runs a statement and answers its rows. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Recomputes every referral's target with the holidays of its authority's nation. The number of working
 * days each was given is read back from its stored date (the weekdays after the referral up to the
 * target), so a target configured otherwise than 5 keeps its length.
 */
export async function recomputeReasonableGroundsTargets(db: Queryable): Promise<void> {
  const referrals = (await db.query(`
    SELECT r.id, r.referred_on::text AS referred_on, o.nation,
           (SELECT count(*)::int FROM generate_series(r.referred_on + 1, r.reasonable_grounds_due_by, interval '1 day') d
             WHERE extract(isodow FROM d) < 6) AS working_days
      FROM nrm_referral r JOIN organisation o ON o.id = r.local_authority_id`)) as ReferralRow[];
  if (referrals.length === 0) return;
  await db.query(
    `UPDATE nrm_referral r SET reasonable_grounds_due_by = u.due
       FROM unnest($1::uuid[], $2::date[]) AS u (id, due)
      WHERE r.id = u.id AND r.reasonable_grounds_due_by IS DISTINCT FROM u.due`,
    [
      referrals.map((referral) => referral.id),
      referrals.map((referral) =>
        addWorkingDays(referral.referred_on, referral.working_days, referral.nation),
      ),
    ],
  );
}
