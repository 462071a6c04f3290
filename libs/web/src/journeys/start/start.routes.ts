import { Router } from 'express';
import { Role } from '@haven/platform';
import {
  GuardianChildrenDocument,
  GuardianMeetingsDocument,
  MeDocument,
  OpenAlertsBySeverityDocument,
  StartChildrenDocument,
  TeamOverdueDocument,
} from '../../graphql/generated';
import type { OverdueGroupFragment, StartChildGroupFragment } from '../../graphql/generated';
import { callerOf, page, requireSignIn } from '../../web-request';
import type { JourneyDependencies } from '..';
import {
  alertActions,
  alertView,
  childName,
  LIVE_ALERT_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from '../alerts/alert-view';
import { takeFlash } from '../alerts/flash';

/** How many of each list the start page shows; the rest are a link away. */
const SHOWN = 10;

const childItems = (group: StartChildGroupFragment) =>
  group.edges.map(({ node }) => ({
    id: node.id,
    name: childName(node),
    age: node.age,
    currentlyMissing: node.currentlyMissing,
    missingSince: node.currentlyMissing ? (node.missingEpisodes[0]?.missingSince ?? null) : null,
  }));

/** An overdue interview or action: its alerts not yet resolved, open or acknowledged, newest first. */
const overdue = (open: OverdueGroupFragment, acknowledged: OverdueGroupFragment) => ({
  totalCount: open.totalCount + acknowledged.totalCount,
  items: [...open.edges, ...acknowledged.edges]
    .map(({ node }) => ({ ...node, childName: node.child && childName(node.child) }))
    .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt))
    .slice(0, SHOWN),
});

/**
 * `/`: the signed-in practitioner's start page (web-app.md, "Who does what"): a social worker's and a
 * team manager's open alerts (most severe first) and the authority's children (missing now first), for
 * a team manager the overdue interviews and actions too; a guardian's children and alerts; the analyst's
 * dashboard.
 */
export function startRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();
  router.get(
    '/',
    requireSignIn,
    page(async (req, res) => {
      const caller = callerOf(req, res);
      const { role } = caller.session.identity;
      if (role === Role.LSCB_ANALYST) return res.redirect(303, '/dashboard');
      const { me } = await graphql.read(caller, MeDocument, {});
      if (role === Role.ADMIN) return res.render('start/start.njk', { me });

      const bySeverity = await graphql.read(caller, OpenAlertsBySeverityDocument, { first: SHOWN });
      const groups = {
        CRITICAL: bySeverity.critical,
        URGENT: bySeverity.urgent,
        WARNING: bySeverity.warning,
        INFO: bySeverity.info,
      };
      const alerts = {
        totalCount: SEVERITIES.reduce((total, severity) => total + groups[severity].totalCount, 0),
        counts: SEVERITIES.map((severity) => ({
          severity,
          label: SEVERITY_LABELS[severity],
          count: groups[severity].totalCount,
          href: `/alerts?status=OPEN&severity=${severity}`,
        })),
        items: SEVERITIES.flatMap((severity) => groups[severity].edges.map((edge) => alertView(edge.node))),
      };
      const common = {
        me,
        alerts,
        actions: {
          ...alertActions(role),
          csrfToken: res.locals.csrfToken as string,
          returnTo: '/',
        },
        labels: LIVE_ALERT_LABELS,
        banner: takeFlash(req),
      };

      if (role === Role.GUARDIAN) {
        const { children } = await graphql.read(caller, GuardianChildrenDocument, { first: 50 });
        // the meetings about their children (the API shows a guardian no other), newest first
        const { meetings } = await graphql.read(caller, GuardianMeetingsDocument, { first: SHOWN });
        return res.render('start/start-guardian.njk', {
          ...common,
          children: {
            totalCount: children.totalCount,
            items: children.edges.map(({ node }) => ({ ...node, name: childName(node) })),
          },
          meetings: {
            totalCount: meetings.totalCount,
            items: meetings.edges.map(({ node }) => ({
              ...node,
              childNames: node.children.map(childName).join(', '),
            })),
          },
        });
      }

      const children = await graphql.read(caller, StartChildrenDocument, { first: SHOWN });
      const team =
        role === Role.TEAM_MANAGER
          ? await graphql.read(caller, TeamOverdueDocument, { first: SHOWN })
          : undefined;
      res.render('start/start.njk', {
        ...common,
        missing: { totalCount: children.missing.totalCount, items: childItems(children.missing) },
        others: { totalCount: children.others.totalCount, items: childItems(children.others) },
        interviews: team && overdue(team.interviewsOpen, team.interviewsAcknowledged),
        actionsOverdue: team && overdue(team.actionsOpen, team.actionsAcknowledged),
        teamManager: role === Role.TEAM_MANAGER,
      });
    }),
  );
  return router;
}
