import { DomainEventBase } from '@haven/platform';

export interface GuardianAssigned extends DomainEventBase {
  type: 'GuardianAssigned';
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    GuardianAssigned: GuardianAssigned;
  }
}
