import type { Router } from 'express';
import { AppConfig } from '@haven/platform';
import { WebGraphQL } from '../graphql/web-graphql';
import { ageRoutes } from './age/age.routes';
import { alertsRoutes } from './alerts/alerts.routes';
import { caseClosureRoutes } from './case-closure/case-closure.routes';
import { childrenRoutes } from './children/children.routes';
import { guardiansRoutes } from './guardians/guardians.routes';
import { durableSolutionRoutes } from './durable-solution/durable-solution.routes';
import { meetingsRoutes } from './meetings/meetings.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { missingRoutes } from './missing/missing.routes';
import { nrmRoutes } from './nrm/nrm.routes';
import { profileRoutes } from './profile/profile.routes';
import { placementsRoutes } from './placements/placements.routes';
import { registerRoutes } from './register/register.routes';
import { returnsRoutes } from './returns/returns.routes';
import { startRoutes } from './start/start.routes';
import { subjectAccessRoutes } from './subject-access/subject-access.routes';

/** What every journey's routes are built with. */
export interface JourneyDependencies {
  graphql: WebGraphQL;
  config: AppConfig;
}

export type Journey = (dependencies: JourneyDependencies) => Router;

/** The application's journeys (web-app.md), each a folder of routes and views. */
/** (`/children/new` before the case file's `/children/{id}`.) */
export const JOURNEYS: Journey[] = [
  startRoutes,
  alertsRoutes,
  registerRoutes,
  childrenRoutes,
  missingRoutes,
  guardiansRoutes,
  caseClosureRoutes,
  subjectAccessRoutes,
  returnsRoutes,
  nrmRoutes,
  durableSolutionRoutes,
  profileRoutes,
  meetingsRoutes,
  dashboardRoutes,
  ageRoutes,
  placementsRoutes,
];
