import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MultiBar, Presets, SingleBar } from 'cli-progress';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as prand from 'pure-rand';
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
  reasonableGroundsDueBy,
  recoveryPeriodDays,
} from '@haven/children';
import { DurableSolutionOption, DurableSolutionStatus } from '@haven/durable-solutions';
import {
  ContactMode,
  GuardianEndReason,
  GuardianScheme,
  GuardianshipSettings,
  schemeEligibility,
  schemesServing,
} from '@haven/guardianship';
import { AgendaReason, MeetingType, MeetingStatus } from '@haven/meetings';
import { FoundBy, MissingKind, PoliceRiskLevel } from '@haven/missing';
import { PlacementEndReason, PlacementType, UNSAFE_FOR_CHILDREN } from '@haven/placements';
import {
  addYears,
  Agency,
  AuditAction,
  IsoDate,
  Nation,
  NrmRecoveryPeriods,
  OrganisationKind,
  Role,
} from '@haven/platform';
import * as data from './national-data';
import { NationalityProfile, Weighted } from './national-data';

/**
 * The national-scale synthetic data set of quality.md: every authority in the UK, 100,000 children
 * with two decades of history, deterministic from a seed and an "as of" date. Generation is pure (a
 * plan, then one function per child yielding that child's rows), so that it is tested without a
 * database; loading streams the rows with COPY in one transaction.
 */

// ---------------------------------------------------------------------------------------------
// Random numbers: one seeded stream per purpose and index, so that no child depends on another.

const STREAM = {
  authorities: 1,
  staff: 2,
  child: 3,
  guardians: 4,
  contacts: 5,
  meetings: 6,
  providers: 7,
  localIds: 8,
};

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The murmur3 finaliser: a bijection on 32-bit integers that scatters neighbouring seeds. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The authority's own person id for a child (its case-management system's, which the SSDA903 return
 * joins on): ten digits, from the seed and the child's index alone, so the child's own stream draws
 * nothing more. Distinct indexes give distinct ids, because mix32 is a bijection.
 */
export function localChildIdOf(seed: number, index: number): string {
  const base = mix32(mix32(seed) ^ Math.imul(STREAM.localIds, 0x9e3779b1));
  return String(1_000_000_000 + (mix32((base + index) | 0) >>> 0));
}

export class Random {
  private readonly rng: prand.RandomGenerator;

  constructor(seed: number) {
    this.rng = prand.xoroshiro128plus(seed);
    // xoroshiro's first outputs echo a small seed
    prand.unsafeSkipN(this.rng, 16);
  }

  /** Distinct indexes of one stream always get distinct seeds: mix32 is a bijection. */
  static stream(seed: number, stream: number, index: number): Random {
    return new Random(mix32((mix32(mix32(seed) ^ Math.imul(stream, 0x9e3779b1)) + index) | 0));
  }

  int(from: number, to: number): number {
    return prand.unsafeUniformIntDistribution(from, to, this.rng);
  }

  /** In [0, 1). */
  float(): number {
    return (this.rng.unsafeNext() >>> 0) / 4_294_967_296;
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  weighted<T>(options: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of options) total += weight;
    let target = this.float() * total;
    for (const [value, weight] of options) {
      target -= weight;
      if (target < 0) return value;
    }
    return options[options.length - 1][0];
  }

  /** Log-normal around a median: durations and counts with a long tail. */
  logNormal(median: number, sigma: number): number {
    const radius = Math.sqrt(-2 * Math.log(1 - this.float()));
    return median * Math.exp(sigma * radius * Math.cos(2 * Math.PI * this.float()));
  }

  /** A version 4 UUID whose random bits come from this stream. */
  uuid(): string {
    const a = this.rng.unsafeNext() >>> 0;
    const b = this.rng.unsafeNext() >>> 0;
    const c = this.rng.unsafeNext() >>> 0;
    const d = this.rng.unsafeNext() >>> 0;
    return `${hex8(a)}-${hex4(b >>> 16)}-${hex4((b & 0x0fff) | 0x4000)}-${hex4(((c >>> 16) & 0x3fff) | 0x8000)}-${hex4(c & 0xffff)}${hex8(d)}`;
  }
}

