import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../errors/haven-error';
import { Actor } from '../identity/actor';
import { IdentityService } from '../identity/identity.service';
import { PractitionerRateLimiter } from '../identity/rate-limiter';
import {
  BrowserSession,
  browserSessionOf,
  claimsOfSession,
  SessionReader,
} from '../identity/session-identity';
import { TokenVerifier } from '../identity/token-verifier';
import { REQUEST_ID } from '../logging/logger';
import { RequestContext } from './request-context';

/** What a subscription socket presents when it connects. */
export interface SocketCredentials {
  /** `Bearer <JWT>` from connectionParams.Authorization, for API clients. */
  authorization?: string;
  /** A browser page's CSRF token (connectionParams.csrfToken), which its session cookie must match. */
  csrfToken?: string;
  /** The upgrade request: its address, and its session cookie. */
  request?: IncomingMessage;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

@Injectable()
export class RequestContextFactory {
  private sessions?: SessionReader;

  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: TokenVerifier,
    private readonly identity: IdentityService,
    private readonly rateLimiter: PractitionerRateLimiter,
  ) {}

  /**
   * A context authenticated by an Authorization header (HTTP, or a subscription's connectionParams).
   * A request without a valid identity counts against its client address's limit: past it, the
   * answer is TOO_MANY_REQUESTS instead of UNAUTHENTICATED.
   */
  create(authorization: string | undefined, requestId?: string, clientAddress?: string): RequestContext {
    return new RequestContext(
      this.dataSource,
      async () => {
        const actor = await this.identity.resolve(await this.verifyCounting(authorization, clientAddress));
        await this.rateLimiter.consume(actor.practitionerId);
        return actor;
      },
      requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
    );
  }

  /** Browser sessions are read by the web application, which installs its reader when it is mounted. */
  useSessions(reader: SessionReader): void {
    this.sessions = reader;
  }

  /** A context for a request made with a browser session (its CSRF token already checked). */
  forSession(session: BrowserSession, requestId?: string): RequestContext {
    return new RequestContext(
      this.dataSource,
      async () => {
        const actor = await this.identity.resolve(claimsOfSession(session));
        await this.rateLimiter.consume(actor.practitionerId);
        return actor;
      },
      requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
    );
  }

  /**
   * A subscription socket's caller, verified once on connection (each operation then has a context of
   * its own), until the token expires or the session's absolute timeout: the socket is closed then. A
   * browser page connects with its session cookie and its CSRF token; an API client with a bearer
   * token. A failed verification counts against the client address's limit of requests without a
   * valid identity.
   */
  async authenticateSocket({
    authorization,
    csrfToken,
    request,
  }: SocketCredentials): Promise<{ haven: RequestContext; expiresAt: Date }> {
    const clientAddress = request?.socket.remoteAddress;
    const session = authorization === undefined ? await this.socketSession(request, csrfToken) : undefined;
    const claims = session
      ? claimsOfSession(session)
      : await this.verifyCounting(authorization, clientAddress);
    const haven = this.forActor(await this.identity.resolve(claims));
    await haven.resolveActor();
    return { haven, expiresAt: claims.expiresAt };
  }

  /** The session of a socket opened by one of the application's pages, which sent the session's CSRF token. */
  private async socketSession(
    request: IncomingMessage | undefined,
    csrfToken: string | undefined,
  ): Promise<BrowserSession | undefined> {
    if (!this.sessions || !request || typeof csrfToken !== 'string') return undefined;
    const session = await this.sessions(request);
    if (!session) return undefined;
    if (!sameToken(session.csrfToken, csrfToken)) {
      await this.rateLimiter.consumeUnauthenticated(request.socket.remoteAddress);
      throw unauthenticated("The page that opened this connection is not the session's own");
    }
    return session;
  }

  /** Verifies a token; a failure counts against the client address's limit of such requests. */
  private async verifyCounting(authorization: string | undefined, clientAddress: string | undefined) {
    try {
      return await this.verifier.verify(authorization);
    } catch (error) {
      await this.rateLimiter.consumeUnauthenticated(clientAddress);
      throw error;
    }
  }

  /** A context for an actor already established (a signed link they made, a scheduled job). */
  forActor(actor: Actor, requestId?: string): RequestContext {
    return new RequestContext(this.dataSource, () => Promise.resolve(actor), requestId ?? randomUUID());
  }

  /** The request id is the one its log lines carry (set by the HTTP logger), or the caller's own. */
  forHttp(req: Request, res?: Response): RequestContext {
    const logged = (req as Request & { id?: unknown }).id;
    const requestId = typeof logged === 'string' ? logged : req.header('x-request-id');
    const session = req.headers.authorization === undefined ? browserSessionOf(req) : undefined;
    const context = session
      ? this.forSession(session, requestId)
      : this.create(req.headers.authorization, requestId, req.ip ?? req.socket.remoteAddress);
    if (res) {
      res.setHeader('x-request-id', context.requestId);
      // a request that ends without reaching willSendResponse must not keep its connection
      res.once('close', () => void context.uow.rollback());
    }
    return context;
  }
}
