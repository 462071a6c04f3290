export * from './age-assessment.enums';
export * from './age-assessment.model';
export * from './age-assessment.module';
export * from './age-assessment.service';
export * from './age-assessment.events';
export * from './age-decision.sql';
