export * from './age-assessment.enums';
export { missingSafeguards, requiredSafeguards } from './age-assessment-rules';
export type { Safeguards } from './age-assessment-rules';
export * from './age-assessment.model';
export * from './age-assessment.module';
export * from './age-assessment.service';
export * from './age-assessment.events';
export * from './age-decision.sql';
export * from './age-assessment.record-part';
