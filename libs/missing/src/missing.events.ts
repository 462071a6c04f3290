import { DomainEventBase } from '@haven/platform';

export interface ChildWentMissing extends DomainEventBase {
  type: 'ChildWentMissing';
  episodeId: string;
  missingSince: Date;
  soonAfterPlacement: boolean;
}

export interface ChildReturned extends DomainEventBase {
  type: 'ChildReturned';
  episodeId: string;
  returnedAt: Date;
}

export interface ReturnInterviewRecorded extends DomainEventBase {
  type: 'ReturnInterviewRecorded';
  episodeId: string;
  completed: boolean;
  declined: boolean;
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    ChildWentMissing: ChildWentMissing;
    ChildReturned: ChildReturned;
    ReturnInterviewRecorded: ReturnInterviewRecorded;
  }
}
