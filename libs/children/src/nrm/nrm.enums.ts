import { registerEnumType } from '@nestjs/graphql';

export enum NrmCompetentAuthority {
  SINGLE_COMPETENT_AUTHORITY = 'SINGLE_COMPETENT_AUTHORITY',
  IMMIGRATION_ENFORCEMENT = 'IMMIGRATION_ENFORCEMENT',
  DEVOLVED_CHILD_PANEL = 'DEVOLVED_CHILD_PANEL',
}

export enum NrmStage {
  REASONABLE_GROUNDS = 'REASONABLE_GROUNDS',
  CONCLUSIVE_GROUNDS = 'CONCLUSIVE_GROUNDS',
}

export enum NrmDecision {
  PENDING = 'PENDING',
  POSITIVE = 'POSITIVE',
  NEGATIVE = 'NEGATIVE',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(NrmCompetentAuthority, { name: 'NrmCompetentAuthority' });
registerEnumType(NrmStage, { name: 'NrmStage' });
registerEnumType(NrmDecision, { name: 'NrmDecision' });

/** Why a recorded referral is flagged for review. */
export enum NrmFlagCode {
  /** A conclusive decision on the merits dated before the nation's recovery period had run. */
  CONCLUSIVE_DECISION_WITHIN_RECOVERY_PERIOD = 'CONCLUSIVE_DECISION_WITHIN_RECOVERY_PERIOD',
}
registerEnumType(NrmFlagCode, {
  name: 'NrmFlagCode',
  description: 'Why a recorded NRM referral is flagged for review (it is recorded all the same)',
});
