import { addDays, addWorkingDays, IsoDate, Nation, NrmConfig, NrmRecoveryPeriods } from '@haven/platform';
import { NrmDecision, NrmFlagCode, NrmStage } from './nrm.enums';

export type NrmSettings = NrmConfig;

export interface ReferralState {
  referredOn: IsoDate;
  reasonableGroundsDecision: NrmDecision;
  reasonableGroundsDecidedOn: IsoDate | null;
  conclusiveGroundsDecision: NrmDecision;
}

/** A referral as recorded, with the nation of the child's authority (whose rules and calendar apply). */
export interface RecordedReferral extends ReferralState {
  nation: Nation;
  conclusiveGroundsDecidedOn: IsoDate | null;
}

export interface DecisionRequest {
  stage: NrmStage;
  decision: NrmDecision;
  decidedOn: IsoDate;
}

/** A broken rule: which field, and why. The service turns it into CONFLICT or BAD_USER_INPUT. */
export interface RuleBreach {
  kind: 'input' | 'conflict';
  field: string;
  message: string;
}

/** Something recorded that looks wrong against policy: shown on the referral for review, never refused. */
export interface NrmFlag {
  code: NrmFlagCode;
  message: string;
}

/**
 * The reasonable-grounds target: the configured number of working days after the referral, skipping
 * weekends and the bank holidays of the child's nation. Stored with the referral when it is recorded
 * (NRM_DECISION_OVERDUE reads it), since SQL cannot know the holidays.
 */
export function reasonableGroundsDueBy(referredOn: IsoDate, nation: Nation, settings: NrmSettings): IsoDate {
  return addWorkingDays(referredOn, settings.reasonableGroundsTargetWorkingDays, nation);
}

/**
 * The minimum recovery and reflection period of the nation: 30 days in England and Wales (Modern
 * Slavery Act 2015 s50A, since December 2022) and Scotland, 45 in Northern Ireland; each configurable.
 */
export function recoveryPeriodDays(nation: Nation, periods: NrmRecoveryPeriods): number {
  switch (nation) {
    case Nation.ENGLAND:
    case Nation.WALES:
      return periods.englandAndWales;
    case Nation.SCOTLAND:
      return periods.scotland;
    case Nation.NORTHERN_IRELAND:
      return periods.northernIreland;
  }
}

/**
 * The day the recovery period after a positive RG has run (a conclusive decision from this day on is
 * expected); null until reasonable grounds are positive.
 */
export function earliestConclusiveDecision(
  state: ReferralState,
  nation: Nation,
  settings: NrmSettings,
): IsoDate | null {
  if (state.reasonableGroundsDecision !== NrmDecision.POSITIVE || !state.reasonableGroundsDecidedOn)
    return null;
  return addDays(state.reasonableGroundsDecidedOn, recoveryPeriodDays(nation, settings.recoveryPeriodDays));
}

/**
 * What is refused is only what cannot be true of the record: a decision dated before the referral or
 * before the reasonable-grounds decision it follows (a mistyped date: BAD_USER_INPUT on `decidedOn`),
 * PENDING recorded as a decision, a conclusive decision with no positive reasonable-grounds decision to
 * follow, or reasonable grounds after a conclusive decision (CONFLICT). The competent authority's
 * timing is a fact: a conclusive decision sooner than the recovery period is recorded and flagged
 * (referralFlags), never refused.
 */
export function checkDecision(state: ReferralState, request: DecisionRequest): RuleBreach | null {
  if (request.decidedOn < state.referredOn) {
    return { kind: 'input', field: 'decidedOn', message: 'A decision cannot come before the referral' };
  }
  if (request.decision === NrmDecision.PENDING) {
    return {
      kind: 'input',
      field: 'decision',
      message: 'Record a decision that was made; PENDING is the state before one',
    };
  }
  if (request.stage === NrmStage.REASONABLE_GROUNDS) {
    if (state.conclusiveGroundsDecision !== NrmDecision.PENDING) {
      return { kind: 'conflict', field: 'stage', message: 'A conclusive decision has already been recorded' };
    }
    return null;
  }
  if (state.reasonableGroundsDecision !== NrmDecision.POSITIVE) {
    return {
      kind: 'conflict',
      field: 'stage',
      message: 'A conclusive grounds decision needs a positive reasonable grounds decision first',
    };
  }
  if (state.reasonableGroundsDecidedOn && request.decidedOn < state.reasonableGroundsDecidedOn) {
    return {
      kind: 'input',
      field: 'decidedOn',
      message: 'A conclusive decision cannot come before the reasonable grounds decision',
    };
  }
  return null;
}

/**
 * What looks wrong on a recorded referral: a conclusive decision on the merits (positive or negative;
 * a withdrawal or suspension may come at any time) dated before the nation's recovery period has run.
 */
export function referralFlags(referral: RecordedReferral, settings: NrmSettings): NrmFlag[] {
  const flags: NrmFlag[] = [];
  const earliest = earliestConclusiveDecision(referral, referral.nation, settings);
  const onTheMerits =
    referral.conclusiveGroundsDecision === NrmDecision.POSITIVE ||
    referral.conclusiveGroundsDecision === NrmDecision.NEGATIVE;
  if (
    earliest &&
    onTheMerits &&
    referral.conclusiveGroundsDecidedOn &&
    referral.conclusiveGroundsDecidedOn < earliest
  ) {
    const days = recoveryPeriodDays(referral.nation, settings.recoveryPeriodDays);
    flags.push({
      code: NrmFlagCode.CONCLUSIVE_DECISION_WITHIN_RECOVERY_PERIOD,
      message:
        `The conclusive decision of ${referral.conclusiveGroundsDecidedOn} came before the end of the ` +
        `${days}-day recovery period (${earliest}) that followed the positive reasonable-grounds decision: review it`,
    });
  }
  return flags;
}
