import { Nation } from '@haven/platform';
import { NrmDecision, NrmFlagCode, NrmStage } from './nrm.enums';
import {
  checkDecision,
  earliestConclusiveDecision,
  reasonableGroundsDueBy,
  RecordedReferral,
  recoveryPeriodDays,
  ReferralState,
  referralFlags,
} from './nrm-rules';

const { ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND } = Nation;
const settings = {
  reasonableGroundsTargetWorkingDays: 5,
  recoveryPeriodDays: { englandAndWales: 30, scotland: 30, northernIreland: 45 },
};
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
/** A referral whose RG was positive on 6 March 2026, concluded `day` days later. */
const concludedOnDay = (nation: Nation, day: number, decision = NrmDecision.POSITIVE): RecordedReferral => ({
  ...positive,
  nation,
  conclusiveGroundsDecision: decision,
  conclusiveGroundsDecidedOn: new Date(Date.UTC(2026, 2, 6 + day)).toISOString().slice(0, 10),
});

describe('NRM rules', () => {
  it('sets the reasonable-grounds target five working days after referral', () => {
    expect(reasonableGroundsDueBy('2026-03-02', ENGLAND, settings)).toBe('2026-03-09'); // Monday to Monday
    expect(reasonableGroundsDueBy('2026-03-06', ENGLAND, settings)).toBe('2026-03-13'); // Friday to Friday
  });

  it("skips the bank holidays of the child's nation", () => {
    // the Thursday before Easter 2026: Good Friday and Easter Monday in England, Wales and NI; only Good Friday in Scotland
    expect(reasonableGroundsDueBy('2026-04-02', ENGLAND, settings)).toBe('2026-04-13');
    expect(reasonableGroundsDueBy('2026-04-02', WALES, settings)).toBe('2026-04-13');
    expect(reasonableGroundsDueBy('2026-04-02', SCOTLAND, settings)).toBe('2026-04-10');
    // Tuesday 22 December 2026: Christmas, the substitute Boxing Day and New Year's Day
    expect(reasonableGroundsDueBy('2026-12-22', ENGLAND, settings)).toBe('2026-12-31');
    expect(reasonableGroundsDueBy('2026-12-23', ENGLAND, settings)).toBe('2027-01-04');
    expect(reasonableGroundsDueBy('2026-12-23', SCOTLAND, settings)).toBe('2027-01-05');
    // Friday 9 July 2027: the 12th is a Monday in 2027
    expect(reasonableGroundsDueBy('2027-07-09', NORTHERN_IRELAND, settings)).toBe('2027-07-19');
    expect(reasonableGroundsDueBy('2027-07-09', ENGLAND, settings)).toBe('2027-07-16');
  });

  it('takes the recovery period of the nation', () => {
    expect(recoveryPeriodDays(ENGLAND, settings.recoveryPeriodDays)).toBe(30);
    expect(recoveryPeriodDays(WALES, settings.recoveryPeriodDays)).toBe(30);
    expect(recoveryPeriodDays(SCOTLAND, settings.recoveryPeriodDays)).toBe(30);
    expect(recoveryPeriodDays(NORTHERN_IRELAND, settings.recoveryPeriodDays)).toBe(45);
    expect(earliestConclusiveDecision(positive, ENGLAND, settings)).toBe('2026-04-05');
    expect(earliestConclusiveDecision(positive, NORTHERN_IRELAND, settings)).toBe('2026-04-20');
    expect(earliestConclusiveDecision(referred, ENGLAND, settings)).toBeNull();
  });

  it('accepts a reasonable-grounds decision on or after the referral', () => {
    const decision = {
      stage: NrmStage.REASONABLE_GROUNDS,
      decision: NrmDecision.POSITIVE,
      decidedOn: '2026-03-02',
    };
    expect(checkDecision(referred, decision)).toBeNull();
    expect(checkDecision(referred, { ...decision, decidedOn: '2026-03-01' })).toMatchObject({
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
    expect(checkDecision(referred, conclusive)).toMatchObject({ kind: 'conflict', field: 'stage' });
    expect(
      checkDecision({ ...positive, reasonableGroundsDecision: NrmDecision.NEGATIVE }, conclusive),
    ).toMatchObject({
      kind: 'conflict',
    });
    // dated before the reasonable-grounds decision it follows: a mistyped date
    expect(checkDecision(positive, { ...conclusive, decidedOn: '2026-03-05' })).toMatchObject({
      kind: 'input',
      field: 'decidedOn',
    });
  });

  it('records a conclusive decision within the recovery period (the authority made it), at any day', () => {
    const conclusive = {
      stage: NrmStage.CONCLUSIVE_GROUNDS,
      decision: NrmDecision.NEGATIVE,
      decidedOn: '2026-03-06', // the day of the positive RG
    };
    expect(checkDecision(positive, conclusive)).toBeNull();
    expect(checkDecision(positive, { ...conclusive, decidedOn: '2026-04-04' })).toBeNull();
  });

  it('flags a conclusive decision before the end of the recovery period, to the day', () => {
    const flagged = (referral: RecordedReferral) =>
      referralFlags(referral, settings).map((flag) => flag.code);
    const FLAG = NrmFlagCode.CONCLUSIVE_DECISION_WITHIN_RECOVERY_PERIOD;
    // England and Wales, Scotland: 30 days
    for (const nation of [ENGLAND, WALES, SCOTLAND]) {
      expect(flagged(concludedOnDay(nation, 29))).toEqual([FLAG]);
      expect(flagged(concludedOnDay(nation, 30))).toEqual([]);
      expect(flagged(concludedOnDay(nation, 31))).toEqual([]);
    }
    // Northern Ireland: 45 days
    expect(flagged(concludedOnDay(NORTHERN_IRELAND, 30))).toEqual([FLAG]);
    expect(flagged(concludedOnDay(NORTHERN_IRELAND, 44))).toEqual([FLAG]);
    expect(flagged(concludedOnDay(NORTHERN_IRELAND, 45))).toEqual([]);
    // negative decisions too; a withdrawal or suspension is not a decision on the merits
    expect(flagged(concludedOnDay(ENGLAND, 10, NrmDecision.NEGATIVE))).toEqual([FLAG]);
    expect(flagged(concludedOnDay(ENGLAND, 10, NrmDecision.WITHDRAWN))).toEqual([]);
    expect(flagged(concludedOnDay(ENGLAND, 10, NrmDecision.SUSPENDED))).toEqual([]);
    expect(flagged({ ...positive, nation: ENGLAND, conclusiveGroundsDecidedOn: null })).toEqual([]);
    expect(referralFlags(concludedOnDay(ENGLAND, 29), settings)[0].message).toBe(
      'The conclusive decision of 2026-04-04 came before the end of the 30-day recovery period (2026-04-05) ' +
        'that followed the positive reasonable-grounds decision: review it',
    );
  });

  it('refuses PENDING as a decision, and reasonable grounds after a conclusive decision', () => {
    const pending = {
      stage: NrmStage.REASONABLE_GROUNDS,
      decision: NrmDecision.PENDING,
      decidedOn: '2026-03-03',
    };
    expect(checkDecision(referred, pending)).toMatchObject({ kind: 'input', field: 'decision' });
    const concluded = { ...positive, conclusiveGroundsDecision: NrmDecision.POSITIVE };
    const late = {
      stage: NrmStage.REASONABLE_GROUNDS,
      decision: NrmDecision.NEGATIVE,
      decidedOn: '2026-05-01',
    };
    expect(checkDecision(concluded, late)).toMatchObject({ kind: 'conflict' });
  });
});
