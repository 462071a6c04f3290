export * from './placement.enums';
export * from './placement.events';
export * from './placement.model';
export * from './placements.module';
export * from './placements.service';
export * from './unsafe-placement.sql';
export * from './current-placement.sql';
export * from './placements.record-part';
