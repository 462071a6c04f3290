// One child: what the rest of the data set learns of them, and what is decided before their rows are written.

import { CaseClosureReason } from '@haven/children';
import { GuardianEndReason, GuardianScheme } from '@haven/guardianship';
import { NationalityProfile } from '../national-data';
import { Random } from './random';
import { Day } from './time';
import {
  AgeAssessmentRow,
  AuditEventRow,
  ChildRow,
  DurableSolutionRow,
  MissingEpisodeRow,
  NrmDecisionRow,
  NrmReferralRow,
  PlacementRow,
} from './rows';
import { AuthorityPlan, NationalPlan, ProviderKey, StaffMember } from './plan';

/** What the rest of the data set needs to know of a child: meetings discuss them, guardians visit. */
export interface ChildSummary {
  index: number;
  id: string;
  registeredAt: number;
  /** When the case closed; Infinity while open. */
  caseEnd: number;
  /** Episodes as [missingSince, returnedAt (Infinity while missing)] pairs, in order; null if none. */
  missing: Float64Array | null;
}

/** A guardian assignment before the roster names the guardian (caseloads span every child). */
export interface GuardianSpan {
  id: string;
  childIndex: number;
  childId: string;
  localAuthorityId: string;
  provider: ProviderKey;
  scheme: GuardianScheme;
  startDay: Day;
  endDay: Day | null;
  endReason: GuardianEndReason | null;
  /** The child's earlier span, when the guardian changed: the roster picks someone else. */
  follows: string | null;
  createdBy: string;
}

export interface ChildRecords {
  child: ChildRow;
  audit: AuditEventRow;
  referral: NrmReferralRow | null;
  decisions: NrmDecisionRow[];
  assessment: AgeAssessmentRow | null;
  placements: PlacementRow[];
  episodes: MissingEpisodeRow[];
  solutions: DurableSolutionRow[];
  guardianship: GuardianSpan[];
  summary: ChildSummary;
}

/** Everything decided about a child before their rows are written. */
export interface ChildContext {
  plan: NationalPlan;
  rnd: Random;
  authority: AuthorityPlan;
  profile: NationalityProfile;
  id: string;
  worker: StaffMember;
  registeredAt: number;
  registeredOn: Day;
  arrivalOn: Day | null;
  claimedBirth: Day;
  effectiveBirth: Day;
  disputed: boolean;
  hasAssessment: boolean;
  trafficked: boolean;
  interpreterNeeded: boolean;
  closedOn: Day | null;
  closure: CaseClosureReason | null;
  /** The instant the case closed, or the horizon while it is open. */
  careEnd: number;
}