function hex8(n: number): string {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

function hex4(n: number): string {
  return HEX[(n >>> 8) & 255] + HEX[n & 255];
}

// ---------------------------------------------------------------------------------------------
// Time: calendar days as integers and instants as epoch milliseconds, both in Europe/London.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A calendar date as days since 1970-01-01: date arithmetic becomes integer arithmetic. */
export type Day = number;

export function dayOf(date: IsoDate): Day {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

/** Formatted dates, by day (offset so that dates of birth before 1970 index from 0). */
const ISO_DATES: IsoDate[] = [];
const ISO_OFFSET = 40_000;

export function isoOf(day: Day): IsoDate {
  let iso = ISO_DATES[day + ISO_OFFSET];
  if (iso === undefined) {
    iso = new Date(day * DAY).toISOString().slice(0, 10);
    ISO_DATES[day + ISO_OFFSET] = iso;
  }
  return iso;
}

const CLOCK_TIMES: string[] = [];

/** A timestamp for COPY, from cached dates and times of day: toISOString a few million times is slow. */
export function timestampText(instant: number): string {
  const day = Math.floor(instant / DAY);
  const second = (instant - day * DAY) / 1000;
  if (!Number.isInteger(second)) return new Date(instant).toISOString();
  let clock = CLOCK_TIMES[second];
  if (clock === undefined) {
    clock = new Date(second * 1000).toISOString().slice(11, 19);
    CLOCK_TIMES[second] = clock;
  }
  return `${isoOf(day)} ${clock}+00`;
}

const SUMMER_TIME = new Map<number, readonly [number, number]>();

/** British Summer Time: from 01:00 UTC on the last Sunday of March to the last Sunday of October. */
function summerTime(year: number): readonly [number, number] {
  let bounds = SUMMER_TIME.get(year);
  if (!bounds) {
    const lastSunday = (month: number) => {
      const last = Date.UTC(year, month, 0);
      return last - new Date(last).getUTCDay() * DAY + HOUR;
    };
    bounds = [lastSunday(3), lastSunday(10)];
    SUMMER_TIME.set(year, bounds);
  }
  return bounds;
}

/** London's offset from UTC at an instant; computed rather than asked of Intl, a million times over. */
function londonOffset(instant: number): number {
  const [start, end] = summerTime(new Date(instant).getUTCFullYear());
  return instant >= start && instant < end ? HOUR : 0;
}

export function londonDay(instant: number): Day {
  return Math.floor((instant + londonOffset(instant)) / DAY);
}

/** The instant a London wall-clock time happens on a day. */
export function londonInstant(day: Day, minutes: number): number {
  const local = day * DAY + minutes * MINUTE;
  return local - londonOffset(local - HOUR);
}

function addYearsTo(day: Day, years: number): Day {
  return dayOf(addYears(isoOf(day), years));
}

/** Saturday and Sunday move to Monday: meetings are held on working days. */
function workingDay(day: Day): Day {
  const weekday = (day + 4) % 7;
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

// ---------------------------------------------------------------------------------------------
// Rows, one interface per table; dates are Days, timestamps epoch milliseconds.

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

// ---------------------------------------------------------------------------------------------
// Tables: how each row is written for COPY. The order is the loading order (foreign keys first).

export type ColumnKind = 'text' | 'int' | 'bool' | 'date' | 'ts' | 'texts' | 'json';

export interface TableSpec<R> {
  readonly name: string;
  readonly columns: { readonly [K in keyof R]-?: ColumnKind };
}

const table = <R>(name: string, columns: { readonly [K in keyof R]-?: ColumnKind }): TableSpec<R> => ({
  name,
  columns,
});

export const TABLES = {
  organisation: table<OrganisationRow>('organisation', {
    id: 'text',
    code: 'text',
    name: 'text',
    kind: 'text',
    createdAt: 'ts',
  }),
  practitioner: table<PractitionerRow>('practitioner', {
    id: 'text',
    subject: 'text',
    name: 'text',
    role: 'text',
    organisationId: 'text',
    firstSeenAt: 'ts',
    lastSeenAt: 'ts',
  }),
  child: table<ChildRow>('child', {
    id: 'text',
    version: 'int',
    localAuthorityId: 'text',
    localChildId: 'text',
    givenName: 'text',
    familyName: 'text',
    preferredName: 'text',
    aliases: 'json',
    claimedDateOfBirth: 'date',
    effectiveDateOfBirth: 'date',
    ageDisputed: 'bool',
    gender: 'text',
    nationality: 'text',
    nationalityBasis: 'text',
    regionOfOrigin: 'text',
    languages: 'texts',
    interpreterNeeded: 'bool',
    categories: 'texts',
    exploitationTypes: 'texts',
    parentalResponsibilityInUk: 'bool',
    traffickedSince: 'ts',
    arrivalDate: 'date',
    arrivalRoute: 'text',
    legalStatus: 'text',
    immigrationStatus: 'text',
    asylumClaimDate: 'date',
    leaveExpiresOn: 'date',
    homeOfficeReference: 'text',
    allocatedWorkerId: 'text',
    status: 'text',
    closureReason: 'text',
    closedOn: 'date',
    registeredAt: 'ts',
    registeredBy: 'text',
    updatedAt: 'ts',
  }),
  nrmReferral: table<NrmReferralRow>('nrm_referral', {
    id: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    referredOn: 'date',
    firstResponder: 'text',
    competentAuthority: 'text',
    reasonableGroundsDecision: 'text',
    reasonableGroundsDecidedOn: 'date',
    reasonableGroundsDueBy: 'date',
    conclusiveGroundsDecision: 'text',
    conclusiveGroundsDecidedOn: 'date',
    recordedAt: 'ts',
    recordedBy: 'text',
  }),
  nrmDecision: table<NrmDecisionRow>('nrm_decision', {
    id: 'text',
    referralId: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    stage: 'text',
    decision: 'text',
    decidedOn: 'date',
    recordedAt: 'ts',
    recordedBy: 'text',
  }),
  ageAssessment: table<AgeAssessmentRow>('age_assessment', {
    id: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    raisedOn: 'date',
    raisedBy: 'text',
    reason: 'text',
    claimedDateOfBirth: 'date',
    status: 'text',
    startedOn: 'date',
    outcome: 'text',
    assessedDateOfBirth: 'date',
    completedOn: 'date',
    twoAssessors: 'bool',
    appropriateAdult: 'bool',
    interpreterUsed: 'bool',
    adversePointsPut: 'bool',
    writtenReasons: 'bool',
    challengedOn: 'date',
    challengeNotes: 'text',
    finalisedOn: 'date',
    finalDeterminedBy: 'text',
    createdAt: 'ts',
    createdBy: 'text',
  }),
  placement: table<PlacementRow>('placement', {
    id: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    type: 'text',
    provider: 'text',
    address: 'text',
    startedAt: 'ts',
    endedAt: 'ts',
    endReason: 'text',
    outOfArea: 'bool',
    specialist: 'bool',
    safetyPlan: 'bool',
    unsafe: 'bool',
    createdAt: 'ts',
    createdBy: 'text',
    endedBy: 'text',
  }),
  missingEpisode: table<MissingEpisodeRow>('missing_episode', {
    id: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    kind: 'text',
    placementId: 'text',
    missingSince: 'ts',
    reportedToPoliceAt: 'ts',
    policeReference: 'text',
    policeRiskLevel: 'text',
    lastSeenLocation: 'text',
    lastSeenWith: 'text',
    circumstances: 'text',
    traffickerContactFeared: 'bool',
    soonAfterPlacement: 'bool',
    returnedAt: 'ts',
    whereFound: 'text',
    foundBy: 'text',
    returnInterviewDueBy: 'ts',
    interviewOfferedAt: 'ts',
    interviewCompletedAt: 'ts',
    interviewDeclined: 'bool',
    interviewConductedBy: 'text',
    interviewFindings: 'text',
    reportedAt: 'ts',
    reportedBy: 'text',
  }),
  guardianAssignment: table<GuardianAssignmentRow>('guardian_assignment', {
    id: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    guardianId: 'text',
    providerId: 'text',
    scheme: 'text',
    startDate: 'date',
    endDate: 'date',
    endReason: 'text',
    createdAt: 'ts',
    createdBy: 'text',
    endedBy: 'text',
  }),
  guardianContact: table<GuardianContactRow>('guardian_contact', {
    id: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    assignmentId: 'text',
    guardianId: 'text',
    contactedAt: 'ts',
    mode: 'text',
    summary: 'text',
    recordedAt: 'ts',
  }),
  durableSolution: table<DurableSolutionRow>('durable_solution', {
    id: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    option: 'text',
    status: 'text',
    assessedOn: 'date',
    securedOn: 'date',
    basis: 'text',
    riskAssessmentCompleted: 'bool',
    bestInterestsAssessmentCompleted: 'bool',
    recordedAt: 'ts',
    recordedBy: 'text',
  }),
  meeting: table<MeetingRow>('meeting', {
    id: 'text',
    localAuthorityId: 'text',
    type: 'text',
    status: 'text',
    scheduledFor: 'ts',
    heldAt: 'ts',
    chair: 'text',
    agendaSince: 'ts',
    cancelledAt: 'ts',
    cancellationReason: 'text',
    createdAt: 'ts',
    createdBy: 'text',
  }),
  meetingAttendee: table<MeetingAttendeeRow>('meeting_attendee', {
    id: 'text',
    meetingId: 'text',
    name: 'text',
    agency: 'text',
    role: 'text',
    attended: 'bool',
  }),
  meetingChild: table<MeetingChildRow>('meeting_child', {
    meetingId: 'text',
    childId: 'text',
    localAuthorityId: 'text',
    addedBecause: 'text',
    decision: 'text',
  }),
  meetingAction: table<MeetingActionRow>('meeting_action', {
    id: 'text',
    meetingId: 'text',
    localAuthorityId: 'text',
    childId: 'text',
    description: 'text',
    owner: 'text',
    dueOn: 'date',
    completedOn: 'date',
    createdAt: 'ts',
  }),
  auditEvent: table<AuditEventRow>('audit_event', {
    id: 'text',
    at: 'ts',
    practitionerId: 'text',
    requestId: 'text',
    action: 'text',
    entity: 'text',
    entityId: 'text',
    childId: 'text',
    localAuthorityId: 'text',
  }),
};

/** Where generated rows go: buffers for COPY when loading, arrays in the tests. */
export interface RowSink {
  add<R>(table: TableSpec<R>, row: R): void;
}

// ---------------------------------------------------------------------------------------------
// The plan: the authorities' caseloads and staff, the providers, and the time frame.

/** Records accumulate: registrations over the twenty years before the as-of date, growing over time. */
const HISTORY_YEARS = 20;
const GROWTH_OVER_HISTORY = 5;
const REQUEST_ID = 'seed-national';

export interface NationalSettings {
  soonAfterPlacementHours: number;
  reasonableGroundsTargetWorkingDays: number;
  returnInterviewDueHours: number;
  recoveryPeriodDays: NrmRecoveryPeriods;
  guardianAgeLimits: { ictg: number; scotland: number; northernIreland: number };
}

export interface NationalOptions {
  seed: number;
  asOf: IsoDate;
  children: number;
  meetings: number;
  settings: NationalSettings;
}

export interface AuthorityRef {
  id: string;
  code: string;
  name: string;
  nation: Nation;
}

export interface StaffMember {
  id: string;
  subject: string;
  name: string;
}

export interface AuthorityPlan extends AuthorityRef {
  index: number;
  gateway: boolean;
  children: number;
  meetings: number;
  manager: StaffMember;
  workers: StaffMember[];
}

type ProviderKey = 'ICTG' | 'SGS' | 'NIIG';

export interface ProviderPlan {
  key: ProviderKey;
  id: string;
  code: string;
  name: string;
}

export interface NationalPlan {
  seed: number;
  settings: NationalSettings;
  /** The as-of date; history ends when it begins (`horizon`), and nothing is dated on or after it. */
  today: Day;
  horizon: number;
  historyStart: Day;
  authorities: AuthorityPlan[];
  providers: Record<ProviderKey, ProviderPlan>;
  authorityOfChild: Uint16Array;
  children: number;
}

const PROVIDERS: readonly Omit<ProviderPlan, 'id'>[] = [
  { key: 'ICTG', code: 'NATIONAL-ICTG', name: 'Independent Child Trafficking Guardians (England and Wales)' },
  { key: 'SGS', code: 'NATIONAL-SGS', name: 'Scottish Guardianship Service' },
  { key: 'NIIG', code: 'NATIONAL-NIIG', name: 'Independent Guardian Service (Northern Ireland)' },
];

/** Caseload weight by kind of authority: shire counties are large, Welsh and Scottish councils small. */
function baseWeight(code: string): number {
  if (code.startsWith('E10')) return 2.2;
  if (code.startsWith('E08')) return 1.2;
  if (code.startsWith('E09')) return 1;
  if (code.startsWith('E06')) return 0.8;
  if (code.startsWith('W06')) return 0.55;
  if (code.startsWith('S12')) return 0.45;
  return 2;
}

/** Splits a total in proportion to weights, exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, index) => [value - Math.floor(value), index]).sort((a, b) => b[0] - a[0]);
  for (let left = total - counts.reduce((acc, n) => acc + n, 0), i = 0; left > 0; left -= 1, i += 1) {
    counts[order[i][1]] += 1;
  }
  return counts;
}

function staffName(rnd: Random): string {
  return `${rnd.pick(data.STAFF_GIVEN)} ${rnd.pick(data.STAFF_FAMILY)}`;
}

function authorityStaff(seed: number, index: number, code: string, children: number) {
  const rnd = Random.stream(seed, STREAM.staff, index);
  const manager = { id: rnd.uuid(), subject: `national-tm-${code}`, name: staffName(rnd) };
  const size = Math.min(20, Math.max(3, Math.round(children / 250)));
  const workers = Array.from({ length: size }, (_, n) => ({
    id: rnd.uuid(),
    subject: `national-sw-${code}-${n + 1}`,
    name: staffName(rnd),
  }));
  return { manager, workers };
}

export function planNational(authorities: readonly AuthorityRef[], options: NationalOptions): NationalPlan {
  const sorted = [...authorities].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const weights = sorted.map((authority, index) => {
    const jitter = 0.75 + 0.5 * Random.stream(options.seed, STREAM.authorities, index).float();
    return baseWeight(authority.code) * (data.AUTHORITY_WEIGHT[authority.code] ?? 1) * jitter;
  });
  const childCounts = apportion(options.children, weights);
  const meetingCounts = apportion(
    options.meetings,
    childCounts.map((n) => n + 20),
  );
  const authorityOfChild = new Uint16Array(options.children);
  let firstChild = 0;
  const planned = sorted.map((authority, index): AuthorityPlan => {
    const children = childCounts[index];
    authorityOfChild.fill(index, firstChild, firstChild + children);
    const plan = {
      ...authority,
      index,
      gateway: data.GATEWAYS.has(authority.code),
      children,
      meetings: meetingCounts[index],
      ...authorityStaff(options.seed, index, authority.code, children),
    };
    firstChild += children;
    return plan;
  });
  const providerIds = Random.stream(options.seed, STREAM.providers, 0);
  const providers = Object.fromEntries(
    PROVIDERS.map((provider) => [provider.key, { ...provider, id: providerIds.uuid() }]),
  ) as Record<ProviderKey, ProviderPlan>;
  const today = dayOf(options.asOf);
  return {
    seed: options.seed,
    settings: options.settings,
    today,
    horizon: londonInstant(today, 0),
    historyStart: addYearsTo(today, -HISTORY_YEARS),
    authorities: planned,
    providers,
    authorityOfChild,
    children: options.children,
  };
}

// ---------------------------------------------------------------------------------------------
// One child: identity, history, and every row about them.

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
interface ChildContext {
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

const NATIONALITY_WEIGHTS = {
  gateway: data.NATIONALITIES.map((p) => [p, p.weight * (p.arrival === 'INTERNAL' ? 0.6 : 2.5)] as const),
  elsewhere: data.NATIONALITIES.map((p) => [p, p.weight * (p.arrival === 'INTERNAL' ? 1.2 : 0.8)] as const),
};

export function generateChild(plan: NationalPlan, index: number): ChildRecords {
  const rnd = Random.stream(plan.seed, STREAM.child, index);
  const authority = plan.authorities[plan.authorityOfChild[index]];
  const profile = rnd.weighted(
    authority.gateway ? NATIONALITY_WEIGHTS.gateway : NATIONALITY_WEIGHTS.elsewhere,
  );
  const id = rnd.uuid();
  const worker = rnd.pick(authority.workers);
  const gender = pickGender(rnd, profile);
  const names = identity(rnd, profile, gender);
  const kinds = classify(rnd, profile, gender);
  const registeredOn = registrationDay(rnd, plan);
  const registeredAt = londonInstant(registeredOn, rnd.int(7 * 60, 22 * 60)) + rnd.int(0, 59) * 1000;
  const age = rnd.weighted(data.AGE_AT_REGISTRATION[profile.arrival]);
  const claimedBirth = addYearsTo(registeredOn, -age) - rnd.int(0, 364);
  const route = arrivalRoute(rnd, profile, authority);
  const languages = rnd.weighted(profile.languages);
  const ctx: ChildContext = {
    plan,
    rnd,
    authority,
    profile,
    id,
    worker,
    registeredAt,
    registeredOn,
    arrivalOn: arrivalDay(rnd, route, registeredOn),
    claimedBirth,
    effectiveBirth: claimedBirth,
    disputed: false,
    hasAssessment: false,
    trafficked: kinds.trafficked,
    interpreterNeeded: languages.length > 0 && !languages.includes('English'),
    closedOn: null,
    closure: null,
    careEnd: plan.horizon,
  };
  const assessment = rnd.chance(profile.ageDisputeRate) ? ageAssessment(ctx) : null;
  closeCase(ctx, assessment);
  const placements = placementsFor(ctx);
  const episodes = rnd.chance(Math.min(0.95, profile.missingRate * (kinds.trafficked ? 1.15 : 1)))
    ? episodesFor(ctx, placements)
    : [];
  markPlacementsLeftWhenMissing(rnd, placements, episodes);
  const referral = kinds.referred ? referralFor(ctx) : null;
  const immigration = immigrationFor(ctx);
  const parentalResponsibilityInUk = parentalResponsibilityFor(plan, index, profile, kinds.categories);
  const child: ChildRow = {
    id,
    ...revisions(ctx, assessment),
    localAuthorityId: authority.id,
    localChildId: localChildIdOf(plan.seed, index),
    ...names,
    claimedDateOfBirth: claimedBirth,
    effectiveDateOfBirth: ctx.effectiveBirth,
    ageDisputed: ctx.disputed,
    gender,
    nationality: profile.nationality,
    nationalityBasis: profile.nationality ? rnd.weighted(profile.basis) : null,
    regionOfOrigin: profile.regions.length > 0 && rnd.chance(0.8) ? rnd.pick(profile.regions) : null,
    languages,
    interpreterNeeded: ctx.interpreterNeeded,
    categories: kinds.categories,
    exploitationTypes: kinds.exploitation,
    parentalResponsibilityInUk,
    traffickedSince: kinds.trafficked ? registeredAt : null,
    arrivalDate: ctx.arrivalOn,
    arrivalRoute: route,
    legalStatus:
      ctx.closedOn === null && addYearsTo(ctx.effectiveBirth, 18) < plan.today
        ? LegalStatus.CARE_LEAVER
        : rnd.weighted(data.LEGAL_STATUS[profile.arrival]),
    ...immigration,
    allocatedWorkerId: worker.id,
    status: ctx.closedOn === null ? ChildStatus.OPEN : ChildStatus.CLOSED,
    closureReason: ctx.closure,
    closedOn: ctx.closedOn,
    registeredAt,
    registeredBy: rnd.chance(0.7) ? worker.id : rnd.pick(authority.workers).id,
  };
  return {
    child,
    audit: {
      id: rnd.uuid(),
      at: registeredAt,
      practitionerId: child.registeredBy,
      requestId: REQUEST_ID,
      action: AuditAction.CREATE,
      entity: 'Child',
      entityId: id,
      childId: id,
      localAuthorityId: authority.id,
    },
    referral: referral?.referral ?? null,
    decisions: referral?.decisions ?? [],
    assessment,
    placements,
    episodes,
    solutions: durableSolutionsFor(ctx, kinds.categories),
    guardianship: guardianSpansFor(ctx, child, referral?.referral ?? null, index),
    summary: {
      index,
      id,
      registeredAt,
      caseEnd: ctx.closedOn === null ? Infinity : ctx.careEnd,
      missing: episodes.length === 0 ? null : missingTimes(episodes),
    },
  };
}

/**
 * The version and last update the record would have: the age-assessment trigger bumps both on every
 * write of the assessment, and closing the case is an update of its own.
 */
function revisions(ctx: ChildContext, assessment: AgeAssessmentRow | null) {
  const writes = [ctx.registeredAt];
  if (assessment) {
    writes.push(assessment.createdAt);
    const steps = [
      assessment.startedOn,
      assessment.completedOn,
      assessment.challengedOn,
      assessment.finalisedOn,
    ];
    for (const day of steps) if (day !== null) writes.push(londonInstant(day, 12 * 60));
  }
  if (ctx.closedOn !== null) writes.push(ctx.careEnd);
  return { version: writes.length, updatedAt: Math.max(...writes) };
}

function pickGender(rnd: Random, profile: NationalityProfile): Gender {
  const draw = rnd.float();
  if (draw < 0.004) return Gender.NOT_KNOWN;
  if (draw < 0.007) return Gender.OTHER;
  return rnd.chance(profile.maleShare) ? Gender.MALE : Gender.FEMALE;
}

/** Registration days over the history, growing over time (inverse of an exponential distribution). */
function registrationDay(rnd: Random, plan: NationalPlan): Day {
  const span = plan.today - plan.historyStart;
  const growth = Math.log(GROWTH_OVER_HISTORY) / span;
  const offset = Math.log(1 + rnd.float() * (GROWTH_OVER_HISTORY - 1)) / growth;
  return plan.historyStart + Math.min(span - 1, Math.floor(offset));
}

function stripDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function identity(rnd: Random, profile: NationalityProfile, gender: Gender) {
  const male = gender === Gender.MALE || (gender !== Gender.FEMALE && rnd.chance(0.5));
  const givenName = rnd.pick(male ? profile.given.male : profile.given.female);
  const familyName =
    profile.family && (profile.nationality || rnd.chance(0.5)) ? rnd.pick(profile.family) : null;
  const words = givenName.split(' ');
  // "Thị Lan" is called Lan; a few others are known by another spelling
  const preferredName =
    words.length > 1 && rnd.chance(0.5)
      ? words[words.length - 1]
      : data.SPELLINGS[givenName] && rnd.chance(0.05)
        ? rnd.pick(data.SPELLINGS[givenName])
        : null;
  return {
    givenName,
    familyName,
    preferredName,
    aliases: aliases(rnd, profile, male, givenName, familyName),
  };
}

/** Other names the child is recorded under: transliterations, other spellings, exploiters' names. */
function aliases(
  rnd: Random,
  profile: NationalityProfile,
  male: boolean,
  given: string,
  family: string | null,
): Alias[] {
  const count = rnd.weighted(data.ALIAS_COUNT);
  if (count === 0) return [];
  const full = family ? `${given} ${family}` : given;
  const plainGiven = stripDiacritics(given);
  const plainFamily = family ? stripDiacritics(family) : null;
  const candidates: Alias[] = [];
  const sources = data.ALIAS_SOURCES;
  if (stripDiacritics(full) !== full) {
    candidates.push({ name: stripDiacritics(full), source: rnd.pick(sources.screening) });
  }
  if (profile.familyFirst && plainFamily) {
    const middle =
      profile.nationality === 'VN' && given.split(' ').length === 1 ? (male ? ' Van' : ' Thi') : '';
    candidates.push({ name: `${plainFamily}${middle} ${plainGiven}`, source: rnd.pick(sources.custody) });
  }
  const spellings = data.SPELLINGS[given];
  if (spellings) {
    candidates.push({
      name: [rnd.pick(spellings), family].filter(Boolean).join(' '),
      source: rnd.pick([...sources.screening, ...sources.documents]),
    });
  }
  candidates.push({ name: rnd.pick(profile.exploiterNames), source: rnd.pick(sources.exploiters) });
  const other = rnd.pick(male ? profile.given.male : profile.given.female);
  candidates.push({ name: [other, family].filter(Boolean).join(' '), source: rnd.pick(sources.documents) });
  const chosen: Alias[] = [];
  while (chosen.length < count && candidates.length > 0) {
    const [alias] = candidates.splice(rnd.int(0, candidates.length - 1), 1);
    if (alias.name !== full && !chosen.some((existing) => existing.name === alias.name)) chosen.push(alias);
  }
  return chosen;
}

/** Categories and exploitation types that agree with each other and with the NRM referral. */
function classify(rnd: Random, profile: NationalityProfile, gender: Gender) {
  const trafficked = rnd.chance(profile.traffickedRate);
  const atRisk = !trafficked && rnd.chance(profile.atRiskRate);
  const categories: ChildCategory[] = [];
  if (trafficked) categories.push(ChildCategory.TRAFFICKED);
  if (profile.arrival === 'UNACCOMPANIED') {
    categories.push(rnd.chance(0.92) ? ChildCategory.UNACCOMPANIED_ASYLUM_SEEKING : ChildCategory.SEPARATED);
  }
  if (profile.arrival === 'SEPARATED') categories.push(ChildCategory.SEPARATED);
  if (atRisk || (trafficked && profile.arrival === 'INTERNAL' && rnd.chance(0.3))) {
    categories.push(ChildCategory.AT_RISK_OF_EXPLOITATION);
  }
  const female = gender === Gender.FEMALE || (gender !== Gender.MALE && rnd.chance(0.5));
  const exploitation =
    trafficked || atRisk
      ? rnd.weighted(female ? profile.exploitation.female : profile.exploitation.male)
      : [];
  return { trafficked, referred: trafficked && rnd.chance(profile.nrmRate), categories, exploitation };
}

function arrivalRoute(rnd: Random, profile: NationalityProfile, authority: AuthorityPlan): ArrivalRoute {
  // the National Transfer Scheme moves unaccompanied children from the ports to other authorities
  if (profile.arrival === 'UNACCOMPANIED' && !authority.gateway && rnd.chance(0.35)) {
    return ArrivalRoute.NATIONAL_TRANSFER;
  }
  return rnd.weighted(profile.routes);
}

function arrivalDay(rnd: Random, route: ArrivalRoute, registeredOn: Day): Day | null {
  switch (route) {
    case ArrivalRoute.INTERNAL:
      return null;
    case ArrivalRoute.NATIONAL_TRANSFER:
      return registeredOn - rnd.int(5, 60);
    case ArrivalRoute.UNKNOWN:
      return rnd.chance(0.5) ? null : registeredOn - rnd.int(0, 120);
    default:
      return registeredOn - (rnd.chance(0.8) ? rnd.int(0, 2) : rnd.int(3, 45));
  }
}

/** The age dispute, if any; sets the effective date of birth and "age disputed" as the triggers would. */
function ageAssessment(ctx: ChildContext): AgeAssessmentRow {
  const { rnd, plan } = ctx;
  const lastDay = plan.today - 1;
  const raisedOn = Math.min(lastDay, ctx.registeredOn + rnd.int(0, 21));
  const completedOn = raisedOn + rnd.int(14, 90);
  const startedOn = raisedOn + rnd.int(0, Math.min(14, completedOn - raisedOn));
  const row: AgeAssessmentRow = {
    id: rnd.uuid(),
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    raisedOn,
    raisedBy: rnd.weighted(data.AGE_DISPUTE_RAISED_BY),
    reason: rnd.pick(data.AGE_DISPUTE_REASONS),
    claimedDateOfBirth: ctx.claimedBirth,
    status: AgeAssessmentStatus.RAISED,
    startedOn: null,
    outcome: null,
    assessedDateOfBirth: null,
    completedOn: null,
    twoAssessors: null,
    appropriateAdult: null,
    interpreterUsed: null,
    adversePointsPut: null,
    writtenReasons: null,
    challengedOn: null,
    challengeNotes: null,
    finalisedOn: null,
    finalDeterminedBy: null,
    createdAt: londonInstant(raisedOn, rnd.int(9 * 60, 17 * 60)),
    createdBy: ctx.worker.id,
  };
  ctx.hasAssessment = true;
  if (completedOn > lastDay) {
    if (startedOn <= lastDay && rnd.chance(0.6)) {
      row.status = AgeAssessmentStatus.IN_PROGRESS;
      row.startedOn = startedOn;
    }
    ctx.disputed = true;
    return row;
  }
  completeAssessment(ctx, row, startedOn, completedOn);
  return row;
}

function completeAssessment(
  ctx: ChildContext,
  row: AgeAssessmentRow,
  startedOn: Day,
  completedOn: Day,
): void {
  const { rnd, plan } = ctx;
  const outcome = rnd.weighted(data.AGE_OUTCOMES);
  const assessed = assessedBirth(rnd, outcome, ctx.claimedBirth, completedOn);
  row.outcome = assessed.outcome;
  row.assessedDateOfBirth = assessed.birth;
  row.status = AgeAssessmentStatus.COMPLETED;
  row.startedOn = startedOn;
  row.completedOn = completedOn;
  row.finalDeterminedBy = AgeDeterminedBy.LOCAL_AUTHORITY;
  // an adult determination needs every Merton safeguard; other outcomes mostly have them too
  const adult = assessed.outcome === AgeAssessmentOutcome.ASSESSED_ADULT;
  const safeguard = () => adult || rnd.chance(0.9);
  row.twoAssessors = safeguard();
  row.appropriateAdult = safeguard();
  row.interpreterUsed = ctx.interpreterNeeded && safeguard();
  row.adversePointsPut = safeguard();
  row.writtenReasons = safeguard();
  const challenged = rnd.chance(
    adult || assessed.outcome === AgeAssessmentOutcome.ASSESSED_OLDER_STILL_CHILD ? 0.3 : 0.05,
  );
  const challengedOn = completedOn + rnd.int(7, 60);
  const finalisedOn = challengedOn + rnd.int(90, 420);
  if (challenged && challengedOn < plan.today) {
    row.challengedOn = challengedOn;
    row.challengeNotes = rnd.pick(data.CHALLENGE_NOTES);
    if (finalisedOn >= plan.today) {
      row.status = AgeAssessmentStatus.CHALLENGED;
    } else {
      row.status = AgeAssessmentStatus.FINAL;
      row.finalisedOn = finalisedOn;
      if (rnd.chance(0.7)) row.finalDeterminedBy = AgeDeterminedBy.COURT;
      if (row.finalDeterminedBy === AgeDeterminedBy.COURT && rnd.chance(0.4)) {
        row.outcome = AgeAssessmentOutcome.CLAIMED_AGE_ACCEPTED;
        row.assessedDateOfBirth = ctx.claimedBirth;
      }
    }
  }
  // the effective date of birth follows a completed or final assessment; a challenge suspends it
  ctx.disputed = row.status === AgeAssessmentStatus.CHALLENGED;
  if (!ctx.disputed) ctx.effectiveBirth = row.assessedDateOfBirth!;
}

/** The assessed date of birth an outcome stands for, by the rules of age-assessment-rules.ts. */
function assessedBirth(rnd: Random, outcome: AgeAssessmentOutcome, claimed: Day, completedOn: Day) {
  const adultFrom = addYearsTo(completedOn, -18);
  switch (outcome) {
    case AgeAssessmentOutcome.ASSESSED_ADULT:
      return { outcome, birth: adultFrom - rnd.int(0, 3 * 365) };
    case AgeAssessmentOutcome.ASSESSED_YOUNGER:
      // the claim says 12 or more, so two years younger is still a birth long past
      return { outcome, birth: claimed + rnd.int(90, 700) };
    case AgeAssessmentOutcome.ASSESSED_OLDER_STILL_CHILD: {
      // older, yet still under 18 on the day: where the claim leaves no room, the claim is accepted
      const birth = Math.max(adultFrom + 1, claimed - rnd.int(180, 900));
      if (birth < claimed) return { outcome, birth };
      return { outcome: AgeAssessmentOutcome.CLAIMED_AGE_ACCEPTED, birth: claimed };
    }
    default:
      return { outcome, birth: claimed };
  }
}

/** Closes the case when it would be closed by the as-of date: mostly at 18, some earlier. */
function closeCase(ctx: ChildContext, assessment: AgeAssessmentRow | null): void {
  const { rnd, plan, profile } = ctx;
  const lastDay = plan.today - 1;
  const turns18 = addYearsTo(ctx.effectiveBirth, 18);
  const adultDecision =
    assessment?.outcome === AgeAssessmentOutcome.ASSESSED_ADULT
      ? assessment.status === AgeAssessmentStatus.FINAL
        ? assessment.finalisedOn
        : assessment.status === AgeAssessmentStatus.COMPLETED
          ? assessment.completedOn
          : null
      : null;
  let closeOn: Day | null = null;
  let reason: CaseClosureReason | null = null;
  if (adultDecision !== null) {
    closeOn = adultDecision + rnd.int(0, 7);
    reason = CaseClosureReason.AGE_ASSESSED_ADULT;
  } else if (!assessment && rnd.chance(profile.arrival === 'INTERNAL' ? 0.25 : 0.08)) {
    closeOn = ctx.registeredOn + rnd.int(14, Math.max(14, turns18 - ctx.registeredOn - 1));
    reason = rnd.weighted(data.EARLY_CLOSURE[profile.arrival]);
    // a closure that would come at 18 or after the as-of date has not happened
    if (closeOn >= turns18 || closeOn > lastDay) closeOn = null;
  }
  if (closeOn === null && turns18 <= lastDay) {
    // a few stay open past 18 as care leavers; nobody stays open for years on end
    const careLeaver = lastDay - turns18 < 3 * 365 && rnd.chance(0.12);
    closeOn = careLeaver ? null : turns18 + rnd.int(0, 30);
    reason = careLeaver ? null : CaseClosureReason.TURNED_18_TO_LEAVING_CARE;
  }
  if (closeOn === null || reason === null) return;
  closeOn = Math.min(lastDay, Math.max(closeOn, ctx.registeredOn + 1));
  if (closeOn < ctx.registeredOn + 1) return;
  ctx.closedOn = closeOn;
  ctx.closure = reason;
  ctx.careEnd = londonInstant(closeOn, rnd.int(9 * 60, 17 * 60));
}

const IMMIGRATION_WITHOUT_CLAIM = new Set([
  ImmigrationStatus.BRITISH_OR_SETTLED,
  ImmigrationStatus.EEA_NATIONAL,
  ImmigrationStatus.UNKNOWN,
]);

/** Immigration status by nationality: a recent claim is pending; UASC leave runs to 17½. */
function immigrationFor(ctx: ChildContext) {
  const { rnd, plan, profile } = ctx;
  const lastDay = plan.today - 1;
  let status = rnd.weighted(profile.immigration);
  if (IMMIGRATION_WITHOUT_CLAIM.has(status)) {
    return {
      immigrationStatus: status,
      asylumClaimDate: null,
      leaveExpiresOn: null,
      homeOfficeReference:
        status === ImmigrationStatus.EEA_NATIONAL && rnd.chance(0.2) ? homeOfficeRef(rnd) : null,
    };
  }
  const claimedOn = Math.min(lastDay, (ctx.arrivalOn ?? ctx.registeredOn) + rnd.int(0, 30));
  const decidedBy = (ctx.closedOn ?? lastDay) - claimedOn;
  if (decidedBy < 200 && rnd.chance(0.85)) status = ImmigrationStatus.ASYLUM_CLAIM_PENDING;
  let leaveExpiresOn: Day | null = null;
  if (status === ImmigrationStatus.UASC_LEAVE) {
    leaveExpiresOn = addYearsTo(ctx.effectiveBirth, 17) + 182;
    // leave that would end before a decision could be made is refused instead
    if (leaveExpiresOn <= claimedOn + 90) {
      status = ImmigrationStatus.REFUSED_APPEAL_PENDING;
      leaveExpiresOn = null;
    } else if (rnd.chance(0.15)) {
      leaveExpiresOn = null;
    }
  } else if (status === ImmigrationStatus.DISCRETIONARY_LEAVE && rnd.chance(0.6)) {
    leaveExpiresOn = claimedOn + rnd.int(120, 600) + 913;
  }
  return {
    immigrationStatus: status,
    asylumClaimDate: claimedOn,
    leaveExpiresOn,
    homeOfficeReference: rnd.chance(0.75) ? homeOfficeRef(rnd) : null,
  };
}

function homeOfficeRef(rnd: Random): string {
  return `${rnd.pick(['B', 'D', 'F', 'H', 'K', 'M', 'R', 'S', 'U', 'V', 'W'])}${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Placements and missing episodes.

const END_REASON_FOR_CLOSURE: Record<CaseClosureReason, PlacementEndReason> = {
  TURNED_18_TO_LEAVING_CARE: PlacementEndReason.TURNED_18,
  RETURNED_TO_FAMILY: PlacementEndReason.RETURNED_TO_FAMILY,
  AGE_ASSESSED_ADULT: PlacementEndReason.AGE_ASSESSED_ADULT,
  TRANSFERRED: PlacementEndReason.OTHER,
  DIED: PlacementEndReason.OTHER,
  OTHER: PlacementEndReason.OTHER,
};

/** Consecutive placements from registration to the end of care; the last one open while the case is. */
function placementsFor(ctx: ChildContext): PlacementRow[] {
  const { rnd, plan } = ctx;
  const careStart = ctx.registeredAt + rnd.int(0, 180) * MINUTE;
  const span = ctx.careEnd - careStart;
  const count = Math.min(rnd.weighted(data.PLACEMENT_COUNT), 1 + Math.floor(span / (3 * DAY)));
  const moves: number[] = [];
  for (let i = 1; i < count; i += 1) moves.push(careStart + 6 * HOUR + rnd.float() * (span - 12 * HOUR));
  moves.sort((a, b) => a - b);
  const starts = [careStart];
  for (const move of moves) {
    const at = Math.floor(move / MINUTE) * MINUTE;
    if (at - starts[starts.length - 1] >= 6 * HOUR) starts.push(at);
  }
  const open = ctx.closedOn === null;
  const kind = ctx.profile.arrival === 'INTERNAL' ? 'UK' : 'UASC';
  return starts.map((startedAt, i) => {
    const last = i === starts.length - 1;
    const endedAt = last ? (open ? null : ctx.careEnd) : starts[i + 1];
    const type = placementType(ctx, kind, i === 0, last && open);
    const outOfArea = rnd.chance(0.35);
    const area = outOfArea ? rnd.pick(plan.authorities).name : ctx.authority.name;
    const flat = rnd.chance(0.3) ? `Flat ${rnd.int(1, 24)}, ` : '';
    return {
      id: rnd.uuid(),
      childId: ctx.id,
      localAuthorityId: ctx.authority.id,
      type,
      provider: rnd.pick(data.PLACEMENT_PROVIDERS[type]).replace('{la}', ctx.authority.name),
      address: `${flat}${rnd.int(1, 180)} ${rnd.pick(data.STREETS)}, ${area}`,
      startedAt,
      endedAt,
      endReason:
        endedAt === null
          ? null
          : last
            ? END_REASON_FOR_CLOSURE[ctx.closure!]
            : rnd.weighted(data.PLACEMENT_MOVES),
      outOfArea,
      specialist:
        type === PlacementType.SPECIALIST_FOSTER_CARE || type === PlacementType.SPECIALIST_SAFE_ACCOMMODATION,
      safetyPlan: rnd.chance(ctx.trafficked ? 0.7 : 0.3),
      // unsafe for a child, or for anyone whose age was disputed, when the placement began
      unsafe:
        UNSAFE_FOR_CHILDREN.has(type) &&
        (londonDay(startedAt) < addYearsTo(ctx.effectiveBirth, 18) || ctx.hasAssessment),
      createdAt: Math.min(startedAt + rnd.int(5, 240) * MINUTE, plan.horizon - MINUTE),
      createdBy: ctx.worker.id,
      endedBy: endedAt === null ? null : ctx.worker.id,
    };
  });
}

/**
 * Unsafe types are rare and mostly short, so few children are still in one; a child whose age is
 * disputed is sometimes placed with adults on arrival, as the documents describe.
 */
function placementType(
  ctx: ChildContext,
  kind: 'UK' | 'UASC',
  first: boolean,
  current: boolean,
): PlacementType {
  const { rnd } = ctx;
  if (first && ctx.hasAssessment && rnd.chance(0.08)) return PlacementType.ADULT_ASYLUM_ACCOMMODATION;
  let type = rnd.weighted(data.PLACEMENT_TYPES[kind]);
  while (current && UNSAFE_FOR_CHILDREN.has(type) && rnd.chance(0.97))
    type = rnd.weighted(data.PLACEMENT_TYPES[kind]);
  return type;
}

/** Heavy-tailed: most children never go missing; of those who do, some go a hundred times and more. */
const EPISODES_MEDIAN = 25;
const EPISODES_MAX = 400;
const EPISODES_SIGMA = 1.25;
/** The share of episodes drawn to begin in the first 72 hours of a placement: "many within 24 hours". */
const SOON_SHARE = 0.35;

/**
 * As libs/missing's startsSoonAfterPlacement: the episode starts within the window after the start
 * of the placement the child was in, or after the start (in London) of the day the child arrived.
 */
function startsSoon(
  missingSince: number,
  placementStart: number,
  arrivalStart: number | null,
  windowMs: number,
) {
  const within = (from: number) => missingSince - from >= 0 && missingSince - from <= windowMs;
  return within(placementStart) || (arrivalStart !== null && within(arrivalStart));
}

function episodesFor(ctx: ChildContext, placements: PlacementRow[]): MissingEpisodeRow[] {
  const { rnd, plan } = ctx;
  const careStart = placements[0].startedAt;
  const careEnd = ctx.careEnd;
  const wanted = Math.max(1, Math.round(rnd.logNormal(EPISODES_MEDIAN, EPISODES_SIGMA)));
  const count = Math.min(wanted, EPISODES_MAX, Math.floor((careEnd - careStart) / (36 * HOUR)));
  const starts: { at: number; placement: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    if (rnd.chance(SOON_SHARE)) {
      const p = rnd.int(0, placements.length - 1);
      const at = placements[p].startedAt + rnd.int(30, 72 * 60) * MINUTE;
      if (at < (placements[p].endedAt ?? careEnd) - HOUR) starts.push({ at, placement: p });
      continue;
    }
    const at = careStart + Math.floor((rnd.float() * (careEnd - careStart - HOUR)) / MINUTE) * MINUTE;
    starts.push({ at, placement: placementAt(placements, at) });
  }
  starts.sort((a, b) => a.at - b.at);
  const arrivalStart = ctx.arrivalOn === null ? null : londonInstant(ctx.arrivalOn, 0);
  const windowMs = plan.settings.soonAfterPlacementHours * HOUR;
  const episodes: MissingEpisodeRow[] = [];
  let previousEnd = -Infinity;
  starts.forEach(({ at, placement }, i) => {
    if (at - previousEnd < 90 * MINUTE) return;
    const p = placements[placement];
    const next = i + 1 < starts.length ? starts[i + 1].at : Infinity;
    const limit = Math.min(next, p.endedAt ?? careEnd) - MINUTE;
    // at most one open episode: the child's last, recent, in the current placement
    const stillMissing =
      i === starts.length - 1 && p.endedAt === null && at > plan.horizon - 14 * DAY && rnd.chance(0.1);
    const episode = missingEpisode(ctx, p, at, limit, stillMissing);
    if (!episode) return;
    episode.soonAfterPlacement = startsSoon(at, p.startedAt, arrivalStart, windowMs);
    episodes.push(episode);
    previousEnd = episode.returnedAt ?? Infinity;
  });
  return episodes;
}

function placementAt(placements: readonly PlacementRow[], at: number): number {
  let found = 0;
  for (let i = 0; i < placements.length && placements[i].startedAt <= at; i += 1) found = i;
  return found;
}

/** One episode from `at`, returning before `limit` (the next episode or the placement's end). */
function missingEpisode(
  ctx: ChildContext,
  placement: PlacementRow,
  at: number,
  limit: number,
  stillMissing: boolean,
): MissingEpisodeRow | null {
  const { rnd, plan } = ctx;
  const kind = rnd.chance(0.25) ? MissingKind.AWAY : MissingKind.MISSING;
  const hours = kind === MissingKind.AWAY ? rnd.int(1, 12) : Math.min(30 * 24, rnd.logNormal(16, 1.1));
  const returnedAt = stillMissing ? null : Math.min(limit, at + Math.round(hours * 60) * MINUTE);
  if (returnedAt !== null && returnedAt - at < 10 * MINUTE) return null;
  const beforeHorizon = (instant: number) => Math.max(at, Math.min(instant, plan.horizon - MINUTE));
  const police = kind === MissingKind.MISSING;
  const reportedToPoliceAt = police ? beforeHorizon(at + rnd.int(20, 240) * MINUTE) : null;
  return {
    id: rnd.uuid(),
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    kind,
    placementId: placement.id,
    missingSince: at,
    reportedToPoliceAt,
    policeReference:
      reportedToPoliceAt === null
        ? null
        : `MP/${isoOf(londonDay(at)).slice(2, 4)}/${String(rnd.int(0, 999_999)).padStart(6, '0')}`,
    policeRiskLevel: police ? rnd.weighted(data.POLICE_RISK) : null,
    lastSeenLocation: rnd.chance(0.95) ? rnd.pick(data.LAST_SEEN_LOCATIONS) : null,
    lastSeenWith: rnd.chance(0.7) ? rnd.pick(data.LAST_SEEN_WITH) : null,
    circumstances: rnd.chance(0.4) ? rnd.pick(data.CIRCUMSTANCES) : null,
    traffickerContactFeared: ctx.trafficked && rnd.chance(0.3),
    soonAfterPlacement: false,
    returnedAt,
    whereFound: returnedAt !== null && rnd.chance(0.8) ? rnd.pick(data.WHERE_FOUND) : null,
    foundBy: returnedAt !== null ? rnd.weighted(data.FOUND_BY) : null,
    returnInterviewDueBy:
      returnedAt === null ? null : returnedAt + plan.settings.returnInterviewDueHours * HOUR,
    ...(returnedAt === null ? NO_INTERVIEW : returnInterview(rnd, returnedAt, plan.horizon)),
    reportedAt: beforeHorizon(at + rnd.int(10, 180) * MINUTE),
    reportedBy: ctx.worker.id,
  };
}

type Interview = Pick<
  MissingEpisodeRow,
  | 'interviewOfferedAt'
  | 'interviewCompletedAt'
  | 'interviewDeclined'
  | 'interviewConductedBy'
  | 'interviewFindings'
>;

const NO_INTERVIEW: Interview = {
  interviewOfferedAt: null,
  interviewCompletedAt: null,
  interviewDeclined: false,
  interviewConductedBy: null,
  interviewFindings: null,
};

/** Offered within 72 hours mostly, then completed or declined; only recent returns may still wait for one. */
function returnInterview(rnd: Random, returnedAt: number, horizon: number): Interview {
  if (returnedAt > horizon - 14 * DAY && rnd.chance(0.06)) return NO_INTERVIEW;
  const late = rnd.chance(0.1);
  const offeredAt = returnedAt + (late ? rnd.int(72 * 60, 240 * 60) : rnd.int(60, 66 * 60)) * MINUTE;
  if (offeredAt >= horizon) return NO_INTERVIEW;
  const offered = {
    ...NO_INTERVIEW,
    interviewOfferedAt: offeredAt,
    interviewConductedBy: rnd.pick(data.INTERVIEWERS),
  };
  if (rnd.chance(0.1)) return { ...offered, interviewDeclined: true };
  const completedAt = offeredAt + rnd.int(0, 48 * 60) * MINUTE;
  if (completedAt >= horizon) return offered;
  return {
    ...offered,
    interviewCompletedAt: completedAt,
    interviewFindings: rnd.chance(0.35) ? rnd.pick(data.FINDINGS) : null,
  };
}

/** Some placements that saw episodes ended because the child went missing. */
function markPlacementsLeftWhenMissing(
  rnd: Random,
  placements: PlacementRow[],
  episodes: MissingEpisodeRow[],
): void {
  if (episodes.length === 0) return;
  const withEpisodes = new Set(episodes.map((episode) => episode.placementId));
  for (let i = 0; i < placements.length - 1; i += 1) {
    if (withEpisodes.has(placements[i].id) && rnd.chance(0.3)) {
      placements[i].endReason = PlacementEndReason.CHILD_WENT_MISSING;
    }
  }
}

function missingTimes(episodes: readonly MissingEpisodeRow[]): Float64Array {
  const times = new Float64Array(episodes.length * 2);
  episodes.forEach((episode, i) => {
    times[2 * i] = episode.missingSince;
    times[2 * i + 1] = episode.returnedAt ?? Infinity;
  });
  return times;
}

// ---------------------------------------------------------------------------------------------
// NRM referrals, durable solutions, guardianship.

/** The Single Competent Authority took over decisions in April 2019, and they began to take far longer. */
const SCA_FROM = dayOf('2019-04-29');
/** Devolved child decision-making panels, piloted in Scotland and Wales. */
const DEVOLVED_PANELS_FROM = dayOf('2021-06-01');

function referralFor(ctx: ChildContext): { referral: NrmReferralRow; decisions: NrmDecisionRow[] } {
  const { rnd, plan } = ctx;
  const lastDay = Math.min(plan.today - 1, ctx.closedOn ?? Infinity);
  const referredOn = Math.min(lastDay, ctx.registeredOn + (rnd.chance(0.6) ? rnd.int(0, 7) : rnd.int(8, 90)));
  const sca = referredOn >= SCA_FROM;
  const due = dayOf(reasonableGroundsDueBy(isoOf(referredOn), ctx.authority.nation, plan.settings));
  const rgOn = referredOn + Math.max(1, Math.round(sca ? rnd.logNormal(25, 0.8) : rnd.int(2, 12)));
  const rgDecided = rgOn < plan.today;
  const rg = rgDecided ? rnd.weighted(data.REASONABLE_GROUNDS) : NrmDecision.PENDING;
  const recovery = recoveryPeriodDays(ctx.authority.nation, plan.settings.recoveryPeriodDays);
  const cgOn = rgOn + recovery + Math.round(rnd.logNormal(sca ? 300 : 60, 0.5));
  const cgDecided = rg === NrmDecision.POSITIVE && cgOn < plan.today;
  const cg = cgDecided ? rnd.weighted(data.CONCLUSIVE_GROUNDS) : NrmDecision.PENDING;
  const internal = ctx.profile.arrival === 'INTERNAL';
  const devolved = ctx.authority.nation === Nation.SCOTLAND || ctx.authority.nation === Nation.WALES;
  const referral: NrmReferralRow = {
    id: rnd.uuid(),
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    referredOn,
    firstResponder: rnd.weighted(data.FIRST_RESPONDERS[ctx.profile.arrival]),
    competentAuthority:
      devolved && referredOn >= DEVOLVED_PANELS_FROM && rnd.chance(0.4)
        ? NrmCompetentAuthority.DEVOLVED_CHILD_PANEL
        : !internal && rnd.chance(0.05)
          ? NrmCompetentAuthority.IMMIGRATION_ENFORCEMENT
          : NrmCompetentAuthority.SINGLE_COMPETENT_AUTHORITY,
    reasonableGroundsDecision: rg,
    reasonableGroundsDecidedOn: rgDecided ? rgOn : null,
    reasonableGroundsDueBy: due,
    conclusiveGroundsDecision: cg,
    conclusiveGroundsDecidedOn: cgDecided ? cgOn : null,
    recordedAt: londonInstant(referredOn, rnd.int(9 * 60, 17 * 60)),
    recordedBy: ctx.worker.id,
  };
  const decision = (stage: NrmStage, value: NrmDecision, decidedOn: Day): NrmDecisionRow => ({
    id: rnd.uuid(),
    referralId: referral.id,
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    stage,
    decision: value,
    decidedOn,
    recordedAt: londonInstant(decidedOn, rnd.int(9 * 60, 17 * 60)),
    recordedBy: ctx.worker.id,
  });
  const decisions = [];
  if (rgDecided) decisions.push(decision(NrmStage.REASONABLE_GROUNDS, rg, rgOn));
  if (cgDecided) decisions.push(decision(NrmStage.CONCLUSIVE_GROUNDS, cg, cgOn));
  return { referral, decisions };
}

/** Best-interests outcomes for separated children nearing 18: identified, then secured or not. */
function durableSolutionsFor(ctx: ChildContext, categories: readonly ChildCategory[]): DurableSolutionRow[] {
  const { rnd, plan, profile } = ctx;
  if (profile.arrival === 'INTERNAL' || categories.length === 0 || !rnd.chance(0.5)) return [];
  const lastDay = Math.min(plan.today - 1, ctx.closedOn ?? Infinity);
  const assessedOn = Math.max(
    ctx.registeredOn + 30,
    addYearsTo(ctx.effectiveBirth, 16) + 182 - rnd.int(0, 120),
  );
  if (assessedOn > lastDay) return [];
  const returns = data.RETURNS_LIKELY.has(profile.nationality ?? '') ? 'likely' : 'rare';
  const option = rnd.weighted(data.DURABLE_OPTIONS[returns]);
  const row = (status: DurableSolutionStatus, on: Day, assessments: boolean): DurableSolutionRow => ({
    id: rnd.uuid(),
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    option,
    status,
    assessedOn,
    securedOn: status === DurableSolutionStatus.SECURED ? on : null,
    basis: status === DurableSolutionStatus.SECURED ? rnd.pick(data.DURABLE_BASIS[option]) : null,
    riskAssessmentCompleted: assessments,
    bestInterestsAssessmentCompleted: assessments,
    recordedAt: londonInstant(on, rnd.int(10 * 60, 16 * 60)),
    recordedBy: ctx.worker.id,
  });
  const rows = [row(DurableSolutionStatus.IDENTIFIED, assessedOn, false)];
  const decidedOn = assessedOn + rnd.int(30, 400);
  if (decidedOn < plan.today) {
    const status = rnd.weighted(data.DURABLE_OUTCOMES);
    // a return is never secured without the risk and best-interests assessments
    const assessed = status === DurableSolutionStatus.SECURED || rnd.chance(0.5);
    rows.push(row(status, decidedOn, assessed));
  }
  return rows;
}

const SCHEME_STARTS: Record<Nation, Day> = {
  ENGLAND: dayOf('2017-01-30'),
  WALES: dayOf('2017-01-30'),
  SCOTLAND: dayOf('2010-09-01'),
  NORTHERN_IRELAND: dayOf('2018-04-01'),
};

const GUARDIAN_END: Partial<Record<CaseClosureReason, GuardianEndReason>> = {
  RETURNED_TO_FAMILY: GuardianEndReason.NO_LONGER_ELIGIBLE,
  TRANSFERRED: GuardianEndReason.MOVED_OUT_OF_AREA,
  AGE_ASSESSED_ADULT: GuardianEndReason.NO_LONGER_ELIGIBLE,
  DIED: GuardianEndReason.OTHER,
  OTHER: GuardianEndReason.OTHER,
};

/** A stream of its own, so that the rest of a child's data is what it was before this was recorded. */
const PARENTAL_RESPONSIBILITY_STREAM = 8;

/** Whether anyone in the UK holds parental responsibility, as recorded (null: not known). */
function parentalResponsibilityFor(
  plan: NationalPlan,
  index: number,
  profile: NationalityProfile,
  categories: readonly ChildCategory[],
): boolean | null {
  const rnd = Random.stream(plan.seed, PARENTAL_RESPONSIBILITY_STREAM, index);
  // an unaccompanied child has no one by definition; a few records do not say so yet
  if (categories.includes(ChildCategory.UNACCOMPANIED_ASYLUM_SEEKING)) return rnd.chance(0.85) ? false : null;
  return rnd.weighted(data.PARENTAL_RESPONSIBILITY_IN_UK[profile.arrival]);
}

/**
 * Guardians by the service's own rule (scheme-rules.ts): each nation's scheme for the children it
 * serves, from registration (a trafficked child is eligible before any referral), until the scheme's age
 * limit; in England and Wales the ICTG model parental responsibility calls for. Most eligible children
 * have one; a few changed guardian.
 */
function guardianSpansFor(
  ctx: ChildContext,
  child: ChildRow,
  referral: NrmReferralRow | null,
  index: number,
): GuardianSpan[] {
  const { rnd, plan, authority } = ctx;
  const settings: GuardianshipSettings = {
    caseloadCeiling: CASELOAD,
    ageLimits: { ...plan.settings.guardianAgeLimits, otherAdvocate: plan.settings.guardianAgeLimits.ictg },
  };
  const start = Math.max(ctx.registeredOn, SCHEME_STARTS[authority.nation]) + rnd.int(0, 6);
  const facts = {
    nation: authority.nation,
    categories: child.categories,
    referredToNrm: referral !== null && referral.referredOn <= start,
    parentalResponsibilityInUk: child.parentalResponsibilityInUk,
    effectiveDateOfBirth: isoOf(ctx.effectiveBirth),
    ageDisputed: ctx.disputed,
  };
  const schemes = schemesServing(authority.nation).filter(
    (scheme) =>
      scheme !== GuardianScheme.OTHER_ADVOCATE &&
      schemeEligibility(scheme, facts, isoOf(start), settings).eligible,
  );
  if (schemes.length === 0) return [];
  const ictg = authority.nation === Nation.ENGLAND || authority.nation === Nation.WALES;
  const limit = ictg
    ? settings.ageLimits.ictg
    : authority.nation === Nation.SCOTLAND
      ? settings.ageLimits.scotland
      : settings.ageLimits.northernIreland;
  let end = addYearsTo(ctx.effectiveBirth, limit);
  let endReason = GuardianEndReason.AGE_LIMIT_REACHED;
  const closedEarly = ctx.closure && GUARDIAN_END[ctx.closure];
  if (closedEarly && ctx.closedOn! < end) {
    end = ctx.closedOn!;
    endReason = closedEarly;
  }
  const active = end >= plan.today;
  if (start >= Math.min(end, plan.today) || !rnd.chance(active ? 0.8 : 0.4)) return [];
  // while parental responsibility is not known either ICTG model may be chosen
  const scheme =
    schemes.length > 1 && rnd.chance(ctx.profile.arrival === 'INTERNAL' ? 0.45 : 0.12)
      ? schemes[1]
      : schemes[0];
  const provider: ProviderKey = ictg ? 'ICTG' : authority.nation === Nation.SCOTLAND ? 'SGS' : 'NIIG';
  const span = (from: Day, to: Day | null, reason: GuardianEndReason | null, follows: string | null) => ({
    id: rnd.uuid(),
    childIndex: index,
    childId: ctx.id,
    localAuthorityId: authority.id,
    provider,
    scheme,
    startDay: from,
    endDay: to,
    endReason: reason,
    follows,
    createdBy: ctx.worker.id,
  });
  const until = active ? null : end;
  const length = Math.min(end, plan.today) - start;
  if (length > 120 && rnd.chance(0.12)) {
    const change = start + rnd.int(30, length - 30);
    const first = span(start, change, GuardianEndReason.GUARDIAN_CHANGED, null);
    return [first, span(change, until, active ? null : endReason, first.id)];
  }
  return [span(start, until, active ? null : endReason, null)];
}

// ---------------------------------------------------------------------------------------------
// Guardians: a roster across all children, keeping caseloads under the ceiling.

/** Below the configurable ceiling of 20: a provider takes on a guardian before anyone reaches it. */
const CASELOAD = 15;

interface Guardian {
  row: PractitionerRow;
  /** End days of the active assignments (Infinity: still active). */
  active: number[];
}

function assignGuardians(plan: NationalPlan, spans: GuardianSpan[], sink: RowSink): void {
  const providerOrder: ProviderKey[] = ['ICTG', 'SGS', 'NIIG'];
  const sorted = [...spans].sort(
    (a, b) =>
      providerOrder.indexOf(a.provider) - providerOrder.indexOf(b.provider) ||
      a.startDay - b.startDay ||
      a.childIndex - b.childIndex,
  );
  const guardianOf = new Map<string, Guardian>();
  const rosters = new Map<ProviderKey, Guardian[]>(providerOrder.map((key) => [key, []]));
  let created = 0;
  sorted.forEach((span, n) => {
    const roster = rosters.get(span.provider)!;
    const previous = span.follows ? guardianOf.get(span.follows) : undefined;
    let chosen: Guardian | undefined;
    for (const guardian of roster) {
      guardian.active = guardian.active.filter((end) => end > span.startDay);
      if (guardian === previous || guardian.active.length >= CASELOAD) continue;
      if (!chosen || guardian.active.length < chosen.active.length) chosen = guardian;
    }
    if (!chosen) {
      created += 1;
      chosen = newGuardian(plan, created, plan.providers[span.provider], span.startDay);
      roster.push(chosen);
      sink.add(TABLES.practitioner, chosen.row);
    }
    chosen.active.push(span.endDay ?? Infinity);
    guardianOf.set(span.id, chosen);
    const assignment: GuardianAssignmentRow = {
      id: span.id,
      childId: span.childId,
      localAuthorityId: span.localAuthorityId,
      guardianId: chosen.row.id,
      providerId: plan.providers[span.provider].id,
      scheme: span.scheme,
      startDate: span.startDay,
      endDate: span.endDay,
      endReason: span.endReason,
      createdAt: londonInstant(span.startDay, 11 * 60),
      createdBy: span.createdBy,
      endedBy: span.endDay === null ? null : span.createdBy,
    };
    sink.add(TABLES.guardianAssignment, assignment);
    for (const contact of contactsFor(plan, assignment, n)) sink.add(TABLES.guardianContact, contact);
  });
}

/** A guardian the provider takes on when every other is at capacity; first seen on their first case. */
function newGuardian(plan: NationalPlan, number: number, provider: ProviderPlan, from: Day): Guardian {
  const rnd = Random.stream(plan.seed, STREAM.guardians, number);
  return {
    active: [],
    row: {
      id: rnd.uuid(),
      subject: `national-guardian-${number}`,
      name: staffName(rnd),
      role: Role.GUARDIAN,
      organisationId: provider.id,
      firstSeenAt: londonInstant(from, 9 * 60),
      lastSeenAt: plan.horizon - HOUR,
    },
  };
}

/** About one contact every five weeks, at most eight per assignment. */
function contactsFor(plan: NationalPlan, assignment: GuardianAssignmentRow, n: number): GuardianContactRow[] {
  const rnd = Random.stream(plan.seed, STREAM.contacts, n);
  const until = Math.min(assignment.endDate ?? plan.today, plan.today);
  const days = until - assignment.startDate;
  const count = Math.min(8, Math.floor(days / 35));
  const contacts: GuardianContactRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const contactedAt = londonInstant(assignment.startDate + rnd.int(0, days - 1), rnd.int(9 * 60, 19 * 60));
    contacts.push({
      id: rnd.uuid(),
      childId: assignment.childId,
      localAuthorityId: assignment.localAuthorityId,
      assignmentId: assignment.id,
      guardianId: assignment.guardianId,
      contactedAt,
      mode: rnd.weighted(data.CONTACT_MODES),
      summary: rnd.chance(0.8) ? rnd.pick(data.CONTACT_SUMMARIES) : null,
      recordedAt: Math.min(contactedAt + rnd.int(10, 48 * 60) * MINUTE, plan.horizon - MINUTE),
    });
  }
  return contacts.sort((a, b) => a.contactedAt - b.contactedAt);
}

// ---------------------------------------------------------------------------------------------
// Meetings, per authority: the children discussed are that authority's.

const SIX_WEEKS = 42 * DAY;

/** An authority's children, ordered by registration, for the meetings that discuss them. */
function generateMeetings(
  plan: NationalPlan,
  authority: AuthorityPlan,
  children: readonly ChildSummary[],
  sink: RowSink,
): void {
  const rnd = Random.stream(plan.seed, STREAM.meetings, authority.index);
  const future = Math.round(authority.meetings * 0.02);
  const days: Day[] = [];
  for (let i = 0; i < authority.meetings; i += 1) {
    days.push(i < future ? plan.today + rnd.int(0, 55) : registrationDay(rnd, plan));
  }
  days.sort((a, b) => a - b);
  const missing = children.filter((child) => child.missing !== null);
  let lastReview: number | null = null;
  for (const day of days) {
    const meeting = meetingOn(plan, rnd, authority, workingDay(day), lastReview);
    sink.add(TABLES.meeting, meeting);
    const names = attendees(rnd, authority, meeting, sink);
    const agenda =
      meeting.type === MeetingType.LSCB_SUBGROUP
        ? []
        : meeting.type === MeetingType.MISSING_REVIEW
          ? // as MeetingsService: stored when held (as of then); live until, and nothing if cancelled
            meeting.heldAt !== null
            ? missingAgenda(missing, meeting.agendaSince!, meeting.heldAt)
            : []
          : namedChildren(rnd, children, meeting);
    for (const [child, because] of agenda) {
      sink.add(TABLES.meetingChild, {
        meetingId: meeting.id,
        childId: child.id,
        localAuthorityId: authority.id,
        addedBecause: because,
        decision: meeting.heldAt !== null && rnd.chance(0.7) ? rnd.pick(data.MEETING_DECISIONS) : null,
      });
    }
    if (meeting.heldAt !== null) actions(plan, rnd, meeting, agenda, names, sink);
    if (meeting.type === MeetingType.MISSING_REVIEW && meeting.heldAt !== null) lastReview = meeting.heldAt;
  }
}

function meetingOn(
  plan: NationalPlan,
  rnd: Random,
  authority: AuthorityPlan,
  day: Day,
  lastReview: number | null,
): MeetingRow {
  const type = rnd.weighted(data.MEETING_TYPES);
  const scheduledFor = londonInstant(day, 9 * 60 + rnd.int(0, 24) * 15);
  const createdAt = Math.min(scheduledFor - rnd.int(2, 21) * DAY, plan.horizon - rnd.int(1, 72) * HOUR);
  const past = scheduledFor < plan.horizon;
  const cancelled = past && rnd.chance(0.06);
  const heldAt = scheduledFor + rnd.int(0, 15) * MINUTE;
  const held =
    past &&
    !cancelled &&
    heldAt < plan.horizon &&
    !(scheduledFor > plan.horizon - 7 * DAY && rnd.chance(0.3));
  return {
    id: rnd.uuid(),
    localAuthorityId: authority.id,
    type,
    status: held ? MeetingStatus.HELD : cancelled ? MeetingStatus.CANCELLED : MeetingStatus.SCHEDULED,
    scheduledFor,
    heldAt: held ? heldAt : null,
    chair: rnd.chance(0.8) ? authority.manager.name : staffName(rnd),
    // as MeetingsService: the episodes since the last held review, or the six weeks before it was held
    // (before it was scheduled, for one not held)
    agendaSince:
      type === MeetingType.MISSING_REVIEW ? (lastReview ?? (held ? heldAt : createdAt) - SIX_WEEKS) : null,
    cancelledAt: cancelled ? Math.max(createdAt + 10 * MINUTE, scheduledFor - rnd.int(1, 72) * HOUR) : null,
    cancellationReason: cancelled ? rnd.pick(data.CANCELLATION_REASONS) : null,
    createdAt,
    createdBy: authority.manager.id,
  };
}

function attendees(rnd: Random, authority: AuthorityPlan, meeting: MeetingRow, sink: RowSink): string[] {
  const held = meeting.status === MeetingStatus.HELD;
  const people: [string, Agency, string | null][] = [
    [meeting.chair, Agency.CHILDRENS_SERVICES, 'Chair'],
    [rnd.pick(authority.workers).name, Agency.CHILDRENS_SERVICES, 'Social worker'],
  ];
  const others = rnd.int(1, 5);
  for (let i = 0; i < others; i += 1) {
    const agency = rnd.weighted(data.MEETING_AGENCIES);
    const name =
      agency === Agency.POLICE ? `${rnd.pick(['DS', 'DC', 'PC', 'DI'])} ${staffName(rnd)}` : staffName(rnd);
    people.push([name, agency, data.AGENCY_ROLES[agency] ? rnd.pick(data.AGENCY_ROLES[agency]) : null]);
  }
  const names: string[] = [];
  for (const [name, agency, role] of people) {
    if (names.includes(name)) continue;
    names.push(name);
    sink.add(TABLES.meetingAttendee, {
      id: rnd.uuid(),
      meetingId: meeting.id,
      name,
      agency,
      role,
      attended: held ? rnd.chance(0.88) : null,
    });
  }
  return names;
}

type Agenda = [ChildSummary, AgendaReason][];

/** Every child with an episode since the last review, and every child missing when it was held. */
function missingAgenda(missing: readonly ChildSummary[], since: number, at: number): Agenda {
  const agenda: Agenda = [];
  for (const child of missing) {
    const times = child.missing!;
    let reason: AgendaReason | null = null;
    // the window is [since, at): an episode starting at `at` belongs to the next review
    for (let i = 0; i < times.length && times[i] < at; i += 2) {
      if (times[i + 1] > at) reason = AgendaReason.MISSING_NOW;
      else if (times[i] >= since) reason ??= AgendaReason.MISSING_SINCE_LAST_REVIEW;
    }
    if (reason) agenda.push([child, reason]);
  }
  return agenda;
}

/** How many of the children (ordered by registration) were registered by an instant. */
function registeredBy(children: readonly ChildSummary[], instant: number): number {
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (children[middle].registeredAt <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One to three children whose cases were open when the meeting was called. */
function namedChildren(rnd: Random, children: readonly ChildSummary[], meeting: MeetingRow): Agenda {
  const registered = registeredBy(children, meeting.createdAt);
  const wanted = rnd.int(1, 3);
  const agenda: Agenda = [];
  for (let tries = 0; tries < 30 && agenda.length < wanted && registered > 0; tries += 1) {
    // the recently registered are the ones still open
    const child = children[registered - 1 - Math.floor(rnd.float() ** 2 * registered)];
    if (child.caseEnd > meeting.scheduledFor && !agenda.some(([named]) => named === child)) {
      agenda.push([child, AgendaReason.NAMED]);
    }
  }
  return agenda;
}

function actions(
  plan: NationalPlan,
  rnd: Random,
  meeting: MeetingRow,
  agenda: Agenda,
  names: readonly string[],
  sink: RowSink,
): void {
  const heldOn = londonDay(meeting.heldAt!);
  const count = rnd.int(0, 3);
  for (let i = 0; i < count; i += 1) {
    const dueOn = heldOn + rnd.int(7, 42);
    const completedOn = heldOn + rnd.int(1, dueOn - heldOn + 14);
    // recent actions may be open still, and a few of those overdue; older ones were all done
    const open = completedOn >= plan.today || (dueOn >= plan.today - 30 && rnd.chance(0.15));
    sink.add(TABLES.meetingAction, {
      id: rnd.uuid(),
      meetingId: meeting.id,
      localAuthorityId: meeting.localAuthorityId,
      childId: agenda.length > 0 && rnd.chance(0.5) ? rnd.pick(agenda)[0].id : null,
      description: rnd.pick(data.MEETING_ACTIONS),
      owner: rnd.pick(names),
      dueOn,
      completedOn: open ? null : completedOn,
      createdAt: Math.min(meeting.heldAt! + rnd.int(30, 120) * MINUTE, plan.horizon - MINUTE),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The whole data set.

/** Generates every row, table by table through the sink; `onChild` reports progress. */
export function generateNational(plan: NationalPlan, sink: RowSink, onChild?: (done: number) => void): void {
  const historyBegins = londonInstant(plan.historyStart, 9 * 60);
  for (const provider of Object.values(plan.providers)) {
    sink.add(TABLES.organisation, {
      id: provider.id,
      code: provider.code,
      name: provider.name,
      kind: OrganisationKind.GUARDIANSHIP_PROVIDER,
      createdAt: historyBegins,
    });
  }
  for (const authority of plan.authorities) {
    const staff: [StaffMember, Role][] = [
      [authority.manager, Role.TEAM_MANAGER],
      ...authority.workers.map((worker): [StaffMember, Role] => [worker, Role.SOCIAL_WORKER]),
    ];
    for (const [member, role] of staff) {
      sink.add(TABLES.practitioner, {
        ...member,
        role,
        organisationId: authority.id,
        firstSeenAt: historyBegins,
        lastSeenAt: plan.horizon - HOUR,
      });
    }
  }
  const spans: GuardianSpan[] = [];
  const summaries: ChildSummary[][] = plan.authorities.map(() => []);
  for (let index = 0; index < plan.children; index += 1) {
    const records = generateChild(plan, index);
    addChild(sink, records);
    spans.push(...records.guardianship);
    summaries[plan.authorityOfChild[index]].push(records.summary);
    if (onChild && (index + 1) % 1000 === 0) onChild(index + 1);
  }
  onChild?.(plan.children);
  assignGuardians(plan, spans, sink);
  for (const authority of plan.authorities) {
    const children = summaries[authority.index].sort(
      (a, b) => a.registeredAt - b.registeredAt || a.index - b.index,
    );
    generateMeetings(plan, authority, children, sink);
  }
}

function addChild(sink: RowSink, records: ChildRecords): void {
  sink.add(TABLES.child, records.child);
  sink.add(TABLES.auditEvent, records.audit);
  if (records.referral) sink.add(TABLES.nrmReferral, records.referral);
  for (const decision of records.decisions) sink.add(TABLES.nrmDecision, decision);
  if (records.assessment) sink.add(TABLES.ageAssessment, records.assessment);
  for (const placement of records.placements) sink.add(TABLES.placement, placement);
  for (const episode of records.episodes) sink.add(TABLES.missingEpisode, episode);
  for (const solution of records.solutions) sink.add(TABLES.durableSolution, solution);
}

// ---------------------------------------------------------------------------------------------
// COPY text format: tab-separated, \N for NULL, backslash escapes; arrays and JSON as literals.

const COPY_SPECIAL = /[\\\t\n\r]/;

export function copyText(value: string): string {
  if (!COPY_SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal with every element quoted, so that spaces, commas and braces are safe. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export function copyValue(kind: ColumnKind, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (kind) {
    case 'text':
      return copyText(value as string);
    case 'int':
      return (value as number).toString();
    case 'bool':
      return value ? 't' : 'f';
    case 'date':
      return isoOf(value as Day);
    case 'ts':
      return timestampText(value as number);
    case 'texts':
      return copyText(arrayLiteral(value as string[]));
    case 'json':
      return copyText(JSON.stringify(value));
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A table's rows, encoded for COPY as they come, in chunks of bytes outside the JavaScript heap. */
export class CopyBuffer<R> {
  readonly chunks: { bytes: Buffer; rows: number }[] = [];
  rows = 0;
  private readonly columns: [string, ColumnKind][];
  private pending: string[] = [];

  constructor(readonly spec: TableSpec<R>) {
    this.columns = Object.entries<ColumnKind>(spec.columns);
  }

  get statement(): string {
    return `COPY ${this.spec.name} (${this.columns.map(([key]) => snakeCase(key)).join(', ')}) FROM STDIN`;
  }

  add(row: R): void {
    const record = row as Record<string, unknown>;
    let line = '';
    for (let i = 0; i < this.columns.length; i += 1) {
      const [key, kind] = this.columns[i];
      line += (i === 0 ? '' : '\t') + copyValue(kind, record[key]);
    }
    this.pending.push(`${line}\n`);
    this.rows += 1;
    if (this.pending.length >= 2000) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push({ bytes: Buffer.from(this.pending.join(''), 'utf8'), rows: this.pending.length });
    this.pending = [];
  }
}

/** Every table's buffer, in loading order: what a row refers to is loaded before it. */
class CopyBuffers implements RowSink {
  readonly tables = Object.values(TABLES).map((spec) => new CopyBuffer<unknown>(spec as TableSpec<unknown>));
  private readonly byName = new Map(this.tables.map((buffer) => [buffer.spec.name, buffer]));

  add<R>(spec: TableSpec<R>, row: R): void {
    this.byName.get(spec.name)!.add(row);
  }
}

// ---------------------------------------------------------------------------------------------
// Loading.

export interface NationalResult {
  skipped: boolean;
  counts: Record<string, number>;
  generatedMs: number;
  loadedMs: number;
  /** Whether the per-row triggers were skipped (replica mode) or ran. */
  triggersSkipped: boolean;
  hint: { org: string; sub: string; name: string } | null;
}

const ALREADY_LOADED = `SELECT EXISTS (SELECT 1 FROM organisation WHERE code LIKE 'NATIONAL-%')
                           OR EXISTS (SELECT 1 FROM practitioner WHERE subject LIKE 'national-%') AS loaded`;

const SKIPPED: NationalResult = {
  skipped: true,
  counts: {},
  generatedMs: 0,
  loadedMs: 0,
  triggersSkipped: false,
  hint: null,
};

/**
 * Generates the data set and loads it in one transaction with COPY, then analyses the tables. The
 * triggers that keep the child's effective date of birth and "age disputed" flag are skipped where
 * allowed (the generator writes those columns itself); constraints, unique and exclusion indexes
 * still check every row.
 */
export async function loadNational(
  url: string,
  options: NationalOptions,
  log: (line: string) => void,
): Promise<NationalResult> {
  const client = new Client({ connectionString: url, application_name: 'haven-seed-national' });
  await client.connect();
  const bars = new Bars();
  try {
    const { rows } = await client.query<{ loaded: boolean }>(ALREADY_LOADED);
    if (rows[0].loaded) return SKIPPED;
    const authorities = await client.query<AuthorityRef>(
      `SELECT id, code, name, nation FROM organisation WHERE kind = 'LOCAL_AUTHORITY' ORDER BY code`,
    );
    const plan = planNational(authorities.rows, options);
    const started = performance.now();
    const buffers = generateBuffers(plan, bars);
    const generatedMs = performance.now() - started;
    const triggersSkipped = await copyAll(client, buffers, bars, log);
    bars.stop();
    // statistics for the planner, and the visibility map that lets index-only scans skip the heap
    await client.query('VACUUM ANALYZE');
    return {
      skipped: false,
      counts: Object.fromEntries(buffers.map((buffer) => [buffer.spec.name, buffer.rows])),
      generatedMs,
      loadedMs: performance.now() - started - generatedMs,
      triggersSkipped,
      hint: tokenHint(plan),
    };
  } finally {
    bars.stop();
    await client.end();
  }
}

function generateBuffers(plan: NationalPlan, bars: Bars): CopyBuffer<unknown>[] {
  const buffers = new CopyBuffers();
  const progress = bars.create('generate (children)', plan.children);
  generateNational(plan, buffers, (done) => progress.update(done));
  buffers.tables.forEach((buffer) => buffer.flush());
  return buffers.tables;
}

/** Every table in one transaction: a failure leaves nothing behind, and a rerun starts afresh. */
async function copyAll(
  client: Client,
  buffers: readonly CopyBuffer<unknown>[],
  bars: Bars,
  log: (line: string) => void,
): Promise<boolean> {
  await client.query('BEGIN');
  try {
    const triggersSkipped = await skipTriggers(client, log);
    for (const buffer of buffers) await copy(client, buffer, bars);
    await client.query('COMMIT');
    return triggersSkipped;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Replica mode skips per-row triggers (and foreign-key triggers) for this transaction; superusers only. */
async function skipTriggers(client: Client, log: (line: string) => void): Promise<boolean> {
  await client.query('SAVEPOINT replica');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query('RELEASE SAVEPOINT replica');
    return true;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT replica');
    log(
      `Cannot skip triggers (${(error as Error).message}): loading with every trigger on, which is slower, ` +
        'and the age-assessment trigger stamps updated_at with the load time',
    );
    return false;
  }
}

async function copy(client: Client, buffer: CopyBuffer<unknown>, bars: Bars): Promise<void> {
  const bar = bars.create(buffer.spec.name, buffer.rows);
  function* chunks() {
    let done = 0;
    for (const chunk of buffer.chunks) {
      yield chunk.bytes;
      done += chunk.rows;
      bar.update(done);
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(buffer.statement)));
  bar.update(buffer.rows);
}

function tokenHint(plan: NationalPlan): NationalResult['hint'] {
  const authority = plan.authorities.find((a) => a.code === 'E10000016') ?? plan.authorities[0];
  if (!authority) return null;
  const worker = authority.workers[0];
  return { org: authority.code, sub: worker.subject, name: worker.name };
}

/** Progress bars on stderr, one per step, with rows per second and the time left. */
class Bars {
  private readonly multi = new MultiBar(
    {
      format: ' {step} |{bar}| {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      // a log file gets a line every few seconds instead of an animated bar
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );

  create(step: string, total: number): { update(done: number): void } {
    const started = performance.now();
    const bar: SingleBar = this.multi.create(Math.max(total, 1), 0, { step: step.padEnd(20), rate: 0 });
    return {
      update: (done: number) => {
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
      },
    };
  }

  /** Idempotent: the bars stop once the load is done, or when it fails. */
  stop(): void {
    if (this.multi.isActive) this.multi.stop();
  }
}
