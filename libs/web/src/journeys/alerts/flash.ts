import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** A success message for the next page the practitioner sees (post/redirect/get), shown once. */
    flash?: string;
  }
}

/** Keeps `message` for the next page's success banner. */
export function flash(req: Request, message: string): void {
  req.session.flash = message;
}

/** The message kept for this page, if any; it is shown once. */
export function takeFlash(req: Request): string | undefined {
  const message = req.session?.flash;
  if (message !== undefined) delete req.session.flash;
  return message;
}

/**
 * Keeps `message` for the next page and redirects there (the application saves the changed session
 * before any redirect goes out: see saveSessionBeforeRedirect).
 */
export function redirectWithFlash(req: Request, res: Response, message: string, to: string): void {
  flash(req, message);
  res.redirect(303, to);
}
