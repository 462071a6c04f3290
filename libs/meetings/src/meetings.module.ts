import { Module } from '@nestjs/common';
import { ChildrenModule } from '@haven/children';
import { MeetingMinutesController } from './meeting-minutes.controller';
import {
  ChildMeetingsResolver,
  MeetingActionResolver,
  MeetingChildResolver,
  MeetingDecisionResolver,
  MeetingsResolver,
} from './meetings.resolver';
import { MeetingsService } from './meetings.service';

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
export class MeetingsModule {}
