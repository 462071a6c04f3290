import { Column, Entity } from 'typeorm';
import { ChildOwnedEntity } from '@haven/platform';
import { FoundBy, MissingKind, PoliceRiskLevel } from './missing.enums';

/** A child missing or away from placement; closed by a return, followed by a return interview. */
@Entity()
export class MissingEpisode extends ChildOwnedEntity {
  @Column({ type: 'text' })
  kind!: MissingKind;

  @Column({ type: 'uuid', nullable: true })
  placementId!: string | null;

  @Column({ type: 'timestamptz' })
  missingSince!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  reportedToPoliceAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  policeReference!: string | null;

  @Column({ type: 'text', nullable: true })
  policeRiskLevel!: PoliceRiskLevel | null;

  @Column({ type: 'text', nullable: true })
  lastSeenLocation!: string | null;

  @Column({ type: 'text', nullable: true })
  lastSeenWith!: string | null;

  @Column({ type: 'text', nullable: true })
  circumstances!: string | null;

  @Column({ type: 'boolean' })
  traffickerContactFeared!: boolean;

  @Column({ type: 'boolean' })
  soonAfterPlacement!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  whereFound!: string | null;

  @Column({ type: 'text', nullable: true })
  foundBy!: FoundBy | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnInterviewDueBy!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  interviewOfferedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  interviewCompletedAt!: Date | null;

  @Column({ type: 'boolean' })
  interviewDeclined!: boolean;

  @Column({ type: 'text', nullable: true })
  interviewConductedBy!: string | null;

  /** Restricted: exposed only through a guarded field. */
  @Column({ type: 'text', nullable: true })
  interviewFindings!: string | null;
}
