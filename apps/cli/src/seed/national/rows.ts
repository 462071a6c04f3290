// Rows, one interface per table; dates are Days, timestamps epoch milliseconds.

import { AgeAssessmentOutcome, AgeAssessmentStatus, AgeDeterminedBy } from '@haven/age-assessment';
import {
  Alias,
  ArrivalRoute,
  CaseClosureReason,
  ChildCategory,
  ChildStatus,
  ExploitationType,
  Gender,
  ImmigrationStatus,
  LegalStatus,
  NationalityBasis,
  NrmCompetentAuthority,
  NrmDecision,
  NrmStage,
} from '@haven/children';
import { DurableSolutionOption, DurableSolutionStatus } from '@haven/durable-solutions';
import { ContactMode, GuardianEndReason, GuardianScheme } from '@haven/guardianship';
import { AgendaReason, MeetingType, MeetingStatus } from '@haven/meetings';
import { FoundBy, MissingKind, PoliceRiskLevel } from '@haven/missing';
import { PlacementEndReason, PlacementType } from '@haven/placements';
import { Agency, AuditAction, OrganisationKind, Role } from '@haven/platform';
import { Day } from './time';

export interface OrganisationRow {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  createdAt: number;
}

export interface PractitionerRow {
  id: string;
  subject: string;
  name: string;
  role: Role;
  organisationId: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface ChildRow {
  id: string;
  version: number;
  localAuthorityId: string;
  localChildId: string;
  givenName: string;
  familyName: string | null;
  preferredName: string | null;
  aliases: Alias[];
  claimedDateOfBirth: Day;
  effectiveDateOfBirth: Day;
  ageDisputed: boolean;
  gender: Gender;
  nationality: string | null;
  nationalityBasis: NationalityBasis | null;
  regionOfOrigin: string | null;
  languages: readonly string[];
  interpreterNeeded: boolean;
  categories: ChildCategory[];
  exploitationTypes: readonly ExploitationType[];
  /** Whether anyone in the UK holds parental responsibility; null while not known. */
  parentalResponsibilityInUk: boolean | null;
  /** When the child was recorded as trafficked (the database's trigger would say the same). */
  traffickedSince: number | null;
  arrivalDate: Day | null;
  arrivalRoute: ArrivalRoute;
  legalStatus: LegalStatus;
  immigrationStatus: ImmigrationStatus;
  asylumClaimDate: Day | null;
  leaveExpiresOn: Day | null;
  homeOfficeReference: string | null;
  allocatedWorkerId: string;
  status: ChildStatus;
  closureReason: CaseClosureReason | null;
  closedOn: Day | null;
  registeredAt: number;
  registeredBy: string;
  updatedAt: number;
}

export interface NrmReferralRow {
  id: string;
  childId: string;
  localAuthorityId: string;
  referredOn: Day;
  firstResponder: Agency;
  competentAuthority: NrmCompetentAuthority;
  reasonableGroundsDecision: NrmDecision;
  reasonableGroundsDecidedOn: Day | null;
  reasonableGroundsDueBy: Day;
  conclusiveGroundsDecision: NrmDecision;
  conclusiveGroundsDecidedOn: Day | null;
  recordedAt: number;
  recordedBy: string;
}

export interface NrmDecisionRow {
  id: string;
  referralId: string;
  childId: string;
  localAuthorityId: string;
  stage: NrmStage;
  decision: NrmDecision;
  decidedOn: Day;
  recordedAt: number;
  recordedBy: string;
}

export interface AgeAssessmentRow {
  id: string;
  childId: string;
  localAuthorityId: string;
  raisedOn: Day;
  raisedBy: string;
  reason: string;
  claimedDateOfBirth: Day;
  status: AgeAssessmentStatus;
  startedOn: Day | null;
  outcome: AgeAssessmentOutcome | null;
  assessedDateOfBirth: Day | null;
  completedOn: Day | null;
  twoAssessors: boolean | null;
  appropriateAdult: boolean | null;
  interpreterUsed: boolean | null;
  adversePointsPut: boolean | null;
  writtenReasons: boolean | null;
  challengedOn: Day | null;
  challengeNotes: string | null;
  finalisedOn: Day | null;
  finalDeterminedBy: AgeDeterminedBy | null;
  createdAt: number;
  createdBy: string;
}

export interface PlacementRow {
  id: string;
  childId: string;
  localAuthorityId: string;
  type: PlacementType;
  provider: string;
  address: string;
  startedAt: number;
  endedAt: number | null;
  endReason: PlacementEndReason | null;
  outOfArea: boolean;
  specialist: boolean;
  safetyPlan: boolean;
  unsafe: boolean;
  createdAt: number;
  createdBy: string;
  endedBy: string | null;
}

export interface MissingEpisodeRow {
  id: string;
  childId: string;
  localAuthorityId: string;
  kind: MissingKind;
  placementId: string;
  missingSince: number;
  reportedToPoliceAt: number | null;
  policeReference: string | null;
  policeRiskLevel: PoliceRiskLevel | null;
  lastSeenLocation: string | null;
  lastSeenWith: string | null;
  circumstances: string | null;
  traffickerContactFeared: boolean;
  soonAfterPlacement: boolean;
  returnedAt: number | null;
  whereFound: string | null;
  foundBy: FoundBy | null;
  returnInterviewDueBy: number | null;
  interviewOfferedAt: number | null;
  interviewCompletedAt: number | null;
  interviewDeclined: boolean;
  interviewConductedBy: string | null;
  interviewFindings: string | null;
  reportedAt: number;
  reportedBy: string;
}

export interface GuardianAssignmentRow {
  id: string;
  childId: string;
  localAuthorityId: string;
  guardianId: string;
  providerId: string;
  scheme: GuardianScheme;
  startDate: Day;
  endDate: Day | null;
  endReason: GuardianEndReason | null;
  createdAt: number;
  createdBy: string;
  endedBy: string | null;
}

export interface GuardianContactRow {
  id: string;
  childId: string;
  localAuthorityId: string;
  assignmentId: string;
  guardianId: string;
  contactedAt: number;
  mode: ContactMode;
  summary: string | null;
  recordedAt: number;
}

export interface DurableSolutionRow {
  id: string;
  childId: string;
  localAuthorityId: string;
  option: DurableSolutionOption;
  status: DurableSolutionStatus;
  assessedOn: Day;
  securedOn: Day | null;
  basis: string | null;
  riskAssessmentCompleted: boolean;
  bestInterestsAssessmentCompleted: boolean;
  recordedAt: number;
  recordedBy: string;
}

export interface MeetingRow {
  id: string;
  localAuthorityId: string;
  type: MeetingType;
  status: MeetingStatus;
  scheduledFor: number;
  heldAt: number | null;
  chair: string;
  agendaSince: number | null;
  cancelledAt: number | null;
  cancellationReason: string | null;
  createdAt: number;
  createdBy: string;
}

export interface MeetingAttendeeRow {
  id: string;
  meetingId: string;
  name: string;
  agency: Agency;
  role: string | null;
  attended: boolean | null;
}

export interface MeetingChildRow {
  meetingId: string;
  childId: string;
  localAuthorityId: string;
  addedBecause: AgendaReason;
  decision: string | null;
}

export interface MeetingActionRow {
  id: string;
  meetingId: string;
  localAuthorityId: string;
  childId: string | null;
  description: string;
  owner: string;
  dueOn: Day;
  completedOn: Day | null;
  createdAt: number;
}

export interface AuditEventRow {
  id: string;
  at: number;
  practitionerId: string;
  requestId: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  childId: string;
  localAuthorityId: string;
}
