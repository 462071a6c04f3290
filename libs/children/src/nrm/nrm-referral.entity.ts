import { Column, Entity } from 'typeorm';
import { Agency, ChildOwnedEntity } from '@haven/platform';
import { NrmCompetentAuthority, NrmDecision, NrmStage } from './nrm.enums';

/** A referral into the National Referral Mechanism, with the latest decision at each stage. */
@Entity()
export class NrmReferral extends ChildOwnedEntity {
  @Column({ type: 'date' })
  referredOn!: string;

  @Column({ type: 'text', nullable: true })
  firstResponder!: Agency | null;

  @Column({ type: 'text', nullable: true })
  competentAuthority!: NrmCompetentAuthority | null;

  @Column({ type: 'text' })
  reasonableGroundsDecision!: NrmDecision;

  @Column({ type: 'date', nullable: true })
  reasonableGroundsDecidedOn!: string | null;

  /** Referral date plus the configured target in working days. */
  @Column({ type: 'date' })
  reasonableGroundsDueBy!: string;

  @Column({ type: 'text' })
  conclusiveGroundsDecision!: NrmDecision;

  @Column({ type: 'date', nullable: true })
  conclusiveGroundsDecidedOn!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;
}

/** Every decision ever recorded, so that a reconsidered decision keeps its history. */
@Entity('nrm_decision')
export class NrmDecisionRecord extends ChildOwnedEntity {
  @Column({ type: 'uuid' })
  referralId!: string;

  @Column({ type: 'text' })
  stage!: NrmStage;

  @Column({ type: 'text' })
  decision!: NrmDecision;

  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;
}
