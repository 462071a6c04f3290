import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signHs256 } from '@haven/platform';
import { analyst, Caller, HILLINGDON, socialWorker, TestApp } from './support/test-app';

const SUBSCRIPTION = 'subscription { alertRaised { id } }';
const now = () => Math.floor(Date.now() / 1000);

/**
 * A subscription's socket lives no longer than its token (issue 15, item 4): closed with 4401 when the
 * token expires or is not valid, 4403 when the caller may not subscribe.
 */
describe('subscription sockets', () => {
  let app: TestApp;
  const clients: Client[] = [];
  const worker = socialWorker(HILLINGDON, 'sw-sockets');

  beforeAll(async () => {
    app = await TestApp.start();
    await app.ok(worker, '{ me { id } }');
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await app.close();
  });

  /** Connects with `token`, subscribes, and resolves with how and when the socket closed. */
  function connect(token: string): {
    connected: Promise<number>;
    closed: Promise<{ code: number; reason: string; at: number }>;
  } {
    const client = createClient({
      url: app.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    const connected = new Promise<number>((resolve) => client.on('connected', () => resolve(Date.now())));
    const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
      client.on('closed', (event) => {
        const { code, reason } = event as { code: number; reason: string };
        resolve({ code, reason, at: Date.now() });
      }),
    );
    client.subscribe(
      { query: SUBSCRIPTION },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    return { connected, closed };
  }

  it('closes the socket with 4401 when its token expires, and not before', async () => {
    const lifetime = 4;
    const issued = Date.now();
    const { connected, closed } = connect(app.token(worker, lifetime));
    await connected;
    const outcome = await closed;
    expect(outcome.code).toBe(4401);
    expect(outcome.reason).toBe('Token expired');
    // the token's exp is whole seconds: it expired between lifetime - 1 and lifetime seconds after issue
    expect(outcome.at - issued).toBeGreaterThanOrEqual((lifetime - 1) * 1000);
    expect(outcome.at - issued).toBeLessThan((lifetime + 2) * 1000);
  });

  it('keeps a socket whose token is still valid open', async () => {
    const { connected, closed } = connect(app.token(worker, 600));
    await connected;
    const early = await Promise.race([
      closed,
      new Promise((resolve) => setTimeout(() => resolve('open'), 1500)),
    ]);
    expect(early).toBe('open');
  });

  it.each([
    ['a malformed token', () => 'not-a-token'],
    ['an expired token', () => app.token(worker, -120)],
    [
      'a token signed with another secret',
      () =>
        signHs256(
          { alg: 'HS256' },
          { ...worker, iat: now(), exp: now() + 600 },
          'not-the-service-secret-not-it',
        ),
    ],
  ])('closes the socket of %s with 4401, before any subscription', async (_, token) => {
    const { closed } = connect(token());
    expect(await closed).toMatchObject({ code: 4401, reason: 'Unauthorized' });
  });

  it('closes with 4403 when the caller may not subscribe (an analyst has no alerts)', async () => {
    const { connected, closed } = connect(app.token(analyst([HILLINGDON], 'analyst-sockets')));
    await connected;
    expect(await closed).toMatchObject({ code: 4403, reason: 'Forbidden' });
  });

  it('closes with 4403 when the token names no known authority', async () => {
    const stranger: Caller = { ...worker, org: 'E99999999', sub: 'sw-nowhere' };
    const { closed } = connect(app.token(stranger));
    expect(await closed).toMatchObject({ code: 4403, reason: 'Forbidden' });
  });
});
