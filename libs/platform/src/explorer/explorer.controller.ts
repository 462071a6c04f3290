import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dirname, join } from 'node:path';
import { PublicEndpoint } from '../access/allow.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EXPLORER_PAGE } from './explorer.page';

/** The assets GraphiQL needs, served from node_modules: the explorer works with no network. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'application/javascript',
  },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A file of an installed package; UMD builds are not in the packages' export maps, so go by folder. */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** An in-browser GraphQL explorer for development; absent in production. */
@Controller('explorer')
export class ExplorerController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @PublicEndpoint()
  page(@Res() res: Response): void {
    this.ensureEnabled();
    // GraphiQL adds a <style> element of its own, which no nonce can cover: inline styles are allowed
    // on this development-only page (scripts still only the service's own and the page's by nonce)
    const policy = String(res.get('content-security-policy') ?? '');
    res.setHeader(
      'content-security-policy',
      policy.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
    );
    // the web application has sent anyone not signed in to sign in, and set the session's CSRF token
    const token: unknown = res.locals.csrfToken;
    const csrfToken = typeof token === 'string' && /^[0-9a-f]+$/.test(token) ? token : '';
    res.type('html').send(EXPLORER_PAGE.replace('{{csrfToken}}', csrfToken));
  }

  @Get('assets/:name')
  @PublicEndpoint()
  asset(@Param('name') name: string, @Res() res: Response): void {
    this.ensureEnabled();
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException();
    res.type(asset.type).setHeader('cache-control', 'public, max-age=86400');
    res.sendFile(packageFile(asset.pkg, asset.file));
  }

  private ensureEnabled(): void {
    if (!this.config.graphql.explorer) throw new NotFoundException();
  }
}
