import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEVELOPMENT_JWT_SECRET, mintToken, Role } from '@haven/platform';
import { newChild } from './support/factories';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/database';
import { freePort } from './support/ports';
import {
  HILLINGDON,
  socialWorker,
  spawnService,
  stopProcess,
  TestApp,
  testJwtSecret,
} from './support/test-app';

const MAIN = join(__dirname, '../dist/apps/api/src/main.js');

describe('operations', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-ops');

  beforeAll(async () => {
    // development: the explorer and introspection are development conveniences (not in test or production)
    app = await TestApp.start({ NODE_ENV: 'development', GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_COST: '400' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers /health with the database state', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('refuses a query deeper than the limit before running it', async () => {
    const deep = `{ me { organisation { id } } children { edges { node { allocatedWorker { organisation { id } } } } } }`;
    const response = await app.gql(worker, deep);
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0].message).toMatch(/depth/i);
    expect(await app.query(`SELECT count(*)::int AS n FROM audit_event`)).toEqual([{ n: 0 }]);
  });

  it('refuses a query costlier than the budget before running it', async () => {
    const fields = Array.from(
      { length: 40 },
      (_, index) => `a${index}: children { totalCount edges { node { id givenName } } }`,
    ).join(' ');
    const response = await app.gql(worker, `{ ${fields} }`);
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0].message).toMatch(/cost|alias/i);
  });

  it('refuses batched HTTP requests', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token(worker)}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('masks unexpected errors: no stack, no SQL', async () => {
    // a value PostgreSQL refuses that no validation foresaw: a year beyond what a date can hold
    const child = await newChild(app, worker);
    await app.query(
      `ALTER TABLE child ADD CONSTRAINT ops_test_refuse CHECK (preferred_name IS DISTINCT FROM 'boom')`,
    );
    try {
      const response = await app.gql(
        worker,
        `mutation($id: ID!) { updateChild(input: { id: $id, expectedVersion: 1, preferredName: "boom" }) { id } }`,
        {
          id: child.id,
        },
      );
      expect(response.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['updateChild'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(response)).not.toMatch(/ops_test_refuse|constraint|UPDATE|at /);
    } finally {
      await app.query(`ALTER TABLE child DROP CONSTRAINT ops_test_refuse`);
    }
  });

  it('serves exactly the committed schema.graphql', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    const { data } = (await response.json()) as { data: IntrospectionQuery };
    const served = printSchema(lexicographicSortSchema(buildClientSchema(data)));
    const committed = printSchema(
      lexicographicSortSchema(buildSchema(readFileSync(join(__dirname, '../schema.graphql'), 'utf8'))),
    );
    expect(served).toEqual(committed);
  });

  it('serves the GraphQL explorer with its assets from the service itself', async () => {
    // to a signed-in practitioner: its requests are theirs
    const page = await fetch(`${app.url}/explorer`, { headers: { cookie: await app.session(worker) } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/explorer/assets/graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const response = await fetch(`${app.url}/explorer/assets/${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${app.url}/explorer/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});

describe('in production', () => {
  let app: TestApp;
  const secret = 'a-production-secret-of-at-least-32-characters';
  const worker = socialWorker(HILLINGDON, 'sw-production');

  beforeAll(async () => {
    app = await TestApp.start({
      NODE_ENV: 'production',
      JWT_SECRET: secret,
      EXPORT_LINK_SECRET: 'an-export-link-key-of-its-own-32-chars-at-least',
      SQL_STATEMENT_HEADER: 'true',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (query: string) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${mintToken({ ...worker, name: 'Sam' }, secret)}`,
      },
      body: JSON.stringify({ query }),
    });

  it('answers no introspection, suggests no field names, and counts no statements aloud', async () => {
    const introspection = await post(getIntrospectionQuery());
    const introspected = (await introspection.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(introspected.data ?? null).toBeNull();
    expect(introspected.errors?.[0]?.message).toMatch(/introspection/i);

    const typo = await post('{ childre { totalCount } }');
    const answer = (await typo.json()) as { errors?: { message: string }[] };
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.errors)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(answer.errors)).not.toMatch(/children/);

    const listed = await post('{ children { totalCount } }');
    expect(listed.status).toBe(200);
    expect(listed.headers.get('x-haven-sql-statements')).toBeNull();
  });

  it('serves no explorer', async () => {
    expect((await fetch(`${app.url}/explorer`)).status).toBe(404);
  });
});

