import { Role } from '@haven/platform';
import { roleLabel } from '../../auth/auth.routes';
import type { CaseFileAuditTrailFragment } from '../../graphql/generated';
import { humanise } from '../../nunjucks-setup';
import { AUDIT_ACTION, AUDIT_ENTITY } from './labels';

/** One line of the audit trail as the page says it: when, who (with their role), what. */
export interface AuditEntry {
  at: string;
  who: string;
  what: string;
}

/**
 * The audit trail in plain words: "Priya Shah, Team manager (E09000017)" "Exported everything held
 * on the child (subject access)". An event with no practitioner was the service's own (a scan).
 */
export function auditEntriesOf(trail: CaseFileAuditTrailFragment): AuditEntry[] {
  return trail.edges.map(({ node }) => ({
    at: node.at,
    who: node.practitioner
      ? `${node.practitioner.name}, ${roleLabel(node.practitioner.role as Role)} (${node.practitioner.organisation.name})`
      : 'The service',
    what: `${AUDIT_ACTION[node.action]} ${AUDIT_ENTITY[node.entity] ?? humanise(node.entity).toLowerCase()}`,
  }));
}
