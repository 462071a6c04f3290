import { DomainEventBase } from '@haven/platform';
import { AgeAssessmentStatus } from './age-assessment.enums';

/** A dispute raised, an outcome recorded, a judicial review brought or a determination made final. */
export interface AgeAssessmentChanged extends DomainEventBase {
  type: 'AgeAssessmentChanged';
  assessmentId: string;
  status: AgeAssessmentStatus;
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    AgeAssessmentChanged: AgeAssessmentChanged;
  }
}
