import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';
import { IdentityService } from '../identity/identity.service';
import { PractitionerRateLimiter } from '../identity/rate-limiter';
import { TokenVerifier } from '../identity/token-verifier';
import { REQUEST_ID } from '../logging/logger';
import { RequestContext } from './request-context';

@Injectable()
export class RequestContextFactory {
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

  /**
   * A subscription socket's caller, verified once on connection (each operation then has a context of
   * its own), and when the token expires: the socket is closed then. A failed verification counts
   * against the client address's limit of requests without a valid identity.
   */
  async authenticateSocket(
    authorization: string | undefined,
    clientAddress?: string,
  ): Promise<{ haven: RequestContext; expiresAt: Date }> {
    const claims = await this.verifyCounting(authorization, clientAddress);
    const haven = this.forActor(await this.identity.resolve(claims));
    await haven.resolveActor();
    return { haven, expiresAt: claims.expiresAt };
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
    const context = this.create(req.headers.authorization, requestId, req.ip ?? req.socket.remoteAddress);
    if (res) {
      res.setHeader('x-request-id', context.requestId);
      // a request that ends without reaching willSendResponse must not keep its connection
      res.once('close', () => void context.uow.rollback());
    }
    return context;
  }
}
