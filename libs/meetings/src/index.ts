export * from './meeting.enums';
export * from './meeting.model';
export * from './meetings.module';
export * from './meetings.service';
