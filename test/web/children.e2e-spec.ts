import { Browser, Page } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  expectCleanFinish,
  launchChromium,
  signedInPage,
  tabTo,
} from '../support/browser';
import { assignGuardian, bornYearsAgo, hoursAgo, newChild, practitionerId } from '../support/factories';
import { Caller, guardian, HILLINGDON, KENT, teamManager, TestApp } from '../support/test-app';

/** The names in the results table, in order. */
async function resultNames(page: Page): Promise<string[]> {
  return page.$$eval('#child-results tbody tr td:first-child a', (links) =>
    links.map((link) => (link.textContent ?? '').trim()),
  );
}

describeInBrowser('find a child (web journey 3)', () => {
  let browser: Browser;
  let app: TestApp;
  const manager: Caller = { ...teamManager(HILLINGDON, 'tm-web-find'), name: 'Priya Shah' };
  const gail: Caller = guardian('ICTG-WEBFIND', 'g-web-find');
  let nguyenId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
    // registered first, so the named children lead the list (newest registration first)
    for (let index = 1; index <= 22; index += 1) {
      await newChild(app, manager, {
        givenName: `Child ${String(index).padStart(2, '0')}`,
        familyName: 'Pager',
      });
    }
    const nguyen = await newChild(app, manager, {
      givenName: 'Minh',
      familyName: 'Nguyễn',
      categories: ['TRAFFICKED'],
    });
    nguyenId = nguyen.id;
    await newChild(app, manager, {
      givenName: 'Aisha',
      familyName: 'Karimi',
      aliases: [{ name: 'Ayşe Yılmaz', source: 'name given by traffickers' }],
      categories: ['UNACCOMPANIED_ASYLUM_SEEKING'],
    });
    const soon18 = await newChild(app, manager, {
      givenName: 'Dawit',
      familyName: 'Tesfaye',
      claimedDateOfBirth: bornYearsAgo(18, 10),
      categories: ['SEPARATED', 'TRAFFICKED'],
    });
    const missing = await newChild(app, manager, { givenName: 'Kwame', familyName: 'Mensah' });
    await app.ok(manager, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: { childId: missing.id, kind: 'MISSING', missingSince: hoursAgo(3) },
    });
    const assigned = await assignGuardian(app, manager, {
      childId: soon18.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    expect(assigned.errors).toBeUndefined();
    // another authority's child of the same name is never found
    await newChild(app, teamManager(KENT, 'tm-web-find-kent'), { givenName: 'Minh', familyName: 'Nguyen' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('finds a child by a name without its accents, as the practitioner types and with the mouse', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      viewport: { width: 1280, height: 900 },
    });
    await page.click('a:has-text("Children")');
    await page.waitForURL(`${app.url}/children`);
    expect(await page.getAttribute('a:has-text("Register a child")', 'href')).toBe('/children/new');
    expect(await page.textContent('#child-results h2')).toContain('26 children');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/children.png', fullPage: true });

    // the results follow the search box (the same page's HTML, fetched and swapped in)
    await page.fill('#search', 'nguyen');
    await page.locator('#child-results h2', { hasText: /^\s*1 child found\s*$/ }).waitFor();
    expect(await resultNames(page)).toEqual(['Minh Nguyễn']);
    expect(page.url()).toBe(`${app.url}/children?search=nguyen`);
    expect(await page.textContent('[data-haven-results-status]')).toBe('1 child found');

    // an alias, by the mouse and the Search button
    await page.fill('#search', 'AYSE');
    await Promise.all([page.waitForURL(/search=AYSE/), page.click('button:has-text("Search")')]);
    expect(await resultNames(page)).toEqual(['Aisha Karimi']);
    expect(await page.textContent('#child-results')).toContain('Also known as Ayşe Yılmaz');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.fill('#search', 'nguyen');
    await Promise.all([page.waitForURL(/search=nguyen/), page.click('button:has-text("Search")')]);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${nguyenId}`),
      page.click('a:has-text("Minh Nguyễn")'),
    ]);
    expect(await page.textContent('h1')).toBe('Minh Nguyễn');
    await expectCleanFinish({ context, page, problems });
  });

  it('filters by missing now, turning 18, category, age and guardian', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager);
    await page.goto(`${app.url}/children`);
    const search = () =>
      Promise.all([page.waitForURL(/\/children\?/), page.click('button:has-text("Search")')]);

    await page.check('input[name="missingNow"][value="yes"]');
    await search();
    expect(await resultNames(page)).toEqual(['Kwame Mensah']);
    expect(await page.textContent('#child-results')).toContain('Missing now');

    await page.check('input[name="missingNow"][value=""]');
    await page.fill('#turning18WithinDays', '30');
    await search();
    expect(await resultNames(page)).toEqual(['Dawit Tesfaye']);

    await page.fill('#turning18WithinDays', '');
    await page.selectOption('#category', 'UNACCOMPANIED_ASYLUM_SEEKING');
    await search();
    expect(await resultNames(page)).toEqual(['Aisha Karimi']);
    expect(await page.inputValue('#category')).toBe('UNACCOMPANIED_ASYLUM_SEEKING');

    await page.selectOption('#category', '');
    await page.selectOption('#guardianId', { label: `${gail.name} (ICTG-WEBFIND)` });
    await search();
    expect(await resultNames(page)).toEqual(['Dawit Tesfaye']);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.selectOption('#guardianId', '');
    await page.check('input[name="ageDisputed"][value="yes"]');
    await search();
    expect(await page.textContent('#child-results')).toContain('No children found');
    expect(await accessibilityProblems(page)).toEqual([]);

    // a number of days that is not one is said on the page, next to the field
    await page.goto(`${app.url}/children?turning18WithinDays=soon`);
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Enter the number of days as a whole number',
    );
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#turning18WithinDays');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pages through more than one page of results, forwards and back', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager);
    await page.goto(`${app.url}/children?search=pager`);
    expect(await page.textContent('#child-results h2')).toContain('22 children found');
    const first = await resultNames(page);
    expect(first).toHaveLength(20);
    expect(await page.textContent('#child-results')).toContain('Showing 1 to 20 of 22');

    await Promise.all([page.waitForURL(/after=/), page.click('.govuk-pagination__next a')]);
    const second = await resultNames(page);
    expect(second).toHaveLength(2);
    expect(await page.textContent('#child-results')).toContain('Showing 21 to 22 of 22');
    expect(new URL(page.url()).searchParams.get('search')).toBe('pager');
    expect([...first, ...second].sort()).toEqual(
      Array.from({ length: 22 }, (_, index) => `Child ${String(index + 1).padStart(2, '0')} Pager`),
    );
    expect(await page.$('.govuk-pagination__next')).toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);

    await Promise.all([
      page.waitForURL((url) => !url.searchParams.has('after')),
      page.click('.govuk-pagination__prev a'),
    ]);
    expect(await resultNames(page)).toEqual(first);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds a child and opens the case file with the keyboard alone', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager);
    await page.goto(`${app.url}/children`);
    await tabTo(page, '#search');
    await page.keyboard.type('NGUYEN');
    await Promise.all([page.waitForURL(/search=NGUYEN/), page.keyboard.press('Enter')]);
    expect(await resultNames(page)).toEqual(['Minh Nguyễn']);
    await tabTo(page, `a[href="/children/${nguyenId}"]`);
    await Promise.all([page.waitForURL(`${app.url}/children/${nguyenId}`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Minh Nguyễn');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches, filters and pages with JavaScript disabled', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      javaScriptEnabled: false,
    });
    await page.goto(`${app.url}/children`);
    await page.fill('#search', 'pager');
    await Promise.all([page.waitForURL(/search=pager/), page.click('button:has-text("Search")')]);
    expect(await resultNames(page)).toHaveLength(20);
    await Promise.all([page.waitForURL(/after=/), page.click('.govuk-pagination__next a')]);
    expect(await resultNames(page)).toHaveLength(2);
    await page.fill('#search', 'karimi');
    await page.selectOption('#category', 'UNACCOMPANIED_ASYLUM_SEEKING');
    await Promise.all([page.waitForURL(/category=/), page.click('button:has-text("Search")')]);
    // a new search starts at its first page
    expect(new URL(page.url()).searchParams.has('after')).toBe(false);
    expect(await resultNames(page)).toEqual(['Aisha Karimi']);
    // (axe-core runs in the page, so not here: the same pages are checked with JavaScript above)
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a guardian only their own children, without the filters for staff or a register button', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, gail);
    await page.goto(`${app.url}/children`);
    expect(await resultNames(page)).toEqual(['Dawit Tesfaye']);
    expect(await page.$('#guardianId')).toBeNull();
    expect(await page.$('#allocatedWorkerId')).toBeNull();
    expect(await page.$('a:has-text("Register a child")')).toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);
    // usable at 320 px: nothing wider than the screen
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(problems).toEqual([]);
    await context.close();
  });
});
