import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';

/** The secret development tokens are signed with; only NODE_ENV=development (or unset) accepts it. */
export const DEVELOPMENT_JWT_SECRET = 'haven-development-secret-never-use-in-production';

export type Environment = 'development' | 'production' | 'test';

const ENVIRONMENTS: readonly Environment[] = ['development', 'test', 'production'];
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'text';

export interface AppConfig {
  readonly env: Environment;
  readonly port: number;
  /**
   * The address to listen on. Development and test: loopback (127.0.0.1) unless HOST says otherwise,
   * so that the development secret and conveniences are never reachable from another machine;
   * production: HOST, or every interface when it is absent (undefined).
   */
  readonly host?: string;
  /** Absent: the service starts an embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl?: string;
  /**
   * The login the service's requests and workers use, a role that owns no table (row-level security
   * applies to it). Absent: the service provisions `<database>_service` itself, as the owner.
   */
  readonly databaseServiceUrl?: string;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly databasePoolSize: number;
  /** Requests a practitioner may make per minute on one instance (0: no limit). */
  readonly rateLimitPerMinute: number;
  /** Requests without a valid identity one client address may make per minute on one instance (0: no limit). */
  readonly unauthenticatedRateLimitPerMinute: number;
  readonly logging: {
    /** The most verbose level written: trace, debug, info, warn, error, fatal or silent. */
    readonly level: LogLevelName;
    /** `json`: one JSON object per line (production's default); `text`: one readable line (elsewhere). */
    readonly format: LogFormat;
  };
  readonly auth: {
    /** HS256 secret; used when no JWKS URL is configured. */
    readonly jwtSecret?: string;
    /** OIDC JWKS endpoint (RS256/ES256); takes precedence over the secret. */
    readonly jwksUrl?: string;
    readonly issuer?: string;
    readonly audience?: string;
    /** A token whose exp - iat (or, without iat, whose remaining life) is longer than this is refused. */
    readonly maxLifetimeSeconds: number;
    /** Leeway for exp, nbf and a future iat, between clocks that differ a little. */
    readonly clockToleranceSeconds: number;
    /**
     * The JWKS is fetched again once it is this old: a key the provider withdraws stops verifying
     * tokens at the first request after at most this long.
     */
    readonly jwksCacheMaxAgeSeconds: number;
    /** An unknown key id refetches the JWKS at most this often. */
    readonly jwksCooldownSeconds: number;
  };
  readonly exportLinks: {
    /** Signs the links to printable exports; its own key, never the tokens' (the same on every instance). */
    readonly secret: string;
    /** The longest a link may live: longer, or no expiry at all, and opening it is refused. */
    readonly maxAgeSeconds: number;
    /** Links one client address may open per minute on one instance (0: no limit). */
    readonly openingsPerMinute: number;
  };
  readonly graphql: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly introspection: boolean;
    readonly explorer: boolean;
    /** Answers carry `X-Haven-Sql-Statements` (the benchmark's N+1 check); never in production. */
    readonly sqlStatementHeader: boolean;
  };
  readonly guardianship: {
    /** Active assignments above which a guardian's caseload is flagged (a warning, not a refusal). */
    readonly caseloadCeiling: number;
    /**
     * Age (in whole years) at which each scheme's service ends: statutory entitlement ends at 18 in every
     * nation, and a service that continues beyond it may be configured so.
     */
    readonly ageLimits: {
      readonly ictg: number;
      readonly scotland: number;
      readonly northernIreland: number;
      readonly otherAdvocate: number;
    };
  };
  readonly missing: {
    /** An episode starting this soon after arrival or the current placement's start is "soon after placement". */
    readonly soonAfterPlacementHours: number;
    /**
     * Hours after a return within which the return interview is due: the episode's `returnInterviewDueBy`,
     * which RETURN_INTERVIEW_OVERDUE reads.
     */
    readonly returnInterviewDueHours: number;
  };
  readonly alerts: {
    /** Run the alert scan and notification delivery in this process (several processes may). */
    readonly workersEnabled: boolean;
    readonly scanIntervalSeconds: number;
    readonly deliveryPollSeconds: number;
    readonly maxDeliveryAttempts: number;
    readonly webhookUrl?: string;
    readonly webhookSecret?: string;
    readonly smtpUrl?: string;
    readonly emailFrom: string;
    readonly thresholds: AlertThresholds;
  };
  readonly statistics: {
    /** Counts from 1 to this are suppressed, and every rate built on one. */
    readonly suppressionThreshold: number;
    /** How old a multi-authority (partnership, UK-wide) dashboard may be before it is computed afresh; 0: always live. */
    readonly rollupMaxAgeSeconds: number;
  };
  readonly nrm: NrmConfig;
  readonly web: WebConfig;
}

