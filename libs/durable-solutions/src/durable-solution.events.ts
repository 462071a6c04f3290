import { DomainEventBase } from '@haven/platform';

export interface DurableSolutionRecorded extends DomainEventBase {
  type: 'DurableSolutionRecorded';
  /** After this record: whether the child now has a secured durable solution. */
  secured: boolean;
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    DurableSolutionRecorded: DurableSolutionRecorded;
  }
}
