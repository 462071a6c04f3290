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

/** Requests per practitioner per minute, counted by each instance; a clear TOO_MANY_REQUESTS past it. */
@Injectable()
export class PractitionerRateLimiter {
  private readonly limiter?: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.rateLimitPerMinute > 0) {
      this.limiter = new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 });
    }
  }

  async consume(practitionerId: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(practitionerId);
    } catch (error) {
      const seconds = Math.ceil(((error as RateLimiterRes).msBeforeNext ?? 1000) / 1000);
      throw new TooManyRequestsError(seconds);
    }
  }
}
