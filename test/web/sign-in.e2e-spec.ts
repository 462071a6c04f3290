import { Browser } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  expectCleanFinish,
  launchChromium,
  newContext,
  signInAs,
  startOidcProvider,
  webStorage,
} from '../support/browser';
import { freePort } from '../support/ports';
import { HILLINGDON, KENT, socialWorker, TestApp } from '../support/test-app';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Signs in with POST /auth/dev and returns the session cookie ("name=value"). */
async function devSession(app: TestApp, fields: Record<string, string>): Promise<string> {
  const response = await fetch(`${app.url}/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form(fields),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/');
  // the response ends once the session's row is written (its headers may come before)
  await response.text();
  return response.headers.get('set-cookie')!.split(';')[0];
}

/** The CSRF token a signed-in page carries. */
async function csrfTokenOf(app: TestApp, cookie: string): Promise<string> {
  // (the whole body: the response ends once the session's row is renewed)
  const html = await (await fetch(`${app.url}/`, { headers: { cookie } })).text();
  return /name="csrf-token" content="([^"]+)"/.exec(html)![1];
}

describe('browser sessions', () => {
  let app: TestApp;
  const worker = { role: 'SOCIAL_WORKER', org: KENT, sub: 'sw-session', name: 'Tom Hughes' };

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('signs in at POST /auth/dev with an HttpOnly, SameSite=Strict cookie, and pages need it', async () => {
    const anonymous = await fetch(`${app.url}/?page=2`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/auth/sign-in?returnTo=%2F%3Fpage%3D2');

    const response = await fetch(`${app.url}/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(worker),
      redirect: 'manual',
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^haven-session=s%3A/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // only in production
    const page = await fetch(`${app.url}/`, { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('Tom Hughes');
    // the session holds who signed in, and nothing about a child
    const [row] = await app.query<{ sess: { identity: Record<string, unknown> } }>(
      `SELECT sess FROM web_session`,
    );
    expect(row.sess.identity).toMatchObject({ sub: 'sw-session', role: 'SOCIAL_WORKER', org: KENT });
  });

  it('refuses a sign-in the bearer path would refuse, saying why, and creates no session', async () => {
    const before = await app.query<{ n: number }>('SELECT count(*)::int AS n FROM web_session');
    const response = await fetch(`${app.url}/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ ...worker, org: 'E99999999' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The organisation E99999999 is not a known local authority');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await app.query('SELECT count(*)::int AS n FROM web_session')).toEqual(before);
  });

  it('lets /graphql use the session only with its CSRF token; bearer tokens work as before', async () => {
    const cookie = await devSession(app, worker);
    const token = await csrfTokenOf(app, cookie);
    const ask = (headers: Record<string, string>) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { name role } }' }),
      });
    const without = await ask({ cookie });
    expect(without.status).toBe(403);
    expect(await without.json()).toEqual({
      errors: [{ message: 'The CSRF token is missing or wrong', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(
      (await ask({ cookie, 'x-csrf-token': `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` }))
        .status,
    ).toBe(403);
    expect(await (await ask({ cookie, 'x-csrf-token': token })).json()).toEqual({
      data: { me: { name: 'Tom Hughes', role: 'SOCIAL_WORKER' } },
    });
    const bearer = await app.gql(socialWorker(HILLINGDON, 'sw-bearer'), '{ me { role } }');
    expect(bearer.data).toEqual({ me: { role: 'SOCIAL_WORKER' } });
    // a form posted without the token changes nothing: signing out needs it too
    const logout = await fetch(`${app.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(logout.status).toBe(403);
    expect((await fetch(`${app.url}/`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
  });

  it('ends a session idle past its timeout, or older than the absolute one, and on signing out', async () => {
    const idle = await devSession(app, { ...worker, sub: 'sw-idle' });
    await app.query(
      `UPDATE web_session SET expire = now() - interval '1 second' WHERE sess->'identity'->>'sub' = 'sw-idle'`,
    );
    const afterIdle = await fetch(`${app.url}/`, { headers: { cookie: idle }, redirect: 'manual' });
    expect(afterIdle.status).toBe(303);
    expect(afterIdle.headers.get('location')).toBe('/auth/sign-in?returnTo=%2F');

    const old = await devSession(app, { ...worker, sub: 'sw-old' });
    await app.query(
      `UPDATE web_session SET sess = jsonb_set(sess::jsonb, '{identity,signedInAt}', to_jsonb((extract(epoch FROM now()) * 1000 - 10 * 3600 * 1000 - 1)::bigint))::json
        WHERE sess->'identity'->>'sub' = 'sw-old'`,
    );
    const afterAbsolute = await fetch(`${app.url}/`, { headers: { cookie: old }, redirect: 'manual' });
    expect(afterAbsolute.headers.get('location')).toBe('/auth/sign-in?returnTo=%2F&timedOut=1');
    expect(await app.query(`SELECT 1 FROM web_session WHERE sess->'identity'->>'sub' = 'sw-old'`)).toEqual(
      [],
    );

    const leaving = await devSession(app, { ...worker, sub: 'sw-leaving' });
    const token = await csrfTokenOf(app, leaving);
    const logout = await fetch(`${app.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie: leaving, 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ _csrf: token }),
      redirect: 'manual',
    });
    expect(logout.headers.get('location')).toBe('/auth/sign-in?signedOut=1');
    expect(
      await app.query(`SELECT 1 FROM web_session WHERE sess->'identity'->>'sub' = 'sw-leaving'`),
    ).toEqual([]);
    expect((await fetch(`${app.url}/`, { headers: { cookie: leaving }, redirect: 'manual' })).status).toBe(
      303,
    );
  });

  it('signs the dashboard in with the session: no token box, the session’s CSRF token', async () => {
    // (the explorer, which exists in development only, is tested below, in a browser)
    for (const path of ['/dashboard']) {
      const anonymous = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      expect(anonymous.headers.get('location')).toBe(`/auth/sign-in?returnTo=${encodeURIComponent(path)}`);
    }
    const cookie = await devSession(app, { ...worker, sub: 'sw-explorer' });
    const token = await csrfTokenOf(app, cookie);
    for (const path of ['/dashboard']) {
      const html = await (await fetch(`${app.url}${path}`, { headers: { cookie } })).text();
      expect(html).toContain(`<meta name="csrf-token" content="${token}"`);
      expect(html).not.toMatch(/Bearer|localStorage/);
    }
  });

  it('only goes back to a path of its own after signing in', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example', '/\\evil.example', '/auth/logout']) {
      const response = await fetch(`${app.url}/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ ...worker, returnTo }),
        redirect: 'manual',
      });
      expect(response.headers.get('location')).toBe('/');
    }
  });
});

describe('browser sessions in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      EXPORT_LINK_SECRET: 'an-export-link-key-of-its-own-32-chars-at-least',
    });
  });
  afterAll(() => app.close());

  it('has no development sign-in, and says sign-in is not set up without a provider', async () => {
    const dev = await fetch(`${app.url}/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ role: 'TEAM_MANAGER', org: KENT, sub: 'x', name: 'x' }),
    });
    expect(dev.status).toBe(404);
    const signIn = await (await fetch(`${app.url}/auth/sign-in`)).text();
    expect(signIn).not.toContain('Development sign-in');
    expect(signIn).toContain('Signing in is not set up on this service');
    expect((await fetch(`${app.url}/auth/login`)).status).toBe(503);
  });
});

describeInBrowser('signing in, in a real browser', () => {
  let browser: Browser;
  let app: TestApp;
  let provider: { issuer: string; stop: () => void };

  beforeAll(async () => {
    const port = await freePort();
    const providerPort = await freePort();
    provider = await startOidcProvider(providerPort, `http://127.0.0.1:${port}/auth/callback`);
    app = await TestApp.start({
      // development: the explorer exists
      NODE_ENV: 'development',
      PORT: String(port),
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: 'haven',
      OIDC_SCOPES: 'openid profile haven',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    provider?.stop();
  });

  it('signs in through the council’s OpenID provider (code flow with PKCE) and out again', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/?from=deep-link`);
    expect(new URL(page.url()).pathname).toBe('/auth/sign-in');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.click('a.govuk-button--start');
    // the provider's own login and consent pages
    await page.waitForSelector('input[name="login"]');
    expect(page.url()).toContain('127.0.0.1');
    expect(new URL(page.url()).port).not.toBe(new URL(app.url).port);
    await page.fill('input[name="login"]', `TEAM_MANAGER|${KENT}|tm-oidc-kent|Grace Mensah`);
    await page.fill('input[name="password"]', 'any');
    await page.click('button[type="submit"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL(`${app.url}/?from=deep-link`);
    expect(await page.textContent('.haven-signed-in')).toContain('Grace Mensah, Team manager');
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    // (the provider's own cookies sit beside it: cookies do not tell ports apart)
    const cookies = (await context.cookies()).filter((cookie) => cookie.name.startsWith('haven'));
    expect(cookies.map((cookie) => [cookie.name, cookie.httpOnly, cookie.sameSite])).toEqual([
      ['haven-session', true, 'Strict'],
    ]);
    const [row] = await app.query<{ sess: { identity: Record<string, unknown> } }>(
      `SELECT sess FROM web_session WHERE sess->'identity'->>'name' = 'Grace Mensah'`,
    );
    expect(row.sess.identity).toMatchObject({ role: 'TEAM_MANAGER', org: KENT, name: 'Grace Mensah' });

    await page.click('button:has-text("Sign out")');
    await page.waitForURL(`${app.url}/auth/sign-in?signedOut=1`);
    expect(await page.textContent('.govuk-notification-banner')).toContain('You have signed out');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs in through the development page, with the keyboard alone', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/auth/sign-in`);
    // the first demo practitioner's button is reached by Tab and pressed with Enter
    const first = page.locator('form.haven-inline-form button').first();
    const label = await first.getAttribute('aria-label');
    for (let presses = 0; presses < 30; presses += 1) {
      await page.keyboard.press('Tab');
      if (
        (await page.evaluate(
          'document.activeElement && document.activeElement.getAttribute("aria-label")',
        )) === label
      )
        break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/`);
    expect(await page.textContent('.haven-signed-in')).toContain('Sam Okafor, Social worker, Hillingdon');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the explorer’s editor state out of the browser’s storage', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, {
      role: 'SOCIAL_WORKER' as never,
      org: KENT,
      sub: 'sw-graphiql',
      name: 'Tom Hughes',
    });
    const anonymous = await fetch(`${app.url}/explorer`, { redirect: 'manual' });
    expect(anonymous.headers.get('location')).toBe('/auth/sign-in?returnTo=%2Fexplorer');
    await page.goto(`${app.url}/explorer`);
    await page.waitForSelector('.graphiql-container');
    const answer = await page.evaluate<{ data: unknown }>(
      `fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json',
         'x-csrf-token': document.querySelector('meta[name="csrf-token"]').content },
         body: JSON.stringify({ query: '{ me { name } }' }) }).then((response) => response.json())`,
    );
    expect(answer).toEqual({ data: { me: { name: 'Tom Hughes' } } });
    await expectCleanFinish({ context, page, problems });
  });

  it('signs in and out without JavaScript', async () => {
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, app.url, {
      role: 'TEAM_MANAGER' as never,
      org: KENT,
      sub: 'tm-no-js',
      name: 'Grace Mensah',
    });
    expect(await page.textContent('.haven-signed-in')).toContain('Grace Mensah, Team manager');
    await page.click('button:has-text("Sign out")');
    await page.waitForURL(`${app.url}/auth/sign-in?signedOut=1`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs in as anyone described in the development form', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, {
      role: 'GUARDIAN' as never,
      org: 'ICTG-TEST',
      sub: 'g-form',
      name: 'Gita Guardian',
    });
    expect(await page.textContent('.haven-signed-in')).toContain('Gita Guardian, Guardian, ICTG-TEST');
    expect(problems).toEqual([]);
    await context.close();
  });
});
