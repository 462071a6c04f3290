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
 * Security headers on every response (helmet): nosniff, no framing (CSP frame-ancestors 'none' and
 * X-Frame-Options DENY), HSTS in production only, and a Content-Security-Policy allowing only the
 * service's own scripts and styles plus, on an HTML page, its own inline ones by a nonce made for
 * that response.
 */
export function securityHeaders(production: boolean): RequestHandler[] {
  const nonces: RequestHandler = (_req: Request, res: Response, next: NextFunction) => {
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
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'script-src': ["'self'", nonce],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", nonce],
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
  return [nonces, policy];
}
