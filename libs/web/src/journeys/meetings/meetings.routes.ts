import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { londonDate, Permission } from '@haven/platform';
import { localPath } from '../../auth/auth.routes';
import {
  CompleteMeetingActionDocument,
  HeldMeetingActionsDocument,
  MeetingActionItemFragment,
  MeetingDocument,
  MeetingQuery,
  MeetingsDocument,
  MeetingsQuery,
  RecordMeetingOutcomeDocument,
  ScheduleMeetingDocument,
} from '../../graphql/generated';
import { RefusedError } from '../../graphql/web-graphql';
import { shownOnTheForm } from '../../form-values';
import { callerOf, errorSummary, mayDo, page, requireSignIn, sessionOf } from '../../web-request';
import type { JourneyDependencies } from '..';
import { flash, takeFlash } from '../alerts/flash';
import { childName } from '../alerts/alert-view';
import { cursorPageOf, pageNumber, paginationLinks, queryValue } from '../children/cursor-paging';
import { AGENCY, itemsOf, LABELS, MEETING_TYPE } from '../children/labels';
import { calendarMonth, calendarWeeks } from './meeting-calendar';
import {
  addingRow,
  emptyOutcomeForm,
  emptyScheduleForm,
  outcomeFieldIds,
  OutcomeForm,
  outcomeFormFromBody,
  outcomeInput,
  scheduleFieldIds,
  ScheduleForm,
  scheduleFormFromBody,
  scheduleInput,
} from './meeting-forms';

/** Meetings on one page of the list. */
export const MEETINGS_PAGE_SIZE = 20;
/** The API's largest page, for the calendar and the overdue actions, which read until they have all. */
const MAX_PAGE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the signed-in role may schedule meetings, record outcomes and complete actions (permission.ts). */
const canRecord = (res: Response) => mayDo(res, Permission.RECORD_MEETING);

/** A page only those who record meetings are offered: anyone else is told so. */
function recordersOnly(_req: Request, res: Response, next: NextFunction): void {
  if (canRecord(res)) return next();
  next(
    new RefusedError({
      code: 'FORBIDDEN',
      message: 'Only children’s services staff record meetings.',
      fields: [],
    }),
  );
}

/** An address's meeting id: anything but a UUID is the 404 page, without asking the API. */
function meetingId(req: Request, _res: Response, next: NextFunction): void {
  if (UUID.test(String(req.params.id))) return next();
  next(new RefusedError({ code: 'NOT_FOUND', message: 'There is no such meeting', fields: [] }));
}

const agencyItems = [{ value: '', text: 'Select an agency' }, ...itemsOf(AGENCY)];
const typeItems = itemsOf(MEETING_TYPE);

/** The same name, whatever the case, accents or spacing: how an action's owner is matched to a practitioner. */
const sameName = (a: string, b: string) =>
  a
    .trim()
    .replace(/\s+/g, ' ')
    .localeCompare(b.trim().replace(/\s+/g, ' '), 'en-GB', { sensitivity: 'base' }) === 0;

const actionView = (action: MeetingActionItemFragment, today: string) => ({
  ...action,
  childName: action.child && childName(action.child),
  overdue: !action.completedOn && action.dueOn < today,
});

/**
 * Journey 10 (web-app.md): the authority's meetings, listed and as a calendar; scheduling a meeting
 * (a missing review's agenda fills itself); the meeting with its agenda and why each child is on it;
 * recording the outcome (attendance, a decision per child, actions with owner and due date); printable
 * minutes; the signed-in practitioner's overdue actions, each completed in one step.
 */
