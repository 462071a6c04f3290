import 'reflect-metadata';
// before anything loads Nest's logger, which decides on colours when it is created
import '@haven/platform/config/no-colour-unless-terminal';
import { Logger } from '@nestjs/common';
import {
  AppConfig,
  ConfigError,
  DatabaseUnreachableError,
  installLogging,
  loadConfig,
  ServiceRoleError,
} from '@haven/platform';
import { startupBanner } from './banner';
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
  for (const line of startupBanner(service, config)) logger.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
