import { ageOn, IsoDate, longDate } from '@haven/platform';
import { AgeAssessmentOutcome, AgeAssessmentStatus } from './age-assessment.enums';

/** The safeguards of a lawful (Merton-compliant) age assessment, as recorded. */
export interface Safeguards {
  twoAssessors?: boolean | null;
  appropriateAdult?: boolean | null;
  interpreterUsed?: boolean | null;
  adversePointsPut?: boolean | null;
  writtenReasons?: boolean | null;
}

const SAFEGUARD_NAMES: Record<keyof Safeguards, string> = {
  twoAssessors: 'two trained assessing social workers',
  appropriateAdult: 'an appropriate adult present',
  interpreterUsed: 'an interpreter (the child needs one)',
  adversePointsPut: 'the adverse points put to the young person with a chance to answer',
  writtenReasons: 'reasons given in writing',
};

/** The safeguards not recorded as met; an interpreter counts only where the child needs one. */
/** The safeguards an adult outcome needs recorded as met (Merton): the interpreter only where the child needs one. */
export function requiredSafeguards(interpreterNeeded: boolean): (keyof Safeguards)[] {
  const required: (keyof Safeguards)[] = [
    'twoAssessors',
    'appropriateAdult',
    'adversePointsPut',
    'writtenReasons',
  ];
  if (interpreterNeeded) required.splice(2, 0, 'interpreterUsed');
  return required;
}

export function missingSafeguards(safeguards: Safeguards, interpreterNeeded: boolean): string[] {
  return requiredSafeguards(interpreterNeeded)
    .filter((name) => safeguards[name] !== true)
    .map((name) => SAFEGUARD_NAMES[name]);
}

export interface OutcomeRequest {
  outcome: AgeAssessmentOutcome;
  assessedDateOfBirth: IsoDate | null;
  completedOn: IsoDate;
}

/**
 * The assessed date of birth an outcome stands for (the claimed one when the claim is accepted), or
 * the field and reason it contradicts the outcome.
 */
export function assessedDateOfBirth(
  request: OutcomeRequest,
  claimed: IsoDate | null,
): { date: IsoDate } | { field: string; message: string } {
  const { outcome, completedOn } = request;
  const date =
    request.assessedDateOfBirth ?? (outcome === AgeAssessmentOutcome.CLAIMED_AGE_ACCEPTED ? claimed : null);
  if (!date) {
    return { field: 'assessedDateOfBirth', message: `An assessed date of birth is needed for ${outcome}` };
  }
  if (date > completedOn) {
    return {
      field: 'assessedDateOfBirth',
      message: 'The assessed date of birth cannot be after the assessment',
    };
  }
  const age = ageOn(date, completedOn);
  switch (outcome) {
    case AgeAssessmentOutcome.CLAIMED_AGE_ACCEPTED:
      if (claimed && date !== claimed) {
        return {
          field: 'assessedDateOfBirth',
          message: 'Accepting the claimed age keeps the claimed date of birth',
        };
      }
      break;
    case AgeAssessmentOutcome.ASSESSED_YOUNGER:
      if (claimed && date <= claimed) {
        return {
          field: 'assessedDateOfBirth',
          message: 'ASSESSED_YOUNGER needs a date of birth after the claimed one',
        };
      }
      break;
    case AgeAssessmentOutcome.ASSESSED_OLDER_STILL_CHILD:
      if ((claimed && date >= claimed) || age >= 18) {
        return {
          field: 'assessedDateOfBirth',
          message:
            'ASSESSED_OLDER_STILL_CHILD needs a date of birth before the claimed one and under 18 at assessment',
        };
      }
      break;
    case AgeAssessmentOutcome.ASSESSED_ADULT:
      if (age < 18) {
        return {
          field: 'assessedDateOfBirth',
          message: 'ASSESSED_ADULT needs a date of birth 18 or more years before the assessment',
        };
      }
      break;
  }
  return { date };
}

/** The dispute still open on a child (raised, in progress, or under judicial review), as recorded. */
export interface OpenDispute {
  status: AgeAssessmentStatus;
  raisedOn: IsoDate;
  completedOn: IsoDate | null;
  challengedOn: IsoDate | null;
}

/** The age decision that stands (haven_age_decision): a court's final one first, else the latest decided. */
export interface AgeDecision {
  outcome: AgeAssessmentOutcome;
  assessedDateOfBirth: IsoDate;
  decidedOn: IsoDate;
  byCourt: boolean;
}

const OUTCOME_WORDS: Record<AgeAssessmentOutcome, string> = {
  CLAIMED_AGE_ACCEPTED: 'accepted the claimed age',
  ASSESSED_YOUNGER: 'found the person younger than claimed',
  ASSESSED_OLDER_STILL_CHILD: 'found the person older than claimed but still a child',
  ASSESSED_ADULT: 'found the person an adult',
};

/** Why an open dispute makes the person a child (benefit of the doubt), in a social worker's words. */
export function openDisputeReason(open: OpenDispute): string {
  if (open.status === AgeAssessmentStatus.CHALLENGED) {
    return `The age assessment completed on ${longDate(open.completedOn!)} is under challenge (judicial review brought on ${longDate(open.challengedOn!)}): until the court decides, the person is treated as a child`;
  }
  return `The age dispute raised on ${longDate(open.raisedOn)} is still open (${open.status === AgeAssessmentStatus.RAISED ? 'raised' : 'assessment in progress'}): until it is resolved, the person is treated as a child`;
}

/**
 * Closing a case as AGE_ASSESSED_ADULT: only when no dispute is open and the decision that stands,
 * made on or before the closure date, found the person an adult; null when allowed.
 */
export function adultClosureRefusal(
  open: OpenDispute | null,
  decision: AgeDecision | null,
  closedOn: IsoDate,
): string | null {
  const cannot = 'so the case cannot be closed as AGE_ASSESSED_ADULT';
  if (open) return `${openDisputeReason(open)}, ${cannot}`;
  if (!decision) return `No completed age assessment has found the person an adult, ${cannot}`;
  const who = decision.byCourt
    ? `The court's final determination on ${longDate(decision.decidedOn)}`
    : `The age assessment completed on ${longDate(decision.decidedOn)}`;
  if (decision.outcome !== AgeAssessmentOutcome.ASSESSED_ADULT) {
    return `${who} ${OUTCOME_WORDS[decision.outcome]} and stands, ${cannot}`;
  }
  if (decision.decidedOn > closedOn) {
    return `${who} found the person an adult after ${longDate(closedOn)}, ${cannot} on that date`;
  }
  return null;
}
