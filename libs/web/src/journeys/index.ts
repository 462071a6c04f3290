import type { Router } from 'express';
import { AppConfig } from '@haven/platform';
import { WebGraphQL } from '../graphql/web-graphql';
import { ageRoutes } from './age/age.routes';
import { alertsRoutes } from './alerts/alerts.routes';
import { childrenRoutes } from './children/children.routes';
import { missingRoutes } from './missing/missing.routes';
import { placementsRoutes } from './placements/placements.routes';
import { registerRoutes } from './register/register.routes';
import { startRoutes } from './start/start.routes';

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
  ageRoutes,
  placementsRoutes,
];
