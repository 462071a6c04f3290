import connectPgSimple from 'connect-pg-simple';
import { parse as parseCookies } from 'cookie';
import { unsign } from 'cookie-signature';
import session, { SessionData, Store } from 'express-session';
import type { RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import { BrowserSession, SessionIdentity, WebConfig } from '@haven/platform';

declare module 'express-session' {
  interface SessionData {
    /** Who signed in; absent until they have. */
    identity?: SessionIdentity;
    /** An OpenID Connect sign-in under way: PKCE verifier, state and nonce, and where to go after. */
    signIn?: { codeVerifier: string; state: string; nonce: string; returnTo: string };
  }
}

/** The session cookie's name: `__Host-` in production, so that it is Secure, host-only and for every path. */
export function sessionCookieName(production: boolean): string {
  return production ? '__Host-haven-session' : 'haven-session';
}

export interface WebSessions {
  middleware: RequestHandler;
  /** The signed-in session of an upgrade request (a subscription's socket), read from its cookie. */
  read(request: IncomingMessage): Promise<BrowserSession | undefined>;
  /** When a session signed in at this moment ends, however busy. */
  expiresAt(identity: SessionIdentity): Date;
}

/**
 * Browser sessions stored in PostgreSQL (`web_session`, through connect-pg-simple), as the HMPPS
 * template keeps them in Redis: an HttpOnly, SameSite=Strict cookie (Secure in production) holding only
 * the signed session id. A session unused for the idle timeout ends (the cookie and the row expire
 * together, renewed by each request); one older than the absolute timeout ends however busy.
 */
export function webSessions(config: WebConfig, production: boolean, pool: Pool): WebSessions {
  const PgStore = connectPgSimple(session);
  const store: Store = new PgStore({
    pool,
    tableName: 'web_session',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
    errorLog: () => undefined,
  });
  const name = sessionCookieName(production);
  const absoluteMs = config.sessionAbsoluteHours * 3_600_000;
  const expiresAt = (identity: SessionIdentity) => new Date(identity.signedInAt + absoluteMs);
  const middleware = session({
    name,
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: production,
    cookie: {
      httpOnly: true,
      sameSite: 'strict',
      secure: production,
      path: '/',
      maxAge: config.sessionIdleMinutes * 60_000,
    },
  });

  const read = async (request: IncomingMessage): Promise<BrowserSession | undefined> => {
    const signed = parseCookies(request.headers.cookie ?? '')[name];
    if (!signed?.startsWith('s:')) return undefined;
    const sid = unsign(signed.slice(2), config.sessionSecret);
    if (sid === false) return undefined;
    const data = await new Promise<SessionData | null | undefined>((resolve, reject) =>
      store.get(sid, (error, value) => (error ? reject(error as Error) : resolve(value))),
    );
    const identity = data?.identity;
    const csrfToken = (data as { csrfToken?: unknown } | null | undefined)?.csrfToken;
    if (!identity || typeof csrfToken !== 'string') return undefined;
    if (expiresAt(identity).getTime() <= Date.now()) return undefined;
    return { identity, csrfToken, expiresAt: expiresAt(identity) };
  };

  return { middleware, read, expiresAt };
}
