import { Controller, Get, HttpStatus, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HavenError, IdentityService, PublicEndpoint, RequestContextFactory } from '@haven/platform';
import { renderProfilePage } from './missing-person-profile.page';
import { MissingPersonProfileService } from './missing-person-profile.service';

/**
 * The printable profile at a URL: what a social worker or guardian hands to the police in one step.
 * The link is short-lived and signed for one child and the practitioner who made it; opening it
 * re-checks that practitioner's scope and is audited as an EXPORT.
 */
@Controller('exports/missing-person-profile')
export class MissingPersonProfileController {
  constructor(
    private readonly profiles: MissingPersonProfileService,
    private readonly identity: IdentityService,
    private readonly contexts: RequestContextFactory,
  ) {}

  @Get(':token')
  @PublicEndpoint()
  async print(
    @Param('token') token: string,
    @Query('format') format: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    const link = this.profiles.readLink(token);
    if (link === 'expired') {
      res
        .status(HttpStatus.GONE)
        .type('text')
        .send('This link has expired: open the profile again in Haven.');
      return;
    }
    const actor = link ? await this.identity.actorFor(link.practitionerId) : null;
    if (!link || !actor) {
      res.status(HttpStatus.NOT_FOUND).type('text').send('Not found');
      return;
    }
    const ctx = this.contexts.forActor(actor);
    await ctx.resolveActor();
    try {
      const profile = await this.profiles.export(ctx, link.childId, 'print');
      await ctx.uow.commit();
      if (format === 'json') res.json(profile);
      else res.type('html').send(renderProfilePage(profile));
    } catch (error) {
      await ctx.uow.rollback();
      if (error instanceof HavenError) res.status(HttpStatus.NOT_FOUND).type('text').send('Not found');
      else throw error;
    }
  }
}
