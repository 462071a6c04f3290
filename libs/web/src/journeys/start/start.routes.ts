import { Router } from 'express';
import { MeDocument } from '../../graphql/generated';
import { page, requestIdOf, requireSignIn, sessionOf } from '../../web-request';
import type { JourneyDependencies } from '..';

/** `/`: the signed-in practitioner's start page (web-app.md, "Who does what"). */
export function startRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();
  router.get(
    '/',
    requireSignIn,
    page(async (req, res) => {
      const { me } = await graphql.read(sessionOf(res), MeDocument, {}, requestIdOf(req));
      res.render('start/start.njk', { me });
    }),
  );
  return router;
}
