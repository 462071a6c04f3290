import { DomainEventBase } from '@haven/platform';

/** A reasonable or conclusive grounds decision recorded on one of the child's NRM referrals. */
export interface NrmDecisionRecorded extends DomainEventBase {
  type: 'NrmDecisionRecorded';
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    NrmDecisionRecorded: NrmDecisionRecorded;
  }
}
