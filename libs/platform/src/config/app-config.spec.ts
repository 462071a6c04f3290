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

  it('ends every guardian scheme at 18 unless configured otherwise, from 16 to 25', () => {
    expect(loadConfig({}).guardianship.ageLimits).toEqual({
      ictg: 18,
      scotland: 18,
      northernIreland: 18,
      otherAdvocate: 18,
    });
    const continuing = loadConfig({ GUARDIAN_AGE_LIMIT_SCOTLAND: '21', GUARDIAN_AGE_LIMIT_NI: '25' });
    expect(continuing.guardianship.ageLimits).toMatchObject({ scotland: 21, northernIreland: 25 });
    expect(() => loadConfig({ GUARDIAN_AGE_LIMIT_SCOTLAND: '26' })).toThrow(
      /GUARDIAN_AGE_LIMIT_SCOTLAND must be a whole number from 16 to 25 \(got "26"\)/,
    );
    expect(() => loadConfig({ GUARDIAN_AGE_LIMIT_NI: '15' })).toThrow(/GUARDIAN_AGE_LIMIT_NI/);
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
});
