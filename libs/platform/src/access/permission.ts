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
  RECORD_PLACEMENT = 'RECORD_PLACEMENT',
  /** A placement's address: only for those who can see the child record. */
  READ_PLACEMENT_ADDRESS = 'READ_PLACEMENT_ADDRESS',
  REPORT_MISSING = 'REPORT_MISSING',
  RECORD_RETURN = 'RECORD_RETURN',
  /** What a child disclosed in a return interview: the child's social workers only. */
  READ_RETURN_INTERVIEW_FINDINGS = 'READ_RETURN_INTERVIEW_FINDINGS',
  UPDATE_MISSING_PERSON_PROFILE = 'UPDATE_MISSING_PERSON_PROFILE',
  EXPORT_MISSING_PERSON_PROFILE = 'EXPORT_MISSING_PERSON_PROFILE',
  RECORD_DURABLE_SOLUTION = 'RECORD_DURABLE_SOLUTION',
  READ_ALERTS = 'READ_ALERTS',
  ACKNOWLEDGE_ALERT = 'ACKNOWLEDGE_ALERT',
  RESOLVE_ALERT = 'RESOLVE_ALERT',
  RUN_ALERT_SCAN = 'RUN_ALERT_SCAN',
  /** Meetings: an authority's staff see theirs; a guardian sees the parts about their children. */
  READ_MEETINGS = 'READ_MEETINGS',
  RECORD_MEETING = 'RECORD_MEETING',
  EXPORT_MEETING_MINUTES = 'EXPORT_MEETING_MINUTES',
  /** De-identified, suppressed statistics: an analyst for the authorities in their token, staff for their own. */
  READ_DASHBOARD = 'READ_DASHBOARD',
  /** The statutory SSDA903 return: child-level, an authority's team managers only. */
  EXPORT_SSDA903 = 'EXPORT_SSDA903',
  /** A subject access request: everything held on one child. */
  EXPORT_CHILD_RECORD = 'EXPORT_CHILD_RECORD',
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
  RECORD_PLACEMENT: [SOCIAL_WORKER, TEAM_MANAGER],
  READ_PLACEMENT_ADDRESS: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN],
  /** The child's social worker, or their active guardian, reports the child missing. */
  REPORT_MISSING: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN],
  RECORD_RETURN: [SOCIAL_WORKER, TEAM_MANAGER],
  READ_RETURN_INTERVIEW_FINDINGS: [SOCIAL_WORKER, TEAM_MANAGER],
  UPDATE_MISSING_PERSON_PROFILE: [SOCIAL_WORKER, TEAM_MANAGER],
  EXPORT_MISSING_PERSON_PROFILE: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN],
  RECORD_DURABLE_SOLUTION: [SOCIAL_WORKER, TEAM_MANAGER],
  /** The alerts on the children in the caller's scope (a guardian: their own children's). */
  READ_ALERTS: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN],
  ACKNOWLEDGE_ALERT: [SOCIAL_WORKER, TEAM_MANAGER],
  RESOLVE_ALERT: [TEAM_MANAGER],
  /** A team manager's scan covers their authority; an administrator's, every authority. */
  RUN_ALERT_SCAN: [TEAM_MANAGER, ADMIN],
  READ_MEETINGS: [SOCIAL_WORKER, TEAM_MANAGER, GUARDIAN],
  RECORD_MEETING: [SOCIAL_WORKER, TEAM_MANAGER],
  EXPORT_MEETING_MINUTES: [SOCIAL_WORKER, TEAM_MANAGER],
  READ_DASHBOARD: [SOCIAL_WORKER, TEAM_MANAGER, LSCB_ANALYST],
  EXPORT_SSDA903: [TEAM_MANAGER],
  EXPORT_CHILD_RECORD: [TEAM_MANAGER],
};

export function isAllowed(role: Role, permission: Permission): boolean {
  return POLICY[permission].includes(role);
}
