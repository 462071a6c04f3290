import { registerEnumType } from '@nestjs/graphql';

export enum AgeAssessmentStatus {
  RAISED = 'RAISED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  /** Challenged by judicial review: unresolved again, and the person is treated as a child. */
  CHALLENGED = 'CHALLENGED',
  FINAL = 'FINAL',
}

export enum AgeAssessmentOutcome {
  CLAIMED_AGE_ACCEPTED = 'CLAIMED_AGE_ACCEPTED',
  ASSESSED_YOUNGER = 'ASSESSED_YOUNGER',
  ASSESSED_OLDER_STILL_CHILD = 'ASSESSED_OLDER_STILL_CHILD',
  ASSESSED_ADULT = 'ASSESSED_ADULT',
}

export enum AgeDeterminedBy {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  COURT = 'COURT',
}

registerEnumType(AgeAssessmentStatus, { name: 'AgeAssessmentStatus' });
registerEnumType(AgeAssessmentOutcome, { name: 'AgeAssessmentOutcome' });
registerEnumType(AgeDeterminedBy, { name: 'AgeDeterminedBy' });
