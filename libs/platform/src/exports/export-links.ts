import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { errors, JWTPayload, jwtVerify } from 'jose';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { signHs256 } from '../identity/token-verifier';

export interface ExportLink {
  practitionerId: string;
  subjectId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A compact JWS, and no longer than any link this service makes could be. */
const COMPACT = /^[A-Za-z0-9_-]{1,1000}\.[A-Za-z0-9_-]{1,1000}\.[A-Za-z0-9_-]{1,200}$/;
/** Leeway for a link's iat, between instances whose clocks differ a little. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Short-lived signed links to printable exports (a missing-person profile, meeting minutes): signed
 * with a key of their own (EXPORT_LINK_SECRET, never the tokens' secret) for one purpose, one record and
 * the practitioner who asked, so that opening one can re-check that practitioner's scope and audit the
 * export. A link lives at most EXPORT_LINK_MAX_AGE_SECONDS: one claiming longer, or no expiry, is refused.
 */
@Injectable()
export class ExportLinks {
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.exportLinks.secret));
  }

  /** A link valid for `minutes` (at most the configured lifetime). */
  sign(purpose: string, practitionerId: string, subjectId: string, minutes = 30): string {
    const iat = Math.floor(Date.now() / 1000);
    const lifetime = Math.min(minutes * 60, this.config.exportLinks.maxAgeSeconds);
    return signHs256(
      { alg: 'HS256', typ: 'JWT' },
      { purpose, subjectId, sub: practitionerId, iat, exp: iat + lifetime },
      this.config.exportLinks.secret,
    );
  }

  /**
   * The link's practitioner and record; 'expired' when a well-formed link's time has passed; null when
   * it is anything else: forged, malformed, truncated, for another purpose, of the wrong types, or
   * claiming a longer life than links may have.
   */
  async read(purpose: string, token: string, now = new Date()): Promise<ExportLink | 'expired' | null> {
    if (typeof token !== 'string' || !COMPACT.test(token)) return null;
    let payload: JWTPayload;
    let expired = false;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: now,
      }));
    } catch (error) {
      if (!(error instanceof errors.JWTExpired)) return null;
      // signed by us and expired: still refused as malformed if it claims an impossible lifetime
      payload = error.payload;
      expired = true;
    }
    const { exp, iat, sub, subjectId } = payload as Record<string, unknown>;
    if (typeof exp !== 'number' || typeof iat !== 'number') return null;
    if (exp - iat > this.config.exportLinks.maxAgeSeconds || exp <= iat) return null;
    if (iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) return null;
    if (payload.purpose !== purpose) return null;
    if (typeof sub !== 'string' || !UUID.test(sub)) return null;
    if (typeof subjectId !== 'string' || !UUID.test(subjectId)) return null;
    return expired ? 'expired' : { practitionerId: sub.toLowerCase(), subjectId: subjectId.toLowerCase() };
  }
}
