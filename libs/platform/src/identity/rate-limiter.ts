import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ErrorCode, HavenError } from '../errors/haven-error';

/** TOO_MANY_REQUESTS, with the seconds to wait: answered as HTTP 429 with Retry-After. */
export class TooManyRequestsError extends HavenError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.TOO_MANY_REQUESTS, `Too many requests: try again in ${retryAfterSeconds} seconds`);
  }
}

function perMinute(points: number): RateLimiterMemory | undefined {
  return points > 0 ? new RateLimiterMemory({ points, duration: 60 }) : undefined;
}

async function consume(limiter: RateLimiterMemory | undefined, key: string): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (error) {
    const seconds = Math.ceil(((error as RateLimiterRes).msBeforeNext ?? 1000) / 1000);
    throw new TooManyRequestsError(seconds);
  }
}

/**
 * Requests per practitioner per minute, counted by each instance; and, for requests that carry no
 * valid identity (no token, a forged or expired one), requests per client address per minute, so
 * that guessing and flooding without a token are limited too. A clear TOO_MANY_REQUESTS past either.
 */
@Injectable()
export class PractitionerRateLimiter {
  private readonly practitioners?: RateLimiterMemory;
  private readonly anonymous?: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.practitioners = perMinute(config.rateLimitPerMinute);
    this.anonymous = perMinute(config.unauthenticatedRateLimitPerMinute);
  }

  consume(practitionerId: string): Promise<void> {
    return consume(this.practitioners, practitionerId);
  }

  /** A request without a valid identity, from this client address (or one bucket when unknown). */
  consumeUnauthenticated(clientAddress: string | undefined): Promise<void> {
    return consume(this.anonymous, clientAddress ?? 'unknown');
  }
}
