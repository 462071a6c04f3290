import { Inject, Injectable } from '@nestjs/common';
import jwt, { GetPublicKeyOrSecret, JwtPayload, VerifyOptions } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { unauthenticated } from '../errors/haven-error';
import { TokenClaims } from './actor';
import { Role } from './role';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * Verifies bearer tokens: HS256 with the configured secret, or RS256/ES256 against a JWKS endpoint.
 * The algorithm list is pinned (never `none`) and an expiry is required.
 */
@Injectable()
export class TokenVerifier {
  private readonly jwks?: JwksClient;
  /**
   * Keys as KeyObjects, made once: given a string, jsonwebtoken first tries to parse it as a public
   * key (and throws) on every verification, a tenth of the service's time per request.
   */
  private readonly secretKey?: KeyObject;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.auth.jwtSecret) this.secretKey = createSecretKey(Buffer.from(config.auth.jwtSecret));
    if (config.auth.jwksUrl) {
      this.jwks = new JwksClient({
        jwksUri: config.auth.jwksUrl,
        cache: true,
        rateLimit: true,
        timeout: 5_000,
      });
    }
  }

  private publicKey(kid: string, pem: string): KeyObject {
    let key = this.publicKeys.get(`${kid}:${pem}`);
    if (!key) {
      key = createPublicKey(pem);
      this.publicKeys.set(`${kid}:${pem}`, key);
    }
    return key;
  }

  async verify(authorization: string | undefined): Promise<TokenClaims> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (!token) throw unauthenticated();
    const payload = await this.verifySignature(token);
    return parseClaims(payload);
  }

  private verifySignature(token: string): Promise<JwtPayload> {
    const options: VerifyOptions = {
      algorithms: this.jwks ? ['RS256', 'ES256'] : ['HS256'],
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      clockTolerance: 5,
    };
    const key: GetPublicKeyOrSecret | KeyObject = this.jwks
      ? (header, callback) => {
          this.jwks!.getSigningKey(header.kid)
            .then((signingKey) => callback(null, this.publicKey(signingKey.kid, signingKey.getPublicKey())))
            .catch((error: Error) => callback(error));
        }
      : this.secretKey!;
    return new Promise((resolve, reject) => {
      jwt.verify(token, key, options, (error, decoded) => {
        if (error || !decoded || typeof decoded === 'string') {
          const reason =
            error?.name === 'TokenExpiredError' ? 'The token has expired' : 'The token is not valid';
          reject(unauthenticated(reason));
        } else {
          resolve(decoded);
        }
      });
    });
  }
}

export function parseClaims(payload: JwtPayload): TokenClaims {
  const { sub, name, role, org, las, email, exp } = payload as Record<string, unknown>;
  if (typeof exp !== 'number') throw unauthenticated('The token must have an expiry');
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200)
    throw unauthenticated('The token has no subject');
  if (typeof role !== 'string' || !Object.values(Role).includes(role as Role)) {
    throw unauthenticated('The token names no known role');
  }
  if (typeof org !== 'string' || !CODE.test(org)) throw unauthenticated('The token names no organisation');
  const authorityCodes = Array.isArray(las)
    ? las.filter((code): code is string => typeof code === 'string')
    : [];
  if (authorityCodes.some((code) => !CODE.test(code)))
    throw unauthenticated('The token has a malformed las claim');
  return {
    sub,
    name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : sub,
    role: role as Role,
    org,
    las: (role as Role) === Role.LSCB_ANALYST ? authorityCodes : [],
    email: typeof email === 'string' ? email.slice(0, 320) : undefined,
  };
}

export interface DevelopmentTokenInput {
  role: Role;
  org: string;
  sub: string;
  name: string;
  las?: string[];
  email?: string;
  /** Lifetime in seconds (default 12 hours). */
  expiresIn?: number;
}

/** Mints an HS256 token for development and tests. */
export function mintToken(input: DevelopmentTokenInput, secret: string): string {
  const { expiresIn = 12 * 3600, ...claims } = input;
  const payload: Record<string, unknown> = { name: claims.name, role: claims.role, org: claims.org };
  if (claims.las?.length) payload.las = claims.las;
  if (claims.email) payload.email = claims.email;
  return jwt.sign(payload, secret, { algorithm: 'HS256', subject: claims.sub, expiresIn });
}
