import { Column, Entity } from 'typeorm';
import { ChildOwnedEntity } from '@haven/platform';
import { PlacementEndReason, PlacementType } from './placement.enums';

/** Where a child lives, from when to when. Placements of one child never overlap. */
@Entity()
export class Placement extends ChildOwnedEntity {
  @Column({ type: 'text' })
  type!: PlacementType;

  @Column({ type: 'text', nullable: true })
  provider!: string | null;

  /** Restricted: exposed only through a guarded field. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason!: PlacementEndReason | null;

  @Column({ type: 'boolean' })
  outOfArea!: boolean;

  @Column({ type: 'boolean' })
  specialist!: boolean;

  @Column({ type: 'boolean' })
  safetyPlan!: boolean;

  /** Unsafe when it began (kept as recorded); the API's `unsafe` is judged at every moment. */
  @Column({ type: 'boolean' })
  unsafe!: boolean;
}
