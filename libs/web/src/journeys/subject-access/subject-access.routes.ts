import { Router } from 'express';
import type { Request, Response } from 'express';
import { londonDate, Permission } from '@haven/platform';
import { ExportChildRecordDocument, SubjectAccessChildDocument } from '../../graphql/generated';

import { callerOf, page, requirePermission, requireSignIn } from '../../web-request';
import type { JourneyDependencies } from '..';
import { RECORD_SECTION } from '../children/labels';
import { recordSections } from './record-view';
import { fullName } from '../names';

/**
 * Journey 14 (web-app.md): a team manager downloads everything held on one child, as a JSON file or
 * a printable page. The page that explains it reads only the child's name; each download runs
 * `exportChildRecord`, which the API audits as EXPORT with the team manager's name.
 */
export function subjectAccessRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const mayExport = (res: Response) => {
    requirePermission(
      res,
      Permission.EXPORT_CHILD_RECORD,
      'Only team managers answer subject access requests.',
    );
  };

  const exportOf = async (req: Request, res: Response) =>
    (await graphql.read(callerOf(req, res), ExportChildRecordDocument, { childId: String(req.params.id) }))
      .exportChildRecord;

  router.get(
    '/children/:id/subject-access',
    requireSignIn,
    page(async (req, res) => {
      mayExport(res);
      const { child } = await graphql.read(callerOf(req, res), SubjectAccessChildDocument, {
        id: String(req.params.id),
      });
      res.render('subject-access/subject-access.njk', {
        child,
        name: fullName(child),
        sections: Object.values(RECORD_SECTION),
      });
    }),
  );

  router.get(
    '/children/:id/subject-access/record.json',
    requireSignIn,
    page(async (req, res) => {
      mayExport(res);
      const exported = await exportOf(req, res);
      const { child } = exported;
      const file = {
        about: { id: child.id, name: fullName(child), localChildId: child.localChildId },
        exportedAt: exported.exportedAt,
        sections: exported.sections,
        record: JSON.parse(exported.document) as unknown,
      };
      // named by the record's identifiers, never the child's name (downloads folders are not private)
      res.attachment(
        `subject-access-${child.localChildId ?? child.id}-${londonDate(new Date(exported.exportedAt))}.json`,
      );
      res.type('application/json').send(JSON.stringify(file, null, 2));
    }),
  );

  router.get(
    '/children/:id/subject-access/print',
    requireSignIn,
    page(async (req, res) => {
      mayExport(res);
      const exported = await exportOf(req, res);
      res.render('subject-access/record.njk', {
        child: exported.child,
        name: fullName(exported.child),
        exportedAt: exported.exportedAt,
        sections: recordSections(exported.document, exported.sections),
      });
    }),
  );

  return router;
}
