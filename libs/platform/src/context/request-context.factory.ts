import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';
import { IdentityService } from '../identity/identity.service';
import { PractitionerRateLimiter } from '../identity/rate-limiter';
import { TokenVerifier } from '../identity/token-verifier';
import { RequestContext } from './request-context';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: TokenVerifier,
    private readonly identity: IdentityService,
    private readonly rateLimiter: PractitionerRateLimiter,
  ) {}

  /** A context authenticated by an Authorization header (HTTP, or a subscription's connectionParams). */
  create(authorization: string | undefined, requestId?: string): RequestContext {
    return new RequestContext(
      this.dataSource,
      async () => {
        const actor = await this.identity.resolve(await this.verifier.verify(authorization));
        await this.rateLimiter.consume(actor.practitionerId);
        return actor;
      },
      requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
    );
  }

  /**
   * A subscription socket's caller, verified once on connection (each operation then has a context of
   * its own), and when the token expires: the socket is closed then.
   */
  async authenticateSocket(
    authorization: string | undefined,
  ): Promise<{ haven: RequestContext; expiresAt: Date }> {
    const claims = await this.verifier.verify(authorization);
    const haven = this.forActor(await this.identity.resolve(claims));
    await haven.resolveActor();
    return { haven, expiresAt: claims.expiresAt };
  }

  /** A context for an actor already established (a signed link they made, a scheduled job). */
  forActor(actor: Actor, requestId?: string): RequestContext {
    return new RequestContext(this.dataSource, () => Promise.resolve(actor), requestId ?? randomUUID());
  }

  forHttp(req: Request, res?: Response): RequestContext {
    const context = this.create(req.headers.authorization, req.header('x-request-id'));
    if (res) {
      res.setHeader('x-request-id', context.requestId);
      // a request that ends without reaching willSendResponse must not keep its connection
      res.once('close', () => void context.uow.rollback());
    }
    return context;
  }
}
