import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { HavenError, unauthenticated } from '../errors/haven-error';
import { Clock } from '../time/clock';
import { TokenClaims } from './actor';
import { Role } from './role';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** How many verified secret-signed tokens are remembered (the oldest is forgotten first). */
export const REMEMBERED_TOKENS = 5_000;

/** Why a token was refused: logged (never the token), while the client sees one message. */
export class TokenRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRefusal';
  }
}

/**
 * Verifies bearer tokens with jose: HS256 with the configured secret, or RS256/ES256 against the
 * identity provider's JWKS (fetched again once it is `jwksCacheMaxAgeSeconds` old, so that a withdrawn
 * key stops working within that time). The algorithm list is pinned (never `none`); unknown `crit`
 * headers are refused (jose); an expiry is required, a lifetime (exp - iat) above the configured
 * maximum and an `iat` in the future (beyond the clock tolerance) are refused. Every refusal is the
 * same UNAUTHENTICATED to the client; its reason is logged at warn, without the token.
 *
 * A token verified with the secret is remembered until it expires (the same rule as jose's: refused
 * once `exp` is more than the clock tolerance ago), so that a practitioner's requests after the first
 * skip the HMAC: nothing it was checked against can change while the service runs. A token verified
 * against a JWKS is verified every time, so that a withdrawn key stops working as said above.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger('Authentication');
  private readonly jwks?: JWTVerifyGetKey;
  /** The secret as a KeyObject, made once. */
  private readonly secretKey?: KeyObject;
  private readonly clock: Clock;
  /** Secret-signed tokens verified already, by token, with their claims and expiry (seconds). */
  private readonly remembered = new Map<string, { claims: TokenClaims; exp: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() clock?: Clock,
  ) {
    this.clock = clock ?? new Clock();
    if (config.auth.jwksUrl) {
      this.jwks = createRemoteJWKSet(new URL(config.auth.jwksUrl), {
        cacheMaxAge: config.auth.jwksCacheMaxAgeSeconds * 1000,
        cooldownDuration: config.auth.jwksCooldownSeconds * 1000,
        timeoutDuration: 5_000,
      });
    } else if (config.auth.jwtSecret) {
      this.secretKey = createSecretKey(Buffer.from(config.auth.jwtSecret));
    }
  }

  async verify(authorization: string | undefined): Promise<TokenClaims> {
    try {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
      if (!token) throw new TokenRefusal(authorization ? 'not a bearer token' : 'no token');
      return this.recall(token) ?? this.remember(token, await this.verifySignature(token));
    } catch (error) {
      const reason =
        error instanceof TokenRefusal
          ? error.reason
          : error instanceof errors.JOSEError
            ? `${error.code}: ${error.message}`
            : error instanceof HavenError
              ? error.message
              : `verification failed: ${(error as Error).message}`;
      this.logger.warn(`Token refused: ${reason}`);
      throw unauthenticated();
    }
  }

  /** The claims of a secret-signed token verified before, while it has not expired. */
  private recall(token: string): TokenClaims | undefined {
    const known = this.remembered.get(token);
    if (!known) return undefined;
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    if (known.exp > nowSeconds - this.config.auth.clockToleranceSeconds) return known.claims;
    this.remembered.delete(token);
    return undefined;
  }

  private remember(token: string, payload: JWTPayload): TokenClaims {
    const claims = Object.freeze(parseClaims(payload));
    if (this.jwks) return claims;
    if (this.remembered.size >= REMEMBERED_TOKENS) {
      // a Map iterates in insertion order: the first key is the oldest
      this.remembered.delete(this.remembered.keys().next().value!);
    }
    this.remembered.set(token, { claims, exp: payload.exp! });
    return claims;
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    const { auth } = this.config;
    const now = this.clock.now();
    const options = {
      algorithms: this.jwks ? ['RS256', 'ES256'] : ['HS256'],
      issuer: auth.issuer,
      audience: auth.audience,
      clockTolerance: auth.clockToleranceSeconds,
      currentDate: now,
      requiredClaims: ['exp'],
    };
    const { payload } = this.jwks
      ? await jwtVerify(token, this.jwks, options)
      : await jwtVerify(token, this.secretKey!, options);
    checkLifetime(payload, now, auth.maxLifetimeSeconds, auth.clockToleranceSeconds);
    return payload;
  }
}

/**
 * The lifetime rules jose leaves to the caller: an expiry, no longer than `maxSeconds` after the token
 * was issued (without `iat`, no further than that from now), and not issued in the future.
 */
export function checkLifetime(payload: JWTPayload, now: Date, maxSeconds: number, toleranceSeconds: number) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new TokenRefusal('the token has no expiry');
  if (iat !== undefined) {
    if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new TokenRefusal('iat is not a number');
    if (iat > nowSeconds + toleranceSeconds) throw new TokenRefusal('the token was issued in the future');
    if (exp - iat > maxSeconds) {
      throw new TokenRefusal(`the token lives ${exp - iat} s, longer than the ${maxSeconds} s allowed`);
    }
  } else if (exp - nowSeconds > maxSeconds) {
    throw new TokenRefusal(`the token (no iat) expires more than ${maxSeconds} s from now`);
  }
}

export function parseClaims(payload: JWTPayload): TokenClaims {
  const { sub, name, role, org, las, email, exp } = payload as Record<string, unknown>;
  if (typeof exp !== 'number') throw new TokenRefusal('the token has no expiry');
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200)
    throw new TokenRefusal('the token has no subject');
  if (typeof role !== 'string' || !Object.values(Role).includes(role as Role)) {
    throw new TokenRefusal('the token names no known role');
  }
  if (typeof org !== 'string' || !CODE.test(org)) throw new TokenRefusal('the token names no organisation');
  const authorityCodes = Array.isArray(las)
    ? las.filter((code): code is string => typeof code === 'string')
    : [];
  if (authorityCodes.some((code) => !CODE.test(code)))
    throw new TokenRefusal('the token has a malformed las claim');
  return {
    sub,
    name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : sub,
    role: role as Role,
    org,
    las: (role as Role) === Role.LSCB_ANALYST ? authorityCodes : [],
    email: typeof email === 'string' ? email.slice(0, 320) : undefined,
    expiresAt: new Date(exp * 1000),
  };
}

export { mintToken, signHs256 } from './mint-token';
export type { DevelopmentTokenInput } from './mint-token';
