import { Router } from 'express';
import type { Request, Response } from 'express';
import { UNSAFE_FOR_CHILDREN } from '@haven/placements';
import { addYears, ageOn, londonDate, Permission } from '@haven/platform';
import {
  ChildPlacementsDocument,
  ChildPlacementsQuery,
  EndPlacementDocument,
  PlacementEndReason,
  PlacementType,
  StartPlacementDocument,
} from '../../graphql/generated';
import { Refusal, RefusedError } from '../../graphql/web-graphql';
import {
  dateTimeParts,
  DateTimeParts,
  formProblems,
  inPlainWords,
  list,
  parseDateTime,
  partsOfInstant,
  shownOnTheForm,
  text,
  textOrNull,
} from '../../form-values';
import { formatDateTime } from '../../nunjucks-setup';
import { callerOf, errorSummary, mayDo, page, requirePermission, requireSignIn } from '../../web-request';
import { flash, takeFlash } from '../alerts/flash';
import { problemsOn, questionPage, toSend } from '../question-page';
import {
  itemsOf,
  LABELS,
  PLACEMENT_END_REASON,
  PLACEMENT_TYPE,
  UNSAFE_PLACEMENT_REASON,
} from '../children/labels';
import type { JourneyDependencies } from '..';
import { fullName } from '../names';

type Child = ChildPlacementsQuery['child'];

/** The API's field names on these forms, to the inputs' ids. */
const FIELDS: Record<string, string> = {
  type: 'type',
  startedAt: 'startedAt-day',
  provider: 'provider',
  address: 'address',
  endedAt: 'endedAt-day',
  reason: 'reason',
  placementId: 'endedAt-day',
};

const FIELD_LABELS: Record<string, string> = {
  startedAt: 'The time the placement started',
  endedAt: 'The time the placement ended',
  provider: 'The provider',
  address: 'The address',
};

/** The yes/no details of a placement, as its checkboxes post them. */
const DETAILS = {
  outOfArea: 'Out of the authority’s area',
  specialist: 'A specialist placement for trafficked children',
  safetyPlan: 'A safety plan is in place',
};

export interface PlacementForm {
  type: string;
  startedAt: DateTimeParts;
  provider: string;
  address: string;
  details: string[];
}

const INSTANT = /\b\d{4}-\d{2}-\d{2}T[\d:.]+Z\b/g;

/** The API's refusal in the page's words: fields by their labels, instants in UK time. */
function inTheseWords(refusal: Refusal): Refusal {
  const plain = inPlainWords(refusal, FIELD_LABELS);
  const words = (message: string) => message.replace(INSTANT, (instant) => formatDateTime(instant));
  return {
    ...plain,
    message: words(plain.message),
    fields: plain.fields.map((field) => ({ ...field, message: words(field.message) })),
  };
}

/**
 * Why a placement of this type, starting then, would not be safe for the child, or null when it
 * would be: the type is unsafe for a child or a person whose age is disputed (domain.md), and they
 * are one. (The API decides what is recorded: it marks such a placement unsafe, never refuses it.)
 */
export function unsafeFor(
  child: Pick<Child, 'givenName' | 'ageDisputed' | 'effectiveDateOfBirth'>,
  type: string,
  startedAt: string,
): { type: string; person: string } | null {
  // the API's own list of types unsafe for a child decides; the label says why
  const typeReason = UNSAFE_PLACEMENT_REASON[type as PlacementType];
  if (!typeReason || !(UNSAFE_FOR_CHILDREN as ReadonlySet<string>).has(type)) return null;
  const on = londonDate(new Date(startedAt));
  const name = child.givenName;
  if (child.ageDisputed) {
    return {
      type: typeReason,
      person: `${name}’s age is disputed: until the dispute is resolved, they are treated as a child.`,
    };
  }
  if (!child.effectiveDateOfBirth) {
    return { type: typeReason, person: `${name}’s date of birth is not known: they are treated as a child.` };
  }
  if (addYears(child.effectiveDateOfBirth, 18) <= on) return null;
  return {
    type: typeReason,
    person: `${name} is ${ageOn(child.effectiveDateOfBirth, on)} on the day it starts.`,
  };
}

/**
 * Journey 8 (web-app.md): placements. The child's placements, start one (a type unsafe for the
 * child is warned about before it is saved, and saved if the worker confirms it: a placement is a
 * fact, recorded, never refused) and end the current one.
 */
