import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { MIGRATIONS } from '@haven/migrations';
import { AppConfig, checkDatabaseReachable, EmbeddedPostgres, runMigrations } from '@haven/platform';
import { AppModule } from './app.module';

export interface RunningService {
  app: INestApplication;
  /** e.g. http://localhost:3000 */
  url: string;
  databaseUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  logLevels?: LogLevel[] | false;
}

/**
 * Starts Haven: the embedded PostgreSQL when no DATABASE_URL is given, the migrations (under a lock,
 * so instances may start together), then the HTTP and GraphQL service.
 */
export async function startService(config: AppConfig, options: StartOptions = {}): Promise<RunningService> {
  const embedded = config.databaseUrl
    ? undefined
    : new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  const databaseUrl = config.databaseUrl ?? (await embedded!.start());
  try {
    await checkDatabaseReachable(databaseUrl);
    const applied = await runMigrations(databaseUrl, MIGRATIONS);
    if (applied.length > 0) new Logger('Migrations').log(`Applied ${applied.join(', ')}`);
    const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl }), {
      logger: options.logLevels ?? ['log', 'warn', 'error'],
      abortOnError: false,
    });
    app.getHttpAdapter().getInstance().disable('x-powered-by');
    await app.listen(config.port);
    const { port } = app.getHttpServer().address() as AddressInfo;
    return {
      app,
      url: `http://localhost:${port}`,
      databaseUrl,
      embedded: embedded !== undefined,
      close: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
