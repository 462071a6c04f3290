import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  AppConfig,
  ConfigError,
  DatabaseUnreachableError,
  installLogging,
  loadConfig,
  safeUrl,
  ServiceRoleError,
} from '@haven/platform';
import { RunningService, startService } from './service';

const logger = new Logger('Haven');

async function main(): Promise<void> {
  let service: RunningService;
  let config: AppConfig;
  try {
    config = loadConfig();
    service = await startService(config, { logging: installLogging(config.logging) });
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseUnreachableError ||
      error instanceof ServiceRoleError
    ) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  announce(service, config);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing requests in flight, then stopping`);
    await service.close();
    process.exit(0);
  };
  // Our handlers replace the embedded database's own exit hook, which would stop PostgreSQL while
  // requests are still draining.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }
}

function announce(service: RunningService, config: AppConfig): void {
  const development = config.env === 'development';
  const everywhere = service.host === '::' || service.host === '0.0.0.0';
  const lines = [
    `Haven is listening on ${service.url}${everywhere ? ' (every interface)' : ''} (NODE_ENV=${config.env})`,
    `  GraphQL:  POST ${service.url}/graphql`,
    `  Health:   GET  ${service.url}/health`,
    ...(config.graphql.explorer ? [`  Explorer: ${service.url}/explorer (development only)`] : []),
    `  Database: ${service.embedded ? 'embedded PostgreSQL, ' : ''}${safeUrl(service.serviceDatabaseUrl)} (row-level security)`,
    // development tokens exist in development only
    ...(development && !config.auth.jwksUrl
      ? [
          'Mint a development token:',
          '  npm run token -- --role SOCIAL_WORKER --org E09000017 --sub sw-1 --name "Sam Worker"',
          'Load demo data: npm run seed -- --demo',
        ]
      : []),
  ];
  for (const line of lines) logger.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
