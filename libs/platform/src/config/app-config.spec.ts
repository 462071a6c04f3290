import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config';

const STRONG = 'x'.repeat(40);
const LINK_KEY = 'l'.repeat(40);
const SESSION_KEY = 's'.repeat(40);
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: STRONG,
  EXPORT_LINK_SECRET: LINK_KEY,
  SESSION_SECRET: SESSION_KEY,
};

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
    expect(config.nrm).toEqual({
      reasonableGroundsTargetWorkingDays: 5,
      recoveryPeriodDays: { englandAndWales: 30, scotland: 30, northernIreland: 45 },
    });
    expect(config.missing).toEqual({ soonAfterPlacementHours: 72, returnInterviewDueHours: 72 });
  });

  it("holds the alert table's thresholds, with domain.md's defaults", () => {
    expect(loadConfig({}).alerts.thresholds).toEqual({
      childMissingFirstEscalationHours: 24,
      childMissingSecondEscalationHours: 72,
      repeatMissingCount: 3,
      repeatMissingWindowDays: 90,
      nearing18WarningDays: 180,
      nearing18UrgentDays: 90,
      nearing18CriticalDays: 30,
      uascLeaveExpiringDays: 60,
      noGuardianDays: 2,
      meetingActionOverdueDays: 0,
    });
    const changed = loadConfig({
      CHILD_MISSING_FIRST_ESCALATION_HOURS: '12',
      CHILD_MISSING_SECOND_ESCALATION_HOURS: '48',
      REPEAT_MISSING_COUNT: '2',
      REPEAT_MISSING_WINDOW_DAYS: '60',
      NEARING_18_WARNING_DAYS: '365',
      NEARING_18_URGENT_DAYS: '120',
      NEARING_18_CRITICAL_DAYS: '60',
      UASC_LEAVE_EXPIRING_DAYS: '90',
      NO_GUARDIAN_DAYS: '1',
      MEETING_ACTION_OVERDUE_DAYS: '7',
      RETURN_INTERVIEW_DUE_HOURS: '48',
      NRM_RECOVERY_PERIOD_DAYS_ENGLAND_WALES: '45',
      NRM_RECOVERY_PERIOD_DAYS_SCOTLAND: '40',
      NRM_RECOVERY_PERIOD_DAYS_NI: '60',
    });
    expect(changed.alerts.thresholds).toEqual({
      childMissingFirstEscalationHours: 12,
      childMissingSecondEscalationHours: 48,
      repeatMissingCount: 2,
      repeatMissingWindowDays: 60,
      nearing18WarningDays: 365,
      nearing18UrgentDays: 120,
      nearing18CriticalDays: 60,
      uascLeaveExpiringDays: 90,
      noGuardianDays: 1,
      meetingActionOverdueDays: 7,
    });
    expect(changed.missing.returnInterviewDueHours).toBe(48);
    expect(changed.nrm.recoveryPeriodDays).toEqual({
      englandAndWales: 45,
      scotland: 40,
      northernIreland: 60,
    });
  });

  it('refuses a threshold that is not a whole number in its range, in one line naming it', () => {
    expect(problemsOf({ REPEAT_MISSING_COUNT: '1' })).toEqual([
      'REPEAT_MISSING_COUNT must be a whole number from 2 to 50 (got "1")',
    ]);
    expect(problemsOf({ UASC_LEAVE_EXPIRING_DAYS: '60.5' })).toEqual([
      'UASC_LEAVE_EXPIRING_DAYS must be a whole number from 1 to 365 (got "60.5")',
    ]);
    expect(problemsOf({ NO_GUARDIAN_DAYS: '-1' })).toHaveLength(1);
    expect(problemsOf({ CHILD_MISSING_FIRST_ESCALATION_HOURS: 'a day' })).toHaveLength(1);
    expect(problemsOf({ NRM_RECOVERY_PERIOD_DAYS_NI: '0' })).toEqual([
      'NRM_RECOVERY_PERIOD_DAYS_NI must be a whole number from 1 to 365 (got "0")',
    ]);
    expect(problemsOf({ RETURN_INTERVIEW_DUE_HOURS: '721' })).toHaveLength(1);
    // the edges of the ranges are accepted
    expect(
      problemsOf({ REPEAT_MISSING_COUNT: '2', NO_GUARDIAN_DAYS: '0', MEETING_ACTION_OVERDUE_DAYS: '90' }),
    ).toEqual([]);
  });

  it('refuses thresholds out of order: CHILD_MISSING 24 h < 72 h, NEARING_18 30 < 90 < 180 days', () => {
    expect(
      problemsOf({ CHILD_MISSING_FIRST_ESCALATION_HOURS: '72', CHILD_MISSING_SECOND_ESCALATION_HOURS: '72' }),
    ).toEqual([
      'CHILD_MISSING_FIRST_ESCALATION_HOURS < CHILD_MISSING_SECOND_ESCALATION_HOURS must hold (got 72, 72)',
    ]);
    expect(problemsOf({ CHILD_MISSING_FIRST_ESCALATION_HOURS: '71' })).toEqual([]);
    expect(problemsOf({ NEARING_18_URGENT_DAYS: '200' })).toEqual([
      'NEARING_18_CRITICAL_DAYS < NEARING_18_URGENT_DAYS < NEARING_18_WARNING_DAYS must hold (got 30, 200, 180)',
    ]);
    expect(problemsOf({ NEARING_18_CRITICAL_DAYS: '90' })).toHaveLength(1);
    expect(problemsOf({ NEARING_18_CRITICAL_DAYS: '89' })).toEqual([]);
  });

  it('refuses the single NRM_RECOVERY_PERIOD_DAYS it replaces by one per nation', () => {
    expect(problemsOf({ NRM_RECOVERY_PERIOD_DAYS: '45' })).toEqual([
      'NRM_RECOVERY_PERIOD_DAYS is replaced by NRM_RECOVERY_PERIOD_DAYS_ENGLAND_WALES (30), _SCOTLAND (30) and _NI (45): set those instead',
    ]);
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
    expect(
      problemsOf({ NODE_ENV: 'production', EXPORT_LINK_SECRET: LINK_KEY, SESSION_SECRET: SESSION_KEY }),
    ).toEqual(['JWT_SECRET or JWKS_URL is required when NODE_ENV=production']);
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
        SESSION_SECRET: SESSION_KEY,
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

  it('logs at info, as readable lines outside production and JSON in production', () => {
    expect(loadConfig({}).logging).toEqual({ level: 'info', format: 'text' });
    expect(loadConfig(production).logging).toEqual({ level: 'info', format: 'json' });
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

describe('the web application', () => {
  it('needs a session key of its own in production: absent, short, or another secret is refused', () => {
    expect(problemsOf({ ...production, SESSION_SECRET: '' })).toEqual([
      'SESSION_SECRET is required when NODE_ENV=production (the same on every instance)',
    ]);
    expect(problemsOf({ ...production, SESSION_SECRET: 's'.repeat(31) })).toEqual([
      'SESSION_SECRET must be at least 32 characters',
    ]);
    expect(problemsOf({ ...production, SESSION_SECRET: STRONG })).toEqual([
      'SESSION_SECRET must be a key of its own, not JWT_SECRET or EXPORT_LINK_SECRET',
    ]);
  });

  it('offers the development sign-in everywhere but production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).web.devSignIn).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: STRONG }).web.devSignIn).toBe(true);
    expect(loadConfig(production).web.devSignIn).toBe(false);
  });

  it('takes an identity provider as issuer and client together, https and a public URL in production', () => {
    expect(problemsOf({ ...production, OIDC_ISSUER_URL: 'https://idp.example' })).toEqual([
      'OIDC_ISSUER_URL and OIDC_CLIENT_ID are set together, or not at all',
      'PUBLIC_URL is required with OIDC_ISSUER_URL when NODE_ENV=production',
    ]);
    expect(
      problemsOf({
        ...production,
        OIDC_ISSUER_URL: 'http://idp.example',
        OIDC_CLIENT_ID: 'haven',
        PUBLIC_URL: 'https://haven.example',
      }),
    ).toEqual(['OIDC_ISSUER_URL must be https when NODE_ENV=production']);
    const config = loadConfig({
      ...production,
      OIDC_ISSUER_URL: 'https://idp.example',
      OIDC_CLIENT_ID: 'haven',
      PUBLIC_URL: 'https://haven.example/',
    });
    expect(config.web.oidc).toEqual({
      issuerUrl: 'https://idp.example',
      clientId: 'haven',
      clientSecret: undefined,
      scopes: 'openid profile email',
    });
    expect(config.web.publicUrl).toBe('https://haven.example');
  });

  it('keeps the idle timeout within the absolute one', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).web).toMatchObject({
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 10,
    });
    expect(problemsOf({ ...production, SESSION_IDLE_MINUTES: '120', SESSION_ABSOLUTE_HOURS: '1' })).toEqual([
      'SESSION_IDLE_MINUTES must not exceed SESSION_ABSOLUTE_HOURS',
    ]);
  });
});
