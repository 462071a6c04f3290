import { Module, OnModuleInit } from '@nestjs/common';
import { ChildRecordParts, ChildrenModule } from '@haven/children';
import { MeetingMinutesController } from './meeting-minutes.controller';
import {
  ChildMeetingsResolver,
  MeetingActionResolver,
  MeetingChildResolver,
  MeetingDecisionResolver,
  MeetingsResolver,
} from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { MEETINGS_RECORD_PART } from './meetings.record-part';

export const MEETINGS_RESOLVERS = [
  MeetingsResolver,
  MeetingChildResolver,
  MeetingDecisionResolver,
  MeetingActionResolver,
  ChildMeetingsResolver,
];

/** Multi-agency meetings: the Hillingdon model of reviewing every missing child. */
@Module({
  imports: [ChildrenModule],
  controllers: [MeetingMinutesController],
  providers: [MeetingsService, ...MEETINGS_RESOLVERS],
})
export class MeetingsModule implements OnModuleInit {
  constructor(private readonly parts: ChildRecordParts) {}

  /** Adds the capability's part to the child record's export and purge. */
  onModuleInit(): void {
    this.parts.register(MEETINGS_RECORD_PART);
  }
}
