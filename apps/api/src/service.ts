import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MIGRATIONS } from '@haven/migrations';
import {
  AppConfig,
  checkDatabaseReachable,
  EmbeddedPostgres,
  Logging,
  provisionServiceRole,
  runMigrations,
  bodyParsing,
  securityHeaders,
} from '@haven/platform';
import { WebApplication } from '@haven/web';
import { AppModule } from './app.module';

export interface RunningService {
  app: INestApplication;
  /** e.g. http://127.0.0.1:3000 (localhost when it listens on every interface) */
  url: string;
  /** The address it listens on: 127.0.0.1 in development unless HOST is set; :: or 0.0.0.0 for every interface. */
  host: string;
  /** The owner's URL (migrations); requests and workers connect as the service role. */
  databaseUrl: string;
  serviceDatabaseUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  /** From `installLogging`: every line through pino, one line per request. Absent: Nest's own logger. */
  logging?: Logging;
}

const DRAIN_TIMEOUT_MS = 15_000;

/** How to reach the address the service listens on from this machine. */
function displayHost(address: string): string {
  if (address === '::' || address === '0.0.0.0') return 'localhost';
  return address.includes(':') ? `[${address}]` : address;
}

/** Stops accepting connections and waits for the requests in flight, closing keep-alive sockets as they idle. */
function drainHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Starts Haven: the embedded PostgreSQL when no DATABASE_URL is given, the migrations (under a lock,
 * so instances may start together), the service's database role (bound by row-level security), then
 * the HTTP and GraphQL service, connected as that role.
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
    const serviceDatabaseUrl = await provisionServiceRole(databaseUrl, config.databaseServiceUrl);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config, databaseUrl: serviceDatabaseUrl, logging: options.logging?.params }),
      {
        logger: options.logging?.nest ?? ['log', 'warn', 'error'],
        abortOnError: false,
        // the body parsers are registered below, after the security headers: bad JSON is a GraphQL 400
        bodyParser: false,
      },
    );
    app.disable('x-powered-by');
    app.use(...securityHeaders(config.env === 'production'));
    app.use(...bodyParsing());
    // the practitioners' pages, sessions and sign-in, before Nest's own routes (/graphql among them)
    let listeningUrl = '';
    app.get(WebApplication).mount(app, () => listeningUrl);
    // development and test: loopback only unless HOST says otherwise; production: HOST, or every interface
    if (config.host) await app.listen(config.port, config.host);
    else await app.listen(config.port);
    const { port, address } = app.getHttpServer().address() as AddressInfo;
    listeningUrl = `http://${displayHost(address)}:${port}`;
    return {
      app,
      url: listeningUrl,
      host: address,
      databaseUrl,
      serviceDatabaseUrl,
      embedded: embedded !== undefined,
      close: async () => {
        // Nest closes modules (the database pool) before the HTTP server: drain HTTP first, so
        // that every request already accepted is answered before its connection goes away.
        await drainHttp(app.getHttpServer());
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
