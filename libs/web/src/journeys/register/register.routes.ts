import { Router } from 'express';
import type { Request, Response } from 'express';
import { COUNTRIES } from '../../countries';
import { inPlainWords, shownOnTheForm } from '../../form-values';
import { ChildForEditDocument, RegisterChildDocument, UpdateChildDocument } from '../../graphql/generated';
import { callerOf, errorSummary, page, requireSignIn } from '../../web-request';
import type { JourneyDependencies } from '..';
import {
  ARRIVAL_ROUTES,
  blankFieldsSaid,
  CATEGORIES,
  changedFields,
  childFieldIds,
  ChildForm,
  childFormFromBody,
  childFormFromRecord,
  childValues,
  ChildValues,
  displayValue,
  emptyChildForm,
  EXPLOITATION_TYPES,
  GENDERS,
  IMMIGRATION_STATUSES,
  LABELS,
  LEGAL_STATUSES,
  NATIONALITY_BASES,
} from './child-form';
import { fullName } from '../names';

/** The choices the child's form offers, the same on both pages. */
const CHOICES = {
  genders: GENDERS,
  countries: [{ value: '', text: 'Not known' }, ...COUNTRIES],
  nationalityBases: NATIONALITY_BASES,
  arrivalRoutes: [{ value: '', text: 'Not known' }, ...ARRIVAL_ROUTES],
  categories: CATEGORIES,
  exploitationTypes: EXPLOITATION_TYPES,
  legalStatuses: [{ value: '', text: 'Not recorded' }, ...LEGAL_STATUSES],
  immigrationStatuses: [{ value: '', text: 'Not recorded' }, ...IMMIGRATION_STATUSES],
};

/** "Add another" without JavaScript: the form comes back with one more empty alias. */
function addingAlias(req: Request, form: ChildForm): boolean {
  if ((req.body as Record<string, unknown>).action !== 'add-alias') return false;
  form.aliases.push({ name: '', source: '' });
  return true;
}

/** The form the page was loaded with, as its hidden field carries it. */
function baselineOf(value: unknown): ChildForm | null {
  if (typeof value !== 'string') return null;
  try {
    const form = { ...emptyChildForm(), ...(JSON.parse(value) as ChildForm) };
    return childValues(form).ok ? form : null;
  } catch {
    return null;
  }
}

/** Journey 6 (web-app.md): register a child, and update their record with the version it was read at. */
export function registerRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const registerPage = (res: Response, form: ChildForm, extra: object = {}) =>
    res.render('register/register.njk', { form, ...CHOICES, ...extra });

  router.get('/children/new', requireSignIn, (_req, res) => registerPage(res, emptyChildForm()));

  router.post(
    '/children/new',
    requireSignIn,
    page(async (req, res) => {
      const form = childFormFromBody(req.body as Record<string, unknown>);
      if (addingAlias(req, form)) return registerPage(res, form, { focus: form.aliases.length - 1 });
      const values = childValues(form);
      if (!values.ok) return registerPage(res, form, errorSummary(values.refusal, childFieldIds(form)));
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), RegisterChildDocument, { input: values.values }),
      );
      if (!outcome.ok) {
        return registerPage(
          res,
          form,
          errorSummary(blankFieldsSaid(inPlainWords(outcome.refusal, LABELS), form), childFieldIds(form)),
        );
      }
      res.redirect(303, `/children/${outcome.data.registerChild.id}`);
    }),
  );

  const readChild = async (req: Request, res: Response) =>
    (await graphql.read(callerOf(req, res), ChildForEditDocument, { id: String(req.params.id) })).child;

  const editPage = (
    res: Response,
    child: { id: string; version: number },
    form: ChildForm,
    baseline: ChildForm,
    extra: object = {},
  ) =>
    res.render('register/edit.njk', {
      child,
      name: fullName(baselineValues(baseline)),
      form,
      baseline: JSON.stringify(baseline),
      ...CHOICES,
      ...extra,
    });

  router.get(
    '/children/:id/edit',
    requireSignIn,
    page(async (req, res) => {
      const child = await readChild(req, res);
      const form = childFormFromRecord(child);
      editPage(res, child, form, form);
    }),
  );

  router.post(
    '/children/:id/edit',
    requireSignIn,
    page(async (req, res) => {
      const body = req.body as Record<string, unknown>;
      const id = String(req.params.id);
      const version = Number(body.expectedVersion);
      const baseline = baselineOf(body.baseline);
      // a form from elsewhere (or from before this page changed): start again from the record
      if (!baseline || !Number.isInteger(version)) return res.redirect(303, `/children/${id}/edit`);
      const child = { id, version };
      const form = childFormFromBody(body);
      if (addingAlias(req, form)) {
        return editPage(res, child, form, baseline, { focus: form.aliases.length - 1 });
      }
      const values = childValues(form);
      if (!values.ok) {
        return editPage(res, child, form, baseline, errorSummary(values.refusal, childFieldIds(form)));
      }
      const before = baselineValues(baseline);
      const yours = changedFields(before, values.values);
      // only what was changed is sent: a value nobody touched is never written back
      const changes = Object.fromEntries(yours.map((field) => [field, values.values[field]]));
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), UpdateChildDocument, {
          input: { id, expectedVersion: version, ...changes },
        }),
      );
      if (outcome.ok) return res.redirect(303, `/children/${id}`);
      if (outcome.refusal.code === 'CONFLICT') {
        const current = await readChild(req, res);
        if (current.version !== version) {
          const now = baselineValues(childFormFromRecord(current));
          return res.render('register/stale.njk', {
            child: current,
            name: fullName(now),
            theirs: changedFields(before, now).map((field) => ({
              key: { text: LABELS[field] },
              value: { text: displayValue(now, field) },
            })),
            yours: yours.map((field) => ({
              key: { text: LABELS[field] },
              value: { text: displayValue(values.values, field) },
            })),
          });
        }
      }
      editPage(
        res,
        child,
        form,
        baseline,
        errorSummary(blankFieldsSaid(inPlainWords(outcome.refusal, LABELS), form), childFieldIds(form)),
      );
    }),
  );

  return router;
}

/** The API's values of the form as it was loaded (a stored record's values are always readable). */
function baselineValues(form: ChildForm): ChildValues {
  const values = childValues(form);
  if (!values.ok) throw new TypeError('The form as loaded does not read back');
  return values.values;
}
