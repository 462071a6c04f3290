import type { NrmDecision } from '../../graphql/generated';

/** What a referral's standing is read from (as the case file and the NRM page ask for it). */
export interface ReferralDates {
  reasonableGroundsDueBy: string;
  earliestConclusiveDecisionOn: string | null;
  reasonableGrounds: { decision: NrmDecision };
  conclusiveGrounds: { decision: NrmDecision };
}

/** Where a referral stands today (YYYY-MM-DD, UK), from the due dates and periods the API gives. */
export function referralStanding(referral: ReferralDates, today: string) {
  return {
    /** The reasonable-grounds decision is still awaited after its target date (NRM_DECISION_OVERDUE's rule). */
    overdue: referral.reasonableGrounds.decision === 'PENDING' && referral.reasonableGroundsDueBy < today,
    /** The recovery and reflection period after a positive reasonable-grounds decision has not yet run. */
    inRecoveryPeriod:
      referral.earliestConclusiveDecisionOn !== null &&
      referral.conclusiveGrounds.decision === 'PENDING' &&
      today < referral.earliestConclusiveDecisionOn,
  };
}
