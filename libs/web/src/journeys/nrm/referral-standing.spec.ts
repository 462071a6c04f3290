import { referralStanding } from './referral-standing';
import { planOf } from '../durable-solution/durable-solution.routes';

describe("a referral's standing", () => {
  const referral = {
    reasonableGroundsDueBy: '2026-03-10',
    earliestConclusiveDecisionOn: null,
    reasonableGrounds: { decision: 'PENDING' as const },
    conclusiveGrounds: { decision: 'PENDING' as const },
  };

  it('is overdue only after its due day, while reasonable grounds are pending', () => {
    expect(referralStanding(referral, '2026-03-10').overdue).toBe(false);
    expect(referralStanding(referral, '2026-03-11').overdue).toBe(true);
    const decided = { ...referral, reasonableGrounds: { decision: 'NEGATIVE' as const } };
    expect(referralStanding(decided, '2026-03-11').overdue).toBe(false);
  });

  it('is in the recovery period until its end, unless a conclusive decision is made', () => {
    const positive = {
      ...referral,
      reasonableGrounds: { decision: 'POSITIVE' as const },
      earliestConclusiveDecisionOn: '2026-04-09',
    };
    expect(referralStanding(positive, '2026-04-08')).toEqual({ overdue: false, inRecoveryPeriod: true });
    expect(referralStanding(positive, '2026-04-09').inRecoveryPeriod).toBe(false);
    const concluded = { ...positive, conclusiveGrounds: { decision: 'POSITIVE' as const } };
    expect(referralStanding(concluded, '2026-04-01').inRecoveryPeriod).toBe(false);
  });
});

describe('the durable-solution plan', () => {
  const record = (
    id: string,
    option: 'INTEGRATION_IN_UK' | 'RETURN_TO_COUNTRY_OF_ORIGIN',
    status: 'IDENTIFIED' | 'SECURED',
  ) => ({
    id,
    option,
    status,
    basis: null,
    assessedOn: null,
    securedOn: null,
    bestInterestsAssessmentCompleted: false,
    riskAssessmentCompleted: false,
    recordedAt: '2026-03-01T10:00:00Z',
  });

  it('is the latest record of each option, newest first', () => {
    const records = [
      record('3', 'INTEGRATION_IN_UK', 'SECURED'),
      record('2', 'RETURN_TO_COUNTRY_OF_ORIGIN', 'IDENTIFIED'),
      record('1', 'INTEGRATION_IN_UK', 'IDENTIFIED'),
    ];
    expect(planOf(records).map((solution) => solution.id)).toEqual(['3', '2']);
    expect(planOf([])).toEqual([]);
  });
});
