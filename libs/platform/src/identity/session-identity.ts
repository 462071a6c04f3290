import type { IncomingMessage } from 'node:http';
import { TokenClaims } from './actor';
import { Role } from './role';

/**
 * Who signed in to a browser session: the claims their identity provider vouched for at sign-in (or
 * the development sign-in's form), mapped as a bearer token's are. The web application writes it into
 * the session; every request made with the session is that practitioner's, through the same access
 * rules as a token.
 */
export interface SessionIdentity {
  sub: string;
  name: string;
  role: Role;
  org: string;
  las: string[];
  email?: string;
  /** The organisation's name, as the service knows it at sign-in (the pages say it; access uses `org`). */
  organisationName?: string;
  /** Milliseconds since the epoch: the session ends an absolute time after this. */
  signedInAt: number;
}

/** A browser session as the API sees it: the practitioner, and the token that proves a request is the page's own. */
export interface BrowserSession {
  identity: SessionIdentity;
  csrfToken: string;
  /** When the session ends however busy it is (its absolute timeout). */
  expiresAt: Date;
}

/**
 * Reads the browser session a request carries (its signed cookie), or undefined. Set by the web
 * application when it is mounted; without it, requests are authenticated by bearer tokens alone.
 */
export type SessionReader = (request: IncomingMessage) => Promise<BrowserSession | undefined>;

/** The claims of a session, for the identity service (which treats them as a verified token's). */
export function claimsOfSession(session: BrowserSession): TokenClaims {
  const { sub, name, role, org, las, email } = session.identity;
  return { sub, name, role, org, las, email, expiresAt: session.expiresAt };
}

const ATTACHED = new WeakMap<IncomingMessage, BrowserSession>();

/** Marks an HTTP request as made with a browser session whose CSRF token it carried (the web application's middleware). */
export function attachBrowserSession(request: IncomingMessage, session: BrowserSession): void {
  ATTACHED.set(request, session);
}

/** The browser session an HTTP request was made with, once its CSRF token was checked; undefined otherwise. */
export function browserSessionOf(request: IncomingMessage): BrowserSession | undefined {
  return ATTACHED.get(request);
}
