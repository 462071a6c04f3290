export * from './guardian-assignment.model';
export * from './guardianship.events';
export * from './guardianship.enums';
export * from './guardianship.module';
export * from './guardianship.service';
export * from './scheme-rules';
export * from './scheme-rules.sql';
export * from './guardianship.record-part';
