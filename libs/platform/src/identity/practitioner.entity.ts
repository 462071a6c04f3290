import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role';

@Entity()
export class Practitioner {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The token's `sub`: the key practitioners are created by on first sight. */
  @Column({ type: 'text', unique: true })
  subject!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;
}
