import { Router } from 'express';
import type { Request, Response } from 'express';
import { requiredSafeguards } from '@haven/age-assessment';
import { londonDate, Permission } from '@haven/platform';
import {
  AgeAssessmentOutcome,
  AgeDisputeDocument,
  AgeDisputeQuery,
  Agency,
  ChallengeAgeAssessmentDocument,
  FinaliseAgeAssessmentDocument,
  RaiseAgeDisputeDocument,
  RecordAgeAssessmentOutcomeDocument,
  StartAgeAssessmentDocument,
} from '../../graphql/generated';
import { Refusal, RefusedError } from '../../graphql/web-graphql';
import {
  dateParts,
  DateParts,
  formProblems,
  inPlainWords,
  list,
  Parsed,
  parseDate,
  partsOfDate,
  text,
  textOrNull,
} from '../../form-values';
import { formatDate } from '../../nunjucks-setup';
import { callerOf, mayDo, page, requireSignIn } from '../../web-request';
import { takeFlash } from '../alerts/flash';
import { lazily, problemsOn, questionPage, toSend } from '../question-page';
import { AGE_OUTCOME, AGENCY, itemsOf, LABELS, SAFEGUARDS } from '../children/labels';
import type { JourneyDependencies } from '..';
import { fullName } from '../names';

type Child = AgeDisputeQuery['child'];
type Assessment = Child['ageAssessments'][number];
type Safeguard = keyof typeof SAFEGUARDS;

const UNRESOLVED = ['RAISED', 'IN_PROGRESS', 'CHALLENGED'];

/** The API's field names on these forms, to the inputs' ids (error summaries link to them). */
const FIELDS: Record<string, string> = {
  raisedBy: 'raisedBy',
  raisedOn: 'raisedOn-day',
  reason: 'reason',
  startedOn: 'startedOn-day',
  safeguards: 'safeguards',
  outcome: 'outcome',
  assessedDateOfBirth: 'assessedDateOfBirth-day',
  completedOn: 'completedOn-day',
  challengedOn: 'challengedOn-day',
  notes: 'notes',
  courtOutcome: 'courtOutcome',
  courtAssessedDateOfBirth: 'courtAssessedDateOfBirth-day',
  finalisedOn: 'finalisedOn-day',
};

/** What the API's fields are called on the pages, for its messages. */
const FIELD_LABELS: Record<string, string> = {
  raisedOn: 'The date the dispute was raised',
  reason: 'The reason',
  startedOn: 'The date the assessment started',
  completedOn: 'The date the assessment was completed',
  assessedDateOfBirth: 'The assessed date of birth',
  challengedOn: 'The date the judicial review was brought',
  notes: 'The notes',
  finalisedOn: 'The date it became final',
  courtAssessedDateOfBirth: 'The date of birth the court decided',
};

const OUTCOME_CODE = /\b(CLAIMED_AGE_ACCEPTED|ASSESSED_YOUNGER|ASSESSED_OLDER_STILL_CHILD|ASSESSED_ADULT)\b/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/** The API's refusal in the page's words: fields by their labels, outcomes by theirs, dates as GOV.UK writes them. */
function inTheseWords(refusal: Refusal): Refusal {
  const plain = inPlainWords(refusal, FIELD_LABELS);
  const words = (message: string) =>
    message
      .replace(OUTCOME_CODE, (code) => `“${AGE_OUTCOME[code as AgeAssessmentOutcome]}”`)
      .replace(ISO_DATE, (date) => formatDate(date));
  return {
    ...plain,
    message: words(plain.message),
    fields: plain.fields.map((field) => ({ ...field, message: words(field.message) })),
  };
}

/** A date that must be given. */
function requiredDate(parts: DateParts, label: string, missing: string): Parsed<string> {
  const parsed = parseDate(parts, label);
  if (!parsed.ok) return parsed;
  return parsed.value === null ? { ok: false, message: missing } : { ok: true, value: parsed.value };
}

const today = () => partsOfDate(londonDate(new Date()));

