import { DomainEventBase } from '@haven/platform';

/** A meeting's action completed; `childId` is '' when the action is about no one child. */
export interface MeetingActionCompleted extends DomainEventBase {
  type: 'MeetingActionCompleted';
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    MeetingActionCompleted: MeetingActionCompleted;
  }
}
