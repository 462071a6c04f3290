import { Column, Entity } from 'typeorm';
import { Agency, ChildOwnedEntity } from '@haven/platform';
import { AgeAssessmentOutcome, AgeAssessmentStatus, AgeDeterminedBy } from './age-assessment.enums';

/** An age dispute and the assessment that resolves it; history is kept, nothing overwritten. */
@Entity()
export class AgeAssessment extends ChildOwnedEntity {
  @Column({ type: 'date' })
  raisedOn!: string;

  @Column({ type: 'text' })
  raisedBy!: Agency;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The claimed date of birth when the dispute was raised. */
  @Column({ type: 'date', nullable: true })
  claimedDateOfBirth!: string | null;

  @Column({ type: 'text' })
  status!: AgeAssessmentStatus;

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: AgeAssessmentOutcome | null;

  @Column({ type: 'date', nullable: true })
  assessedDateOfBirth!: string | null;

  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ type: 'boolean', nullable: true })
  twoAssessors!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  appropriateAdult!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  interpreterUsed!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  adversePointsPut!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  writtenReasons!: boolean | null;

  @Column({ type: 'date', nullable: true })
  challengedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  challengeNotes!: string | null;

  @Column({ type: 'date', nullable: true })
  finalisedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  finalDeterminedBy!: AgeDeterminedBy | null;

  /** The local authority's own outcome, kept when a court's determination replaces it. */
  @Column({ type: 'text', nullable: true })
  localOutcome!: AgeAssessmentOutcome | null;

  @Column({ type: 'date', nullable: true })
  localAssessedDateOfBirth!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
