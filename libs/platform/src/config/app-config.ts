import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';

/** The secret development tokens are signed with; production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'haven-development-secret-never-use-in-production';

export type Environment = 'development' | 'production' | 'test';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'text';

export interface AppConfig {
  readonly env: Environment;
  readonly port: number;
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
    /** Signs short-lived links to printable exports; shared by every instance when set. */
    readonly exportLinkSecret: string;
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
    /** Age (in whole years) at which each scheme's service ends. */
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
  };
  readonly statistics: {
    /** Counts from 1 to this are suppressed, and every rate built on one. */
    readonly suppressionThreshold: number;
    /** How old a multi-authority (partnership, UK-wide) dashboard may be before it is computed afresh; 0: always live. */
    readonly rollupMaxAgeSeconds: number;
  };
  readonly nrm: {
    /** Target for a reasonable-grounds decision, in working days after referral. */
    readonly reasonableGroundsTargetWorkingDays: number;
    /** Minimum recovery and reflection period between a positive RG and a conclusive decision. */
    readonly recoveryPeriodDays: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
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

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = allowed.find((candidate) => candidate === raw.toLowerCase());
    if (value === undefined) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return value ?? fallback;
  };

  const nodeEnv = text('NODE_ENV') ?? 'development';
  const environment: Environment =
    nodeEnv === 'production' ? 'production' : nodeEnv === 'test' ? 'test' : 'development';
  const production = environment === 'production';

  const jwksUrl = text('JWKS_URL');
  let jwtSecret = text('JWT_SECRET');
  if (production) {
    if (!jwksUrl && !jwtSecret) problems.push('JWT_SECRET or JWKS_URL is required when NODE_ENV=production');
    if (jwtSecret === DEVELOPMENT_JWT_SECRET) {
      problems.push('JWT_SECRET is the development secret, which is refused when NODE_ENV=production');
    }
    if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  } else {
    jwtSecret ??= DEVELOPMENT_JWT_SECRET;
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
      // without a configured secret, links work on the instance that made them
      exportLinkSecret: text('EXPORT_LINK_SECRET') ?? jwtSecret ?? randomBytes(32).toString('hex'),
    },
    graphql: {
      maxDepth: int('GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxCost: int('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
      maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      introspection: !production,
      explorer: !production,
      sqlStatementHeader: !production && text('SQL_STATEMENT_HEADER') === 'true',
    },
    guardianship: {
      caseloadCeiling: int('GUARDIAN_CASELOAD_CEILING', 20, 1, 1000),
      ageLimits: {
        ictg: int('GUARDIAN_AGE_LIMIT_ICTG', 18, 16, 25),
        scotland: int('GUARDIAN_AGE_LIMIT_SCOTLAND', 21, 16, 25),
        northernIreland: int('GUARDIAN_AGE_LIMIT_NI', 21, 16, 25),
        otherAdvocate: int('GUARDIAN_AGE_LIMIT_OTHER', 18, 16, 25),
      },
    },
    missing: {
      soonAfterPlacementHours: int('MISSING_SOON_AFTER_PLACEMENT_HOURS', 72, 1, 24 * 60),
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
    },
    statistics: {
      suppressionThreshold: int('STATISTICS_SUPPRESSION_THRESHOLD', 4, 0, 100),
      rollupMaxAgeSeconds: int('DASHBOARD_ROLLUP_MAX_AGE_SECONDS', 600, 0, 86_400),
    },
    nrm: {
      reasonableGroundsTargetWorkingDays: int('NRM_RG_TARGET_WORKING_DAYS', 5, 1, 365),
      recoveryPeriodDays: int('NRM_RECOVERY_PERIOD_DAYS', 45, 0, 365),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
