import { DomainEvent } from '@haven/platform';
import { AgeAssessmentStatus } from './age-assessment.enums';

/** A dispute raised, an outcome recorded, a judicial review brought or a determination made final. */
export interface AgeAssessmentChanged extends DomainEvent {
  type: 'AgeAssessmentChanged';
  assessmentId: string;
  status: AgeAssessmentStatus;
}
