import { Column, Entity } from 'typeorm';
import { ChildOwnedEntity } from '@haven/platform';
import { ContactMode, GuardianEndReason, GuardianScheme } from './guardianship.enums';

/** A guardian's assignment to a child under a scheme; active while it has no end date. */
@Entity()
export class GuardianAssignment extends ChildOwnedEntity {
  @Column({ type: 'uuid' })
  guardianId!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'text' })
  scheme!: GuardianScheme;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'text', nullable: true })
  endReason!: GuardianEndReason | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A contact between a guardian and the child, logged by the guardian. */
@Entity()
export class GuardianContact extends ChildOwnedEntity {
  @Column({ type: 'uuid' })
  assignmentId!: string;

  @Column({ type: 'uuid' })
  guardianId!: string;

  @Column({ type: 'timestamptz' })
  contactedAt!: Date;

  @Column({ type: 'text' })
  mode!: ContactMode;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
