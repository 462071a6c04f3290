// One child: identity, history, and every row about them, from the child's own seeded stream.

import { ChildStatus, LegalStatus } from '@haven/children';
import { AuditAction } from '@haven/platform';
import * as data from '../national-data';
import { localChildIdOf, Random, STREAM } from './random';
import { addYearsTo, birthdayOf, londonInstant } from './time';
import { AgeAssessmentRow, ChildRow } from './rows';
import { NationalPlan, REQUEST_ID } from './plan';
import { ChildContext, ChildRecords } from './context';
import { arrivalDay, arrivalRoute, classify, identity, pickGender, registrationDay } from './identity';
import { ageAssessment, closeCase, immigrationFor } from './history';
import { placementsFor } from './placements';
import { episodesFor, markPlacementsLeftWhenMissing, missingTimes } from './episodes';
import { durableSolutionsFor, referralFor } from './nrm';
import { guardianSpansFor, parentalResponsibilityFor } from './guardians';

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
      ctx.closedOn === null && birthdayOf(ctx.effectiveBirth, 18) < plan.today
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
