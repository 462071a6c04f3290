import { Client, createClient } from 'graphql-ws';
import { Browser, Locator, Page } from 'playwright-core';
import WebSocket from 'ws';
import {
  accessibilityProblems,
  describeInBrowser,
  expectCleanFinish,
  launchChromium,
  newContext,
  signedInPage,
  signInAs,
  tabTo,
  webStorage,
} from '../support/browser';
import { hoursAgo, newChild, practitionerId } from '../support/factories';
import { Caller, HILLINGDON, socialWorker, teamManager, TestApp } from '../support/test-app';

/** A locator's text as it reads (white space collapsed). */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The list item of the alert about `name`. */
const itemAbout = (page: Page, name: string) =>
  page.locator('[data-live-alerts] > .haven-alert', { has: page.locator(`h3:has-text("${name}")`) });

describeInBrowser('alerts, live, acknowledged and resolved from the list', () => {
  let app: TestApp;
  let browser: Browser;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-alerts'), name: 'Priya Shah' };
  const manager: Caller = { ...teamManager(HILLINGDON, 'tm-alerts'), name: 'Grace Mensah' };

  /** A child of the worker's, reported missing through the API: its CHILD_MISSING alert's id. */
  async function missingChild(givenName: string, familyName: string): Promise<string> {
    const child = await newChild(app, worker, { givenName, familyName });
    await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: { childId: child.id, kind: 'MISSING', missingSince: hoursAgo(1) },
    });
    const [alert] = await app.query<{ id: string }>(
      `SELECT id FROM alert WHERE child_id = $1 AND kind = 'CHILD_MISSING'`,
      [child.id],
    );
    return alert.id;
  }

  const statusOf = async (alertId: string) =>
    (
      await app.query<{
        status: string;
        acknowledgement_note: string | null;
        resolution_note: string | null;
      }>('SELECT status, acknowledgement_note, resolution_note FROM alert WHERE id = $1', [alertId])
    )[0];

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
    // the team manager is a practitioner of the authority before anything is raised
    await practitionerId(app, manager);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows a social worker's report on the team manager's open page without a reload, and announces it", async () => {
    const managers = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const workers = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const managerPage = await managers.context.newPage();
    const workerPage = await workers.context.newPage();
    await signInAs(managerPage, app.url, manager);
    await signInAs(workerPage, app.url, worker);
    const child = await newChild(app, worker, { givenName: 'Leila', familyName: 'Ahmadi' });
    const sockets: Promise<void>[] = [];
    managerPage.on('websocket', (socket) =>
      sockets.push(new Promise((resolve) => socket.on('close', () => resolve()))),
    );
    await managerPage.goto(`${app.url}/alerts`);
    expect(await text(managerPage.locator('h1'))).toBe('Alerts');
    // both pages are listening before the child is reported missing
    await managerPage
      .locator('[data-live-alerts][data-live="connected"]')
      .waitFor({ state: 'attached', timeout: 5000 });
    await workerPage
      .locator('[data-live-alerts][data-live="connected"]')
      .waitFor({ state: 'attached', timeout: 5000 });

    await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: { childId: child.id, kind: 'MISSING', missingSince: hoursAgo(1) },
    });

    // within two seconds, at the top of both lists, and said to screen readers
    const first = managerPage.locator('[data-live-alerts] > .haven-alert:first-child');
    await first
      .locator('h3:has-text("Child missing — Leila Ahmadi")')
      .waitFor({ state: 'visible', timeout: 2000 });
    await managerPage
      .locator('[aria-live="polite"]:has-text("New critical alert: Child missing — Leila Ahmadi")')
      .waitFor({ state: 'attached', timeout: 2000 });
    await workerPage
      .locator('[data-live-alerts] > .haven-alert:first-child h3:has-text("Child missing — Leila Ahmadi")')
      .waitFor({ state: 'visible', timeout: 2000 });
    expect(await text(first.locator('.govuk-tag'))).toBe('Critical');
    expect(await first.locator('h3 a').getAttribute('href')).toBe(`/children/${child.id}`);
    expect(await text(first.locator('[data-field="reason"]'))).toMatch(/^Reported missing since/);
    // the new item carries the role's controls, for this alert: a manager acknowledges and resolves...
    const [alert] = await app.query<{ id: string }>(`SELECT id FROM alert WHERE child_id = $1`, [child.id]);
    expect(await first.getAttribute('id')).toBe(`alert-${alert.id}`);
    expect(
      await first.locator('form').evaluateAll((forms) => forms.map((form) => form.getAttribute('action'))),
    ).toEqual([`/alerts/${alert.id}/acknowledge`, `/alerts/${alert.id}/resolve`]);
    // ...a social worker only acknowledges
    expect(
      await workerPage.locator('[data-live-alerts] > .haven-alert:first-child details[data-action]').count(),
    ).toBe(1);

    for (const page of [managerPage, workerPage]) {
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    }
    // the socket closes when the page is left (pagehide: navigating away, closing the tab, the back button)
    expect(sockets).toHaveLength(1);
    await managerPage.evaluate(
      "window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }))",
    );
    await sockets[0];
    await managerPage
      .locator('[data-live-alerts][data-live="closed"]')
      .waitFor({ state: 'attached', timeout: 5000 });
    expect(managers.problems).toEqual([]);
    expect(workers.problems).toEqual([]);
    await managers.context.close();
    await workers.context.close();
  });

  it('acknowledges with a note and resolves (a note required) from the list, with the mouse', async () => {
    const alertId = await missingChild('Omid', 'Karimi');
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${app.url}/alerts`);
    await page.screenshot({ path: 'docs/screenshots/alerts.png', fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    const item = itemAbout(page, 'Omid Karimi');
    await item.locator('details[data-action="acknowledge"] summary').click();
    await item.locator('textarea[name="note"]').first().fill('Police informed, strategy discussion booked');
    await Promise.all([
      page.waitForURL(`${app.url}/alerts`),
      item.locator('button:has-text("Acknowledge")').click(),
    ]);
    expect(await text(page.locator('.govuk-notification-banner'))).toContain('The alert is acknowledged');
    expect(await statusOf(alertId)).toEqual({
      status: 'ACKNOWLEDGED',
      acknowledgement_note: 'Police informed, strategy discussion booked',
      resolution_note: null,
    });
    expect(await accessibilityProblems(page)).toEqual([]);
    // the banner is shown once
    await page.reload();
    expect(await page.locator('.govuk-notification-banner').count()).toBe(0);

    // the acknowledged alerts, by the filters
    await page.selectOption('#status', 'ACKNOWLEDGED');
    await Promise.all([page.waitForURL(/status=ACKNOWLEDGED/), page.click('button:has-text("Show alerts")')]);
    const acknowledged = itemAbout(page, 'Omid Karimi');
    expect(await text(acknowledged)).toContain(
      'Acknowledged with the note: Police informed, strategy discussion booked',
    );
    expect(await acknowledged.locator('details[data-action="acknowledge"]').count()).toBe(0);

    // resolving without saying what was done is refused, with an error summary linking to the note
    await acknowledged.locator('details[data-action="resolve"] summary').click();
    await Promise.all([
      page.waitForLoadState('load'),
      acknowledged.locator('button:has-text("Resolve")').click(),
    ]);
    expect(await page.title()).toMatch(/^Error: Alerts/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('a').getAttribute('href')).toBe(`#resolve-note-${alertId}`);
    expect(await text(page.locator(`#resolve-note-${alertId}-error`))).not.toBe('');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await statusOf(alertId)).status).toBe('ACKNOWLEDGED');
    await summary.locator('a').click();
    await page.locator(`#resolve-note-${alertId}`).fill('Found by police, safety plan agreed');
    await Promise.all([
      page.waitForURL(/status=ACKNOWLEDGED/),
      itemAbout(page, 'Omid Karimi').locator('button:has-text("Resolve")').click(),
    ]);
    expect(await text(page.locator('.govuk-notification-banner'))).toContain('The alert is resolved');
    expect(await itemAbout(page, 'Omid Karimi').count()).toBe(0);
    expect(await statusOf(alertId)).toMatchObject({
      status: 'RESOLVED',
      resolution_note: 'Found by police, safety plan agreed',
    });
    expect(await accessibilityProblems(page)).toEqual([]);
    await expectCleanFinish({ context, page, problems });
  });

  it('acknowledges and resolves with the keyboard alone', async () => {
    const alertId = await missingChild('Hana', 'Bekele');
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${app.url}/alerts`);
    const item = `#alert-${alertId}`;
    await tabTo(page, `${item} details[data-action="acknowledge"] summary`);
    await page.keyboard.press('Enter');
    await tabTo(page, `#acknowledge-note-${alertId}`);
    await page.keyboard.type('Carer called');
    await tabTo(page, `${item} details[data-action="acknowledge"] button`);
    await Promise.all([page.waitForURL(`${app.url}/alerts`), page.keyboard.press('Enter')]);
    expect(await text(page.locator('.govuk-notification-banner'))).toContain('The alert is acknowledged');
    expect((await statusOf(alertId)).status).toBe('ACKNOWLEDGED');

    await page.goto(`${app.url}/alerts?status=ACKNOWLEDGED`);
    await tabTo(page, `${item} details[data-action="resolve"] summary`);
    await page.keyboard.press('Space');
    await tabTo(page, `#resolve-note-${alertId}`);
    await page.keyboard.type('Returned home, return interview booked');
    await tabTo(page, `${item} details[data-action="resolve"] button`);
    await Promise.all([page.waitForURL(/status=ACKNOWLEDGED/), page.keyboard.press('Enter')]);
    expect(await text(page.locator('.govuk-notification-banner'))).toContain('The alert is resolved');
    expect(await statusOf(alertId)).toMatchObject({ status: 'RESOLVED' });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists, acknowledges and resolves with JavaScript disabled', async () => {
    const alertId = await missingChild('Yonas', 'Haile');
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      javaScriptEnabled: false,
    });
    await page.goto(`${app.url}/alerts`);
    // the server's list, and paging by cursor
    expect(await itemAbout(page, 'Yonas Haile').count()).toBe(1);
    const item = itemAbout(page, 'Yonas Haile');
    await item.locator('details[data-action="acknowledge"] summary').click();
    await Promise.all([
      page.waitForURL(`${app.url}/alerts`),
      item.locator('button:has-text("Acknowledge")').click(),
    ]);
    expect(await text(page.locator('.govuk-notification-banner'))).toContain('The alert is acknowledged');
    await page.goto(`${app.url}/alerts?status=ACKNOWLEDGED`);
    const acknowledged = itemAbout(page, 'Yonas Haile');
    await acknowledged.locator('details[data-action="resolve"] summary').click();
    await acknowledged.locator('textarea').fill('Back with carer');
    await Promise.all([
      page.waitForURL(/status=ACKNOWLEDGED/),
      acknowledged.locator('button:has-text("Resolve")').click(),
    ]);
    expect(await text(page.locator('.govuk-notification-banner'))).toContain('The alert is resolved');
    expect(await statusOf(alertId)).toMatchObject({ status: 'RESOLVED', resolution_note: 'Back with carer' });
    // (axe runs in the page's JavaScript: these pages are checked by the tests above)

    expect(problems).toEqual([]);
    await context.close();
  });

  it('pages the list by cursor with the filters kept, at 320 px wide', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      viewport: { width: 320, height: 800 },
    });
    await app.query(
      `INSERT INTO alert (local_authority_id, child_id, kind, severity, subject_type, subject_id, escalation_level, reason, raised_at)
       SELECT a.local_authority_id, a.child_id, 'NO_GUARDIAN', 'INFO', 'Child', gen_random_uuid(), 0, 'Paged ' || n,
              now() - n * interval '1 minute'
         FROM (SELECT * FROM alert WHERE kind = 'CHILD_MISSING' LIMIT 1) a, generate_series(1, 25) n`,
    );
    await page.goto(`${app.url}/alerts?status=OPEN&severity=INFO`);
    expect(await text(page.locator('#alerts-heading'))).toBe('25 alerts');
    expect(await page.locator('[data-live-alerts] > .haven-alert').count()).toBe(20);
    await Promise.all([page.waitForURL(/after=/), page.click('.govuk-pagination__next a')]);
    expect(new URL(page.url()).searchParams.get('severity')).toBe('INFO');
    expect(await page.locator('[data-live-alerts] > .haven-alert').count()).toBe(5);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await accessibilityProblems(page)).toEqual([]);
    await Promise.all([page.waitForURL(/status=OPEN/), page.click('.govuk-pagination__prev a')]);
    expect(await page.locator('[data-live-alerts] > .haven-alert').count()).toBe(20);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the live alerts socket', () => {
  let app: TestApp;
  const clients: Client[] = [];
  const worker = { role: 'SOCIAL_WORKER', org: HILLINGDON, sub: 'sw-socket', name: 'Tom Hughes' };

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await app.close();
  });

  /** Opens a socket with the session's cookie and these connection parameters: connected, or its close code. */
  function connect(cookie: string, connectionParams: Record<string, string>): Promise<'connected' | number> {
    class WithCookie extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie } });
      }
    }
    return new Promise((resolve) => {
      const client = createClient({
        url: app.url.replace('http', 'ws') + '/graphql',
        webSocketImpl: WithCookie,
        connectionParams,
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      client.on('connected', () => resolve('connected'));
      client.on('closed', (event) => resolve((event as { code: number }).code));
    });
  }

  it("refuses a socket opened with the session's cookie but without its page's CSRF token (4401)", async () => {
    const signIn = await fetch(`${app.url}/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(worker).toString(),
      redirect: 'manual',
    });
    await signIn.text();
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const html = await (await fetch(`${app.url}/alerts`, { headers: { cookie } })).text();
    const token = /name="csrf-token" content="([^"]+)"/.exec(html)![1];

    expect(await connect(cookie, {})).toBe(4401);
    expect(
      await connect(cookie, { csrfToken: `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` }),
    ).toBe(4401);
    expect(await connect('haven-session=s%3Anot-a-session.x', { csrfToken: token })).toBe(4401);
    expect(await connect(cookie, { csrfToken: token })).toBe('connected');
  });
});
