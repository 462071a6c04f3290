import { Column, EntityManager, EntityTarget, PrimaryGeneratedColumn, SelectQueryBuilder } from 'typeorm';
import { childScope } from '../access/child-scope';
import { notFound } from '../errors/haven-error';
import { Actor } from '../identity/actor';

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

/** A query over records about children, limited to those the caller may see (`childScope`). */
export function scopedRecords<T extends ChildOwnedEntity>(
  em: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  actor: Actor,
): SelectQueryBuilder<T> {
  return em
    .getRepository(entity)
    .createQueryBuilder(alias)
    .where(
      childScope(actor, { childId: `${alias}.child_id`, localAuthorityId: `${alias}.local_authority_id` }),
    );
}

/** One record the caller may see, locked for the update that follows; NOT_FOUND whether absent or not theirs. */
export async function lockVisibleRecord<T extends ChildOwnedEntity>(
  em: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  actor: Actor,
  id: string,
  name: string,
): Promise<T> {
  if (!isUuid(id)) throw notFound(name);
  const record = await scopedRecords(em, entity, alias, actor)
    .andWhere(`${alias}.id = :id`, { id })
    .setLock('pessimistic_write')
    .getOne();
  if (!record) throw notFound(name);
  return record;
}
