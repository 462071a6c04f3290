import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction } from './audit-entry';

/** Append-only: a trigger refuses UPDATE and DELETE. */
@Entity()
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Insertion order, for paging the trail newest first. */
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', generated: 'identity' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  practitionerId!: string | null;

  @Column({ type: 'text' })
  requestId!: string;

  @Column({ type: 'text' })
  action!: AuditAction;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'uuid', nullable: true })
  childId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  localAuthorityId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;
}
