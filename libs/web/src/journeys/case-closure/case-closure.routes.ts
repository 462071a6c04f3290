import { Router } from 'express';
import type { Request, Response } from 'express';
import { londonDate, Permission } from '@haven/platform';
import {
  CaseClosureFormDocument,
  CaseClosureFormQuery,
  CaseClosureReason,
  CloseCaseDocument,
  ReopenCaseDocument,
} from '../../graphql/generated';
import { Refusal } from '../../graphql/web-graphql';
import {
  dateParts,
  DateParts,
  inPlainWords,
  parseDate,
  partsOfDate,
  shownOnTheForm,
  text,
} from '../../form-values';
import { callerOf, errorSummary, page, requirePermission, requireSignIn } from '../../web-request';
import type { JourneyDependencies } from '..';
import { flash } from '../alerts/flash';
import { CLOSURE_REASON } from '../children/labels';
import { fullName } from '../names';

/** What the closing form holds: the reason, and the date as its three boxes. */
interface CloseForm {
  reason: string;
  closedOn: DateParts;
}

/** The API's fields on the closing form, to the inputs' ids. */
const CLOSE_FIELDS: Record<string, string> = { reason: 'reason', closedOn: 'closedOn-day' };
const CLOSE_LABELS: Record<string, string> = { reason: 'The reason', closedOn: 'The closing date' };

/** What each reason needs (domain.md), said before it is chosen rather than after it is refused. */
const REASON_HINTS: Partial<Record<CaseClosureReason, string>> = {
  TURNED_18_TO_LEAVING_CARE: 'Only once they are 18 by their effective date of birth, on the closing date.',
  AGE_ASSESSED_ADULT:
    'Only when a completed age assessment found them an adult and no dispute or challenge is open.',
};

const REASONS = Object.keys(CLOSURE_REASON) as CaseClosureReason[];

/** The API's refusal with its reason codes in the form's words ("...closed as “Turned 18, leaving care”"). */
function inFormWords(refusal: Refusal): Refusal {
  let message = refusal.message;
  for (const reason of REASONS) message = message.replaceAll(reason, `“${CLOSURE_REASON[reason]}”`);
  return inPlainWords({ ...refusal, message }, CLOSE_LABELS);
}

/** A CONFLICT (a rule of domain.md, or a stale version) as the form's error summary, pointing at the reason. */
function problemsOf(refusal: Refusal, conflictField: string) {
  if (refusal.code === 'CONFLICT') {
    return {
      errorList: [{ text: refusal.message, href: `#${conflictField}` }],
      errors: { [conflictField]: { text: refusal.message } },
    };
  }
  return errorSummary(refusal, CLOSE_FIELDS);
}

/**
 * Closing and reopening a case (team managers, web-app.md's team manager row): a question page, a
 * confirmation step, then the mutation; the API's rules (closing as an adult or at 18) come back as
 * CONFLICT and are shown on the form in its words. Nothing is deleted by closing.
 */
