// The child's history: the age dispute, the case's closure, immigration.

import { AgeAssessmentOutcome, AgeAssessmentStatus, AgeDeterminedBy } from '@haven/age-assessment';
import { CaseClosureReason, ImmigrationStatus } from '@haven/children';
import * as data from '../national-data';
import { Random } from './random';
import { addYearsTo, birthdayOf, Day, londonInstant } from './time';
import { AgeAssessmentRow } from './rows';
import { ChildContext } from './context';

/** The age dispute, if any; sets the effective date of birth and "age disputed" as the triggers would. */
export function ageAssessment(ctx: ChildContext): AgeAssessmentRow {
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
export function closeCase(ctx: ChildContext, assessment: AgeAssessmentRow | null): void {
  const { rnd, plan, profile } = ctx;
  const lastDay = plan.today - 1;
  const turns18 = birthdayOf(ctx.effectiveBirth, 18);
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
export function immigrationFor(ctx: ChildContext) {
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
    leaveExpiresOn = birthdayOf(ctx.effectiveBirth, 17) + 182;
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
