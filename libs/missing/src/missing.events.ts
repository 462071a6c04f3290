import { DomainEvent } from '@haven/platform';

export interface ChildWentMissing extends DomainEvent {
  type: 'ChildWentMissing';
  episodeId: string;
  missingSince: Date;
  soonAfterPlacement: boolean;
}

export interface ChildReturned extends DomainEvent {
  type: 'ChildReturned';
  episodeId: string;
  returnedAt: Date;
}

export interface ReturnInterviewRecorded extends DomainEvent {
  type: 'ReturnInterviewRecorded';
  episodeId: string;
  completed: boolean;
  declined: boolean;
}
