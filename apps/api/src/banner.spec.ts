import { loadConfig } from '@haven/platform';
import { startupBanner } from './banner';

const service = {
  url: 'http://127.0.0.1:3000',
  host: '127.0.0.1',
  embedded: true,
  serviceDatabaseUrl: 'postgres://haven_service:secret@127.0.0.1:5433/haven',
};

describe('the start-up banner', () => {
  it('names the web pages: GraphQL, health, the dashboard and (in development) the explorer', () => {
    const lines = startupBanner(service, loadConfig({ NODE_ENV: 'development' }));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('POST http://127.0.0.1:3000/graphql'),
        expect.stringContaining('GET  http://127.0.0.1:3000/health'),
        expect.stringContaining('http://127.0.0.1:3000/dashboard'),
        expect.stringContaining('http://127.0.0.1:3000/explorer'),
      ]),
    );
    expect(lines.join('\n')).not.toContain('secret@');
  });

  it('says where to go and how to sign in: the demo practitioners in development, the provider when configured', () => {
    const development = startupBanner(service, loadConfig({ NODE_ENV: 'development' })).join('\n');
    expect(development).toContain('Open:      http://127.0.0.1:3000/ ');
    expect(development).toContain('http://127.0.0.1:3000/auth/sign-in offers the demo practitioners');
    const production = startupBanner(
      service,
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        EXPORT_LINK_SECRET: 'l'.repeat(40),
        SESSION_SECRET: 's'.repeat(40),
        OIDC_ISSUER_URL: 'https://login.council.example',
        OIDC_CLIENT_ID: 'haven',
        PUBLIC_URL: 'https://haven.council.example',
      }),
    ).join('\n');
    expect(production).toContain(
      '/auth/login, through https://login.council.example (OpenID Connect, client haven)',
    );
    expect(production).not.toContain('demo practitioners');
  });

  it('offers development tokens in development with HS256, saying which secret signs them', () => {
    const text = startupBanner(service, loadConfig({ NODE_ENV: 'development' })).join('\n');
    expect(text).toContain('HS256, signed with the development secret');
    expect(text).toContain('npm run token -- --role SOCIAL_WORKER');
  });

  it('in JWKS mode says against which JWKS, issuer and audience tokens are checked, and offers no development tokens', () => {
    const config = loadConfig({
      NODE_ENV: 'development',
      JWKS_URL: 'https://idp.example.org/.well-known/jwks.json',
      JWT_ISSUER: 'https://idp.example.org/',
      JWT_AUDIENCE: 'haven',
    });
    const text = startupBanner(service, config).join('\n');
    expect(text).toContain(
      'Tokens:    checked against the JWKS at https://idp.example.org/.well-known/jwks.json (issuer https://idp.example.org/, audience haven)',
    );
    expect(text).not.toContain('npm run token');
    expect(text).not.toContain('development secret');
  });

  it('in JWKS mode without an issuer or audience says they are not checked and how to set them', () => {
    const config = loadConfig({ NODE_ENV: 'development', JWKS_URL: 'https://idp.example.org/jwks' });
    const text = startupBanner(service, config).join('\n');
    expect(text).toContain('issuer not checked: set JWT_ISSUER, audience not checked: set JWT_AUDIENCE');
  });

  it('offers no development tokens and no explorer outside development', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-characters',
    });
    const text = startupBanner(service, config).join('\n');
    expect(text).not.toContain('npm run token');
    expect(text).not.toContain('/explorer');
    expect(text).toContain('HS256, signed with JWT_SECRET');
    expect(text).toContain('/dashboard');
  });
});
