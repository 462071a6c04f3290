import { NrmDecision, NrmStage } from './nrm.enums';
import {
  checkDecision,
  earliestConclusiveDecision,
  reasonableGroundsDueBy,
  ReferralState,
} from './nrm-rules';

const settings = { reasonableGroundsTargetWorkingDays: 5, recoveryPeriodDays: 45 };
const referred: ReferralState = {
  referredOn: '2026-03-02',
  reasonableGroundsDecision: NrmDecision.PENDING,
  reasonableGroundsDecidedOn: null,
  conclusiveGroundsDecision: NrmDecision.PENDING,
};
const positive: ReferralState = {
  ...referred,
  reasonableGroundsDecision: NrmDecision.POSITIVE,
  reasonableGroundsDecidedOn: '2026-03-06',
};

describe('NRM rules', () => {
  it('sets the reasonable-grounds target five working days after referral', () => {
    expect(reasonableGroundsDueBy('2026-03-02', settings)).toBe('2026-03-09'); // Monday to Monday
    expect(reasonableGroundsDueBy('2026-03-06', settings)).toBe('2026-03-13'); // Friday to Friday
  });

  it('accepts a reasonable-grounds decision on or after the referral', () => {
    const decision = {
      stage: NrmStage.REASONABLE_GROUNDS,
      decision: NrmDecision.POSITIVE,
      decidedOn: '2026-03-02',
    };
    expect(checkDecision(referred, decision, settings)).toBeNull();
    expect(checkDecision(referred, { ...decision, decidedOn: '2026-03-01' }, settings)).toMatchObject({
      kind: 'input',
      field: 'decidedOn',
    });
  });

  it('needs a positive reasonable-grounds decision before a conclusive one', () => {
    const conclusive = {
      stage: NrmStage.CONCLUSIVE_GROUNDS,
      decision: NrmDecision.POSITIVE,
      decidedOn: '2026-06-01',
    };
    expect(checkDecision(referred, conclusive, settings)).toMatchObject({ kind: 'conflict', field: 'stage' });
    expect(
      checkDecision({ ...positive, reasonableGroundsDecision: NrmDecision.NEGATIVE }, conclusive, settings),
    ).toMatchObject({
      kind: 'conflict',
    });
  });

  it('holds the 45-day recovery period to the day', () => {
    expect(earliestConclusiveDecision(positive, settings)).toBe('2026-04-20');
    const conclusive = {
      stage: NrmStage.CONCLUSIVE_GROUNDS,
      decision: NrmDecision.NEGATIVE,
      decidedOn: '2026-04-19',
    };
    expect(checkDecision(positive, conclusive, settings)).toMatchObject({
      kind: 'conflict',
      field: 'decidedOn',
    });
    expect(checkDecision(positive, { ...conclusive, decidedOn: '2026-04-20' }, settings)).toBeNull();
    // a withdrawal is not a decision on the merits and may come at any time
    expect(checkDecision(positive, { ...conclusive, decision: NrmDecision.WITHDRAWN }, settings)).toBeNull();
  });

  it('refuses PENDING as a decision, and reasonable grounds after a conclusive decision', () => {
    const pending = {
      stage: NrmStage.REASONABLE_GROUNDS,
      decision: NrmDecision.PENDING,
      decidedOn: '2026-03-03',
    };
    expect(checkDecision(referred, pending, settings)).toMatchObject({ kind: 'input', field: 'decision' });
    const concluded = { ...positive, conclusiveGroundsDecision: NrmDecision.POSITIVE };
    const late = {
      stage: NrmStage.REASONABLE_GROUNDS,
      decision: NrmDecision.NEGATIVE,
      decidedOn: '2026-05-01',
    };
    expect(checkDecision(concluded, late, settings)).toMatchObject({ kind: 'conflict' });
  });
});