/** The dispute's history, oldest first: each step the assessment went through, as recorded. */
export function historyOf(assessment: Assessment): { on: string; what: string; detail: string }[] {
  const steps: { on: string; what: string; detail: string }[] = [];
  steps.push({
    on: assessment.raisedOn,
    what: `Dispute raised (${AGENCY[assessment.raisedBy]})`,
    detail: [
      assessment.claimedDateOfBirth
        ? `Claimed date of birth ${formatDate(assessment.claimedDateOfBirth)}`
        : '',
      assessment.reason ?? '',
    ]
      .filter(Boolean)
      .join('. '),
  });
  if (assessment.startedOn) {
    steps.push({ on: assessment.startedOn, what: 'Assessment started', detail: '' });
  }
  // the local authority's own outcome: the API keeps it when a court's determination replaces it
  const localOutcome = assessment.localAuthorityOutcome;
  const localDate = assessment.localAuthorityAssessedDateOfBirth;
  if (assessment.completedOn) {
    steps.push({
      on: assessment.completedOn,
      what: 'Assessment completed',
      detail: [
        localOutcome ? AGE_OUTCOME[localOutcome] : '',
        localDate ? `assessed date of birth ${formatDate(localDate)}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    });
  }
  if (assessment.challengedOn) {
    steps.push({
      on: assessment.challengedOn,
      what: 'Judicial review brought',
      detail: assessment.challengeNotes ?? '',
    });
  }
  if (assessment.finalisedOn) {
    const byCourt = assessment.determinedBy === 'COURT';
    steps.push({
      on: assessment.finalisedOn,
      what: byCourt ? 'Final: decided by the court' : 'Final',
      detail: [
        assessment.outcome ? AGE_OUTCOME[assessment.outcome] : '',
        assessment.assessedDateOfBirth ? `date of birth ${formatDate(assessment.assessedDateOfBirth)}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    });
  }
  return steps;
}

/**
 * Journey 7 (web-app.md): age disputes. Raise one, start the assessment, record its outcome with the
 * Merton safeguards as a checklist (an adult outcome only once every one is recorded), record a
 * judicial review, make it final; each dispute's page shows its history.
 */
export function ageRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const mayRecord = (res: Response) => mayDo(res, Permission.RECORD_AGE_ASSESSMENT);

  /** Forms are for those who may record an assessment; others are told so (the API would refuse them). */
  const recorderOnly = (res: Response) => {
    if (!mayRecord(res)) {
      throw new RefusedError({
        code: 'FORBIDDEN',
        message: 'Only the child’s social workers record age assessments.',
        fields: [],
      });
    }
  };

  const readChild = async (req: Request, res: Response): Promise<Child> =>
    (await graphql.read(callerOf(req, res), AgeDisputeDocument, { id: String(req.params.id) })).child;

  /** The child and the assessment the address names (NOT_FOUND when it is not theirs). */
  const readAssessment = async (req: Request, res: Response) => {
    const child = await readChild(req, res);
    const assessment = child.ageAssessments.find((candidate) => candidate.id === req.params.assessmentId);
    if (!assessment) {
      throw new RefusedError({ code: 'NOT_FOUND', message: 'There is no such age assessment', fields: [] });
    }
    return { child, assessment, name: fullName(child) };
  };

  const disputeUrl = (childId: string, assessmentId: string) => `/children/${childId}/age/${assessmentId}`;

  /** Each form is for recorders; an API refusal is shown in the page's words; saved, the dispute's page says so. */
  const assessmentStep = {
    fields: FIELDS,
    guard: recorderOnly,
    words: inTheseWords,
    saved: (req: Request, assessmentId: string, message: string) => ({
      redirect: disputeUrl(String(req.params.id), assessmentId),
      flash: message,
    }),
  };

  // raise a dispute

  questionPage(router, {
    ...assessmentStep,
    path: '/children/:id/age/new',
    view: 'age/raise.njk',
    load: (req, res) => ({ child: lazily(() => readChild(req, res)) }),
    show: async (found) => {
      const child = await found.child();
      return {
        child,
        name: fullName(child),
        openDispute: child.ageAssessments.find((assessment) => UNRESOLVED.includes(assessment.status)),
        agencyItems: itemsOf(AGENCY),
      };
    },
    blank: () => ({ raisedBy: '', raisedOn: today(), reason: '' }),
    read: (body) => ({
      raisedBy: text(body.raisedBy),
      raisedOn: dateParts(body.raisedOn),
      reason: text(body.reason),
    }),
    check: (form) => {
      const raisedOn = requiredDate(
        form.raisedOn,
        'The date the dispute was raised',
        'Enter the date the dispute was raised',
      );
      const problems = formProblems({
        raisedBy: form.raisedBy
          ? { ok: true, value: form.raisedBy }
          : { ok: false, message: 'Select who disputes the age' },
        raisedOn,
      });
      if (problems || !raisedOn.ok) return problemsOn(problems!);
      return toSend({
        raisedBy: form.raisedBy as Agency,
        raisedOn: raisedOn.value,
        reason: textOrNull(form.reason),
      });
    },
    save: (input, _found, req, res) =>
      graphql.run(callerOf(req, res), RaiseAgeDisputeDocument, {
        input: { childId: String(req.params.id), ...input },
      }),
    done: (data, _found, _form, req) =>
      assessmentStep.saved(
        req,
        data.raiseAgeDispute.id,
        'Age dispute raised. Until it is resolved, they are treated as a child.',
      ),
  });

  // the dispute's page

  router.get(
    '/children/:id/age/:assessmentId',
    requireSignIn,
    page(async (req, res) => {
      const found = await readAssessment(req, res);
      const { assessment } = found;
      const can = mayRecord(res);
      const base = disputeUrl(found.child.id, assessment.id);
      const actions = !can
        ? []
        : {
            RAISED: [
              { href: `${base}/start`, text: 'Start the assessment' },
              { href: `${base}/outcome`, text: 'Record the outcome' },
            ],
            IN_PROGRESS: [{ href: `${base}/outcome`, text: 'Record the outcome' }],
            COMPLETED: [
              { href: `${base}/challenge`, text: 'Record a judicial review' },
              { href: `${base}/finalise`, text: 'Make the outcome final' },
            ],
            CHALLENGED: [{ href: `${base}/finalise`, text: 'Record the court’s decision' }],
            FINAL: [],
          }[assessment.status];
      res.render('age/dispute.njk', {
        ...found,
        labels: LABELS,
        safeguards: SAFEGUARDS,
        required: requiredSafeguards(found.child.interpreterNeeded),
        history: historyOf(assessment),
        actions,
        banner: takeFlash(req),
      });
    }),
  );

  // start the assessment

  questionPage(router, {
    ...assessmentStep,
    path: '/children/:id/age/:assessmentId/start',
    view: 'age/start.njk',
    load: readAssessment,
    blank: () => ({ startedOn: today() }),
    read: (body) => ({ startedOn: dateParts(body.startedOn) }),
    check: (form) => {
      const startedOn = requiredDate(
        form.startedOn,
        'The date the assessment started',
        'Enter the date the assessment started',
      );
      if (!startedOn.ok) return problemsOn(formProblems({ startedOn })!);
      return toSend({ startedOn: startedOn.value });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), StartAgeAssessmentDocument, {
        input: { assessmentId: found.assessment.id, ...input },
      }),
    done: (data, _found, _form, req) =>
      assessmentStep.saved(req, data.startAgeAssessment.id, 'Assessment started.'),
  });

  // record the outcome, with the safeguards

  questionPage(router, {
    ...assessmentStep,
    path: '/children/:id/age/:assessmentId/outcome',
    view: 'age/outcome.njk',
    load: readAssessment,
    show: (found) => ({
      ...found,
      safeguardItems: requiredSafeguards(found.child.interpreterNeeded).map((value) => ({
        value,
        text: SAFEGUARDS[value],
      })),
      outcomeItems: itemsOf(AGE_OUTCOME),
    }),
    blank: () => ({
      safeguards: [] as string[],
      outcome: '',
      assessedDateOfBirth: { day: '', month: '', year: '' },
      completedOn: today(),
    }),
    read: (body) => ({
      safeguards: list(body.safeguards),
      outcome: text(body.outcome),
      assessedDateOfBirth: dateParts(body.assessedDateOfBirth),
      completedOn: dateParts(body.completedOn),
    }),
    check: (form, found) => {
      const required = requiredSafeguards(found.child.interpreterNeeded);
      const unticked = required.filter((safeguard) => !form.safeguards.includes(safeguard));
      const assessedDateOfBirth = parseDate(form.assessedDateOfBirth, 'The assessed date of birth');
      const completedOn = requiredDate(
        form.completedOn,
        'The date the assessment was completed',
        'Enter the date the assessment was completed',
      );
      const problems = formProblems({
        // the page's own check of the rule the API enforces (domain.md): no adult outcome without every safeguard
        safeguards:
          form.outcome === 'ASSESSED_ADULT' && unticked.length > 0
            ? {
                ok: false,
                message: `An adult outcome needs every safeguard recorded as met. Not recorded: ${unticked
                  .map((safeguard) => SAFEGUARDS[safeguard].toLowerCase())
                  .join('; ')}`,
              }
            : { ok: true, value: null },
        outcome: form.outcome
          ? { ok: true, value: form.outcome }
          : { ok: false, message: 'Select the outcome' },
        assessedDateOfBirth,
        completedOn,
      });
      if (problems || !completedOn.ok || !assessedDateOfBirth.ok) return problemsOn(problems!);
      const ticked = (safeguard: Safeguard) => form.safeguards.includes(safeguard);
      return toSend({
        outcome: form.outcome as AgeAssessmentOutcome,
        assessedDateOfBirth: assessedDateOfBirth.value,
        completedOn: completedOn.value,
        safeguards: {
          twoAssessors: ticked('twoAssessors'),
          appropriateAdult: ticked('appropriateAdult'),
          interpreterUsed: found.child.interpreterNeeded ? ticked('interpreterUsed') : null,
          adversePointsPut: ticked('adversePointsPut'),
          writtenReasons: ticked('writtenReasons'),
        },
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), RecordAgeAssessmentOutcomeDocument, {
        input: { assessmentId: found.assessment.id, ...input },
      }),
    done: (data, _found, _form, req) =>
      assessmentStep.saved(req, data.recordAgeAssessmentOutcome.id, 'Outcome recorded.'),
  });

  // a judicial review

  questionPage(router, {
    ...assessmentStep,
    path: '/children/:id/age/:assessmentId/challenge',
    view: 'age/challenge.njk',
    load: readAssessment,
    blank: () => ({ challengedOn: today(), notes: '' }),
    read: (body) => ({ challengedOn: dateParts(body.challengedOn), notes: text(body.notes) }),
    check: (form) => {
      const challengedOn = requiredDate(
        form.challengedOn,
        'The date the judicial review was brought',
        'Enter the date the judicial review was brought',
      );
      if (!challengedOn.ok) return problemsOn(formProblems({ challengedOn })!);
      return toSend({ challengedOn: challengedOn.value, notes: textOrNull(form.notes) });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), ChallengeAgeAssessmentDocument, {
        input: { assessmentId: found.assessment.id, ...input },
      }),
    done: (data, _found, _form, req) =>
      assessmentStep.saved(
        req,
        data.challengeAgeAssessment.id,
        'Judicial review recorded. Until the court decides, they are treated as a child.',
      ),
  });

  // make it final (after a judicial review, with the court's decision)

  questionPage(router, {
    ...assessmentStep,
    path: '/children/:id/age/:assessmentId/finalise',
    view: 'age/finalise.njk',
    load: readAssessment,
    show: (found) => ({
      ...found,
      labels: LABELS,
      courtItems: [{ value: 'UPHELD', text: 'The court upheld the assessment' }, ...itemsOf(AGE_OUTCOME)],
    }),
    blank: () => ({
      finalisedOn: today(),
      courtOutcome: '',
      courtAssessedDateOfBirth: { day: '', month: '', year: '' },
    }),
    read: (body) => ({
      finalisedOn: dateParts(body.finalisedOn),
      courtOutcome: text(body.courtOutcome),
      courtAssessedDateOfBirth: dateParts(body.courtAssessedDateOfBirth),
    }),
    check: (form, found) => {
      const byCourt = found.assessment.status === 'CHALLENGED';
      const finalisedOn = requiredDate(
        form.finalisedOn,
        'The date it became final',
        'Enter the date the outcome became final',
      );
      const courtDate = parseDate(form.courtAssessedDateOfBirth, 'The date of birth the court decided');
      const problems = formProblems({
        courtOutcome:
          byCourt && !form.courtOutcome
            ? { ok: false, message: 'Select what the court decided' }
            : { ok: true, value: null },
        courtAssessedDateOfBirth: courtDate,
        finalisedOn,
      });
      if (problems || !finalisedOn.ok || !courtDate.ok) return problemsOn(problems!);
      const courtOutcome =
        byCourt && form.courtOutcome !== 'UPHELD' ? (form.courtOutcome as AgeAssessmentOutcome) : null;
      return toSend({
        finalisedOn: finalisedOn.value,
        courtOutcome,
        courtAssessedDateOfBirth: courtOutcome ? courtDate.value : null,
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), FinaliseAgeAssessmentDocument, {
        input: { assessmentId: found.assessment.id, ...input },
      }),
    done: (data, _found, _form, req) =>
      assessmentStep.saved(req, data.finaliseAgeAssessment.id, 'The outcome is final.'),
  });

  return router;
}
