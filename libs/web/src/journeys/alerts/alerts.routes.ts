import { Router } from 'express';
import type { Request, Response } from 'express';
import { localPath } from '../../auth/auth.routes';
import {
  AcknowledgeAlertDocument,
  AlertFilter,
  AlertKind,
  AlertsDocument,
  AlertSeverity,
  AlertStatus,
  ResolveAlertDocument,
} from '../../graphql/generated';
import { Refusal, RefusedError } from '../../graphql/web-graphql';
import { callerOf, errorSummary, page, requestIdOf, requireSignIn, sessionOf } from '../../web-request';
import type { JourneyDependencies } from '..';
import {
  alertActions,
  alertView,
  KIND_LABELS,
  LIVE_ALERT_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from './alert-view';
import { flash, takeFlash } from './flash';

const PAGE_SIZE = 20;
const STATUSES: AlertStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];
const KINDS = Object.keys(KIND_LABELS) as AlertKind[];

/** The list's filters and place, as its address carries them (`status` absent: the open alerts). */
interface ListQuery {
  status: AlertStatus | '';
  severity: AlertSeverity | '';
  kind: AlertKind | '';
  after?: string;
  /** The cursors of the pages before this one, for "Previous" without JavaScript. */
  trail: string[];
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | '' {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : '';
}

function listQuery(query: Request['query']): ListQuery {
  const cursor = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    status: query.status === undefined ? 'OPEN' : oneOf(STATUSES, query.status),
    severity: oneOf(SEVERITIES, query.severity),
    kind: oneOf(KINDS, query.kind),
    after: cursor(query.after),
    trail: typeof query.trail === 'string' && query.trail !== '' ? query.trail.split(' ') : [],
  };
}

/** A posted form's text field ('' when absent). */
function formField(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

function listHref(query: ListQuery, after?: string, trail: string[] = []): string {
  const params = new URLSearchParams({ status: query.status });
  if (query.severity) params.set('severity', query.severity);
  if (query.kind) params.set('kind', query.kind);
  if (after) params.set('after', after);
  if (trail.length) params.set('trail', trail.join(' '));
  return `/alerts?${params.toString()}`;
}

/** What a form that failed shows again: the error summary, the field's message and what was typed. */
interface FormProblem {
  errorList: { text: string; href: string }[];
  errors: Record<string, { text: string }>;
  values: Record<string, string>;
  open: string;
}

/**
 * `/alerts`: the alerts in the practitioner's scope, filtered and paged, each linking to its child's
 * case file, with acknowledge and resolve as forms (post, then redirect back with a banner). New and
 * escalated alerts arrive without a reload where JavaScript runs (live-alerts.js).
 */
export function alertsRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const renderList = async (req: Request, res: Response, query: ListQuery, problem?: FormProblem) => {
    const session = sessionOf(res);
    const filter: AlertFilter = {};
    if (query.status) filter.status = query.status;
    if (query.severity) filter.severity = query.severity;
    if (query.kind) filter.kind = query.kind;
    const { alerts } = await graphql.read({ session, requestId: requestIdOf(req) }, AlertsDocument, {
      filter,
      after: query.after,
      first: PAGE_SIZE,
    });
    const previousTrail = query.trail.slice(0, -1);
    res.status(problem ? 400 : 200).render('alerts/alerts.njk', {
      query,
      alerts: alerts.edges.map((edge) => alertView(edge.node)),
      totalCount: alerts.totalCount,
      previousHref: query.after ? listHref(query, query.trail.at(-1), previousTrail) : undefined,
      nextHref:
        alerts.pageInfo.hasNextPage && alerts.pageInfo.endCursor
          ? listHref(query, alerts.pageInfo.endCursor, query.after ? [...query.trail, query.after] : [])
          : undefined,
      statusItems: [
        { value: '', text: 'Any status' },
        ...STATUSES.map((value) => ({ value, text: STATUS_LABELS[value] })),
      ],
      severityItems: [
        { value: '', text: 'Any severity' },
        ...SEVERITIES.map((value) => ({ value, text: SEVERITY_LABELS[value] })),
      ],
      kindItems: [
        { value: '', text: 'Any kind' },
        ...KINDS.map((value) => ({ value, text: KIND_LABELS[value] })),
      ],
      actions: {
        ...alertActions(session.identity.role),
        csrfToken: res.locals.csrfToken as string,
        returnTo: req.method === 'GET' ? req.originalUrl : localPath(formField(req, 'returnTo')),
        ...problem,
      },
      liveFilter: query,
      labels: LIVE_ALERT_LABELS,
      banner: takeFlash(req),
      errorList: problem?.errorList,
    });
  };

  router.get(
    '/alerts',
    requireSignIn,
    page(async (req, res) => renderList(req, res, listQuery(req.query))),
  );

  /** After a form: back to the list it came from with a banner, or the list again with what went wrong. */
  const answer = async (
    req: Request,
    res: Response,
    outcome: { ok: true } | { ok: false; refusal: Refusal },
    fieldId: string,
    done: string,
  ) => {
    const returnTo = localPath(formField(req, 'returnTo'));
    if (outcome.ok) {
      flash(req, done);
      return req.session.save(() => res.redirect(303, returnTo));
    }
    const { refusal } = outcome;
    const alertId = String(req.params.id);
    const problem: FormProblem =
      refusal.code === 'BAD_USER_INPUT'
        ? { ...errorSummary(refusal, { note: fieldId }), values: {}, open: fieldId }
        : refusal.code === 'CONFLICT'
          ? {
              errorList: [{ text: refusal.message, href: `#alert-${alertId}` }],
              errors: {},
              values: {},
              open: '',
            }
          : { errorList: [], errors: {}, values: {}, open: '' };
    if (!problem.errorList.length) throw new RefusedError(refusal);
    problem.values[fieldId] = formField(req, 'note');
    const url = new URL(returnTo, 'http://haven.invalid');
    await renderList(
      req,
      res,
      listQuery(url.pathname === '/alerts' ? Object.fromEntries(url.searchParams) : {}),
      problem,
    );
  };

  router.post(
    '/alerts/:id/acknowledge',
    requireSignIn,
    page(async (req, res) => {
      const note = formField(req, 'note').trim() === '' ? undefined : formField(req, 'note');
      const outcome = await graphql.run(callerOf(req, res), AcknowledgeAlertDocument, {
        input: { alertId: String(req.params.id), note },
      });
      await answer(
        req,
        res,
        outcome,
        `acknowledge-note-${String(req.params.id)}`,
        'The alert is acknowledged',
      );
    }),
  );

  router.post(
    '/alerts/:id/resolve',
    requireSignIn,
    page(async (req, res) => {
      const note = formField(req, 'note');
      const outcome = await graphql.run(callerOf(req, res), ResolveAlertDocument, {
        input: { alertId: String(req.params.id), note },
      });
      await answer(req, res, outcome, `resolve-note-${String(req.params.id)}`, 'The alert is resolved');
    }),
  );

  return router;
}
