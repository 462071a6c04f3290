import { sqlRecordPart } from './child-record-part';

/**
 * The child's own share of its record: the child and its NRM referrals and decisions. The export shows it
 * first; the purge deletes it last, once every other part's rows about the child are gone.
 */
export const OWN_RECORD_PART = sqlRecordPart({
  name: 'children',
  position: 0,
  sections: {
    child: `SELECT * FROM child WHERE id = $1`,
    nrmReferrals: `SELECT * FROM nrm_referral WHERE child_id = $1 ORDER BY referred_on`,
    nrmDecisions: `SELECT * FROM nrm_decision WHERE child_id = $1 ORDER BY recorded_at`,
  },
  deletions: [
    `DELETE FROM nrm_decision WHERE child_id = ANY($1::uuid[])`,
    `DELETE FROM nrm_referral WHERE child_id = ANY($1::uuid[])`,
    `DELETE FROM child WHERE id = ANY($1::uuid[])`,
  ],
});
