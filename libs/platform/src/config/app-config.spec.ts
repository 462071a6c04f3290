import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config';

const STRONG = 'x'.repeat(40);
const LINK_KEY = 'l'.repeat(40);
const production = { NODE_ENV: 'production', JWT_SECRET: STRONG, EXPORT_LINK_SECRET: LINK_KEY };

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.env).toBe('development');
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('.data')).toBe(true);
    expect(config.auth.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.auth).toMatchObject({
      maxLifetimeSeconds: 43_200,
      clockToleranceSeconds: 60,
      jwksCacheMaxAgeSeconds: 600,
      jwksCooldownSeconds: 30,
    });
    expect(config.exportLinks.maxAgeSeconds).toBe(1800);
    expect(config.exportLinks.openingsPerMinute).toBe(30);
    expect(config.graphql.maxDepth).toBe(12);
    expect(config.nrm).toEqual({ reasonableGroundsTargetWorkingDays: 5, recoveryPeriodDays: 45 });
  });

  describe('NODE_ENV', () => {
    it('is development when unset or empty (npm start on a fresh machine), with its conveniences', () => {
      for (const env of [{}, { NODE_ENV: '' }]) {
        const config = loadConfig(env);
        expect(config.env).toBe('development');
        expect(config.auth.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
        expect(config.graphql).toMatchObject({ introspection: true, explorer: true });
      }
    });

    it('test has no development secret and no development conveniences', () => {
      expect(problemsOf({ NODE_ENV: 'test' })).toEqual([
        'JWT_SECRET or JWKS_URL is required when NODE_ENV=test',
      ]);
      expect(problemsOf({ NODE_ENV: 'test', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
        'JWT_SECRET is the development secret, which is refused when NODE_ENV=test',
      ]);
      const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: STRONG });
      expect(config.env).toBe('test');
      expect(config.host).toBe('127.0.0.1');
      expect(config.graphql).toMatchObject({ introspection: false, explorer: false });
      // a key of this process's own for links, when none is configured
      expect(config.exportLinks.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(config.exportLinks.secret).not.toBe(
        loadConfig({ NODE_ENV: 'test', JWT_SECRET: STRONG }).exportLinks.secret,
      );
    });

    it('production needs its secrets and listens on every interface unless HOST says otherwise', () => {
      const config = loadConfig(production);
      expect(config.env).toBe('production');
      expect(config.host).toBeUndefined();
      expect(config.exportLinks.secret).toBe(LINK_KEY);
      expect(config.graphql).toMatchObject({
        introspection: false,
        explorer: false,
        sqlStatementHeader: false,
      });
      expect(loadConfig({ ...production, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
    });

    it.each(['staging', 'Production', 'PRODUCTION', 'prod', 'dev', ' production', 'production ', 'test\n'])(
      'refuses %p, alone, in one line',
      (value) => {
        let error: unknown;
        try {
          // every other problem waits: NODE_ENV decides which defaults are safe
          loadConfig({ NODE_ENV: value, PORT: 'abc' });
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems).toEqual([
          `NODE_ENV must be development, test or production (got ${JSON.stringify(value)})`,
        ]);
        expect((error as ConfigError).message).not.toContain('\n');
        expect((error as ConfigError).message).toBe(
          `Invalid configuration: NODE_ENV must be development, test or production (got ${JSON.stringify(value)})`,
        );
      },
    );
  });

  it('listens where HOST says in development too, and refuses a HOST that is no address', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(problemsOf({ HOST: 'a host; rm -rf /' })).toEqual([
      'HOST must be an IP address or a host name (e.g. 127.0.0.1, ::1, 0.0.0.0)',
    ]);
  });

  it('refuses the development secret in production', () => {
    expect(() => loadConfig({ ...production, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /development secret/,
    );
  });

  it('refuses production without any way to verify tokens', () => {
    expect(problemsOf({ NODE_ENV: 'production', EXPORT_LINK_SECRET: LINK_KEY })).toEqual([
      'JWT_SECRET or JWKS_URL is required when NODE_ENV=production',
    ]);
  });

  it('refuses a short secret outside development: 31 characters refused, 32 accepted', () => {
    expect(problemsOf({ ...production, JWT_SECRET: 'x'.repeat(31) })).toEqual([
      'JWT_SECRET must be at least 32 characters',
    ]);
    expect(problemsOf({ ...production, JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
  });

  it('accepts production with a JWKS URL or a strong secret', () => {
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWKS_URL: 'https://idp.example/jwks',
        EXPORT_LINK_SECRET: LINK_KEY,
      }).auth.jwksUrl,
    ).toBe('https://idp.example/jwks');
    const config = loadConfig(production);
    expect(config.auth.jwtSecret).toBe(STRONG);
    expect(config.graphql.introspection).toBe(false);
  });

  describe('export links', () => {
    it('need a key of their own in production: absent, short, or the tokens’ secret is refused', () => {
      expect(problemsOf({ ...production, EXPORT_LINK_SECRET: '' })).toEqual([
        'EXPORT_LINK_SECRET is required when NODE_ENV=production (the same on every instance)',
      ]);
      expect(problemsOf({ ...production, EXPORT_LINK_SECRET: 'l'.repeat(31) })).toEqual([
        'EXPORT_LINK_SECRET must be at least 32 characters',
      ]);
      expect(problemsOf({ ...production, EXPORT_LINK_SECRET: STRONG })).toEqual([
        'EXPORT_LINK_SECRET must be a key of its own, not JWT_SECRET',
      ]);
      expect(problemsOf({ ...production, EXPORT_LINK_SECRET: 'l'.repeat(32) })).toEqual([]);
    });

    it('in development, are never signed with the development secret', () => {
      const config = loadConfig({});
      expect(config.exportLinks.secret).not.toBe(DEVELOPMENT_JWT_SECRET);
      expect(config.exportLinks.secret).toHaveLength(64);
      expect(problemsOf({ EXPORT_LINK_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
        'EXPORT_LINK_SECRET must be a key of its own, not JWT_SECRET',
      ]);
    });

    it('live at most EXPORT_LINK_MAX_AGE_SECONDS: 60 to 86400', () => {
      expect(loadConfig({ EXPORT_LINK_MAX_AGE_SECONDS: '60' }).exportLinks.maxAgeSeconds).toBe(60);
      expect(loadConfig({ EXPORT_LINK_MAX_AGE_SECONDS: '86400' }).exportLinks.maxAgeSeconds).toBe(86_400);
      expect(problemsOf({ EXPORT_LINK_MAX_AGE_SECONDS: '59' })).toEqual([
        'EXPORT_LINK_MAX_AGE_SECONDS must be a whole number from 60 to 86400 (got "59")',
      ]);
      expect(problemsOf({ EXPORT_LINK_MAX_AGE_SECONDS: '86401' })).toHaveLength(1);
      expect(loadConfig({ EXPORT_LINK_RATE_LIMIT_PER_MINUTE: '0' }).exportLinks.openingsPerMinute).toBe(0);
    });
  });

  it('bounds the token lifetime, clock tolerance and JWKS cache', () => {
    const config = loadConfig({
      TOKEN_MAX_LIFETIME_SECONDS: '3600',
      TOKEN_CLOCK_TOLERANCE_SECONDS: '0',
      JWKS_CACHE_MAX_AGE_SECONDS: '1',
      JWKS_COOLDOWN_SECONDS: '0',
    });
    expect(config.auth).toMatchObject({
      maxLifetimeSeconds: 3600,
      clockToleranceSeconds: 0,
      jwksCacheMaxAgeSeconds: 1,
      jwksCooldownSeconds: 0,
    });
    expect(
      problemsOf({
        TOKEN_MAX_LIFETIME_SECONDS: '59',
        TOKEN_CLOCK_TOLERANCE_SECONDS: '301',
        JWKS_CACHE_MAX_AGE_SECONDS: '0',
        JWKS_COOLDOWN_SECONDS: '3601',
      }),
    ).toEqual([
      'TOKEN_MAX_LIFETIME_SECONDS must be a whole number from 60 to 604800 (got "59")',
      'TOKEN_CLOCK_TOLERANCE_SECONDS must be a whole number from 0 to 300 (got "301")',
      'JWKS_CACHE_MAX_AGE_SECONDS must be a whole number from 1 to 86400 (got "0")',
      'JWKS_COOLDOWN_SECONDS must be a whole number from 0 to 3600 (got "3601")',
    ]);
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
});
