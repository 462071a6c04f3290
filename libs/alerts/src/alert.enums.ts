import { registerEnumType } from '@nestjs/graphql';

export enum AlertKind {
  CHILD_MISSING = 'CHILD_MISSING',
  RETURN_INTERVIEW_OVERDUE = 'RETURN_INTERVIEW_OVERDUE',
  REPEAT_MISSING = 'REPEAT_MISSING',
  NEARING_18_WITHOUT_DURABLE_SOLUTION = 'NEARING_18_WITHOUT_DURABLE_SOLUTION',
  UASC_LEAVE_EXPIRING = 'UASC_LEAVE_EXPIRING',
  NO_GUARDIAN = 'NO_GUARDIAN',
  UNSAFE_PLACEMENT = 'UNSAFE_PLACEMENT',
  NRM_DECISION_OVERDUE = 'NRM_DECISION_OVERDUE',
  MEETING_ACTION_OVERDUE = 'MEETING_ACTION_OVERDUE',
}

export enum AlertSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  URGENT = 'URGENT',
  CRITICAL = 'CRITICAL',
}

export enum AlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
}

export enum AlertResolution {
  BY_PRACTITIONER = 'BY_PRACTITIONER',
  CONDITION_CLEARED = 'CONDITION_CLEARED',
}

registerEnumType(AlertKind, { name: 'AlertKind' });
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });
registerEnumType(AlertStatus, { name: 'AlertStatus' });
registerEnumType(AlertResolution, { name: 'AlertResolution' });
