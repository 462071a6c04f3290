import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { csrfSync } from 'csrf-sync';
import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { dirname, join } from 'node:path';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import {
  APP_CONFIG,
  AppConfig,
  attachBrowserSession,
  BrowserSession,
  IdentityService,
  isBearerApiRequest,
  loggableError,
  queryMaybeRow,
  RequestContextFactory,
} from '@haven/platform';
import { authRoutes, roleLabel } from './auth/auth.routes';
import { OidcClient } from './auth/oidc-client';
import { RefusedError, WebGraphQL } from './graphql/web-graphql';
import { JOURNEYS } from './journeys';
import { sessionCookieName, webSessions, WebSessions } from './session/session-store';
import { setUpNunjucks } from './nunjucks-setup';
import { requestIdOf, requireSignIn } from './web-request';

const NameRow = z.object({ name: z.string() });

/** Where a package's files are, by folder (some assets are not in the packages' export maps). */
function packageFolder(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

const ONE_DAY_SECONDS = 86_400;

/**
 * The practitioners' web application, mounted on the API's own Express instance before Nest's routes
 * (as the HMPPS template's `app.ts` sets up security, sessions, CSRF, Nunjucks and routes in order):
 * static assets, browser sessions in PostgreSQL, CSRF tokens on every form (and on `/graphql` when a
 * session rather than a bearer token is used), sign-in, then the journeys' pages.
 */
@Injectable()
export class WebApplication {
  private readonly logger = new Logger('Web');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly contexts: RequestContextFactory,
    private readonly identity: IdentityService,
    private readonly graphql: WebGraphQL,
  ) {}

  /** Mounts the application; `publicUrl` is where practitioners reach the service once it listens. */
  mount(app: NestExpressApplication, publicUrl: () => string): void {
    const production = this.config.env === 'production';
    const instance: express.Express = app.getHttpAdapter().getInstance();
    if (production) instance.set('trust proxy', 1);
    setUpNunjucks(instance, [join(__dirname, 'views'), join(__dirname, 'journeys')], production);

    const sessions = webSessions(this.config.web, production, this.pool());
    this.contexts.useSessions((request) => sessions.read(request));

    // the whole application in one router, which an API client's bearer call passes by at once
    const web = Router();
    web.use(this.staticAssets());
    web.use(sessions.middleware);
    web.use(saveSessionBeforeRedirect);
    web.use(this.signedInSession(sessions));
    web.use(this.csrf());
    web.use(
      authRoutes({
        config: this.config,
        identity: this.identity,
        oidc: this.config.web.oidc ? new OidcClient(this.config.web.oidc, !production) : undefined,
        publicUrl: () => this.config.web.publicUrl ?? publicUrl(),
        organisationNameOf: async (id) => {
          const organisation = await queryMaybeRow(
            this.dataSource,
            NameRow,
            'SELECT name FROM organisation WHERE id = $1',
            [id],
          );
          return organisation?.name;
        },
      }),
    );
    // (in development) the explorer's page, served by its own capability, is the session's too; where
    // there is no explorer, its address stays a 404
    if (this.config.graphql.explorer) web.get('/explorer', requireSignIn);
    // each page asks for a signed-in practitioner itself (requireSignIn): the API's routes come after
    for (const journey of JOURNEYS) web.use(journey({ graphql: this.graphql, config: this.config }));
    web.use(this.errors());
    app.use((req: Request, res: Response, next: NextFunction) =>
      isBearerApiRequest(req) ? next() : web(req, res, next),
    );
  }

  /** The connection pool TypeORM made (the service role's): sessions use no connections of their own. */
  private pool(): Pool {
    // (TypeORM types its pool as any)
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** govuk-frontend's styles, script, fonts and images, graphql-ws's browser build and the application's scripts. */
  private staticAssets(): Router {
    const router = Router();
    // the budget is the first page's JavaScript compressed (web-app.md): styles and scripts go gzipped
    router.use('/assets', compression());
    const options = { maxAge: ONE_DAY_SECONDS * 1000, index: false, fallthrough: false };
    const govuk = join(packageFolder('govuk-frontend'), 'dist', 'govuk');
    router.use('/assets/govuk', express.static(govuk, options));
    // the styles ask for their fonts and images at /assets/fonts and /assets/images
    router.use('/assets/fonts', express.static(join(govuk, 'assets', 'fonts'), options));
    router.use('/assets/images', express.static(join(govuk, 'assets', 'images'), options));
    router.use('/assets/haven', express.static(join(__dirname, 'assets'), options));
    router.use('/assets/graphql-ws', express.static(join(packageFolder('graphql-ws'), 'umd'), options));
    return router;
  }

  /**
   * The practitioner a request's session belongs to, while it is within its absolute timeout (the
   * idle one is the cookie's and the stored row's expiry); an expired session is ended here.
   */
  private signedInSession(sessions: WebSessions) {
    const cookieName = sessionCookieName(this.config.env === 'production');
    return (req: Request, res: Response, next: NextFunction) => {
      res.locals.sessionCookieName = cookieName;
      const identity = req.session?.identity;
      if (!identity) return next();
      const expiresAt = sessions.expiresAt(identity);
      if (expiresAt.getTime() <= Date.now()) {
        return req.session.destroy(() => {
          res.clearCookie(cookieName, { path: '/' });
          res.locals.timedOut = true;
          next();
        });
      }
      const csrfToken = typeof req.session.csrfToken === 'string' ? req.session.csrfToken : '';
      const session: BrowserSession = { identity, csrfToken, expiresAt };
      res.locals.browserSession = session;
      res.locals.user = {
        name: identity.name,
        role: identity.role,
        roleLabel: roleLabel(identity.role),
        org: identity.org,
        organisation: identity.organisationName ?? identity.org,
      };
      next();
    };
  }

  /**
   * Synchronizer tokens (csrf-sync, as the HMPPS template): every form carries the session's token,
   * every state-changing request is refused without it. `/graphql` needs it (as `x-csrf-token`) only
   * when the session authenticates it: a bearer token's request carries no cookie to ride on.
   */
  private csrf() {
    const { csrfSynchronisedProtection, generateToken } = csrfSync({
      getTokenFromRequest: (req) => {
        const body = req.body as Record<string, unknown> | undefined;
        const header = req.headers['x-csrf-token'];
        return typeof body?._csrf === 'string' ? body._csrf : typeof header === 'string' ? header : undefined;
      },
      // /auth/dev takes no token (api-contract.md), and exists outside production only
      skipCsrfProtection: (req) => req.path === '/auth/dev',
    });
    return (req: Request, res: Response, next: NextFunction) => {
      const session = res.locals.browserSession as BrowserSession | undefined;
      if (req.path === '/graphql' || req.path.startsWith('/graphql/')) {
        // a bearer token, or no session: the API as before
        if (req.headers.authorization !== undefined || !session) return next();
        // with the session, every request (queries too) carries the page's token
        if (!session.csrfToken || req.headers['x-csrf-token'] !== session.csrfToken) {
          res.status(403).json({
            errors: [{ message: 'The CSRF token is missing or wrong', extensions: { code: 'FORBIDDEN' } }],
          });
          return;
        }
        attachBrowserSession(req, session);
        return next();
      }
      if (session) {
        const token = generateToken(req);
        res.locals.csrfToken = token;
        session.csrfToken = token;
      }
      csrfSynchronisedProtection(req, res, next);
    };
  }

  /** Pages' failures: sign in again, not found, not allowed, a stale form; anything else logged once. */
  private errors() {
    return (error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(error);
      res.setHeader('cache-control', 'no-store');
      if ((error as { code?: string }).code === 'EBADCSRFTOKEN') {
        res.status(403).render('pages/error.njk', {
          title: 'This form has expired',
          message: 'Go back, reload the page and try again. Nothing was saved.',
        });
        return;
      }
      if (error instanceof RefusedError) {
        const { code, message } = error.refusal;
        if (code === 'UNAUTHENTICATED')
          return res.redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}`);
        if (code === 'NOT_FOUND')
          return res.status(404).render('pages/error.njk', { title: 'Page not found', message });
        if (code === 'FORBIDDEN')
          return res.status(403).render('pages/error.njk', { title: 'You cannot see this page', message });
        if (code === 'TOO_MANY_REQUESTS')
          return res.status(429).render('pages/error.njk', { title: 'Too many requests', message });
      }
      this.logger.error({ err: loggableError(error), requestId: requestIdOf(req) }, 'A page failed');
      res.status(500).render('pages/error.njk', {
        title: 'Sorry, there is a problem with the service',
        message: `Try again later. If it keeps happening, give your service desk this reference: ${requestIdOf(req) ?? 'none'}.`,
      });
    };
  }
}

/**
 * express-session saves a changed session as the response ends, after a redirect's headers have gone:
 * the browser may ask for the next page first and read the session as it was (a success message
 * lost, or an older one shown). A redirect after the session changed waits for it to be saved; an
 * unchanged one (a visitor sent to sign in) saves nothing.
 */
function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction): void {
  const loaded = JSON.stringify(req.session ?? null);
  const redirect = res.redirect.bind(res);
  res.redirect = ((...args: Parameters<Response['redirect']>) => {
    const go = () => (redirect as (...redirectArgs: unknown[]) => void)(...args);
    if (!req.session || JSON.stringify(req.session) === loaded) return go();
    req.session.save((error) => (error ? next(error) : go()));
  }) as Response['redirect'];
  next();
}
