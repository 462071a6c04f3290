import { Router } from 'express';
import type { Request, Response } from 'express';
import { Permission } from '@haven/platform';
import { Ssda903FilesDocument, Ssda903ProblemsDocument, Ssda903ProblemsQuery } from '../../graphql/generated';
import { RefusedError } from '../../graphql/web-graphql';
import { callerOf, errorSummary, page, requirePermission, requireSignIn } from '../../web-request';
import type { JourneyDependencies } from '..';
import { collectionYears, offeredYear } from './collection-years';

type Problem = Ssda903ProblemsQuery['ssda903Export']['problems'][number];

/** The problems of one child, in the order the API gives them (by the child's identifier). */
function byChild(problems: Problem[]): { childId: string; child: string; problems: Problem[] }[] {
  const children = new Map<string, { childId: string; child: string; problems: Problem[] }>();
  for (const problem of problems) {
    const entry = children.get(problem.childId) ?? {
      childId: problem.childId,
      child: problem.child,
      problems: [],
    };
    entry.problems.push(problem);
    children.set(problem.childId, entry);
  }
  return [...children.values()];
}

/** "2026 to 2027" for the year that ends in 2027. */
const yearText = (year: number) => `${year - 1} to ${year}`;

/**
 * Journey 13 (web-app.md): the SSDA903 return for a collection year. The page shows what the DfE
 * validator would reject, per child with a link to their case file, before the two files (Missing
 * and UASC) are downloaded. Every run is audited as EXPORT by the API for each child in the return.
 */
export function returnsRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const mayReturn = (res: Response) => {
    requirePermission(res, Permission.EXPORT_SSDA903, 'Only team managers make the SSDA903 return.');
  };

  router.get(
    '/returns/ssda903',
    requireSignIn,
    page(async (req, res) => {
      mayReturn(res);
      const years = collectionYears();
      const locals = {
        yearItems: years.map((option) => ({
          value: String(option.year),
          text: yearText(option.year),
          hint: {
            text: `1 April ${option.year - 1} to 31 March ${option.year}${option.current ? ', in progress' : ''}`,
          },
        })),
        chosen: typeof req.query.year === 'string' ? req.query.year : '',
      };
      // the button's own field says the form was sent, with or without a year chosen
      if (req.query.year === undefined && req.query.check === undefined)
        return res.render('returns/ssda903.njk', locals);
      const year = offeredYear(req.query.year);
      if (year === undefined) {
        res.status(400);
        return res.render('returns/ssda903.njk', {
          ...locals,
          errorList: [{ text: 'Select a collection year', href: '#year' }],
          errors: { year: { text: 'Select a collection year' } },
        });
      }
      const outcome = await graphql.run(callerOf(req, res), Ssda903ProblemsDocument, { year });
      if (!outcome.ok) {
        // a Welsh, Scottish or Northern Irish authority makes no SSDA903 return: the API says so
        if (outcome.refusal.code !== 'BAD_USER_INPUT') throw new RefusedError(outcome.refusal);
        res.status(400);
        return res.render('returns/ssda903.njk', {
          ...locals,
          ...errorSummary(outcome.refusal, { authorityCode: 'year', year: 'year' }),
        });
      }
      const result = outcome.data.ssda903Export;
      res.render('returns/ssda903.njk', {
        ...locals,
        year,
        yearText: yearText(year),
        result,
        children: byChild(result.problems),
        files: {
          missing: `/returns/ssda903/${year}/missing.csv`,
          uasc: `/returns/ssda903/${year}/uasc.csv`,
        },
      });
    }),
  );

  /** One of the two tables as the DfE takes it: CSV, named by the authority, the year and the table. */
  const download = (table: 'missing' | 'uasc') =>
    page(async (req: Request, res: Response) => {
      mayReturn(res);
      const year = offeredYear(req.params.year);
      if (year === undefined) {
        throw new RefusedError({
          code: 'NOT_FOUND',
          message: 'There is no return for that year here.',
          fields: [],
        });
      }
      const { ssda903Export: files } = await graphql.read(callerOf(req, res), Ssda903FilesDocument, { year });
      res.attachment(`ssda903-${files.authorityCode}-${year - 1}-${String(year).slice(2)}-${table}.csv`);
      res.type('text/csv; charset=utf-8').send(table === 'missing' ? files.missingCsv : files.uascCsv);
    });

  router.get('/returns/ssda903/:year/missing.csv', requireSignIn, download('missing'));
  router.get('/returns/ssda903/:year/uasc.csv', requireSignIn, download('uasc'));

  return router;
}
