import { Logger } from '@nestjs/common';
import { SignJWT } from 'jose';
import { createSecretKey, generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../config/app-config';
import { HavenError } from '../errors/haven-error';
import { Clock } from '../time/clock';
import { Role } from './role';
import { mintToken, REMEMBERED_TOKENS, signHs256, TokenVerifier } from './token-verifier';

/** A clock stopped at one instant, so that every boundary is exact. */
class FixedClock extends Clock {
  constructor(private readonly instant: Date) {
    super();
  }
  override now(): Date {
    return this.instant;
  }
}

/** A clock moved on by the test. */
class MovingClock extends Clock {
  constructor(public instant: Date) {
    super();
  }
  override now(): Date {
    return this.instant;
  }
}

const NOW = new Date('2026-03-01T12:00:00Z');
const now = NOW.getTime() / 1000;

describe('TokenVerifier (HS256)', () => {
  const config = loadConfig({});
  const secret = config.auth.jwtSecret!;
  const verifier = new TokenVerifier(config, new FixedClock(NOW));
  const claims = { role: Role.SOCIAL_WORKER, org: 'E09000017', sub: 'sw-1', name: 'Sam Worker' };
  const payload = { ...claims, iat: now, exp: now + 3600 };
  const header = { alg: 'HS256', typ: 'JWT' };
  const hs256 = (body: Record<string, unknown>, head: Record<string, unknown> = header) =>
    `Bearer ${signHs256(head, body, secret)}`;
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  const rejection = async (header: string | undefined, by: TokenVerifier = verifier) => {
    try {
      await by.verify(header);
    } catch (error) {
      return error as HavenError;
    }
    throw new Error('expected the token to be refused');
  };

  it('accepts a token it minted, and says when it expires', async () => {
    const verified = await verifier.verify(`Bearer ${mintToken({ ...claims, issuedAt: NOW }, secret)}`);
    expect(verified).toMatchObject({
      sub: 'sw-1',
      role: 'SOCIAL_WORKER',
      org: 'E09000017',
      name: 'Sam Worker',
      las: [],
      expiresAt: new Date(NOW.getTime() + 12 * 3600_000),
    });
  });

  it('keeps the las claim of an analyst only', async () => {
    const analyst = await verifier.verify(
      `Bearer ${mintToken({ ...claims, role: Role.LSCB_ANALYST, las: ['E09000017', 'E09000002'], issuedAt: NOW }, secret)}`,
    );
    expect(analyst.las).toEqual(['E09000017', 'E09000002']);
  });

  it('accepts each boundary just inside: expired 59 s ago, issued 60 s ahead, a lifetime of exactly 12 h', async () => {
    await expect(
      verifier.verify(hs256({ ...payload, iat: now - 3600, exp: now - 59 })),
    ).resolves.toBeDefined();
    await expect(
      verifier.verify(hs256({ ...payload, iat: now + 60, exp: now + 3600 })),
    ).resolves.toBeDefined();
    await expect(verifier.verify(hs256({ ...payload, iat: now, exp: now + 43_200 }))).resolves.toBeDefined();
    // without iat, its remaining life is what is bounded
    await expect(verifier.verify(hs256({ ...claims, exp: now + 43_200 }))).resolves.toBeDefined();
  });

  it.each([
    ['no header', undefined],
    ['not a bearer', 'Basic abc'],
    ['garbage', 'Bearer not-a-token'],
    ['another secret', `Bearer ${signHs256(header, payload, 'another-secret-another-secret-xx')}`],
    [
      'expired 60 s ago (the tolerance)',
      `Bearer ${signHs256(header, { ...payload, exp: now - 60 }, secret)}`,
    ],
    [
      'issued 61 s in the future',
      `Bearer ${signHs256(header, { ...payload, iat: now + 61, exp: now + 3600 }, secret)}`,
    ],
    ['a lifetime of 12 h and 1 s', `Bearer ${signHs256(header, { ...payload, exp: now + 43_201 }, secret)}`],
    [
      'no iat, expiring 12 h and 1 s from now',
      `Bearer ${signHs256(header, { ...claims, exp: now + 43_201 }, secret)}`,
    ],
    ['no expiry', `Bearer ${signHs256(header, { ...claims, iat: now }, secret)}`],
    ['a string expiry', `Bearer ${signHs256(header, { ...payload, exp: String(now + 60) }, secret)}`],
    ['not yet valid (nbf)', `Bearer ${signHs256(header, { ...payload, nbf: now + 120 }, secret)}`],
    [
      'alg none',
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`,
    ],
    ['HS512', `Bearer ${signHs256({ alg: 'HS512' }, payload, secret)}`],
    [
      'an unknown crit header',
      `Bearer ${signHs256({ ...header, crit: ['x-haven-unknown'], 'x-haven-unknown': 1 }, payload, secret)}`,
    ],
    [
      'crit naming a header that is absent',
      `Bearer ${signHs256({ ...header, crit: ['exp'] }, payload, secret)}`,
    ],
    ['unknown role', `Bearer ${signHs256(header, { ...payload, role: 'KING' }, secret)}`],
    ['no subject', `Bearer ${signHs256(header, { ...payload, sub: '' }, secret)}`],
  ])('refuses %s as UNAUTHENTICATED, with one message for every reason', async (_, authorization) => {
    const error = await rejection(authorization);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('A valid bearer token is required');
  });

  it('refuses RS256 where the secret is expected (the algorithm is pinned)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    expect((await rejection(`Bearer ${token}`)).code).toBe('UNAUTHENTICATED');
    // and HS256 signed by jose itself is accepted: the hand-made signature is the standard one
    const josed = await new SignJWT(payload)
      .setProtectedHeader(header)
      .sign(createSecretKey(Buffer.from(secret)));
    await expect(verifier.verify(`Bearer ${josed}`)).resolves.toMatchObject({ sub: 'sw-1' });
  });

  it('logs why a token was refused, at warn, without the token', async () => {
    warn.mockClear();
    const token = signHs256(header, { ...payload, iat: now, exp: now + 50_000 }, secret);
    await rejection(`Bearer ${token}`);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toBe('Token refused: the token lives 50000 s, longer than the 43200 s allowed');
    expect(line).not.toContain(token.split('.')[1]);

    warn.mockClear();
    const expired = signHs256(header, { ...payload, exp: now - 3000 }, secret);
    await rejection(`Bearer ${expired}`);
    expect(String(warn.mock.calls[0][0])).toMatch(/^Token refused: ERR_JWT_EXPIRED: /);
    expect(String(warn.mock.calls[0][0])).not.toContain(expired.split('.')[2]);
  });

  it('takes its maximum lifetime and tolerance from the configuration', async () => {
    const strict = new TokenVerifier(
      loadConfig({ TOKEN_MAX_LIFETIME_SECONDS: '600', TOKEN_CLOCK_TOLERANCE_SECONDS: '0' }),
      new FixedClock(NOW),
    );
    await expect(strict.verify(hs256({ ...payload, exp: now + 600 }))).resolves.toBeDefined();
    await expect(strict.verify(hs256({ ...payload, exp: now + 601 }))).rejects.toBeInstanceOf(HavenError);
    await expect(strict.verify(hs256({ ...payload, iat: now + 1 }))).rejects.toBeInstanceOf(HavenError);
    await expect(strict.verify(hs256({ ...payload, iat: now - 10, exp: now }))).rejects.toBeInstanceOf(
      HavenError,
    );
    await expect(strict.verify(hs256({ ...payload, iat: now - 10, exp: now + 1 }))).resolves.toBeDefined();
  });

  describe('remembering verified tokens', () => {
    it('verifies a token once and answers the same claims after, until it expires as jose would', async () => {
      const clock = new MovingClock(NOW);
      const remembering = new TokenVerifier(config, clock);
      const token = hs256({ ...payload, exp: now + 600 });
      const first = await remembering.verify(token);
      expect(Object.isFrozen(first)).toBe(true);
      await expect(remembering.verify(token)).resolves.toBe(first);
      // still inside the clock tolerance after its expiry
      clock.instant = new Date((now + 600 + 59) * 1000 + 999);
      await expect(remembering.verify(token)).resolves.toBe(first);
      // expired by the tolerance: refused, remembered or not
      clock.instant = new Date((now + 600 + 60) * 1000);
      expect((await rejection(token, remembering)).code).toBe('UNAUTHENTICATED');
      expect((await rejection(token, new TokenVerifier(config, clock))).code).toBe('UNAUTHENTICATED');
    });

    it('never remembers a refusal, and forgets the oldest token beyond its limit', async () => {
      const remembering = new TokenVerifier(config, new MovingClock(NOW));
      const refused = hs256({ ...payload, exp: now + 43_201 });
      expect((await rejection(refused, remembering)).code).toBe('UNAUTHENTICATED');
      expect((await rejection(refused, remembering)).code).toBe('UNAUTHENTICATED');

      const oldest = hs256({ ...payload, sub: 'first' });
      const first = await remembering.verify(oldest);
      for (let index = 0; index < REMEMBERED_TOKENS; index += 1) {
        await remembering.verify(hs256({ ...payload, sub: `later-${index}` }));
      }
      const again = await remembering.verify(oldest);
      expect(again).toEqual(first);
      expect(again).not.toBe(first);
    });
  });
});
