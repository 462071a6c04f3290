import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.env).toBe('development');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('.data')).toBe(true);
    expect(config.auth.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.graphql.maxDepth).toBe(12);
    expect(config.nrm).toEqual({ reasonableGroundsTargetWorkingDays: 5, recoveryPeriodDays: 45 });
  });

  it('refuses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /development secret/,
    );
  });

  it('refuses production without any way to verify tokens', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET or JWKS_URL/);
  });

  it('accepts production with a JWKS URL or a strong secret', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks' }).auth.jwksUrl).toBe(
      'https://idp.example/jwks',
    );
    const secret = 'x'.repeat(40);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(config.auth.jwtSecret).toBe(secret);
    expect(config.graphql.introspection).toBe(false);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', GRAPHQL_MAX_DEPTH: '0' });
      fail('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('logs at info, as readable lines outside production and JSON in production', () => {
    expect(loadConfig({}).logging).toEqual({ level: 'info', format: 'text' });
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(production.logging).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({ LOG_LEVEL: 'TRACE', LOG_FORMAT: 'json' }).logging).toEqual({
      level: 'trace',
      format: 'json',
    });
  });

  it('refuses an unknown log level or format', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of trace, debug/);
    expect(() => loadConfig({ LOG_FORMAT: 'pretty' })).toThrow(/LOG_FORMAT must be one of json, text/);
  });

  it('limits requests without a valid identity per client address, 60 a minute unless configured', () => {
    expect(loadConfig({}).unauthenticatedRateLimitPerMinute).toBe(60);
    expect(loadConfig({ RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '0' }).unauthenticatedRateLimitPerMinute).toBe(
      0,
    );
    expect(
      loadConfig({ RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '1000000' }).unauthenticatedRateLimitPerMinute,
    ).toBe(1_000_000);
    expect(() => loadConfig({ RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '-1' })).toThrow(
      /RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE must be a whole number from 0 to 1000000/,
    );
    expect(() => loadConfig({ RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '1000001' })).toThrow(
      /RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE/,
    );
  });
});
