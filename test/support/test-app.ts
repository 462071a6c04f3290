import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { mintToken, Role } from '@haven/platform';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './database';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: GraphQLError[];
}

export interface Caller {
  role: Role;
  org: string;
  sub: string;
  name?: string;
  las?: string[];
}

/** The harness's token secret (made by the global setup for this run; never the development one). */
export function testJwtSecret(): string {
  const secret = process.env.JWT_SECRET;
  if (!secret) throw new Error('JWT_SECRET is not set: the end-to-end global setup makes one');
  return secret;
}

/** Authorities of the reference data used across the tests. */
export const HILLINGDON = 'E09000017';
export const KENT = 'E10000016';
export const GLASGOW = 'S12000049';
export const CARDIFF = 'W06000015';
export const BELFAST = 'ZT001';

/**
 * The built service (dist/) running as its own process against a database of its own, cloned from
 * the migrated template, and driven over HTTP as clients drive it.
 */
export class TestApp {
  readonly db: Pool;
  private countEveryTable?: string;

  private constructor(
    private readonly process: ChildProcess,
    readonly url: string,
    readonly databaseUrl: string,
    private readonly database: string,
    private readonly secret: string,
    readonly output: string[],
  ) {
    this.db = new Pool({ connectionString: databaseUrl, max: 4 });
    // an idle connection ended by the server (a test file's database dropped at its end, a busy CI
    // machine) is not a failure of the test; a query on a broken connection still fails it
    this.db.on('error', () => undefined);
  }

  static async start(env: Record<string, string> = {}): Promise<TestApp> {
    const database = await createTestDatabase();
    const url = databaseUrl(database);
    const { child, listening, output } = await spawnService({ DATABASE_URL: url, ...env });
    return new TestApp(child, listening, url, database, env.JWT_SECRET || testJwtSecret(), output);
  }

  token(caller: Caller, expiresIn?: number, issuedAt?: Date): string {
    return mintToken({ ...caller, name: caller.name ?? caller.sub, expiresIn, issuedAt }, this.secret);
  }

  /** A token that also carries the practitioner's e-mail address, as an identity provider's would. */
  tokenWithEmail(caller: Caller, email: string): string {
    return mintToken({ ...caller, name: caller.name ?? caller.sub, email }, this.secret);
  }

  /**
   * A browser session for the caller, signed in through the development route (not in production):
   * the cookie to send ("name=value"). The response ends once the session's row is written.
   */
  async session(caller: Caller): Promise<string> {
    const response = await fetch(`${this.url}/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        role: caller.role,
        org: caller.org,
        sub: caller.sub,
        name: caller.name ?? caller.sub,
        las: (caller.las ?? []).join(','),
      }).toString(),
      redirect: 'manual',
    });
    await response.text();
    const cookie = response.headers.get('set-cookie');
    if (response.status !== 303 || !cookie)
      throw new Error(`The development sign-in answered ${response.status}`);
    return cookie.split(';')[0];
  }

  async gql<T = Record<string, any>>(
    caller: Caller | string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller) headers.authorization = `Bearer ${typeof caller === 'string' ? caller : this.token(caller)}`;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async ok<T = Record<string, any>>(
    caller: Caller | string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await this.gql<T>(caller, query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    }
    return response.data;
  }

  async query<R = Record<string, any>>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.db.query(sql, params)).rows as R[];
  }

  /** Row counts of the given tables, to show that a refused request wrote nothing. */
  async counts(...tables: string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row.n;
    }
    return counts;
  }

  /** Every table's row count in one string, to show that a refused request wrote nothing anywhere. */
  async everyTableCount(): Promise<string> {
    if (!this.countEveryTable) {
      const tables = await this.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`,
      );
      this.countEveryTable = `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table.name})`).join(" || ',' || ")} AS counts`;
    }
    return (await this.query<{ counts: string }>(this.countEveryTable))[0].counts;
  }

  /** Starts the worker process (alert scans and delivery) on this service's database. */
  spawnWorker(env: Record<string, string> = {}): { process: ChildProcess; output: string[] } {
    const output: string[] = [];
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: { ...process.env, NODE_ENV: 'test', NO_COLOR: '1', DATABASE_URL: this.databaseUrl, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return { process: child, output };
  }

  /** Stops the service with SIGTERM and waits for it to exit; returns its exit code. */
  async stop(): Promise<number | null> {
    return stopProcess(this.process);
  }

  async close(): Promise<void> {
    await this.stop();
    await this.db.end();
    await dropTestDatabase(this.database);
  }
}

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');
const WORKER_MAIN = resolve(__dirname, '../../dist/apps/worker/src/main.js');

/** Starts `node dist/apps/api/src/main.js` and waits for it to say where it listens. */
export async function spawnService(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; listening: string; output: string[] }> {
  if (!existsSync(MAIN)) throw new Error('Build the service first: npm run build');
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      NO_COLOR: '1',
      ALERT_WORKERS: 'false',
      // every test client is on loopback and many send no token: a test that wants the limit sets it
      RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const listening = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The service did not start:\n${output.join('')}`)),
      30_000,
    );
    let started = false;
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      // HAVEN_TEST_LOGS=1 shows the services' own logs while debugging a test
      if (process.env.HAVEN_TEST_LOGS) process.stderr.write(chunk);
      // every request writes a line: look for the banner only until it is found
      if (started) return;
      const match = /Haven is listening on (http:\/\/[^\s"]+)/.exec(output.join(''));
      if (match) {
        started = true;
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The service exited with ${code}:\n${output.join('')}`));
    });
  });
  return { child, listening, output };
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
    child.kill(signal);
  });
}

export function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

export const socialWorker = (org = HILLINGDON, sub = `sw-${org}`): Caller => ({
  role: Role.SOCIAL_WORKER,
  org,
  sub,
  name: 'Sam Worker',
});
export const teamManager = (org = HILLINGDON, sub = `tm-${org}`): Caller => ({
  role: Role.TEAM_MANAGER,
  org,
  sub,
  name: 'Tara Manager',
});
export const guardian = (org = 'ICTG-TEST', sub = `guardian-${org}`): Caller => ({
  role: Role.GUARDIAN,
  org,
  sub,
  name: 'Gail Guardian',
});
export const analyst = (las: string[] = [HILLINGDON], sub = 'analyst-1'): Caller => ({
  role: Role.LSCB_ANALYST,
  org: 'LSCP-TEST',
  sub,
  name: 'Ana Lyst',
  las,
});
export const admin = (): Caller => ({
  role: Role.ADMIN,
  org: 'HAVEN-OPS',
  sub: 'admin-1',
  name: 'Ada Admin',
});
