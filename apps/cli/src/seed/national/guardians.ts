// Guardianship: each child's spans by the nation's scheme, then a roster across all children under the
// caseload ceiling.

import { CaseClosureReason, ChildCategory } from '@haven/children';
import {
  GuardianEndReason,
  GuardianScheme,
  GuardianshipSettings,
  schemeEligibility,
  schemesServing,
} from '@haven/guardianship';
import { Nation, Role } from '@haven/platform';
import * as data from '../national-data';
import { NationalityProfile } from '../national-data';
import { Random, STREAM } from './random';
import { birthdayOf, Day, dayOf, HOUR, isoOf, londonInstant, MINUTE } from './time';
import { ChildRow, GuardianAssignmentRow, GuardianContactRow, NrmReferralRow, PractitionerRow } from './rows';
import { RowSink, TABLES } from './tables';
import { NationalPlan, ProviderKey, ProviderPlan, staffName } from './plan';
import { ChildContext, GuardianSpan } from './context';

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
export function parentalResponsibilityFor(
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
export function guardianSpansFor(
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
  let end = birthdayOf(ctx.effectiveBirth, limit);
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

export function assignGuardians(plan: NationalPlan, spans: GuardianSpan[], sink: RowSink): void {
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
