import { DataSource, EntityManager } from 'typeorm';
import { execute } from '../database/typed-query';
import { Actor } from '../identity/actor';
import { Role } from '../identity/role';

/**
 * What a transaction may touch under the database's row-level security (migration 009): the same
 * rule as `childScope`, stated once per transaction so that a query which forgets it in code still
 * sees nothing outside it.
 */
export interface DatabaseScope {
  /** The service's own scheduled work (alert scans, notification delivery): every row. */
  readonly system?: boolean;
  /** A social worker's or team manager's authority: its children and everything about them. */
  readonly authorityId?: string;
  /** A guardian: the children actively assigned to them when the transaction starts. */
  readonly guardianId?: string;
  /** An LSCB analyst: read-only, for the suppressed aggregates of the authorities in their token. */
  readonly aggregateAuthorityCodes?: readonly string[];
}

export const SYSTEM_SCOPE: DatabaseScope = Object.freeze({ system: true });

/** Nothing: an administrator's or an unresolved caller's transaction sees no child at all. */
export const NO_SCOPE: DatabaseScope = Object.freeze({});

export function databaseScopeOf(actor: Actor): DatabaseScope {
  switch (actor.role) {
    case Role.SOCIAL_WORKER:
    case Role.TEAM_MANAGER:
      return actor.localAuthorityId ? { authorityId: actor.localAuthorityId } : NO_SCOPE;
    case Role.GUARDIAN:
      return { guardianId: actor.practitionerId };
    case Role.LSCB_ANALYST:
      return { aggregateAuthorityCodes: actor.authorityCodes };
    case Role.ADMIN:
      return NO_SCOPE;
  }
}

// One statement, transaction-local (`is_local` true): a pooled connection carries nothing over.
const SET_SCOPE = `SELECT
  set_config('haven.system', $1, true),
  set_config('haven.authority', coalesce($2::uuid::text, ''), true),
  set_config('haven.children', CASE WHEN $3::uuid IS NULL THEN '' ELSE haven_guardian_children($3::uuid)::text END, true),
  set_config('haven.read_authorities', coalesce((SELECT array_agg(id)::text FROM organisation
    WHERE kind = 'LOCAL_AUTHORITY' AND code = ANY ($4::text[])), ''), true)`;

/** The statement that states a scope for the rest of its transaction. */
export function scopeStatement(scope: DatabaseScope): { text: string; values: unknown[] } {
  return {
    text: SET_SCOPE,
    values: [
      scope.system ? 'on' : '',
      scope.authorityId ?? null,
      scope.guardianId ?? null,
      scope.aggregateAuthorityCodes ?? [],
    ],
  };
}

/** States the scope for the rest of the manager's transaction. */
export async function applyDatabaseScope(manager: EntityManager, scope: DatabaseScope): Promise<void> {
  const { text, values } = scopeStatement(scope);
  await execute(manager, text, values);
}

/** The service's own work (scans, delivery, notification) in a transaction of its own, over every row. */
export function inSystemTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await applyDatabaseScope(manager, SYSTEM_SCOPE);
    return work(manager);
  });
}
