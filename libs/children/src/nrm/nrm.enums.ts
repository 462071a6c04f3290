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
