import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BrowserSession, isAllowed, Permission } from '@haven/platform';
import { Refusal, RefusedError, WebCaller } from './graphql/web-graphql';

/** The signed-in practitioner's session, set by `requireSignIn` for every page behind it. */
export function sessionOf(res: Response): BrowserSession {
  const session = res.locals.browserSession as BrowserSession | undefined;
  if (!session) throw new RefusedError({ code: 'UNAUTHENTICATED', message: 'Sign in first', fields: [] });
  return session;
}

/** The request id its log line carries, for the operations a page runs. */
export function requestIdOf(req: Request): string | undefined {
  const id = (req as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** Whether the signed-in practitioner's role has the permission (what a page offers them). */
export function mayDo(res: Response, permission: Permission): boolean {
  return isAllowed(sessionOf(res).identity.role, permission);
}

/** Refuses, as FORBIDDEN in the page's words, a practitioner whose role lacks the permission. */
export function requirePermission(res: Response, permission: Permission, message: string): void {
  if (!mayDo(res, permission)) throw new RefusedError({ code: 'FORBIDDEN', message, fields: [] });
}

/** The signed-in practitioner a page's operations run as, with the request they belong to. */
export function callerOf(req: Request, res: Response): WebCaller {
  return { session: sessionOf(res), requestId: requestIdOf(req) };
}

/** An async route handler whose failures reach the error handler (Express 5 does this itself; said once here). */
export function page(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);
}

/** What a page's error summary and its fields' messages are shown from. */
export interface ErrorSummary {
  errorList: { text: string; href: string }[];
  errors: Record<string, { text: string }>;
}

/**
 * GOV.UK's error summary and per-field messages from a BAD_USER_INPUT refusal: `fields` maps the API's
 * field names (e.g. `input.givenName`, `givenName`) to the ids of the page's inputs.
 */
export function errorSummary(refusal: Refusal, fields: Record<string, string>): ErrorSummary {
  const errors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const problem of refusal.fields) {
    const name = problem.field.replace(/^input\./, '');
    const id = fields[name] ?? fields[name.split('.')[0]];
    const text = problem.message;
    if (id && !errors[id]) errors[id] = { text };
    errorList.push({ text, href: id ? `#${id}` : '#main-content' });
  }
  if (errorList.length === 0) errorList.push({ text: refusal.message, href: '#main-content' });
  return { errorList, errors };
}

/**
 * Every page but sign-in needs a signed-in practitioner: without one, the browser is sent to sign in
 * and brought back. Pages carry child data, so none is ever stored by the browser or a proxy.
 */
export function requireSignIn(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  if (res.locals.browserSession) return next();
  if (req.method !== 'GET') {
    res.status(401).render('pages/error.njk', {
      title: 'Sign in again',
      message: 'Your session has ended. Nothing was saved.',
    });
    return;
  }
  const timedOut = res.locals.timedOut ? '&timedOut=1' : '';
  res.redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}${timedOut}`);
}
