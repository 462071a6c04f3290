import 'reflect-metadata';
// before anything loads Nest's logger, which decides on colours when it is created
import '@haven/platform/config/no-colour-unless-terminal';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MIGRATIONS } from '@haven/migrations';
import {
  checkDatabaseReachable,
  ConfigError,
  DatabaseUnreachableError,
  EmbeddedPostgres,
  installLogging,
  loadConfig,
  provisionServiceRole,
  runMigrations,
  ServiceRoleError,
} from '@haven/platform';
import { WorkerModule } from './worker.module';

const logger = new Logger('HavenWorker');

/** `apps/worker`: alert scans and notification delivery in a process of their own. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...process.env, ALERT_WORKERS: 'true' });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logging = installLogging(config.logging);
  const embedded = config.databaseUrl
    ? undefined
    : new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  let databaseUrl: string;
  try {
    databaseUrl = config.databaseUrl ?? (await embedded!.start());
    await checkDatabaseReachable(databaseUrl);
  } catch (error) {
    // ConfigError: a DATA_DIR the embedded server's postgres user cannot reach
    if (error instanceof DatabaseUnreachableError || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await runMigrations(databaseUrl, MIGRATIONS);
  let serviceDatabaseUrl: string;
  try {
    serviceDatabaseUrl = await provisionServiceRole(databaseUrl, config.databaseServiceUrl);
  } catch (error) {
    if (error instanceof ServiceRoleError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, serviceDatabaseUrl), {
    logger: logging.nest,
    abortOnError: false,
  });
  await app.init();
  logger.log(
    `Haven worker running: alert scan every ${config.alerts.scanIntervalSeconds}s, delivery every ${config.alerts.deliveryPollSeconds}s`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the current scan and deliveries, then stopping`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
