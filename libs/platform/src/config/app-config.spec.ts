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

  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

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