export function placementsRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const recorderOnly = (res: Response) => {
    requirePermission(res, Permission.RECORD_PLACEMENT, 'Only the child’s social workers record placements.');
  };

  const readChild = async (req: Request, res: Response): Promise<Child> =>
    (
      await graphql.read(callerOf(req, res), ChildPlacementsDocument, {
        id: String(req.params.id),
        withPlacementAddress: mayDo(res, Permission.READ_PLACEMENT_ADDRESS),
      })
    ).child;

  router.get(
    '/children/:id/placements',
    requireSignIn,
    page(async (req, res) => {
      const child = await readChild(req, res);
      res.render('placements/placements.njk', {
        child,
        name: fullName(child),
        labels: LABELS,
        currentPlacement: child.placements.find((placement) => placement.current),
        pastPlacements: child.placements.filter((placement) => !placement.current),
        showAddress: mayDo(res, Permission.READ_PLACEMENT_ADDRESS),
        canRecord: mayDo(res, Permission.RECORD_PLACEMENT),
        banner: takeFlash(req),
      });
    }),
  );

  const startPage = (res: Response, child: Child, form: PlacementForm, extra: object = {}) =>
    res.render('placements/start.njk', {
      child,
      name: fullName(child),
      currentPlacement: child.placements.find((placement) => placement.current),
      typeItems: [{ value: '', text: 'Choose a type' }, ...itemsOf(PLACEMENT_TYPE)],
      detailItems: itemsOf(DETAILS),
      form,
      ...extra,
    });

  router.get(
    '/children/:id/placements/new',
    requireSignIn,
    page(async (req, res) => {
      recorderOnly(res);
      startPage(res, await readChild(req, res), {
        type: '',
        startedAt: partsOfInstant(),
        provider: '',
        address: '',
        details: [],
      });
    }),
  );

  router.post(
    '/children/:id/placements/new',
    requireSignIn,
    page(async (req, res) => {
      recorderOnly(res);
      const child = await readChild(req, res);
      const body = req.body as Record<string, unknown>;
      const form: PlacementForm = {
        type: text(body.type),
        startedAt: dateTimeParts(body.startedAt),
        provider: text(body.provider),
        address: text(body.address),
        details: list(body.details),
      };
      // "Change the type" on the warning: back to the form, as it was filled in
      if (body.decision === 'change') return startPage(res, child, form);
      const startedAt = parseDateTime(form.startedAt, 'When the placement started');
      const problems = formProblems({
        type: Object.hasOwn(PLACEMENT_TYPE, form.type)
          ? { ok: true, value: form.type }
          : { ok: false, message: 'Select the type of placement' },
        startedAt:
          startedAt.ok && startedAt.value === null
            ? { ok: false, message: 'Enter the date and time the placement started' }
            : startedAt,
      });
      if (problems || !startedAt.ok || startedAt.value === null) {
        return startPage(res, child, form, errorSummary(problems!, FIELDS));
      }
      const unsafe = unsafeFor(child, form.type, startedAt.value);
      // a type unsafe for the child: warned about, and saved only when the worker confirms it
      if (unsafe && body.decision !== 'save') {
        return res.render('placements/confirm-unsafe.njk', {
          child,
          name: fullName(child),
          form,
          typeLabel: PLACEMENT_TYPE[form.type as PlacementType],
          unsafe,
        });
      }
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), StartPlacementDocument, {
          input: {
            childId: child.id,
            type: form.type as PlacementType,
            startedAt: startedAt.value,
            provider: textOrNull(form.provider),
            address: textOrNull(form.address),
            outOfArea: form.details.includes('outOfArea'),
            specialist: form.details.includes('specialist'),
            safetyPlan: form.details.includes('safetyPlan'),
          },
        }),
      );
      if (!outcome.ok) {
        return startPage(res, child, form, errorSummary(inTheseWords(outcome.refusal), FIELDS));
      }
      flash(
        req,
        outcome.data.startPlacement.unsafe
          ? `Placement started: ${PLACEMENT_TYPE[form.type as PlacementType].toLowerCase()}. It is marked unsafe for a child.`
          : `Placement started: ${PLACEMENT_TYPE[form.type as PlacementType].toLowerCase()}.`,
      );
      res.redirect(303, `/children/${child.id}/placements`);
    }),
  );

  /** The child and the placement the address names (NOT_FOUND when it is not theirs). */
  const readPlacement = async (req: Request, res: Response) => {
    const child = await readChild(req, res);
    const placement = child.placements.find((candidate) => candidate.id === req.params.placementId);
    if (!placement) {
      throw new RefusedError({ code: 'NOT_FOUND', message: 'There is no such placement', fields: [] });
    }
    return { child, placement, name: fullName(child) };
  };

  questionPage(router, {
    path: '/children/:id/placements/:placementId/end',
    view: 'placements/end.njk',
    fields: FIELDS,
    guard: recorderOnly,
    load: readPlacement,
    show: (found) => ({
      ...found,
      labels: LABELS,
      reasonItems: itemsOf(PLACEMENT_END_REASON),
    }),
    blank: () => ({ endedAt: partsOfInstant(), reason: '' }),
    read: (body) => ({ endedAt: dateTimeParts(body.endedAt), reason: text(body.reason) }),
    check: (form) => {
      const endedAt = parseDateTime(form.endedAt, 'When the placement ended');
      const problems = formProblems({
        endedAt:
          endedAt.ok && endedAt.value === null
            ? { ok: false, message: 'Enter the date and time the placement ended' }
            : endedAt,
        reason: Object.hasOwn(PLACEMENT_END_REASON, form.reason)
          ? { ok: true, value: form.reason }
          : { ok: false, message: 'Select why the placement ended' },
      });
      if (problems || !endedAt.ok || endedAt.value === null) return problemsOn(problems!);
      return toSend({ endedAt: endedAt.value, reason: form.reason as PlacementEndReason });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), EndPlacementDocument, {
        input: { placementId: found.placement.id, ...input },
      }),
    words: inTheseWords,
    done: (_data, found) => ({
      redirect: `/children/${found.child.id}/placements`,
      flash: 'Placement ended.',
    }),
  });

  return router;
}
