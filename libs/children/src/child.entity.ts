import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  ArrivalRoute,
  CaseClosureReason,
  ChildCategory,
  ChildStatus,
  ExploitationType,
  Gender,
  ImmigrationStatus,
  LegalStatus,
  NationalityBasis,
} from './child.enums';

export interface Alias {
  name: string;
  source: string | null;
}

/** The case record. Identity is uncertain: names, aliases and dates of birth are claims. */
@Entity()
export class Child {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Optimistic lock: every UPDATE names the version it read and bumps it. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'uuid' })
  localAuthorityId!: string;

  @Column({ type: 'text' })
  givenName!: string;

  @Column({ type: 'text', nullable: true })
  familyName!: string | null;

  @Column({ type: 'text', nullable: true })
  preferredName!: string | null;

  @Column({ type: 'jsonb' })
  aliases!: Alias[];

  @Column({ type: 'date', nullable: true })
  claimedDateOfBirth!: string | null;

  /** The date every age rule uses; equals the claimed one until an age assessment decides otherwise. */
  @Column({ type: 'date', nullable: true })
  effectiveDateOfBirth!: string | null;

  @Column({ type: 'boolean' })
  ageDisputed!: boolean;

  @Column({ type: 'text' })
  gender!: Gender;

  @Column({ type: 'text', nullable: true })
  nationality!: string | null;

  @Column({ type: 'text', nullable: true })
  nationalityBasis!: NationalityBasis | null;

  @Column({ type: 'text', nullable: true })
  regionOfOrigin!: string | null;

  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'boolean' })
  interpreterNeeded!: boolean;

  @Column({ type: 'text', array: true })
  categories!: ChildCategory[];

  @Column({ type: 'text', array: true })
  exploitationTypes!: ExploitationType[];

  @Column({ type: 'date', nullable: true })
  arrivalDate!: string | null;

  @Column({ type: 'text', nullable: true })
  arrivalRoute!: ArrivalRoute | null;

  @Column({ type: 'text', nullable: true })
  legalStatus!: LegalStatus | null;

  @Column({ type: 'text', nullable: true })
  immigrationStatus!: ImmigrationStatus | null;

  @Column({ type: 'date', nullable: true })
  asylumClaimDate!: string | null;

  @Column({ type: 'date', nullable: true })
  leaveExpiresOn!: string | null;

  @Column({ type: 'text', nullable: true })
  homeOfficeReference!: string | null;

  @Column({ type: 'uuid', nullable: true })
  allocatedWorkerId!: string | null;

  /** The authority's own identifier (its case-management person id): statutory returns join on it. */
  @Column({ type: 'text', nullable: true })
  localChildId!: string | null;

  /** Whether anyone in the UK holds parental responsibility; null while that is not known. */
  @Column({ type: 'boolean', nullable: true })
  parentalResponsibilityInUk!: boolean | null;

  @Column({ type: 'text' })
  status!: ChildStatus;

  @Column({ type: 'text', nullable: true })
  closureReason!: CaseClosureReason | null;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The columns a registration or an update may set; everything else is kept by the service. */
export type ChildFields = Omit<
  Child,
  | 'id'
  | 'version'
  | 'localAuthorityId'
  | 'effectiveDateOfBirth'
  | 'ageDisputed'
  | 'status'
  | 'closureReason'
  | 'closedOn'
  | 'registeredAt'
  | 'registeredBy'
  | 'updatedAt'
>;