export function meetingsRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const readMeeting = async (req: Request, res: Response): Promise<MeetingQuery['meeting']> =>
    (await graphql.read(callerOf(req, res), MeetingDocument, { id: String(req.params.id) })).meeting;

  router.get(
    '/meetings',
    requireSignIn,
    page(async (req, res) => {
      const cursor = cursorPageOf(req.query);
      const { meetings } = await graphql.read(callerOf(req, res), MeetingsDocument, {
        first: MEETINGS_PAGE_SIZE,
        after: cursor.after,
      });
      const number = pageNumber(cursor);
      res.render('meetings/meetings.njk', {
        meetings: meetings.edges.map((edge) => edge.node),
        totalCount: meetings.totalCount,
        firstShown: (number - 1) * MEETINGS_PAGE_SIZE + 1,
        lastShown: (number - 1) * MEETINGS_PAGE_SIZE + meetings.edges.length,
        pagination: paginationLinks(
          '/meetings',
          new URLSearchParams(),
          cursor,
          meetings.pageInfo,
          MEETINGS_PAGE_SIZE,
          meetings.totalCount,
        ),
        labels: LABELS,
        canRecord: canRecord(res),
        banner: takeFlash(req),
      });
    }),
  );

  router.get(
    '/meetings/calendar',
    requireSignIn,
    page(async (req, res) => {
      const calendar = calendarMonth(queryValue(req.query, 'month'));
      // the list is latest first: read pages until one reaches back before the month's first week
      const shown: MeetingsQuery['meetings']['edges'][number]['node'][] = [];
      let after: string | null | undefined;
      for (;;) {
        const { meetings } = await graphql.read(callerOf(req, res), MeetingsDocument, {
          first: MAX_PAGE,
          after,
        });
        shown.push(...meetings.edges.map((edge) => edge.node));
        const last = shown.at(-1);
        if (
          !meetings.pageInfo.hasNextPage ||
          !last ||
          londonDate(new Date(last.scheduledFor)) < calendar.from
        )
          break;
        after = meetings.pageInfo.endCursor;
      }
      res.render('meetings/calendar.njk', {
        calendar,
        weeks: calendarWeeks(calendar, shown, (meeting) => meeting.scheduledFor),
        labels: LABELS,
      });
    }),
  );

  router.get(
    '/meetings/actions',
    requireSignIn,
    page(async (req, res) => {
      const { name } = sessionOf(res).identity;
      const today = londonDate(new Date());
      const mine: ReturnType<typeof actionView>[] = [];
      const meetingOf = new Map<string, { id: string; type: string; heldAt: string | null }>();
      let after: string | null | undefined;
      for (;;) {
        const { meetings } = await graphql.read(callerOf(req, res), HeldMeetingActionsDocument, {
          first: MAX_PAGE,
          after,
        });
        for (const { node: meeting } of meetings.edges) {
          for (const action of meeting.actions) {
            const view = actionView(action, today);
            if (!view.overdue || !sameName(action.owner, name)) continue;
            mine.push(view);
            meetingOf.set(action.id, meeting);
          }
        }
        if (!meetings.pageInfo.hasNextPage) break;
        after = meetings.pageInfo.endCursor;
      }
      mine.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      res.render('meetings/actions.njk', {
        name,
        actions: mine.map((action) => ({ ...action, meeting: meetingOf.get(action.id) })),
        labels: LABELS,
        canRecord: canRecord(res),
        banner: takeFlash(req),
      });
    }),
  );

  router.post(
    '/meetings/actions/:actionId/complete',
    requireSignIn,
    recordersOnly,
    page(async (req, res) => {
      const returnTo = localPath((req.body as Record<string, unknown>).returnTo);
      const outcome = await graphql.run(callerOf(req, res), CompleteMeetingActionDocument, {
        input: { actionId: String(req.params.actionId), completedOn: londonDate(new Date()) },
      });
      if (!outcome.ok) {
        if (outcome.refusal.code !== 'CONFLICT') throw new RefusedError(outcome.refusal);
        res.status(409).render('pages/error.njk', {
          title: 'The action could not be completed',
          message: `${outcome.refusal.message}. Go back and reload the page.`,
        });
        return;
      }
      flash(req, 'Action completed');
      res.redirect(303, returnTo);
    }),
  );

  const schedulePage = (res: Response, form: ScheduleForm, extra: object = {}) =>
    res.render('meetings/schedule.njk', { form, agencyItems, typeItems, ...extra });

  router.get('/meetings/new', requireSignIn, recordersOnly, (req, res) =>
    schedulePage(res, emptyScheduleForm(queryValue(req.query, 'type'))),
  );

  router.post(
    '/meetings/new',
    requireSignIn,
    recordersOnly,
    page(async (req, res) => {
      const body = req.body as Record<string, unknown>;
      const form = scheduleFormFromBody(body);
      if (addingRow(body, form))
        return schedulePage(res, form, { focus: `attendees-${form.attendees.length - 1}-name` });
      const checked = scheduleInput(form);
      if (!checked.ok) return schedulePage(res, form, errorSummary(checked.refusal, scheduleFieldIds(form)));
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), ScheduleMeetingDocument, { input: checked.input }),
      );
      if (!outcome.ok) return schedulePage(res, form, errorSummary(outcome.refusal, scheduleFieldIds(form)));
      const { id, type } = outcome.data.scheduleMeeting;
      flash(req, `${MEETING_TYPE[type]} scheduled`);
      res.redirect(303, `/meetings/${id}`);
    }),
  );

  const meetingLocals = (meeting: MeetingQuery['meeting']) => {
    const today = londonDate(new Date());
    return {
      meeting,
      agenda: meeting.agenda.map((item) => ({ ...item, childName: item.child && childName(item.child) })),
      actions: meeting.actions.map((action) => actionView(action, today)),
      labels: LABELS,
    };
  };

  router.get(
    '/meetings/:id',
    meetingId,
    requireSignIn,
    page(async (req, res) => {
      const meeting = await readMeeting(req, res);
      res.render('meetings/meeting.njk', {
        ...meetingLocals(meeting),
        canRecord: canRecord(res),
        banner: takeFlash(req),
      });
    }),
  );

  router.get(
    '/meetings/:id/minutes',
    meetingId,
    requireSignIn,
    page(async (req, res) => {
      res.render('meetings/minutes.njk', meetingLocals(await readMeeting(req, res)));
    }),
  );

  const outcomePage = (
    res: Response,
    meeting: MeetingQuery['meeting'],
    form: OutcomeForm,
    extra: object = {},
  ) => res.render('meetings/outcome.njk', { ...meetingLocals(meeting), form, agencyItems, ...extra });

  router.get(
    '/meetings/:id/outcome',
    meetingId,
    requireSignIn,
    recordersOnly,
    page(async (req, res) => {
      const meeting = await readMeeting(req, res);
      outcomePage(res, meeting, emptyOutcomeForm(meeting));
    }),
  );

  router.post(
    '/meetings/:id/outcome',
    meetingId,
    requireSignIn,
    recordersOnly,
    page(async (req, res) => {
      const meeting = await readMeeting(req, res);
      const body = req.body as Record<string, unknown>;
      const form = outcomeFormFromBody(body);
      if (addingRow(body, form)) {
        const focus =
          body.action === 'add-action'
            ? `actions-${form.actions.length - 1}-description`
            : `others-${form.others.length - 1}-name`;
        return outcomePage(res, meeting, form, { focus });
      }
      const checked = outcomeInput(meeting, form);
      if (!checked.ok) {
        return outcomePage(res, meeting, form, errorSummary(checked.refusal, outcomeFieldIds(meeting, form)));
      }
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), RecordMeetingOutcomeDocument, { input: checked.input }),
      );
      if (!outcome.ok) {
        return outcomePage(
          res,
          meeting,
          form,
          errorSummary(outcome.refusal, outcomeFieldIds(meeting, form, checked.input)),
        );
      }
      flash(req, 'Outcome recorded');
      res.redirect(303, `/meetings/${meeting.id}`);
    }),
  );

  return router;
}
