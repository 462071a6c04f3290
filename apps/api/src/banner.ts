import { AppConfig, DEVELOPMENT_JWT_SECRET, safeUrl } from '@haven/platform';

/** What the start-up banner needs to know of the running service. */
export interface Listening {
  url: string;
  host: string;
  embedded: boolean;
  serviceDatabaseUrl: string;
}

/**
 * The lines the service prints once it listens: where it is, its web pages, its database and how tokens
 * are checked. Development tokens are offered only where `npm run token` mints them (development, HS256).
 */
export function startupBanner(service: Listening, config: AppConfig): string[] {
  const everywhere = service.host === '::' || service.host === '0.0.0.0';
  const { auth } = config;
  const tokens = auth.jwksUrl
    ? [
        `  Tokens:    checked against the JWKS at ${auth.jwksUrl} ` +
          `(issuer ${auth.issuer ?? 'not checked: set JWT_ISSUER'}, audience ${auth.audience ?? 'not checked: set JWT_AUDIENCE'}); ` +
          'tokens come from the identity provider',
      ]
    : [
        `  Tokens:    HS256, signed with ${auth.jwtSecret === DEVELOPMENT_JWT_SECRET ? 'the development secret' : 'JWT_SECRET'}` +
          (auth.issuer ? `, issuer ${auth.issuer}` : '') +
          (auth.audience ? `, audience ${auth.audience}` : ''),
      ];
  const { web } = config;
  const signIn = [
    ...(web.oidc
      ? [
          `  Sign-in:   ${service.url}/auth/login, through ${web.oidc.issuerUrl} (OpenID Connect, client ${web.oidc.clientId})`,
        ]
      : []),
    ...(web.devSignIn
      ? [
          `  Sign-in:   ${service.url}/auth/sign-in offers the demo practitioners (development sign-in; never in production)`,
        ]
      : []),
    ...(!web.oidc && !web.devSignIn
      ? [
          '  Sign-in:   none in the browser: set OIDC_ISSUER_URL and OIDC_CLIENT_ID (API clients use bearer tokens)',
        ]
      : []),
  ];
  return [
    `Haven is listening on ${service.url}${everywhere ? ' (every interface)' : ''} (NODE_ENV=${config.env})`,
    `  Open:      ${service.url}/ (the practitioners' application: alerts, children, case files)`,
    ...signIn,
    `  GraphQL:   POST ${service.url}/graphql (subscriptions over WebSocket at the same path)`,
    `  Health:    GET  ${service.url}/health`,
    `  Dashboard: ${service.url}/dashboard (the partnership's figures; for a partnership analyst)`,
    ...(config.graphql.explorer ? [`  Explorer:  ${service.url}/explorer (development only)`] : []),
    `  Database:  ${service.embedded ? 'embedded PostgreSQL, ' : ''}${safeUrl(service.serviceDatabaseUrl)} (row-level security)`,
    ...tokens,
    // development tokens exist in development only, and only where the service checks HS256 tokens
    ...(config.env === 'development' && !auth.jwksUrl && auth.jwtSecret
      ? [
          'Mint a development token:',
          '  npm run token -- --role SOCIAL_WORKER --org E09000017 --sub sw-1 --name "Sam Worker"',
          'Load demo data, then sign in as one of its practitioners: npm run seed -- --demo',
        ]
      : []),
  ];
}
