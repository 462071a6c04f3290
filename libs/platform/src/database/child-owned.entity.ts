import { Column, PrimaryGeneratedColumn } from 'typeorm';

/** What every record about a child carries: its id, the child's, and the authority responsible (the tenant key). */
export abstract class ChildOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  childId!: string;

  @Column({ type: 'uuid' })
  localAuthorityId!: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that could name a record; anything else is answered as "not found" without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
