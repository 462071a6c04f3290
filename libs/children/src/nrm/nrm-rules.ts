import { addDays, addWorkingDays, IsoDate } from '@haven/platform';
import { NrmDecision, NrmStage } from './nrm.enums';

export interface NrmSettings {
  reasonableGroundsTargetWorkingDays: number;
  recoveryPeriodDays: number;
}

export interface ReferralState {
  referredOn: IsoDate;
  reasonableGroundsDecision: NrmDecision;
  reasonableGroundsDecidedOn: IsoDate | null;
  conclusiveGroundsDecision: NrmDecision;
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

export function reasonableGroundsDueBy(referredOn: IsoDate, settings: NrmSettings): IsoDate {
  return addWorkingDays(referredOn, settings.reasonableGroundsTargetWorkingDays);
}

/** The first day a conclusive decision may be made: the recovery period after a positive RG. */
export function earliestConclusiveDecision(state: ReferralState, settings: NrmSettings): IsoDate | null {
  if (state.reasonableGroundsDecision !== NrmDecision.POSITIVE || !state.reasonableGroundsDecidedOn)
    return null;
  return addDays(state.reasonableGroundsDecidedOn, settings.recoveryPeriodDays);
}

/**
 * The NRM's order of things: decisions fall on or after the referral; a conclusive decision needs
 * a positive reasonable-grounds decision and, unless the referral is withdrawn or suspended, the
 * end of the recovery and reflection period.
 */
export function checkDecision(
  state: ReferralState,
  request: DecisionRequest,
  settings: NrmSettings,
): RuleBreach | null {
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
  const earliest = earliestConclusiveDecision(state, settings);
  const endsTheCase =
    request.decision === NrmDecision.WITHDRAWN || request.decision === NrmDecision.SUSPENDED;
  if (earliest && !endsTheCase && request.decidedOn < earliest) {
    return {
      kind: 'conflict',
      field: 'decidedOn',
      message: `A conclusive decision comes at the end of the ${settings.recoveryPeriodDays}-day recovery period: not before ${earliest}`,
    };
  }
  return null;
}