describe('the process', () => {
  it.each(['staging', 'Production', 'prod', ' production', 'development '])(
    'refuses NODE_ENV=%p in one line',
    (value) => {
      const result = spawnSync(process.execPath, [MAIN], {
        env: { ...process.env, NODE_ENV: value, DATABASE_URL: 'postgres://x@127.0.0.1:1/x' },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        `Invalid configuration: NODE_ENV must be development, test or production (got ${JSON.stringify(value)})`,
      );
    },
  );

  it('refuses to start in production without a key of its own for export links, in one line', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
        EXPORT_LINK_SECRET: '',
        DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: EXPORT_LINK_SECRET is required when NODE_ENV=production (the same on every instance)',
    );
  });

  it('listens on loopback only in development, and where HOST says when it is set', async () => {
    const database = await createTestDatabase();
    // an address of this machine that is not loopback, if it has one
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
    const reach = async (host: string, port: string) => {
      try {
        return (await fetch(`http://${host}:${port}/health`, { signal: AbortSignal.timeout(3000) })).status;
      } catch {
        return 'unreachable';
      }
    };
    try {
      const env = { NODE_ENV: 'development', DATABASE_URL: databaseUrl(database) };
      const loopback = await spawnService(env);
      try {
        expect(loopback.listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const port = new URL(loopback.listening).port;
        expect(await reach('127.0.0.1', port)).toBe(200);
        if (external) expect(await reach(external, port)).toBe('unreachable');
      } finally {
        await stopProcess(loopback.child);
      }
      const everywhere = await spawnService({ ...env, HOST: '0.0.0.0' });
      try {
        const port = new URL(everywhere.listening).port;
        expect(await reach('127.0.0.1', port)).toBe(200);
        if (external) expect(await reach(external, port)).toBe(200);
      } finally {
        await stopProcess(everywhere.child);
      }
    } finally {
      await dropTestDatabase(database);
    }
  });

  it('refuses to start in production with the development secret, in one line', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: DEVELOPMENT_JWT_SECRET,
        EXPORT_LINK_SECRET: 'an-export-link-key-of-its-own-32-chars-at-least',
        DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/JWT_SECRET is the development secret/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses, in one line, to connect as a role that row-level security would not bind', async () => {
    const database = await createTestDatabase();
    try {
      const owner = databaseUrl(database);
      const result = spawnSync(process.execPath, [MAIN], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          PORT: '0',
          DATABASE_URL: owner,
          DATABASE_SERVICE_URL: owner,
        },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/The service must not connect as postgres: it owns the tables/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await dropTestDatabase(database);
    }
  });

  it('says in one line that the database cannot be reached', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: 'postgres://haven:secret@127.0.0.1:1/haven' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Cannot reach the database at postgres://haven:***@127.0.0.1:1/haven: connection refused',
    );
  });

  it('runs its own PostgreSQL under DATA_DIR and keeps every record across restarts, even after kill -9', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'haven-restart-'));
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '' };
    const token = mintToken(
      { role: Role.SOCIAL_WORKER, org: HILLINGDON, sub: 'sw-restart', name: 'Sam' },
      testJwtSecret(),
    );
    const post = async (url: string, query: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data: any; errors?: unknown[] };
    };
    const list = `{ children { totalCount edges { node { givenName } } } }`;
    try {
      const first = await spawnService(env);
      const created = await post(
        first.listening,
        `mutation { registerChild(input: { givenName: "Dawit", gender: MALE }) { id } }`,
      );
      expect(created.errors).toBeUndefined();
      expect(await stopProcess(first.child)).toBe(0);

      const second = await spawnService(env);
      expect((await post(second.listening, list)).data.children.totalCount).toBe(1);
      // a command beside the running service shares its database rather than starting another
      const migrate = spawnSync(
        process.execPath,
        [join(__dirname, '../dist/apps/cli/src/main.js'), 'migrate'],
        {
          env: { ...process.env, NODE_ENV: 'test', ...env },
          encoding: 'utf8',
        },
      );
      expect(migrate.stdout).toMatch(/up to date/);
      await post(
        second.listening,
        `mutation { registerChild(input: { givenName: "Senait", gender: FEMALE }) { id } }`,
      );
      // killed outright, it leaves PostgreSQL running without its owner; the next start takes over
      await stopProcess(second.child, 'SIGKILL');

      const third = await spawnService(env);
      const read = await post(third.listening, list);
      expect(read.data.children.edges.map((edge: any) => edge.node.givenName).sort()).toEqual([
        'Dawit',
        'Senait',
      ]);
      expect(await stopProcess(third.child)).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // three starts of the service and its own PostgreSQL (initdb included): ~30 s alone, more on a busy machine
  }, 180_000);

  it('finishes requests in flight on SIGTERM, then exits cleanly', async () => {
    const app = await TestApp.start();
    try {
      const worker = socialWorker(HILLINGDON, 'sw-drain');
      await app.ok(worker, '{ me { id } }');
      const inFlight = Array.from({ length: 20 }, (_, index) =>
        app.gql(
          worker,
          `mutation { registerChild(input: { givenName: "Drain ${index}", gender: FEMALE }) { id } }`,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      const exit = app.stop();
      const responses = await Promise.allSettled(inFlight);
      expect(await exit).toBe(0);
      const answered = responses.filter(
        (result) => result.status === 'fulfilled' && !result.value.errors,
      ).length;
      const [{ n }] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM child WHERE given_name LIKE 'Drain %'`,
      );
      // every request the service accepted was answered and committed; none was cut off half-way
      expect(n).toBe(answered);
      expect(
        responses.every(
          (result) => result.status === 'fulfilled' || /fetch failed/.test(String(result.reason)),
        ),
      ).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('rate limits', () => {
  it('answers a practitioner past the limit with TOO_MANY_REQUESTS, and no one else', async () => {
    const app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const busy = socialWorker(HILLINGDON, 'sw-busy');
      const responses = [];
      for (let index = 0; index < 6; index += 1) responses.push(await app.gql(busy, '{ me { id } }'));
      expect(responses.slice(0, 5).every((response) => !response.errors)).toBe(true);
      const refused = responses[5];
      expect(refused.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
      expect(refused.errors![0].message).toMatch(/Too many requests: try again in \d+ seconds/);
      expect((await app.gql(socialWorker(HILLINGDON, 'sw-calm'), '{ me { id } }')).errors).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
