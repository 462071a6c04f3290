import { Logger } from '@nestjs/common';
import { Router } from 'express';
import type { Request, Response } from 'express';
import {
  AppConfig,
  HavenError,
  IdentityService,
  parseClaims,
  Role,
  SessionIdentity,
  TokenRefusal,
} from '@haven/platform';
import { page } from '../web-request';
import { demoPractitioners } from './demo-practitioners';
import { OidcClient } from './oidc-client';

/** A path on this service to return to after signing in; anything else goes to the start page. */
export function localPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/auth/')
    ? value
    : '/';
}

const ROLE_LABELS: Record<Role, string> = {
  [Role.SOCIAL_WORKER]: 'Social worker',
  [Role.TEAM_MANAGER]: 'Team manager',
  [Role.GUARDIAN]: 'Guardian',
  [Role.LSCB_ANALYST]: 'Partnership analyst',
  [Role.ADMIN]: 'Administrator',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

interface AuthDependencies {
  config: AppConfig;
  identity: IdentityService;
  /** Absent when no identity provider is configured. */
  oidc?: OidcClient;
  /** Where the provider sends practitioners back to (PUBLIC_URL, or the address the service listens on). */
  publicUrl: () => string;
  /** The name of an organisation (reference data), for the pages to say. */
  organisationNameOf: (organisationId: string) => Promise<string | undefined>;
}

/**
 * Signing in and out: `GET /auth/login` and `/auth/callback` (OpenID Connect, authorization code with
 * PKCE), `POST /auth/logout`, and outside production `GET /auth/sign-in` offering the demo practitioners
 * and `POST /auth/dev` (role, org, sub, name, las) for signing in without a provider.
 */
export function authRoutes({
  config,
  identity,
  oidc,
  publicUrl,
  organisationNameOf,
}: AuthDependencies): Router {
  const router = Router();
  const logger = new Logger('SignIn');
  const { devSignIn } = config.web;

  /** Starts the session afresh (no fixation) as the practitioner the claims name. */
  const signIn = async (req: Request, claims: Record<string, unknown>): Promise<void> => {
    const { sub, name, role, org, las, email } = parseClaims(claims);
    // a social worker's authority must be known (FORBIDDEN otherwise): refuse now, not on every page
    const actor = await identity.resolve({
      sub,
      name,
      role,
      org,
      las,
      email,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const organisationName = await organisationNameOf(actor.organisationId);
    const signedIn: SessionIdentity = {
      sub,
      name,
      role,
      org,
      las,
      email,
      organisationName,
      signedInAt: Date.now(),
    };
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((error) => (error ? reject(error as Error) : resolve())),
    );
    req.session.identity = signedIn;
    await saved(req);
  };

  router.get('/auth/sign-in', (req: Request, res: Response) => {
    res.render('pages/sign-in.njk', {
      returnTo: localPath(req.query.returnTo),
      oidc: Boolean(oidc),
      devSignIn,
      signedOut: req.query.signedOut === '1',
      timedOut: req.query.timedOut === '1',
      demo: devSignIn ? demoPractitioners() : [],
      roles: Object.values(Role).map((value) => ({ value, text: roleLabel(value) })),
    });
  });

  router.get(
    '/auth/login',
    page(async (req, res) => {
      if (!oidc) {
        if (devSignIn)
          return res.redirect(
            303,
            `/auth/sign-in?returnTo=${encodeURIComponent(localPath(req.query.returnTo))}`,
          );
        res.status(503).render('pages/sign-in-unavailable.njk');
        return;
      }
      const { url, pending } = await oidc.start(`${publicUrl()}/auth/callback`);
      req.session.signIn = { ...pending, returnTo: localPath(req.query.returnTo) };
      await saved(req);
      res.redirect(303, url.href);
    }),
  );

  router.get(
    '/auth/callback',
    page(async (req, res) => {
      const pending = req.session.signIn;
      if (!oidc || !pending) return res.redirect(303, '/auth/sign-in');
      delete req.session.signIn;
      try {
        const claims = await oidc.finish(new URL(req.originalUrl, publicUrl()), pending);
        await signIn(req, claims);
      } catch (error) {
        // the reason is logged; the practitioner is told plainly and may try again
        logger.warn(`Sign-in refused: ${refusalReason(error)}`);
        res.status(403).render('pages/sign-in-failed.njk', { reason: refusalMessage(error) });
        return;
      }
      res.redirect(303, pending.returnTo);
    }),
  );

  if (devSignIn) {
    router.post(
      '/auth/dev',
      page(async (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const text = (name: string) => {
          const value = body[name];
          return typeof value === 'string' ? value.trim() : '';
        };
        const las = text('las')
          .split(',')
          .map((code) => code.trim())
          .filter(Boolean);
        const claims = {
          sub: text('sub') || `dev-${text('role').toLowerCase()}-${text('org').toLowerCase()}`,
          name: text('name'),
          role: text('role'),
          org: text('org'),
          las,
          exp: Math.floor(Date.now() / 1000) + 3600,
        };
        try {
          await signIn(req, claims);
        } catch (error) {
          res.status(400).render('pages/sign-in.njk', {
            returnTo: '/',
            oidc: Boolean(oidc),
            devSignIn,
            demo: demoPractitioners(),
            roles: Object.values(Role).map((value) => ({ value, text: roleLabel(value) })),
            problem: refusalMessage(error),
            values: {
              role: text('role'),
              org: text('org'),
              sub: text('sub'),
              name: text('name'),
              las: text('las'),
            },
          });
          return;
        }
        res.redirect(303, localPath(body.returnTo));
      }),
    );
  }

  router.post('/auth/logout', (req: Request, res: Response, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie(String(res.locals.sessionCookieName), { path: '/' });
      res.redirect(303, '/auth/sign-in?signedOut=1');
    });
  });

  return router;
}

/**
 * Saves the session before the redirect that follows: express-session would save it as the response
 * ends, after the redirect's headers have gone, and the browser may ask for the next page first.
 */
function saved(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.save((error) => (error ? reject(error as Error) : resolve())),
  );
}

function refusalMessage(error: unknown): string {
  if (error instanceof TokenRefusal) return `Your account cannot be used here: ${error.message}.`;
  if (error instanceof HavenError) return error.message;
  return 'Signing in did not work. Try again, or contact your service desk.';
}

function refusalReason(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
