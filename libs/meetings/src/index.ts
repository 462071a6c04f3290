export * from './meeting.enums';
export * from './meeting.events';
export * from './meeting.model';
export * from './meetings.module';
export * from './meetings.service';
export * from './meetings.record-part';
