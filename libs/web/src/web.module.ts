import { Module } from '@nestjs/common';
import { WebGraphQL } from './graphql/web-graphql';
import { WebApplication } from './web-application';

/** The practitioners' web application (web-app.md), mounted by the API process: `WebApplication.mount`. */
@Module({
  providers: [WebGraphQL, WebApplication],
  exports: [WebApplication],
})
export class WebModule {}
