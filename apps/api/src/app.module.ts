import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { Params } from 'nestjs-pino';
import { AgeAssessmentModule } from '@haven/age-assessment';
import { AlertsModule } from '@haven/alerts';
import { ChildrenModule } from '@haven/children';
import { DurableSolutionsModule } from '@haven/durable-solutions';
import { GuardianshipModule } from '@haven/guardianship';
import { MeetingsModule } from '@haven/meetings';
import { MissingModule } from '@haven/missing';
import { PlacementsModule } from '@haven/placements';
import { StatisticsModule } from '@haven/statistics';
import { WebModule } from '@haven/web';
import { MIGRATIONS } from '@haven/migrations';
import {
  APP_CONFIG,
  AppConfig,
  graphqlOptions,
  PlatformModule,
  RequestContextFactory,
} from '@haven/platform';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  logging?: Params;
}

/** The service: the platform, one module per capability, and the GraphQL endpoint over them. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logging }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, databaseUrl, migrations: MIGRATIONS, logging }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [APP_CONFIG, RequestContextFactory],
          useFactory: graphqlOptions,
        }),
        ChildrenModule,
        GuardianshipModule,
        AgeAssessmentModule,
        PlacementsModule,
        MissingModule,
        DurableSolutionsModule,
        AlertsModule,
        MeetingsModule,
        StatisticsModule,
        WebModule,
      ],
    };
  }
}