/** The practitioners' web application: browser sessions and the council's identity provider. */
export interface WebConfig {
  /**
   * Where practitioners reach the service (e.g. https://haven.example.gov.uk): the identity provider
   * sends them back to `<publicUrl>/auth/callback`. Absent: the address the service listens on.
   */
  readonly publicUrl?: string;
  /** Signs the session cookie (the same on every instance); made afresh at each start outside production. */
  readonly sessionSecret: string;
  /** A session unused for this long ends. */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however busy. */
  readonly sessionAbsoluteHours: number;
  /** The council's OpenID Connect provider; absent: no sign-in through a provider (API clients only). */
  readonly oidc?: OidcConfig;
  /** `POST /auth/dev` and the demo practitioners' sign-in page: never in production. */
  readonly devSignIn: boolean;
}

export interface OidcConfig {
  /** The issuer, whose /.well-known/openid-configuration is read at start. */
  readonly issuerUrl: string;
  readonly clientId: string;
  /** Absent: a public client (PKCE alone). */
  readonly clientSecret?: string;
  readonly scopes: string;
}

/** The thresholds of domain.md's alert table (the rules in libs/alerts/src/alert-rules.ts). */
export interface AlertThresholds {
  /** CHILD_MISSING rises to escalation level 1 after this many hours missing… */
  readonly childMissingFirstEscalationHours: number;
  /** …and to level 2 after this many. */
  readonly childMissingSecondEscalationHours: number;
  /** REPEAT_MISSING: this many episodes… */
  readonly repeatMissingCount: number;
  /** …starting within this many days. */
  readonly repeatMissingWindowDays: number;
  /** NEARING_18_WITHOUT_DURABLE_SOLUTION: WARNING this many days before the 18th birthday… */
  readonly nearing18WarningDays: number;
  /** …URGENT at this many… */
  readonly nearing18UrgentDays: number;
  /** …CRITICAL at this many. */
  readonly nearing18CriticalDays: number;
  /** UASC_LEAVE_EXPIRING: URGENT this many days before the leave expires (CRITICAL once it has). */
  readonly uascLeaveExpiringDays: number;
  /** NO_GUARDIAN: days after registration or NRM referral without an active guardian. */
  readonly noGuardianDays: number;
  /** MEETING_ACTION_OVERDUE: days after an uncompleted action's due date (0: the day after it). */
  readonly meetingActionOverdueDays: number;
}

/** Recovery and reflection periods by nation: Modern Slavery Act 2015 s50A (England and Wales), Scottish and NI guidance. */
export interface NrmRecoveryPeriods {
  readonly englandAndWales: number;
  readonly scotland: number;
  readonly northernIreland: number;
}

