import { DomainEventBase } from '@haven/platform';
import { PlacementType } from './placement.enums';

export interface PlacementStarted extends DomainEventBase {
  type: 'PlacementStarted';
  placementId: string;
  placementType: PlacementType;
  unsafe: boolean;
  startedAt: Date;
}

export interface PlacementEnded extends DomainEventBase {
  type: 'PlacementEnded';
  placementId: string;
  endedAt: Date;
}

declare module '@haven/platform' {
  interface DomainEventTypes {
    PlacementStarted: PlacementStarted;
    PlacementEnded: PlacementEnded;
  }
}
