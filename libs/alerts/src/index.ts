export * from './alert-workers';
export * from './alert.enums';
export * from './alert.model';
export * from './alerts.module';
export * from './alerts.service';
export * from './alerts.record-part';
