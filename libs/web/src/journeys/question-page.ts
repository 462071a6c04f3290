import type { Request, Response, Router } from 'express';
import { Outcome, Refusal } from '../graphql/web-graphql';
import { shownOnTheForm } from '../form-values';
import { errorSummary, ErrorSummary, page, requireSignIn } from '../web-request';
import { flash } from './alerts/flash';

/** The checked form: what to send, or the boxes' problems to show before anything is sent. */
export type Checked<Input> = { input: Input } | { problems: Refusal };

/** The boxes' problems: nothing is sent. */
export const problemsOn = (problems: Refusal): Checked<never> => ({ problems });

/** The checked input, to send (its type is what `save` is given). */
export const toSend = <Input>(input: Input): Checked<Input> => ({ input });

/** Where a saved form goes next, and the message the next page shows (if any). */
export interface Done {
  redirect: string;
  flash?: string;
}

/**
 * One question page (web-app.md): GET shows the form, blank or from the record; POST reads the
 * form, checks its boxes (problems are shown on the form with GOV.UK's error summary), runs the
 * mutation, and either shows its refusal (BAD_USER_INPUT, CONFLICT) on the form or goes on, with a
 * message for the next page. Types flow from one step to the next: what `load` finds is what the
 * others are given, what `check` returns as `input` is what `save` sends, what `save` answers is
 * what `done` is given.
 */
export interface QuestionPage<Found, Form, Input, Data> {
  /** The page's address (both GET and POST), e.g. `/children/:id/age/:assessmentId/start`. */
  path: string;
  /** The Nunjucks view. */
  view: string;
  /** The API's field names to the inputs' ids, for the error summary's links. */
  fields: Record<string, string>;
  /** Throws when the practitioner may not use the form (before anything is read). */
  guard?: (res: Response) => void;
  /** What the page is about (the child, the record the address names), read on every request. */
  load: (req: Request, res: Response) => Found | Promise<Found>;
  /** What the view is given besides the form, read only when the page is shown (default: what was found). */
  show?: (found: Found, form: Form) => object | Promise<object>;
  /** The form as first shown. */
  blank: (found: Found, req: Request) => Form | Promise<Form>;
  /** The form as posted. */
  read: (body: Record<string, unknown>, found: Found) => Form;
  /** The input to send, or the boxes' problems. */
  check: (form: Form, found: Found) => Checked<Input>;
  /** Runs the mutation. */
  save: (input: Input, found: Found, req: Request, res: Response) => Promise<Outcome<Data>>;
  /** The API's refusal in the page's words (by default as the API words it). */
  words?: (refusal: Refusal) => Refusal;
  /** How the page shows a refusal (by default GOV.UK's error summary, linking to `fields`). */
  refused?: (refusal: Refusal) => ErrorSummary;
  /** Where to go once saved, and what to tell the practitioner there. */
  done: (data: Data, found: Found, form: Form, req: Request) => Done | Promise<Done>;
}

/**
 * A read made at most once, and only if asked for: for pages that read the child only to show the
 * form (every read of a child's record is audited, so a saved form does not read it for nothing).
 */
export function lazily<T>(read: () => Promise<T>): () => Promise<T> {
  let reading: Promise<T> | undefined;
  return () => (reading ??= read());
}

/** Adds a question page's GET and POST routes (both behind sign-in) to the router. */
export function questionPage<Found, Form, Input, Data>(
  router: Router,
  step: QuestionPage<Found, Form, Input, Data>,
): void {
  const render = async (res: Response, found: Found, form: Form, extra: object = {}) =>
    res.render(step.view, {
      ...(step.show ? await step.show(found, form) : found),
      form,
      ...extra,
    });

  router.get(
    step.path,
    requireSignIn,
    page(async (req, res) => {
      step.guard?.(res);
      const found = await step.load(req, res);
      await render(res, found, await step.blank(found, req));
    }),
  );

  router.post(
    step.path,
    requireSignIn,
    page(async (req, res) => {
      step.guard?.(res);
      const found = await step.load(req, res);
      const form = step.read(req.body as Record<string, unknown>, found);
      const checked = step.check(form, found);
      if ('problems' in checked) {
        return render(res, found, form, errorSummary(checked.problems, step.fields));
      }
      const outcome = shownOnTheForm(await step.save(checked.input, found, req, res));
      if (!outcome.ok) {
        const refusal = step.words ? step.words(outcome.refusal) : outcome.refusal;
        const summary = step.refused ? step.refused(refusal) : errorSummary(refusal, step.fields);
        return render(res, found, form, summary);
      }
      const next = await step.done(outcome.data, found, form, req);
      if (next.flash !== undefined) flash(req, next.flash);
      res.redirect(303, next.redirect);
    }),
  );
}
