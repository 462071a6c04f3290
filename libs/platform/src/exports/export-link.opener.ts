import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { RequestContextFactory } from '../context/request-context.factory';
import { HavenError } from '../errors/haven-error';
import { IdentityService } from '../identity/identity.service';
import { ExportLinks } from './export-links';

export interface ExportAnswer {
  type: 'html' | 'json';
  body: string | object;
}

/**
 * Opens a signed export link: 429 (with Retry-After) when the client's address has opened too many
 * this minute; 410 when it has expired; 404 when it is forged, malformed, over-long, or its maker is
 * unknown or no longer sees the record; otherwise `answer` runs in the maker's scope, in one
 * transaction that commits (with the EXPORT audit rows) before anything is sent.
 */
@Injectable()
export class ExportLinkOpener {
  /** Openings per client address per minute, counted before the link is even read (guessing costs too). */
  private readonly limiter?: RateLimiterMemory;

  constructor(
    private readonly links: ExportLinks,
    private readonly identity: IdentityService,
    private readonly contexts: RequestContextFactory,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    if (config.exportLinks.openingsPerMinute > 0) {
      this.limiter = new RateLimiterMemory({ points: config.exportLinks.openingsPerMinute, duration: 60 });
    }
  }

  async open(
    req: Request,
    res: Response,
    purpose: string,
    token: string,
    answer: (ctx: RequestContext, subjectId: string) => Promise<ExportAnswer>,
  ): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    if (this.limiter) {
      try {
        await this.limiter.consume(req.ip ?? req.socket.remoteAddress ?? 'unknown');
      } catch (error) {
        const seconds = Math.max(1, Math.ceil(((error as RateLimiterRes).msBeforeNext ?? 1000) / 1000));
        res.setHeader('retry-after', String(seconds));
        res
          .status(HttpStatus.TOO_MANY_REQUESTS)
          .type('text')
          .send(`Too many links opened: try again in ${seconds} seconds.`);
        return;
      }
    }
    const link = await this.links.read(purpose, token);
    if (link === 'expired') {
      res.status(HttpStatus.GONE).type('text').send('This link has expired: open the record again in Haven.');
      return;
    }
    const actor = link ? await this.identity.actorFor(link.practitionerId) : null;
    if (!link || !actor) {
      res.status(HttpStatus.NOT_FOUND).type('text').send('Not found');
      return;
    }
    const ctx = this.contexts.forActor(actor);
    await ctx.resolveActor();
    let result: ExportAnswer;
    try {
      result = await answer(ctx, link.subjectId);
      await ctx.uow.commit();
    } catch (error) {
      await ctx.uow.rollback();
      if (error instanceof HavenError) {
        res.status(HttpStatus.NOT_FOUND).type('text').send('Not found');
        return;
      }
      throw error;
    }
    if (result.type === 'json') res.json(result.body);
    else res.type('html').send(result.body);
  }
}