export function caseClosureRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  /** Only team managers close and reopen cases: anyone else is refused before anything is read. */
  const mayClose = (res: Response) => {
    requirePermission(res, Permission.CLOSE_CASE, 'Only team managers close and reopen cases.');
  };

  const readChild = async (req: Request, res: Response) =>
    (await graphql.read(callerOf(req, res), CaseClosureFormDocument, { id: String(req.params.id) })).child;

  const closePage = (
    res: Response,
    child: CaseClosureFormQuery['child'],
    form: CloseForm,
    extra: object = {},
  ) =>
    res.render('case-closure/close.njk', {
      child,
      name: fullName(child),
      form,
      reasonItems: REASONS.map((value) => ({
        value,
        text: CLOSURE_REASON[value],
        hint: REASON_HINTS[value] ? { text: REASON_HINTS[value] } : undefined,
      })),
      ...extra,
    });

  router.get(
    '/children/:id/close',
    requireSignIn,
    page(async (req, res) => {
      mayClose(res);
      const child = await readChild(req, res);
      if (child.status === 'CLOSED') return res.redirect(303, `/children/${child.id}/reopen`);
      const reason = text(req.query.reason);
      const closedOn = text(req.query.closedOn);
      closePage(res, child, {
        reason: REASONS.includes(reason as CaseClosureReason) ? reason : '',
        closedOn: partsOfDate(/^\d{4}-\d{2}-\d{2}$/.test(closedOn) ? closedOn : londonDate(new Date())),
      });
    }),
  );

  /** The answers checked: the confirmation step, or the form again with what is missing. */
  router.post(
    '/children/:id/close',
    requireSignIn,
    page(async (req, res) => {
      mayClose(res);
      const child = await readChild(req, res);
      const body = req.body as Record<string, unknown>;
      const form: CloseForm = { reason: text(body.reason), closedOn: dateParts(body.closedOn) };
      const closedOn = parseDate(form.closedOn, 'The closing date');
      const fields: Refusal['fields'] = [];
      if (!REASONS.includes(form.reason as CaseClosureReason))
        fields.push({ field: 'reason', message: 'Select why the case is closing' });
      if (!closedOn.ok) fields.push({ field: 'closedOn', message: closedOn.message });
      else if (closedOn.value === null)
        fields.push({ field: 'closedOn', message: 'Enter the date the case closes' });
      if (fields.length || !closedOn.ok || !closedOn.value) {
        const refusal: Refusal = { code: 'BAD_USER_INPUT', message: 'Check the form', fields };
        res.status(400);
        return closePage(res, child, form, errorSummary(refusal, CLOSE_FIELDS));
      }
      res.render('case-closure/confirm-close.njk', {
        child,
        name: fullName(child),
        reason: form.reason,
        reasonText: CLOSURE_REASON[form.reason as CaseClosureReason],
        closedOn: closedOn.value,
        changeHref: `/children/${child.id}/close?${new URLSearchParams({ reason: form.reason, closedOn: closedOn.value }).toString()}`,
      });
    }),
  );

  router.post(
    '/children/:id/close/confirm',
    requireSignIn,
    page(async (req, res) => {
      mayClose(res);
      const body = req.body as Record<string, unknown>;
      const id = String(req.params.id);
      const reason = text(body.reason) as CaseClosureReason;
      const closedOn = text(body.closedOn);
      const expectedVersion = Number(body.expectedVersion);
      if (
        !REASONS.includes(reason) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(closedOn) ||
        !Number.isInteger(expectedVersion)
      )
        return res.redirect(303, `/children/${id}/close`);
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), CloseCaseDocument, {
          input: { childId: id, reason, closedOn, expectedVersion },
        }),
      );
      if (!outcome.ok) {
        // the form again, read afresh (a stale version is then current), with the API's reason
        const child = await readChild(req, res);
        res.status(409);
        return closePage(
          res,
          child,
          { reason, closedOn: partsOfDate(closedOn) },
          problemsOf(inFormWords(outcome.refusal), 'reason'),
        );
      }
      flash(req, 'The case is closed. Nothing was deleted; it can be reopened.');
      req.session.save(() => res.redirect(303, `/children/${id}`));
    }),
  );

  const reopenPage = (res: Response, child: CaseClosureFormQuery['child'], extra: object = {}) =>
    res.render('case-closure/reopen.njk', {
      child,
      name: fullName(child),
      reasonText: child.closureReason ? CLOSURE_REASON[child.closureReason] : undefined,
      ...extra,
    });

  router.get(
    '/children/:id/reopen',
    requireSignIn,
    page(async (req, res) => {
      mayClose(res);
      const child = await readChild(req, res);
      if (child.status === 'OPEN') return res.redirect(303, `/children/${child.id}`);
      reopenPage(res, child);
    }),
  );

  router.post(
    '/children/:id/reopen',
    requireSignIn,
    page(async (req, res) => {
      mayClose(res);
      const id = String(req.params.id);
      const expectedVersion = Number((req.body as Record<string, unknown>).expectedVersion);
      if (!Number.isInteger(expectedVersion)) return res.redirect(303, `/children/${id}/reopen`);
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), ReopenCaseDocument, {
          input: { childId: id, expectedVersion },
        }),
      );
      if (!outcome.ok) {
        const child = await readChild(req, res);
        res.status(409);
        return reopenPage(res, child, problemsOf(inFormWords(outcome.refusal), 'reopen'));
      }
      flash(req, 'The case is reopened.');
      req.session.save(() => res.redirect(303, `/children/${id}`));
    }),
  );

  return router;
}
