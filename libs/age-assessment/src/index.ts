export * from './age-assessment.enums';
export * from './age-assessment.model';
export * from './age-assessment.module';
export * from './age-assessment.service';
