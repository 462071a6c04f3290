import { generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../config/app-config';
import { HavenError } from '../errors/haven-error';
import { TokenVerifier } from './token-verifier';

/** Production verification: RS256 tokens checked against an identity provider's JWKS endpoint. */
describe('TokenVerifier with a JWKS URL', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'key-1', use: 'sig', alg: 'RS256' };
  let server: Server;
  let verifier: TokenVerifier;
  const claims = { name: 'Sam', role: 'SOCIAL_WORKER', org: 'E09000017' };

  beforeAll(async () => {
    server = createServer((_, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new TokenVerifier(
      loadConfig({
        NODE_ENV: 'production',
        JWKS_URL: `http://127.0.0.1:${port}/jwks`,
        JWT_ISSUER: 'https://idp.test',
      }),
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (options: jwt.SignOptions, key: jwt.Secret = privateKey) =>
    `Bearer ${jwt.sign(claims, key, { subject: 'sw-1', issuer: 'https://idp.test', expiresIn: 60, keyid: 'key-1', ...options })}`;

  it('accepts a token signed by the provider', async () => {
    await expect(verifier.verify(sign({ algorithm: 'RS256' }))).resolves.toMatchObject({
      sub: 'sw-1',
      role: 'SOCIAL_WORKER',
    });
  });

  it('refuses HS256 (the development algorithm), another issuer and another key', async () => {
    const refuse = async (header: string) => {
      const error = await verifier.verify(header).catch((caught: unknown) => caught);
      expect((error as HavenError).code).toBe('UNAUTHENTICATED');
    };
    await refuse(sign({ algorithm: 'HS256' }, 'a-shared-secret-that-is-long-enough'));
    await refuse(sign({ algorithm: 'RS256', issuer: 'https://evil.test' }));
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    await refuse(sign({ algorithm: 'RS256' }, other));
  });
});
