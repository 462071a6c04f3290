import { DomainEvent } from '@haven/platform';
import { PlacementType } from './placement.enums';

export interface PlacementStarted extends DomainEvent {
  type: 'PlacementStarted';
  placementId: string;
  placementType: PlacementType;
  unsafe: boolean;
  startedAt: Date;
}

export interface PlacementEnded extends DomainEvent {
  type: 'PlacementEnded';
  placementId: string;
  endedAt: Date;
}
