import { fileCase } from './support/factories';
import { guardian, HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

/** GraphQL-over-HTTP as clients expect it, and the security headers on every response (issue 15, item 5). */

const post = (app: TestApp, body: string, token?: string) =>
  fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });

function expectSecurityHeaders(response: Response, production = false): void {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  if (production) expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  else expect(response.headers.get('strict-transport-security')).toBeNull();
}

/** An HTML page has a CSP allowing only its own scripts and styles, and its inline tags carry the nonce. */
async function expectPageCsp(response: Response, inlineStyles = false): Promise<void> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  expectSecurityHeaders(response);
  const csp = response.headers.get('content-security-policy')!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeDefined();
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  if (inlineStyles) expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  else expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'/);
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp.replace(/style-src [^;]*/, '')).not.toContain('unsafe-inline');
  const html = await response.text();
  const inline = html.match(/<(style|script)(\s[^>]*)?>/g)!.filter((tag) => !/\ssrc=/.test(tag));
  expect(inline.length).toBeGreaterThan(0);
  for (const tag of inline) expect(tag).toContain(`nonce="${nonce}"`);
}

describe('HTTP in development and test', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-http');
  const manager = teamManager(HILLINGDON, 'tm-http');

  beforeAll(async () => {
    // development, for the explorer; a small rate limit to reach it
    app = await TestApp.start({ NODE_ENV: 'development', RATE_LIMIT_PER_MINUTE: '40' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await post(app, '{"query": "{ me { id } }"', app.token(worker));
    expect(response.status).toBe(400);
    expectSecurityHeaders(response);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers a request without a query with 400 and a GraphQL error body', async () => {
    const response = await post(app, JSON.stringify({ variables: {} }), app.token(worker));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/query/);
  });

  it('answers a query that does not parse with 400 and a GraphQL error body', async () => {
    const response = await post(app, JSON.stringify({ query: '{ me { id ' }), app.token(worker));

    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/Syntax Error/);
  });

  it('answers a query that fails validation with 400 and a GraphQL error body', async () => {
    const response = await post(
      app,
      JSON.stringify({ query: '{ childre { totalCount } }' }),
      app.token(worker),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/childre/);
  });

  it('answers a variable of the wrong type with 400 and a GraphQL error body', async () => {
    const response = await post(
      app,
      JSON.stringify({
        query: 'query($s: ChildStatus) { children(filter: { status: $s }) { totalCount } }',
        variables: { s: 'OPNE' },
      }),
      app.token(worker),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/OPNE/);
  });

  it('answers a valid request with 200 and the security headers, HSTS only in production', async () => {
    const response = await post(app, JSON.stringify({ query: '{ me { id } }' }), app.token(worker));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expectSecurityHeaders(await fetch(`${app.url}/health`));
    expectSecurityHeaders(await fetch(`${app.url}/no-such-page`));
  });

  it("passes an API client's bearer call by the pages' machinery: no session, no nonce, the same policy", async () => {
    const response = await post(app, JSON.stringify({ query: '{ me { id } }' }), app.token(worker));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('nonce-');
    expect(response.headers.get('set-cookie')).toBeNull();
    // a page, and /graphql with the session and no bearer token, go through the application as before
    const cookie = await app.session(worker);
    const page = await fetch(`${app.url}/`, { headers: { cookie } });
    await expectPageCsp(page);
    const bySession = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    // the session authenticates it only with the page's CSRF token
    expect(bySession.status).toBe(403);
    expect(await bySession.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('serves every HTML page with a Content-Security-Policy: explorer, dashboard, grab pack, minutes', async () => {
    // the explorer (development only): GraphiQL adds a <style> of its own, so inline styles are allowed there
    const cookie = await app.session(worker);
    await expectPageCsp(await fetch(`${app.url}/explorer`, { headers: { cookie } }), true);
    expectSecurityHeaders(await fetch(`${app.url}/explorer/assets/graphiql.js`));
    await expectPageCsp(await fetch(`${app.url}/dashboard`, { headers: { cookie } }));
    // the application's own pages
    await expectPageCsp(await fetch(`${app.url}/auth/sign-in`));
    await expectPageCsp(await fetch(`${app.url}/`, { headers: { cookie } }));
    const { childId } = await fileCase(app, manager, guardian('ICTG-HTTP', 'g-http'));
    const pack = await app.ok<{ missingPersonProfile: { printUrl: string } }>(
      manager,
      `query($id: ID!) { missingPersonProfile(childId: $id) { printUrl } }`,
      { id: childId },
    );
    await expectPageCsp(await fetch(`${app.url}${pack.missingPersonProfile.printUrl}`));
    const meetings = await app.ok<{ meetings: { edges: { node: { minutesUrl: string } }[] } }>(
      manager,
      `{ meetings(first: 1) { edges { node { minutesUrl } } } }`,
    );
    await expectPageCsp(await fetch(`${app.url}${meetings.meetings.edges[0].node.minutesUrl}`));
  });

  it('answers a caller past the rate limit with 429 and Retry-After in seconds, the GraphQL error in the body', async () => {
    const busy = app.token(socialWorker(HILLINGDON, 'sw-http-busy'));
    let response: Response | undefined;
    for (let index = 0; index < 41; index += 1) {
      response = await post(app, JSON.stringify({ query: '{ me { id } }' }), busy);
      if (index < 40) expect(response.status).toBe(200);
    }

    expect(response!.status).toBe(429);
    const retryAfter = Number(response!.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response!.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(body.errors[0].message).toBe(`Too many requests: try again in ${retryAfter} seconds`);
    // someone else is not limited
    expect((await post(app, JSON.stringify({ query: '{ me { id } }' }), app.token(worker))).status).toBe(200);
  });
});

describe('HTTP in production', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-http-production');

  beforeAll(async () => {
    app = await TestApp.start({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      EXPORT_LINK_SECRET: 'an-export-link-key-of-its-own-32-chars-at-least',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends HSTS and the other security headers', async () => {
    expectSecurityHeaders(
      await post(app, JSON.stringify({ query: '{ me { id } }' }), app.token(worker)),
      true,
    );
    expectSecurityHeaders(await fetch(`${app.url}/health`), true);
  });

  it('suggests no enum value and no field name', async () => {
    const literal = await post(
      app,
      JSON.stringify({ query: '{ children(filter: { status: OPNE }) { totalCount } }' }),
      app.token(worker),
    );
    expect(literal.status).toBe(400);
    const variable = await post(
      app,
      JSON.stringify({
        query: 'query($s: ChildStatus) { children(filter: { status: $s }) { totalCount } }',
        variables: { s: 'OPNE' },
      }),
      app.token(worker),
    );
    expect(variable.status).toBe(400);
    const field = await post(app, JSON.stringify({ query: '{ childre { totalCount } }' }), app.token(worker));
    expect(field.status).toBe(400);
    for (const response of [literal, variable, field]) {
      const text = await response.text();
      expect(text).toMatch(/errors/);
      expect(text).not.toMatch(/Did you mean/);
      expect(text).not.toMatch(/"OPEN"|\bchildren\b/);
    }
  });
});
