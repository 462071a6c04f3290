import { Logger } from '@nestjs/common';
import { exportJWK, generateKeyPair, JWK, JWTPayload, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../config/app-config';
import { HavenError } from '../errors/haven-error';
import { signHs256, TokenVerifier } from './token-verifier';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * Production verification: RS256/ES256 tokens checked against an identity provider's JWKS, served here
 * by a local endpoint on a free loopback port whose keys the tests change.
 */
describe('TokenVerifier with a JWKS URL', () => {
  const CACHE_SECONDS = 2;
  let server: Server;
  let verifier: TokenVerifier;
  let fetches = 0;
  /** What the provider publishes now. */
  let published: JWK[] = [];
  const keys: Record<string, { privateKey: PrivateKey; jwk: JWK; alg: string }> = {};
  const claims = { name: 'Sam', role: 'SOCIAL_WORKER', org: 'E09000017' };
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

  const makeKey = async (kid: string, alg: 'RS256' | 'ES256') => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    keys[kid] = { privateKey, alg, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
  };

  beforeAll(async () => {
    await makeKey('key-1', 'RS256');
    await makeKey('key-2', 'RS256');
    await makeKey('key-ec', 'ES256');
    await makeKey('not-published', 'RS256');
    published = [keys['key-1'].jwk, keys['key-ec'].jwk];
    server = createServer((_, res) => {
      fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new TokenVerifier(
      loadConfig({
        NODE_ENV: 'production',
        JWKS_URL: `http://127.0.0.1:${port}/jwks`,
        JWT_ISSUER: 'https://idp.test',
        EXPORT_LINK_SECRET: 'l'.repeat(40),
        SESSION_SECRET: 's'.repeat(40),
        JWKS_CACHE_MAX_AGE_SECONDS: String(CACHE_SECONDS),
        JWKS_COOLDOWN_SECONDS: '0',
      }),
    );
  });
  afterAll(async () => {
    warn.mockRestore();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // jose's fetch keeps its connection alive
    });
  });

  const sign = async (
    kid: string,
    payload: JWTPayload = {},
    header: Record<string, unknown> = {},
    crit?: Record<string, boolean>,
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      ...claims,
      sub: 'sw-1',
      iss: 'https://idp.test',
      iat: now,
      exp: now + 300,
      ...payload,
    })
      .setProtectedHeader({ alg: keys[kid].alg, kid, ...header })
      .sign(keys[kid].privateKey, crit ? { crit } : undefined);
    return `Bearer ${token}`;
  };
  const refused = async (authorization: string) => {
    const error = await verifier.verify(authorization).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HavenError);
    expect((error as HavenError).code).toBe('UNAUTHENTICATED');
    expect((error as HavenError).message).toBe('A valid bearer token is required');
  };

  it('accepts RS256 and ES256 tokens signed by the provider', async () => {
    await expect(verifier.verify(await sign('key-1'))).resolves.toMatchObject({
      sub: 'sw-1',
      role: 'SOCIAL_WORKER',
    });
    await expect(verifier.verify(await sign('key-ec'))).resolves.toMatchObject({ sub: 'sw-1' });
  });

  it('refuses HS256 (the development algorithm), another issuer, an unpublished key', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(
      `Bearer ${signHs256({ alg: 'HS256', kid: 'key-1' }, { ...claims, sub: 'x', iss: 'https://idp.test', iat: now, exp: now + 60 }, 'a-shared-secret-that-is-long-enough')}`,
    );
    await refused(await sign('key-1', { iss: 'https://evil.test' }));
    await refused(await sign('not-published'));
  });

  it('refuses an expired token, a future iat, an over-long lifetime, no expiry and an unknown crit', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(await sign('key-1', { iat: now - 7200, exp: now - 120 }));
    await refused(await sign('key-1', { iat: now + 120, exp: now + 600 }));
    await refused(await sign('key-1', { iat: now, exp: now + 12 * 3600 + 1 }));
    await refused(await sign('key-1', { exp: undefined }));
    await refused(
      await sign(
        'key-1',
        {},
        { crit: ['x-haven-unknown'], 'x-haven-unknown': true },
        { 'x-haven-unknown': true },
      ),
    );
    // and exactly 12 hours is accepted
    await expect(
      verifier.verify(await sign('key-1', { iat: now, exp: now + 12 * 3600 })),
    ).resolves.toBeDefined();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it(`stops accepting a withdrawn key once the JWKS it holds is ${CACHE_SECONDS} s old (JWKS_CACHE_MAX_AGE_SECONDS)`, async () => {
    // start from a freshly fetched JWKS
    await pause(CACHE_SECONDS * 1000 + 200);
    await expect(verifier.verify(await sign('key-1'))).resolves.toBeDefined();
    const fetched = fetches;
    // the provider withdraws key-1: until the cached JWKS is too old, it still verifies
    published = [keys['key-2'].jwk];
    await expect(verifier.verify(await sign('key-1'))).resolves.toBeDefined();
    expect(fetches).toBe(fetched);
    // from the first request after the cache's age, it does not
    await pause(CACHE_SECONDS * 1000 + 200);
    await refused(await sign('key-1'));
    expect(fetches).toBeGreaterThan(fetched);
  });

  it('accepts a newly published key at once (an unknown key id fetches the JWKS again)', async () => {
    published = [keys['key-1'].jwk];
    await pause(CACHE_SECONDS * 1000 + 200);
    await expect(verifier.verify(await sign('key-1'))).resolves.toBeDefined();
    published = [keys['key-1'].jwk, keys['key-2'].jwk];
    const fetched = fetches;
    await expect(verifier.verify(await sign('key-2'))).resolves.toBeDefined();
    expect(fetches).toBe(fetched + 1);
  });
});
