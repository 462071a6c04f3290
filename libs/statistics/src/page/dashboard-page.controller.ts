import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dirname, join } from 'node:path';
import { PublicEndpoint } from '@haven/platform';
import { DASHBOARD_PAGE, DASHBOARD_SCRIPT } from './dashboard.page';

/**
 * The dashboard page and its assets, served by the service (no CDN). The page holds no data: it asks
 * GraphQL with the token the user pastes, and the figures come back already suppressed.
 */
@Controller('dashboard')
export class DashboardPageController {
  @Get()
  @PublicEndpoint()
  page(@Res() res: Response): void {
    // the Content-Security-Policy is the service's own (securityHeaders): a nonce for the inline style
    res.type('html').send(DASHBOARD_PAGE);
  }

  @Get('assets/dashboard.js')
  @PublicEndpoint()
  script(@Res() res: Response): void {
    res.type('application/javascript').send(DASHBOARD_SCRIPT);
  }

  @Get('assets/chart.js')
  @PublicEndpoint()
  chart(@Res() res: Response): void {
    res.type('application/javascript').setHeader('cache-control', 'public, max-age=86400');
    // the package exports only its module builds; the UMD bundle sits beside the CommonJS one
    res.sendFile(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'));
  }
}
