import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { isAllowed, londonDate, Permission } from '@haven/platform';
import { CaseFileDocument, ChildAuditTrailDocument, FindChildrenDocument } from '../../graphql/generated';
import { RefusedError } from '../../graphql/web-graphql';
import { callerOf, errorSummary, page, requireSignIn, sessionOf } from '../../web-request';
import type { JourneyDependencies } from '..';
import { takeFlash } from '../alerts/flash';
import { auditEntriesOf } from './audit-trail-view';
import { readChildSearch } from './child-search';
import { cursorPageOf, pageNumber, paginationLinks } from './cursor-paging';
import { referralStanding } from '../nrm/referral-standing';
import { CATEGORY, CHILD_STATUS, EXPLOITATION, LABELS, optionsOf } from './labels';

/** Children on one page of the search. */
export const CHILDREN_PAGE_SIZE = 20;
/** Audit events on the case file, and on each page of the whole trail. */
export const AUDIT_TRAIL_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the signed-in role may do or see here (libs/platform/src/access/permission.ts). */
function allowed(res: Response, permission: Permission): boolean {
  return isAllowed(sessionOf(res).identity.role, permission);
}

/**
 * Journeys 3 and 4 of web-app.md: `/children` finds a child by any name or alias (the API folds
 * accents and case) with ChildFilter's filters, paged by cursor; `/children/{id}` is the case file,
 * read in one operation that asks only for what the role may see; `/children/{id}/audit-trail` pages
 * the audit trail for team managers.
 */
