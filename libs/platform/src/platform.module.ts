import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule, Params } from 'nestjs-pino';
import { MixedList } from 'typeorm';
import { AccessGuard } from './access/access.guard';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditTrailService } from './audit/audit-trail.service';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { RequestContextFactory } from './context/request-context.factory';
import { dataSourceOptions } from './database/data-source';
import { ErrorLoggingFilter } from './errors/error-logging.filter';
import { DomainEvents } from './events/domain-events';
import { ExplorerController } from './explorer/explorer.controller';
import { ExportLinkOpener } from './exports/export-link.opener';
import { ExportLinks } from './exports/export-links';
import { createValidationPipe } from './graphql/validation.pipe';
import { HealthController } from './health/health.controller';
import { IdentityService } from './identity/identity.service';
import { Organisation } from './identity/organisation.entity';
import { OrganisationsService } from './identity/organisations.service';
import { Practitioner } from './identity/practitioner.entity';
import { PractitionersResolver } from './identity/practitioners.resolver';
import { PractitionersService } from './identity/practitioners.service';
import { PractitionerRateLimiter } from './identity/rate-limiter';
import { TokenVerifier } from './identity/token-verifier';
import { Clock } from './time/clock';

export const PLATFORM_RESOLVERS = [PractitionersResolver];

export interface PlatformOptions {
  config: AppConfig;
  databaseUrl: string;
  migrations: MixedList<Function>;
  /** nestjs-pino's settings (`installLogging`); absent: Nest's own logger, no per-request lines. */
  logging?: Params;
}

/** Configuration, database, identity, access, audit, errors and health, shared by every capability. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, databaseUrl, migrations, logging }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ...(logging ? [LoggerModule.forRoot(logging)] : []),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: databaseUrl, migrations, poolSize: config.databasePoolSize }),
          autoLoadEntities: true,
          retryAttempts: 0,
        }),
        TypeOrmModule.forFeature([Organisation, Practitioner, AuditEvent]),
      ],
      controllers: [HealthController, ExplorerController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorLoggingFilter },
        Clock,
        DomainEvents,
        ExportLinks,
        ExportLinkOpener,
        TokenVerifier,
        IdentityService,
        PractitionerRateLimiter,
        RequestContextFactory,
        OrganisationsService,
        PractitionersService,
        ...PLATFORM_RESOLVERS,
        AuditTrailService,
      ],
      exports: [
        APP_CONFIG,
        Clock,
        DomainEvents,
        ExportLinks,
        ExportLinkOpener,
        TokenVerifier,
        RequestContextFactory,
        IdentityService,
        OrganisationsService,
        PractitionersService,
        AuditTrailService,
      ],
    };
  }
}
