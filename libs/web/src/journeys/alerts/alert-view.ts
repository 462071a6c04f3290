import { isAllowed, Permission, Role } from '@haven/platform';
import type { AlertItemFragment, AlertKind, AlertSeverity, AlertStatus } from '../../graphql/generated';

/** The alert kinds as practitioners read them. */
export const KIND_LABELS: Record<AlertKind, string> = {
  CHILD_MISSING: 'Child missing',
  REPEAT_MISSING: 'Missing again and again',
  RETURN_INTERVIEW_OVERDUE: 'Return interview overdue',
  NEARING_18_WITHOUT_DURABLE_SOLUTION: 'Nearly 18 without a durable solution',
  UASC_LEAVE_EXPIRING: 'Immigration leave ending',
  NO_GUARDIAN: 'No guardian',
  UNSAFE_PLACEMENT: 'Unsafe placement',
  NRM_DECISION_OVERDUE: 'NRM decision overdue',
  MEETING_ACTION_OVERDUE: 'Meeting action overdue',
};

/** Most severe first: the order the start page lists them in. */
export const SEVERITIES: AlertSeverity[] = ['CRITICAL', 'URGENT', 'WARNING', 'INFO'];

export const SEVERITY_LABELS: Record<AlertSeverity, string> = {
  CRITICAL: 'Critical',
  URGENT: 'Urgent',
  WARNING: 'Warning',
  INFO: 'Information',
};

/** govuk-frontend's tag colours for each severity. */
export const SEVERITY_TAG_CLASSES: Record<AlertSeverity, string> = {
  CRITICAL: 'govuk-tag--red',
  URGENT: 'govuk-tag--orange',
  WARNING: 'govuk-tag--yellow',
  INFO: 'govuk-tag--blue',
};

export const STATUS_LABELS: Record<AlertStatus, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  RESOLVED: 'Resolved',
};

/** What an alert's item shows, worded for the page (and for live-alerts.js, which words new ones alike). */
export interface AlertView {
  id: string;
  severity: AlertSeverity;
  severityLabel: string;
  tagClass: string;
  kindLabel: string;
  status: AlertStatus;
  statusLabel: string;
  reason: string;
  raisedAt: string;
  escalatedAt: string | null;
  acknowledgementNote: string | null;
  child: { id: string; name: string } | null;
}

export function childName(child: { givenName: string; familyName: string | null }): string {
  return [child.givenName, child.familyName].filter(Boolean).join(' ');
}

export function alertView(alert: AlertItemFragment): AlertView {
  return {
    id: alert.id,
    severity: alert.severity,
    severityLabel: SEVERITY_LABELS[alert.severity],
    tagClass: SEVERITY_TAG_CLASSES[alert.severity],
    kindLabel: KIND_LABELS[alert.kind],
    status: alert.status,
    statusLabel: STATUS_LABELS[alert.status],
    reason: alert.reason,
    raisedAt: alert.raisedAt,
    escalatedAt: alert.escalatedAt,
    acknowledgementNote: alert.acknowledgementNote,
    child: alert.child && { id: alert.child.id, name: childName(alert.child) },
  };
}

/** What the practitioner may do with an alert: the controls shown are the mutations their role may run. */
export function alertActions(role: Role): { canAcknowledge: boolean; canResolve: boolean } {
  return {
    canAcknowledge: isAllowed(role, Permission.ACKNOWLEDGE_ALERT),
    canResolve: isAllowed(role, Permission.RESOLVE_ALERT),
  };
}

/** The labels live-alerts.js words a new alert with (the same as the server's, sent with the page). */
export const LIVE_ALERT_LABELS = {
  kinds: KIND_LABELS,
  severities: SEVERITY_LABELS,
  tagClasses: SEVERITY_TAG_CLASSES,
  statuses: STATUS_LABELS,
};
