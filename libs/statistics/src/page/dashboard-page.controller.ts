import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dirname, join } from 'node:path';
import { PublicEndpoint } from '@haven/platform';
import { DASHBOARD_PAGE, DASHBOARD_SCRIPT } from './dashboard.page';

/**
 * The dashboard page and its assets, served by the service (no CDN). The page holds no data: it asks
 * GraphQL with the signed-in practitioner's session (the web application sends anyone else to sign
 * in first, and sets the session's CSRF token, which the page sends with each request), and the
 * figures come back already suppressed.
 */
/** The session's CSRF token, set by the web application for a signed-in practitioner (hex: safe in an attribute). */
function csrfTokenOf(res: Response): string {
  const token: unknown = res.locals.csrfToken;
  return typeof token === 'string' && /^[0-9a-f]+$/.test(token) ? token : '';
}

@Controller('dashboard')
export class DashboardPageController {
  @Get()
  @PublicEndpoint()
  page(@Res() res: Response): void {
    // the Content-Security-Policy is the service's own (securityHeaders): a nonce for the inline style
    res.type('html').send(DASHBOARD_PAGE.replace('{{csrfToken}}', csrfTokenOf(res)));
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
