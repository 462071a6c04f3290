import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';

/** The `<style>` and `<script>` tags written inline in a page (an external script has a src). */
const INLINE_TAG = /<(style|script)>/g;

/**
 * The page with a nonce on each of its own inline `<style>` and `<script>` tags. Only the literal tags
 * are touched: every value a page shows is HTML-escaped, so data can never carry a tag that gets one.
 */
export function addNonce(html: string, nonce: string): string {
  return html.replace(INLINE_TAG, `<$1 nonce="${nonce}">`);
}

/**
 * A call of the API with a bearer token (an API client, never a page): it needs no session, no
 * nonce and none of the pages' middleware, and skips them (the hot path of every client).
 */
export function isBearerApiRequest(req: Request): boolean {
  return req.headers.authorization !== undefined && req.path === '/graphql';
}

/**
 * Security headers on every response (helmet): nosniff, no framing (CSP frame-ancestors 'none' and
 * X-Frame-Options DENY), HSTS in production only, and a Content-Security-Policy allowing only the
 * service's own scripts and styles plus, on an HTML page, its own inline ones by a nonce made for
 * that response. A bearer token's API call answers JSON, never a page: the same policy without the
 * nonce, fixed once.
 */
export function securityHeaders(production: boolean): RequestHandler[] {
  const nonces: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (isBearerApiRequest(req)) return next();
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      // a string sent without a type goes out as text/html
      const type = res.get('content-type');
      if (typeof body === 'string' && (!type || /html/.test(type))) {
        return send(addNonce(body, nonce));
      }
      return send(body);
    };
    next();
  };
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`;
  const pagePolicy = policy(production, ["'self'", nonce]);
  const apiPolicy = policy(production, ["'self'"]);
  const chosen: RequestHandler = (req, res, next) =>
    (isBearerApiRequest(req) ? apiPolicy : pagePolicy)(req, res, next);
  return [nonces, chosen];
}

type Source = string | ((req: unknown, res: unknown) => string);

function policy(production: boolean, ownScriptsAndStyles: Source[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'script-src': ownScriptsAndStyles,
        'script-src-attr': ["'none'"],
        'style-src': ownScriptsAndStyles,
        'img-src': ["'self'", 'blob:', 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        ...(production ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xContentTypeOptions: true,
    // the explorer's and dashboard's assets are the service's own; nothing is embedded cross-origin
    crossOriginEmbedderPolicy: false,
  });
}
