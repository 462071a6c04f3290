import { DomainEventBase } from '@haven/platform';

/** The child's details changed (date of birth, immigration status, leave's expiry, ...). */
export interface ChildUpdated extends DomainEventBase {
  type: 'ChildUpdated';
}

export interface CaseClosed extends DomainEventBase {
  type: 'CaseClosed';
}

export interface CaseReopened extends DomainEventBase {
  type: 'CaseReopened';
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    ChildUpdated: ChildUpdated;
    CaseClosed: CaseClosed;
    CaseReopened: CaseReopened;
  }
}
