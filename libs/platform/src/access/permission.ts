import { Role } from '../identity/role';

/**
 * Every capability a query, mutation or restricted field needs. Each resolver declares one with
 * `@Allow`; a resolver without it is refused at run time and fails the permission test.
 */
export enum Permission {
  READ_OWN_PROFILE = 'READ_OWN_PROFILE',
  LIST_PRACTITIONERS = 'LIST_PRACTITIONERS',
  READ_CHILD = 'READ_CHILD',
  REGISTER_CHILD = 'REGISTER_CHILD',
  UPDATE_CHILD = 'UPDATE_CHILD',
  CLOSE_CASE = 'CLOSE_CASE',
  /** Immigration status, leave and Home Office reference: for those who support the child only. */
  READ_IMMIGRATION_DETAILS = 'READ_IMMIGRATION_DETAILS',
  RECORD_NRM = 'RECORD_NRM',
  READ_AUDIT_TRAIL = 'READ_AUDIT_TRAIL',
  ASSIGN_GUARDIAN = 'ASSIGN_GUARDIAN',
  RECORD_GUARDIAN_CONTACT = 'RECORD_GUARDIAN_CONTACT',
  RECORD_AGE_ASSESSMENT = 'RECORD_AGE_ASSESSMENT',
}

const { SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN, LSCB_ANALYST, ADMIN } = Role;

/** The one table of who may do what. Object scope (which children) is decided by the child scope. */
export const POLICY: Readonly<Record<Permission, readonly Role[]>> = {
  READ_OWN_PROFILE: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN, LSCB_ANALYST, ADMIN],
  LIST_PRACTITIONERS: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN, ADMIN],
  READ_CHILD: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN],
  REGISTER_CHILD: [SOCIAL_WORKER, TEAM_MANAGER],
  UPDATE_CHILD: [SOCIAL_WORKER, TEAM_MANAGER],
  CLOSE_CASE: [TEAM_MANAGER],
  READ_IMMIGRATION_DETAILS: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN],
  RECORD_NRM: [SOCIAL_WORKER, TEAM_MANAGER],
  READ_AUDIT_TRAIL: [TEAM_MANAGER],
  ASSIGN_GUARDIAN: [SOCIAL_WORKER, TEAM_MANAGER],
  /** Guardians log their own contacts with the child; nobody else records them. */
  RECORD_GUARDIAN_CONTACT: [GUARDIAN],
  RECORD_AGE_ASSESSMENT: [SOCIAL_WORKER, TEAM_MANAGER],
};

export function isAllowed(role: Role, permission: Permission): boolean {
  return POLICY[permission].includes(role);
}
