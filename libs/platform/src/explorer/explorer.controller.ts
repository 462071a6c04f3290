import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicEndpoint } from '../access/allow.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EXPLORER_PAGE } from './explorer.page';

/** The assets GraphiQL needs, served from node_modules: the explorer works with no network. */
const ASSETS: Record<string, { module: string; type: string }> = {
  'react.js': { module: 'react/umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.js': { module: 'react-dom/umd/react-dom.production.min.js', type: 'application/javascript' },
  'graphiql.js': { module: 'graphiql/graphiql.min.js', type: 'application/javascript' },
  'graphiql.css': { module: 'graphiql/graphiql.min.css', type: 'text/css' },
};

/** An in-browser GraphQL explorer for development; absent in production. */
@Controller('explorer')
export class ExplorerController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @PublicEndpoint()
  page(@Res() res: Response): void {
    this.ensureEnabled();
    res.type('html').send(EXPLORER_PAGE);
  }

  @Get('assets/:name')
  @PublicEndpoint()
  asset(@Param('name') name: string, @Res() res: Response): void {
    this.ensureEnabled();
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException();
    res.type(asset.type).setHeader('cache-control', 'public, max-age=86400');
    res.sendFile(require.resolve(asset.module));
  }

  private ensureEnabled(): void {
    if (!this.config.graphql.explorer) throw new NotFoundException();
  }
}
