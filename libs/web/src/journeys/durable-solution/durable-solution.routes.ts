import { Router } from 'express';
import type { Request, Response } from 'express';
import { Permission } from '@haven/platform';
import {
  ChildDurableSolutionsDocument,
  ChildDurableSolutionsQuery,
  DurableSolutionOption,
  DurableSolutionStatus,
  RecordDurableSolutionDocument,
} from '../../graphql/generated';
import { Refusal } from '../../graphql/web-graphql';
import {
  dateParts,
  DateParts,
  inPlainWords,
  list,
  parseDate,
  partsOfDate,
  text,
  textOrNull,
} from '../../form-values';
import { callerOf, errorSummary, mayDo, page, requirePermission, requireSignIn } from '../../web-request';
import { takeFlash } from '../alerts/flash';
import { lazily, problemsOn, questionPage, toSend } from '../question-page';
import { DURABLE_SOLUTION, DURABLE_SOLUTION_STATUS, itemsOf, LABELS } from '../children/labels';
import type { JourneyDependencies } from '..';
import { fullName } from '../names';

type Child = ChildDurableSolutionsQuery['child'];
type Solution = Child['durableSolutions'][number];

/** The plan: the latest record of each option considered, newest first (the history keeps the rest). */
export function planOf(records: Solution[]): Solution[] {
  const latest = new Map<DurableSolutionOption, Solution>();
  for (const record of records) if (!latest.has(record.option)) latest.set(record.option, record);
  return [...latest.values()];
}

/** The API's field names on the form, to the inputs' ids. */
const FIELDS: Record<string, string> = {
  option: 'option',
  status: 'status',
  assessedOn: 'assessedOn-day',
  securedOn: 'securedOn-day',
  basis: 'basis',
  riskAssessmentCompleted: 'assessments',
  bestInterestsAssessmentCompleted: 'assessments',
};
const NAMES: Record<string, string> = {
  assessedOn: 'The date of the assessment',
  securedOn: 'The date it was secured',
  basis: 'The basis',
};

interface SolutionForm {
  option: string;
  status: string;
  assessedOn: DateParts;
  securedOn: DateParts;
  basis: string;
  assessments: string[];
}

const blankForm = (option = ''): SolutionForm => ({
  option,
  status: '',
  assessedOn: partsOfDate(null),
  securedOn: partsOfDate(null),
  basis: '',
  assessments: [],
});

/** The form for a change to an option already in the plan starts from its latest record. */
function formFrom(record: Solution): SolutionForm {
  return {
    option: record.option,
    status: record.status,
    assessedOn: partsOfDate(record.assessedOn),
    securedOn: partsOfDate(record.securedOn),
    basis: record.basis ?? '',
    assessments: [
      ...(record.riskAssessmentCompleted ? ['risk'] : []),
      ...(record.bestInterestsAssessmentCompleted ? ['bestInterests'] : []),
    ],
  };
}

/**
 * A refusal on the form: the API's one CONFLICT here is the rule that a return to the country of origin
 * is never secured without both assessments, so it is shown on the assessments' checkboxes.
 */
function problemsOf(refusal: Refusal) {
  if (refusal.code === 'CONFLICT') {
    return {
      errorList: [{ text: refusal.message, href: '#assessments' }],
      errors: { assessments: { text: refusal.message } },
    };
  }
  return errorSummary(inPlainWords(refusal, NAMES), FIELDS);
}

/**
 * Journey 11 (web-app.md), the durable-solution half: the plan (the latest record of each option) and
 * its history at `/children/{id}/durable-solution`, and recording an option or a change to one. A
 * return to the country of origin cannot be secured without both assessments: the form says so before
 * it is sent, and shows the API's refusal if it is.
 */
export function durableSolutionRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const may = (res: Response) => mayDo(res, Permission.RECORD_DURABLE_SOLUTION);
  const readChild = async (req: Request, res: Response) =>
    (await graphql.read(callerOf(req, res), ChildDurableSolutionsDocument, { id: String(req.params.id) }))
      .child;

  router.get(
    '/children/:id/durable-solution',
    requireSignIn,
    page(async (req, res) => {
      const child = await readChild(req, res);
      res.render('durable-solution/durable-solution.njk', {
        child,
        name: fullName(child),
        labels: LABELS,
        plan: planOf(child.durableSolutions),
        canRecord: may(res),
        banner: takeFlash(req),
      });
    }),
  );

  const mayRecord = (res: Response) => {
    requirePermission(res, Permission.RECORD_DURABLE_SOLUTION, 'Your role may not record durable solutions');
  };

  questionPage(router, {
    path: '/children/:id/durable-solution/new',
    view: 'durable-solution/record.njk',
    fields: FIELDS,
    guard: mayRecord,
    load: (req, res) => ({ childId: String(req.params.id), child: lazily(() => readChild(req, res)) }),
    show: async (found) => {
      const child = await found.child();
      return {
        child,
        name: fullName(child),
        optionItems: itemsOf(DURABLE_SOLUTION),
        statusItems: itemsOf(DURABLE_SOLUTION_STATUS),
      };
    },
    blank: async (found, req) => {
      const option = text(req.query.option);
      const latest = planOf((await found.child()).durableSolutions).find(
        (record) => record.option === option,
      );
      return latest ? formFrom(latest) : blankForm(option in DURABLE_SOLUTION ? option : '');
    },
    read: (body): SolutionForm => ({
      option: text(body.option),
      status: text(body.status),
      assessedOn: dateParts(body.assessedOn),
      securedOn: dateParts(body.securedOn),
      basis: text(body.basis),
      assessments: list(body.assessments),
    }),
    check: (form) => {
      const assessedOn = parseDate(form.assessedOn, 'The date of the assessment');
      const securedOn = parseDate(form.securedOn, 'The date it was secured');
      const problems = [
        form.option ? null : { field: 'option', message: 'Select the option' },
        form.status ? null : { field: 'status', message: 'Select where it stands' },
        assessedOn.ok ? null : { field: 'assessedOn', message: assessedOn.message },
        securedOn.ok ? null : { field: 'securedOn', message: securedOn.message },
      ].filter((problem) => problem !== null);
      if (problems.length > 0 || !assessedOn.ok || !securedOn.ok) {
        return problemsOn({ code: 'BAD_USER_INPUT', message: 'Check the form', fields: problems });
      }
      return toSend({
        option: form.option as DurableSolutionOption,
        status: form.status as DurableSolutionStatus,
        assessedOn: assessedOn.value,
        securedOn: securedOn.value,
        basis: textOrNull(form.basis),
        riskAssessmentCompleted: form.assessments.includes('risk'),
        bestInterestsAssessmentCompleted: form.assessments.includes('bestInterests'),
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), RecordDurableSolutionDocument, {
        input: { childId: found.childId, ...input },
      }),
    refused: problemsOf,
    done: (_data, found, form) => {
      const option = DURABLE_SOLUTION[form.option as DurableSolutionOption];
      const status = DURABLE_SOLUTION_STATUS[form.status as DurableSolutionStatus].toLowerCase();
      return {
        redirect: `/children/${found.childId}/durable-solution`,
        flash: `${option} recorded as ${status}.`,
      };
    },
  });

  return router;
}
