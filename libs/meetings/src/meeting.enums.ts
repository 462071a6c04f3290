import { registerEnumType } from '@nestjs/graphql';

export enum MeetingType {
  STRATEGY_DISCUSSION = 'STRATEGY_DISCUSSION',
  CHILD_EXPLOITATION = 'CHILD_EXPLOITATION',
  MISSING_REVIEW = 'MISSING_REVIEW',
  LOOKED_AFTER_REVIEW = 'LOOKED_AFTER_REVIEW',
  BEST_INTERESTS = 'BEST_INTERESTS',
  LSCB_SUBGROUP = 'LSCB_SUBGROUP',
  OTHER = 'OTHER',
}

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export enum AgendaReason {
  NAMED = 'NAMED',
  MISSING_SINCE_LAST_REVIEW = 'MISSING_SINCE_LAST_REVIEW',
  MISSING_NOW = 'MISSING_NOW',
}

registerEnumType(MeetingType, { name: 'MeetingType' });
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(AgendaReason, { name: 'AgendaReason' });
