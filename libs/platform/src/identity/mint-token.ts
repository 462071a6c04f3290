import { createHmac } from 'node:crypto';
import type { Role } from './role-values';

/*
 * Minting development tokens, apart from the verifier so that `npm run token` loads no framework
 * (about a second, not several): it needs only node:crypto.
 */

export interface DevelopmentTokenInput {
  role: Role;
  org: string;
  sub: string;
  name: string;
  las?: string[];
  email?: string;
  /** Lifetime in seconds (default 12 hours). */
  expiresIn?: number;
  /** When it was issued (default now). */
  issuedAt?: Date;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Mints an HS256 token for development and tests: the compact JWS of RFC 7515, signed with
 * HMAC-SHA-256 (synchronously, so that tests can mint tokens inline; jose verifies them).
 */
export function mintToken(input: DevelopmentTokenInput, secret: string): string {
  const { expiresIn = 12 * 3600, issuedAt = new Date(), ...claims } = input;
  const iat = Math.floor(issuedAt.getTime() / 1000);
  const payload: Record<string, unknown> = {
    name: claims.name,
    role: claims.role,
    org: claims.org,
  };
  if (claims.las?.length) payload.las = claims.las;
  if (claims.email) payload.email = claims.email;
  Object.assign(payload, { sub: claims.sub, iat, exp: iat + expiresIn });
  return signHs256({ alg: 'HS256', typ: 'JWT' }, payload, secret);
}

/** A compact HS256 JWS over any header and payload (tests use it to craft tokens the verifier must refuse). */
export function signHs256(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string) {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
