import jwt from 'jsonwebtoken';
import { loadConfig } from '../config/app-config';
import { HavenError } from '../errors/haven-error';
import { mintToken, TokenVerifier } from './token-verifier';
import { Role } from './role';

describe('TokenVerifier', () => {
  const config = loadConfig({});
  const secret = config.auth.jwtSecret!;
  const verifier = new TokenVerifier(config);
  const claims = { role: Role.SOCIAL_WORKER, org: 'E09000017', sub: 'sw-1', name: 'Sam Worker' };

  const rejection = async (header: string | undefined) => {
    try {
      await verifier.verify(header);
    } catch (error) {
      return error as HavenError;
    }
    throw new Error('expected the token to be refused');
  };

  it('accepts a token it minted', async () => {
    const verified = await verifier.verify(`Bearer ${mintToken(claims, secret)}`);
    expect(verified).toMatchObject({
      sub: 'sw-1',
      role: 'SOCIAL_WORKER',
      org: 'E09000017',
      name: 'Sam Worker',
      las: [],
    });
  });

  it('keeps the las claim of an analyst only', async () => {
    const analyst = await verifier.verify(
      `Bearer ${mintToken({ ...claims, role: Role.LSCB_ANALYST, las: ['E09000017', 'E09000002'] }, secret)}`,
    );
    expect(analyst.las).toEqual(['E09000017', 'E09000002']);
  });

  it.each([
    ['no header', undefined],
    ['not a bearer', 'Basic abc'],
    ['garbage', 'Bearer not-a-token'],
    ['another secret', `Bearer ${mintToken(claims, 'another-secret-another-secret-xx')}`],
    ['expired', `Bearer ${mintToken({ ...claims, expiresIn: -60 }, secret)}`],
    [
      'alg none',
      `Bearer ${jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 }, '', { algorithm: 'none' })}`,
    ],
    ['no expiry', `Bearer ${jwt.sign({ ...claims }, secret, { algorithm: 'HS256' })}`],
    ['HS512', `Bearer ${jwt.sign({ ...claims }, secret, { algorithm: 'HS512', expiresIn: 60 })}`],
    ['unknown role', `Bearer ${mintToken({ ...claims, role: 'KING' as Role }, secret)}`],
  ])('refuses %s as UNAUTHENTICATED', async (_, header) => {
    expect((await rejection(header)).code).toBe('UNAUTHENTICATED');
  });
});
