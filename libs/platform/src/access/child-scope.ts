import { Actor } from '../identity/actor';
import { Role } from '../identity/role';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A programming error: a scope was asked for before the caller was resolved. */
export class UnresolvedScopeError extends Error {
  override name = 'UnresolvedScopeError';
  override message = 'A scope needs a resolved practitioner and organisation';
}

function uuidLiteral(value: string | null): string {
  if (!value || !UUID.test(value)) throw new UnresolvedScopeError();
  return `'${value}'::uuid`;
}

/** Where in a query the child's id and responsible authority are found. */
export interface ChildColumns {
  childId: string;
  localAuthorityId: string;
}

/**
 * The one rule of which children a caller may see, as a SQL predicate over any row that carries a
 * child id and its authority: authority staff see their authority's children; a guardian sees the
 * children actively assigned to them; everyone else sees none. The ids inlined come from the
 * database (the resolved actor), never from the request.
 */
export function childScope(
  actor: Actor,
  columns: ChildColumns = { childId: 'c.id', localAuthorityId: 'c.local_authority_id' },
): string {
  switch (actor.role) {
    case Role.SOCIAL_WORKER:
    case Role.TEAM_MANAGER:
      return `${columns.localAuthorityId} = ${uuidLiteral(actor.localAuthorityId)}`;
    case Role.GUARDIAN:
      // exactly the children actively assigned to them (guardianship's published view); lost the
      // moment the assignment ends
      return `EXISTS (SELECT 1 FROM active_guardian_assignment ga WHERE ga.child_id = ${columns.childId}
                AND ga.guardian_id = ${uuidLiteral(actor.practitionerId)})`;
    case Role.LSCB_ANALYST:
    case Role.ADMIN:
      return 'false';
  }
}