export interface NrmConfig {
  /** Target for a reasonable-grounds decision, in working days (of the child's nation) after referral. */
  readonly reasonableGroundsTargetWorkingDays: number;
  /** Minimum recovery and reflection period between a positive RG and a conclusive decision, per nation. */
  readonly recoveryPeriodDays: NrmRecoveryPeriods;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid configuration: ${problems[0]}`
        : `Invalid configuration:\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration from the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const text = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };

  // NODE_ENV decides which defaults are safe, so anything but the three names stops here, alone
  const nodeEnv = env.NODE_ENV === undefined || env.NODE_ENV === '' ? 'development' : env.NODE_ENV;
  if (!ENVIRONMENTS.includes(nodeEnv as Environment)) {
    throw new ConfigError([
      `NODE_ENV must be development, test or production (got ${JSON.stringify(nodeEnv.slice(0, 40))})`,
    ]);
  }
  const environment = nodeEnv as Environment;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = allowed.find((candidate) => candidate === raw.toLowerCase());
    if (value === undefined) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return value ?? fallback;
  };

  const production = environment === 'production';
  const development = environment === 'development';

  const jwksUrl = text('JWKS_URL');
  let jwtSecret = text('JWT_SECRET');
  if (development) {
    jwtSecret ??= DEVELOPMENT_JWT_SECRET;
  } else {
    if (!jwksUrl && !jwtSecret)
      problems.push(`JWT_SECRET or JWKS_URL is required when NODE_ENV=${environment}`);
    if (jwtSecret === DEVELOPMENT_JWT_SECRET) {
      problems.push(`JWT_SECRET is the development secret, which is refused when NODE_ENV=${environment}`);
    } else if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  }

  const host = text('HOST');
  if (host !== undefined && !/^[A-Za-z0-9.:%-]{1,253}$/.test(host)) {
    problems.push('HOST must be an IP address or a host name (e.g. 127.0.0.1, ::1, 0.0.0.0)');
  }

  let exportLinkSecret = text('EXPORT_LINK_SECRET');
  if (exportLinkSecret !== undefined) {
    if (exportLinkSecret.length < 32) problems.push('EXPORT_LINK_SECRET must be at least 32 characters');
    else if (exportLinkSecret === jwtSecret || exportLinkSecret === DEVELOPMENT_JWT_SECRET) {
      problems.push('EXPORT_LINK_SECRET must be a key of its own, not JWT_SECRET');
    }
  } else if (production) {
    problems.push('EXPORT_LINK_SECRET is required when NODE_ENV=production (the same on every instance)');
  } else {
    // development and test: a key of this process's own; its links open on this instance only
    exportLinkSecret = randomBytes(32).toString('hex');
  }
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) problems.push('JWKS_URL must be an http(s) URL');
  const webhook = text('ALERT_WEBHOOK_URL');
  if (webhook && !/^https?:\/\//.test(webhook)) problems.push('ALERT_WEBHOOK_URL must be an http(s) URL');
  if (webhook && !text('ALERT_WEBHOOK_SECRET'))
    problems.push('ALERT_WEBHOOK_SECRET is required with ALERT_WEBHOOK_URL');

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const databaseServiceUrl = text('DATABASE_SERVICE_URL');
  if (databaseServiceUrl && !/^postgres(ql)?:\/\//.test(databaseServiceUrl)) {
    problems.push('DATABASE_SERVICE_URL must be a postgres:// or postgresql:// URL');
  }
  if (databaseServiceUrl && !databaseUrl)
    problems.push('DATABASE_SERVICE_URL needs DATABASE_URL (the owner)');
  const dataDir = text('DATA_DIR') ?? './.data';

  const config: AppConfig = {
    env: environment,
    port: int('PORT', 3000, 0, 65535),
    host: host ?? (production ? undefined : '127.0.0.1'),
    databaseUrl,
    databaseServiceUrl,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    embeddedPostgresPort: int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    databasePoolSize: int('DATABASE_POOL_SIZE', 20, 2, 500),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    unauthenticatedRateLimitPerMinute: int('RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE', 60, 0, 1_000_000),
    logging: {
      level: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
      format: oneOf('LOG_FORMAT', ['json', 'text'] as const, production ? 'json' : 'text'),
    },
    auth: {
      jwtSecret,
      jwksUrl,
      issuer: text('JWT_ISSUER'),
      audience: text('JWT_AUDIENCE'),
      maxLifetimeSeconds: int('TOKEN_MAX_LIFETIME_SECONDS', 12 * 3600, 60, 7 * 86_400),
      clockToleranceSeconds: int('TOKEN_CLOCK_TOLERANCE_SECONDS', 60, 0, 300),
      jwksCacheMaxAgeSeconds: int('JWKS_CACHE_MAX_AGE_SECONDS', 600, 1, 86_400),
      jwksCooldownSeconds: int('JWKS_COOLDOWN_SECONDS', 30, 0, 3_600),
    },
    exportLinks: {
      secret: exportLinkSecret ?? '',
      maxAgeSeconds: int('EXPORT_LINK_MAX_AGE_SECONDS', 1800, 60, 86_400),
      openingsPerMinute: int('EXPORT_LINK_RATE_LIMIT_PER_MINUTE', 30, 0, 100_000),
    },
    graphql: {
      maxDepth: int('GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxCost: int('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
      maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      // development conveniences: never in test or production
      introspection: development,
      explorer: development,
      sqlStatementHeader: !production && text('SQL_STATEMENT_HEADER') === 'true',
    },
    guardianship: {
      caseloadCeiling: int('GUARDIAN_CASELOAD_CEILING', 20, 1, 1000),
      ageLimits: {
        ictg: int('GUARDIAN_AGE_LIMIT_ICTG', 18, 16, 25),
        scotland: int('GUARDIAN_AGE_LIMIT_SCOTLAND', 18, 16, 25),
        northernIreland: int('GUARDIAN_AGE_LIMIT_NI', 18, 16, 25),
        otherAdvocate: int('GUARDIAN_AGE_LIMIT_OTHER', 18, 16, 25),
      },
    },
    missing: {
      soonAfterPlacementHours: int('MISSING_SOON_AFTER_PLACEMENT_HOURS', 72, 1, 24 * 60),
      returnInterviewDueHours: int('RETURN_INTERVIEW_DUE_HOURS', 72, 1, 24 * 30),
    },
    alerts: {
      workersEnabled: text('ALERT_WORKERS') !== 'false',
      scanIntervalSeconds: int('ALERT_SCAN_INTERVAL_SECONDS', 300, 5, 86_400),
      deliveryPollSeconds: int('NOTIFICATION_POLL_SECONDS', 5, 1, 3_600),
      maxDeliveryAttempts: int('NOTIFICATION_MAX_ATTEMPTS', 12, 1, 100),
      webhookUrl: text('ALERT_WEBHOOK_URL'),
      webhookSecret: text('ALERT_WEBHOOK_SECRET'),
      smtpUrl: text('SMTP_URL'),
      emailFrom: text('ALERT_EMAIL_FROM') ?? 'haven-alerts@localhost',
      thresholds: alertThresholds(int, problems),
    },
    statistics: {
      suppressionThreshold: int('STATISTICS_SUPPRESSION_THRESHOLD', 4, 0, 100),
      rollupMaxAgeSeconds: int('DASHBOARD_ROLLUP_MAX_AGE_SECONDS', 600, 0, 86_400),
    },
    web: webConfig(env, text, int, problems, environment),
    nrm: {
      reasonableGroundsTargetWorkingDays: int('NRM_RG_TARGET_WORKING_DAYS', 5, 1, 365),
      recoveryPeriodDays: {
        englandAndWales: int('NRM_RECOVERY_PERIOD_DAYS_ENGLAND_WALES', 30, 1, 365),
        scotland: int('NRM_RECOVERY_PERIOD_DAYS_SCOTLAND', 30, 1, 365),
        northernIreland: int('NRM_RECOVERY_PERIOD_DAYS_NI', 45, 1, 365),
      },
    },
  };
  // the single period it replaces was Northern Ireland's 45 days: refuse it rather than guess the nation meant
  if (text('NRM_RECOVERY_PERIOD_DAYS') !== undefined) {
    problems.push(
      'NRM_RECOVERY_PERIOD_DAYS is replaced by NRM_RECOVERY_PERIOD_DAYS_ENGLAND_WALES (30), _SCOTLAND (30) and _NI (45): set those instead',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

type IntReader = (name: string, fallback: number, min: number, max: number) => number;
type TextReader = (name: string) => string | undefined;

/**
 * Browser sessions and sign-in. Production needs a session secret of its own (a cookie signed with a
 * secret in the repository could be forged); the development sign-in exists everywhere but production.
 */
function webConfig(
  env: Env,
  text: TextReader,
  int: IntReader,
  problems: string[],
  environment: Environment,
): WebConfig {
  const production = environment === 'production';
  const publicUrl = text('PUBLIC_URL')?.replace(/\/+$/, '');
  if (publicUrl && !/^https?:\/\/[^/]+$/.test(publicUrl)) {
    problems.push('PUBLIC_URL must be an http(s) origin, e.g. https://haven.example.gov.uk');
  }
  let sessionSecret = text('SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters');
  } else if (
    sessionSecret !== undefined &&
    [env.JWT_SECRET, env.EXPORT_LINK_SECRET].includes(sessionSecret)
  ) {
    problems.push('SESSION_SECRET must be a key of its own, not JWT_SECRET or EXPORT_LINK_SECRET');
  }
  if (sessionSecret === undefined) {
    if (production)
      problems.push('SESSION_SECRET is required when NODE_ENV=production (the same on every instance)');
    // development and test: sessions last as long as the process
    sessionSecret = randomBytes(32).toString('hex');
  }
  const issuerUrl = text('OIDC_ISSUER_URL');
  const clientId = text('OIDC_CLIENT_ID');
  if (issuerUrl && !/^https?:\/\//.test(issuerUrl)) problems.push('OIDC_ISSUER_URL must be an http(s) URL');
  if (issuerUrl && production && !issuerUrl.startsWith('https://'))
    problems.push('OIDC_ISSUER_URL must be https when NODE_ENV=production');
  if (Boolean(issuerUrl) !== Boolean(clientId))
    problems.push('OIDC_ISSUER_URL and OIDC_CLIENT_ID are set together, or not at all');
  if (issuerUrl && production && !publicUrl)
    problems.push('PUBLIC_URL is required with OIDC_ISSUER_URL when NODE_ENV=production');
  const idleMinutes = int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60);
  const absoluteHours = int('SESSION_ABSOLUTE_HOURS', 10, 1, 7 * 24);
  if (idleMinutes > absoluteHours * 60)
    problems.push('SESSION_IDLE_MINUTES must not exceed SESSION_ABSOLUTE_HOURS');
  return {
    publicUrl,
    sessionSecret,
    sessionIdleMinutes: idleMinutes,
    sessionAbsoluteHours: absoluteHours,
    oidc:
      issuerUrl && clientId
        ? {
            issuerUrl,
            clientId,
            clientSecret: text('OIDC_CLIENT_SECRET'),
            scopes: text('OIDC_SCOPES') ?? 'openid profile email',
          }
        : undefined,
    devSignIn: !production,
  };
}

/** The alert table's thresholds, each in a sane range, and the orderings the table depends on. */
function alertThresholds(int: IntReader, problems: string[]): AlertThresholds {
  const thresholds: AlertThresholds = {
    childMissingFirstEscalationHours: int('CHILD_MISSING_FIRST_ESCALATION_HOURS', 24, 1, 24 * 30),
    childMissingSecondEscalationHours: int('CHILD_MISSING_SECOND_ESCALATION_HOURS', 72, 1, 24 * 30),
    repeatMissingCount: int('REPEAT_MISSING_COUNT', 3, 2, 50),
    repeatMissingWindowDays: int('REPEAT_MISSING_WINDOW_DAYS', 90, 1, 730),
    nearing18WarningDays: int('NEARING_18_WARNING_DAYS', 180, 1, 730),
    nearing18UrgentDays: int('NEARING_18_URGENT_DAYS', 90, 1, 730),
    nearing18CriticalDays: int('NEARING_18_CRITICAL_DAYS', 30, 1, 730),
    uascLeaveExpiringDays: int('UASC_LEAVE_EXPIRING_DAYS', 60, 1, 365),
    noGuardianDays: int('NO_GUARDIAN_DAYS', 2, 0, 60),
    meetingActionOverdueDays: int('MEETING_ACTION_OVERDUE_DAYS', 0, 0, 90),
  };
  const ascending = (names: string[], values: number[]) => {
    if (values.some((value, i) => i > 0 && values[i - 1] >= value))
      problems.push(`${names.join(' < ')} must hold (got ${values.join(', ')})`);
  };
  ascending(
    ['CHILD_MISSING_FIRST_ESCALATION_HOURS', 'CHILD_MISSING_SECOND_ESCALATION_HOURS'],
    [thresholds.childMissingFirstEscalationHours, thresholds.childMissingSecondEscalationHours],
  );
  ascending(
    ['NEARING_18_CRITICAL_DAYS', 'NEARING_18_URGENT_DAYS', 'NEARING_18_WARNING_DAYS'],
    [thresholds.nearing18CriticalDays, thresholds.nearing18UrgentDays, thresholds.nearing18WarningDays],
  );
  return thresholds;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
