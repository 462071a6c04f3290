import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Nation, OrganisationKind } from './role';

@Entity()
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** A local authority's ONS code, or a provider's own code from its tokens. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ type: 'text', nullable: true })
  nation!: Nation | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