export function childrenRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  router.get(
    '/children',
    requireSignIn,
    page(async (req, res) => {
      const search = readChildSearch(req.query);
      const cursor = cursorPageOf(req.query);
      const staff = allowed(res, Permission.REGISTER_CHILD);
      const locals = {
        form: search.form,
        canRegister: staff,
        categoryLabels: CATEGORY,
        categoryItems: optionsOf(CATEGORY, 'Any category'),
        exploitationItems: optionsOf(EXPLOITATION, 'Any type'),
        statusItems: optionsOf(CHILD_STATUS, 'Open or closed'),
      };
      if (search.problems.length > 0) {
        const errors = Object.fromEntries(search.problems.map(({ id, text }) => [id, { text }]));
        const errorList = search.problems.map(({ id, text }) => ({ text, href: `#${id}` }));
        res.status(400).render('children/children.njk', { ...locals, errors, errorList });
        return;
      }
      const outcome = await graphql.run(callerOf(req, res), FindChildrenDocument, {
        filter: search.filter,
        first: CHILDREN_PAGE_SIZE,
        after: cursor.after,
        // a guardian sees only their own children: the people filters are for authority staff
        withPeople: staff,
      });
      if (!outcome.ok) {
        if (outcome.refusal.code !== 'BAD_USER_INPUT') throw new RefusedError(outcome.refusal);
        res.status(400).render('children/children.njk', {
          ...locals,
          ...errorSummary(outcome.refusal, { search: 'search', turning18WithinDays: 'turning18WithinDays' }),
        });
        return;
      }
      const { children, guardians, socialWorkers, teamManagers } = outcome.data;
      const number = pageNumber(cursor);
      res.render('children/children.njk', {
        ...locals,
        children: children.edges.map((edge) => edge.node),
        totalCount: children.totalCount,
        firstShown: (number - 1) * CHILDREN_PAGE_SIZE + 1,
        lastShown: (number - 1) * CHILDREN_PAGE_SIZE + children.edges.length,
        pagination: paginationLinks(
          '/children',
          search.params,
          cursor,
          children.pageInfo,
          CHILDREN_PAGE_SIZE,
          children.totalCount,
        ),
        searched: search.params.size > 0,
        guardianItems: guardians && [
          { value: '', text: 'Any guardian' },
          ...guardians.map((guardian) => ({
            value: guardian.id,
            text: `${guardian.name} (${guardian.organisation.name})`,
          })),
        ],
        workerItems: socialWorkers &&
          teamManagers && [
            { value: '', text: 'Anyone' },
            ...[...socialWorkers, ...teamManagers]
              .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
              .map((worker) => ({ value: worker.id, text: worker.name })),
          ],
      });
    }),
  );

  router.get(
    '/children/:id',
    childId,
    requireSignIn,
    page(async (req, res) => {
      const id = String(req.params.id);
      const withAuditTrail = allowed(res, Permission.READ_AUDIT_TRAIL);
      const { child, auditTrail } = await graphql.read(callerOf(req, res), CaseFileDocument, {
        id,
        withImmigration: allowed(res, Permission.READ_IMMIGRATION_DETAILS),
        withPlacementAddress: allowed(res, Permission.READ_PLACEMENT_ADDRESS),
        withInterviewFindings: allowed(res, Permission.READ_RETURN_INTERVIEW_FINDINGS),
        withAuditTrail,
        auditTrailSize: AUDIT_TRAIL_PAGE_SIZE,
      });
      const latestAssessment = child.ageAssessments[0];
      res.render('children/case-file.njk', {
        child,
        labels: LABELS,
        withImmigration: 'immigrationStatus' in child,
        show: {
          placementAddress: allowed(res, Permission.READ_PLACEMENT_ADDRESS),
          interviewFindings: allowed(res, Permission.READ_RETURN_INTERVIEW_FINDINGS),
        },
        openEpisode: child.missingEpisodes.find((episode) => episode.open),
        currentPlacement: child.placements.find((placement) => placement.current),
        pastPlacements: child.placements.filter((placement) => !placement.current),
        activeAssignment: child.guardianAssignments.find((assignment) => assignment.active),
        pastAssignments: child.guardianAssignments.filter((assignment) => !assignment.active),
        latestAssessment,
        banner: takeFlash(req),
        auditTrail,
        auditEntries: auditTrail && auditEntriesOf(auditTrail),
        auditTrailMore:
          auditTrail?.pageInfo.hasNextPage && auditTrail.pageInfo.endCursor
            ? `/children/${child.id}/audit-trail?after=${encodeURIComponent(auditTrail.pageInfo.endCursor)}`
            : undefined,
        can: {
          update: allowed(res, Permission.UPDATE_CHILD),
          reportMissing: allowed(res, Permission.REPORT_MISSING),
          recordReturn: allowed(res, Permission.RECORD_RETURN),
          grabPack: allowed(res, Permission.EXPORT_MISSING_PERSON_PROFILE),
          assignGuardian: allowed(res, Permission.ASSIGN_GUARDIAN),
          logContact: allowed(res, Permission.RECORD_GUARDIAN_CONTACT),
          closeCase: allowed(res, Permission.CLOSE_CASE),
          exportRecord: allowed(res, Permission.EXPORT_CHILD_RECORD),
          recordNrm: allowed(res, Permission.RECORD_NRM),
          recordDurableSolution: allowed(res, Permission.RECORD_DURABLE_SOLUTION),
          recordAge: allowed(res, Permission.RECORD_AGE_ASSESSMENT),
          recordPlacement: allowed(res, Permission.RECORD_PLACEMENT),
        },
        nrmStanding: Object.fromEntries(
          child.nrmReferrals.map((referral) => [
            referral.id,
            referralStanding(referral, londonDate(new Date())),
          ]),
        ),
      });
    }),
  );

  router.get(
    '/children/:id/audit-trail',
    childId,
    requireSignIn,
    page(async (req, res) => {
      const id = String(req.params.id);
      const cursor = cursorPageOf(req.query);
      const { child, auditTrail } = await graphql.read(callerOf(req, res), ChildAuditTrailDocument, {
        childId: id,
        first: AUDIT_TRAIL_PAGE_SIZE,
        after: cursor.after,
      });
      const number = pageNumber(cursor);
      res.render('children/audit-trail.njk', {
        child,
        auditTrail,
        auditEntries: auditEntriesOf(auditTrail),
        firstShown: (number - 1) * AUDIT_TRAIL_PAGE_SIZE + 1,
        lastShown: (number - 1) * AUDIT_TRAIL_PAGE_SIZE + auditTrail.edges.length,
        pagination: paginationLinks(
          `/children/${child.id}/audit-trail`,
          new URLSearchParams(),
          cursor,
          auditTrail.pageInfo,
          AUDIT_TRAIL_PAGE_SIZE,
          auditTrail.totalCount,
        ),
      });
    }),
  );

  return router;
}

/** Only a child's id is a case file: other journeys' pages live beside it (/children/new). */
function childId(req: Request, _res: Response, next: NextFunction): void {
  next(UUID.test(String(req.params.id)) ? undefined : 'route');
}
