import { Browser, Locator, Page } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  expectCleanFinish,
  launchChromium,
  newContext,
  signedInPage,
  signInAs,
} from '../support/browser';
import { assignGuardian, hoursAgo, newChild, practitionerId } from '../support/factories';
import {
  analyst,
  Caller,
  guardian,
  HILLINGDON,
  socialWorker,
  teamManager,
  TestApp,
} from '../support/test-app';

/** A locator's text as it reads (white space collapsed). */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** What a start page's alert items say, top to bottom: "<severity tag> <title>". */
async function alertItems(page: Page): Promise<string[]> {
  return page
    .locator('[data-live-alerts] > .haven-alert')
    .evaluateAll((items) =>
      items.map((item) =>
        [item.querySelector('.govuk-tag')?.textContent, item.querySelector('h3')?.textContent]
          .map((text) => (text ?? '').replace(/\s+/g, ' ').trim())
          .join(' '),
      ),
    );
}

describeInBrowser('start pages, per role', () => {
  let app: TestApp;
  let browser: Browser;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-start'), name: 'Priya Shah' };
  const manager: Caller = { ...teamManager(HILLINGDON, 'tm-start'), name: 'Grace Mensah' };
  const carer: Caller = { ...guardian('ICTG-START', 'g-start'), name: 'Gita Guardian' };

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
    await practitionerId(app, manager);
    // a child missing now (a critical alert), one back after three days with no return interview (an
    // overdue interview, raised by the scan) and one with nothing to say
    const missing = await newChild(app, worker, { givenName: 'Amira', familyName: 'Haddad' });
    await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: { childId: missing.id, kind: 'MISSING', missingSince: hoursAgo(3) },
    });
    const returned = await newChild(app, worker, { givenName: 'Dawit', familyName: 'Tesfaye' });
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
      worker,
      `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
      { input: { childId: returned.id, kind: 'MISSING', missingSince: hoursAgo(100) } },
    );
    await app.ok(worker, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
      input: { episodeId: reportMissing.id, returnedAt: hoursAgo(90) },
    });
    await app.ok(manager, `mutation { runAlertScan { raised } }`);
    const assigned = await newChild(app, worker, {
      givenName: 'Nguyễn',
      familyName: 'Văn An',
      categories: ['TRAFFICKED'],
    });
    const result = await assignGuardian(app, worker, {
      childId: assigned.id,
      guardianId: await practitionerId(app, carer),
      scheme: 'ICTG_DIRECT',
    });
    expect(result.errors).toBeUndefined();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows a social worker the authority's open alerts, most severe first, and its children, missing first", async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, worker, {
      viewport: { width: 1280, height: 900 },
    });
    expect(new URL(page.url()).pathname).toBe('/');
    const items = await alertItems(page);
    expect(items[0]).toBe('Critical Child missing — Amira Haddad');
    expect(items.filter((item) => item.endsWith('Return interview overdue — Dawit Tesfaye'))).toHaveLength(1);
    // "their" alerts and children are the authority's: the page says so
    expect(await text(page.locator('.govuk-inset-text'))).toContain(
      'every open alert and every child of Hillingdon',
    );
    const rows = page.locator('table tbody tr');
    expect(await text(rows.first())).toContain('Amira Haddad');
    expect(await text(rows.first())).toContain('Missing now');
    expect(await rows.count()).toBe(3);
    expect(await page.getAttribute('a:has-text("Amira Haddad") >> nth=0', 'href')).toMatch(
      /^\/children\/[0-9a-f-]{36}$/,
    );
    // a social worker acknowledges, and may not resolve
    expect(await page.locator('details[data-action="acknowledge"]').count()).toBeGreaterThan(0);
    expect(await page.locator('details[data-action="resolve"]').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await expectCleanFinish({ context, page, problems });
  });

  it("shows a team manager the authority's open alerts by severity, children missing now and what is overdue", async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      viewport: { width: 1280, height: 900 },
    });
    const counts = page.locator('.haven-alert-counts');
    expect(await text(counts.locator('.govuk-summary-list__row').first())).toContain('Critical');
    expect(await text(counts.locator('.govuk-summary-list__row').first())).toContain('1 alert');
    expect(await counts.locator('a').first().getAttribute('href')).toBe(
      '/alerts?status=OPEN&severity=CRITICAL',
    );
    expect((await alertItems(page))[0]).toBe('Critical Child missing — Amira Haddad');
    expect(await text(page.locator('#overdue-interviews'))).toBe('Overdue return interviews (1)');
    expect(await text(page.locator('table:has(caption:has-text("Overdue return interviews"))'))).toContain(
      'Dawit Tesfaye',
    );
    expect(await text(page.locator('#overdue-actions'))).toBe('Overdue meeting actions (0)');
    expect(await text(page.locator('#children-heading'))).toBe('Children missing now');
    const missing = page.locator('table:has(caption:has-text("Children missing now")) tbody tr');
    expect(await missing.count()).toBe(1);
    expect(await text(missing.first())).toContain('Amira Haddad');
    expect(await page.getAttribute('a:has-text("See all children missing now")', 'href')).toBe(
      '/children?missingNow=true',
    );
    // a team manager resolves as well as acknowledges
    expect(await page.locator('details[data-action="resolve"]').count()).toBeGreaterThan(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/start-team-manager.png', fullPage: true });
    await expectCleanFinish({ context, page, problems });
  });

  it('shows a guardian on a phone the children assigned to them and their alerts, and nothing to act on', async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signInAs(page, app.url, carer);
    expect(await text(page.locator('h1'))).toBe('Your children');
    const cards = page.locator('.govuk-summary-card');
    expect(await cards.count()).toBe(1);
    expect(await text(cards.first().locator('.govuk-summary-card__title'))).toBe('Nguyễn Văn An');
    expect(await cards.first().locator('a:has-text("View case file")').getAttribute('href')).toMatch(
      /^\/children\/[0-9a-f-]{36}$/,
    );
    // one tap from the card: log a contact, report missing
    expect(await cards.first().locator('a:has-text("Log a contact")').getAttribute('href')).toMatch(
      /^\/children\/[0-9a-f-]{36}\/contacts\/new$/,
    );
    expect(await cards.first().locator('a:has-text("Report missing")').getAttribute('href')).toMatch(
      /^\/children\/[0-9a-f-]{36}\/missing\/new$/,
    );
    // their alerts only: none of the authority's other children's
    const items = await alertItems(page);
    expect(items.filter((item) => /Amira|Dawit/.test(item))).toEqual([]);
    expect(await page.locator('details[data-action]').count()).toBe(0);
    // nothing wider than the phone
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);
    await expectCleanFinish({ context, page, problems });
  });

  it('sends a partnership analyst to the dashboard', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, {
      ...analyst([HILLINGDON], 'analyst-start'),
      name: 'Ana Lyst',
    });
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(problems).toEqual([]);
    await context.close();
  });
});
