import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ExportLinkOpener, PublicEndpoint } from '@haven/platform';
import { renderProfilePage } from './missing-person-profile.page';
import { MissingPersonProfileService, PROFILE_LINK_PURPOSE } from './missing-person-profile.service';

/**
 * The printable profile at a URL: what a social worker or guardian hands to the police in one step.
 * Opening the link re-checks its maker's scope and is audited as an EXPORT.
 */
@Controller('exports/missing-person-profile')
export class MissingPersonProfileController {
  constructor(
    private readonly profiles: MissingPersonProfileService,
    private readonly opener: ExportLinkOpener,
  ) {}

  @Get(':token')
  @PublicEndpoint()
  print(
    @Param('token') token: string,
    @Query('format') format: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.opener.open(req, res, PROFILE_LINK_PURPOSE, token, async (ctx, childId) => {
      const profile = await this.profiles.export(ctx, childId, 'print');
      return format === 'json'
        ? { type: 'json', body: profile }
        : { type: 'html', body: renderProfilePage(profile) };
    });
  }
}
