import { parseArgs } from 'node:util';
// only these two modules, not the platform's index: `npm run token` loads no framework and answers in about a second
import { ConfigError, loadConfig } from '@haven/platform/config/app-config';
import { mintToken } from '@haven/platform/identity/mint-token';
import { Role } from '@haven/platform/identity/role-values';

export const TOKEN_USAGE = `Usage: npm run token -- --role ROLE --org CODE --sub SUBJECT --name NAME [--las A,B] [--email E] [--ttl SECONDS]
  prints a development token (HS256, JWT_SECRET or the development secret; NODE_ENV=development only) and nothing else`;

export function token(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      las: { type: 'string' },
      email: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const role = values.role as Role | undefined;
  if (!role || !Object.values(Role).includes(role) || !values.org || !values.sub) {
    console.error(
      `--role (${Object.values(Role).join(', ')}), --org and --sub are required\n\n${TOKEN_USAGE}`,
    );
    return 2;
  }
  const config = loadConfig();
  // a development convenience: in test and production tokens come from the harness or the identity provider
  if (config.env !== 'development' || config.auth.jwksUrl || !config.auth.jwtSecret) {
    console.error(
      `npm run token mints development tokens only (NODE_ENV=${config.env}${config.auth.jwksUrl ? ', JWKS_URL set' : ''}): tokens come from the identity provider here`,
    );
    return 1;
  }
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl > config.auth.maxLifetimeSeconds)) {
    console.error(
      `--ttl takes whole seconds, at most TOKEN_MAX_LIFETIME_SECONDS (${config.auth.maxLifetimeSeconds}); a negative one mints an expired token`,
    );
    return 2;
  }
  process.stdout.write(
    `${mintToken(
      {
        role,
        org: values.org,
        sub: values.sub,
        name: values.name ?? values.sub,
        las: values.las
          ?.split(',')
          .map((code) => code.trim())
          .filter(Boolean),
        email: values.email,
        expiresIn: ttl,
      },
      config.auth.jwtSecret,
    )}\n`,
  );
  return 0;
}

// `node dist/apps/cli/src/token.js ...` (npm run token) as well as `haven token ...` through main.ts
if (require.main === module) {
  try {
    process.exitCode = token(process.argv.slice(2));
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error,
    );
    process.exitCode = 1;
  }
}
