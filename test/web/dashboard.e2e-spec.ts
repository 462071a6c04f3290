import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { addDays } from '@haven/platform';
import {
  accessibilityProblems,
  describeInBrowser,
  fillDate,
  launchChromium,
  newContext,
  signInAs,
  tabTo,
  webStorage,
} from '../support/browser';
import { registerKnownDashboardData } from '../support/dashboard-data';
import { today } from '../support/factories';
import { analyst, Caller, guardian, HILLINGDON, KENT, socialWorker, TestApp } from '../support/test-app';

/** A table's rows as their cells' text: `[label, figure...]`. */
async function tableRows(page: Page, table: string): Promise<string[][]> {
  // (a string, so that this file needs no DOM types)
  return page.evaluate<string[][]>(
    `Array.from(document.querySelectorAll(${JSON.stringify(`[data-haven-table="${table}"] tbody tr`)})).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent || '').trim().replace(/\\s+/g, ' ')))`,
  );
}

/** A headline table's figure for a measure. */
async function figure(page: Page, table: string, measure: string): Promise<string | undefined> {
  return (await tableRows(page, table)).find(([label]) => label.startsWith(measure))?.[1];
}

describeInBrowser('the partnership dashboard (web journey 12)', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(KENT, 'sw-web-dashboard'), name: 'Tom Hughes' };
  const partnership: Caller = analyst([KENT, HILLINGDON], 'analyst-web-dashboard');
  const from = addDays(today(), -60);
  const to = today();
  const expectedScope = (names: string) =>
    `${names}, ${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${from}T00:00:00Z`))} to`;

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
    // the data set of dashboard.e2e's "gives each figure on a known data set": 13 children in Kent
    await registerKnownDashboardData(app, worker, guardian('ICTG-WEB-DASHBOARD', 'g-web-dashboard'));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The figures of the known data set, as the page shows them, wherever it was asked for Kent's. */
  const expectKentFigures = async (page: Page) => {
    expect(await figure(page, 'children', 'Children open on the last day')).toBe('13');
    expect(await figure(page, 'missing', 'Trafficked children who went missing')).toBe('83.3%');
    // 2 of 5 unaccompanied children: the numerator is small, so the share is withheld: never "fewer than", never 0
    expect(await figure(page, 'missing', 'Unaccompanied children who went missing')).toBe('Withheld');
    expect(await figure(page, 'missing', 'Return interviews completed within 72 hours')).toBe('71.4%');
    // one guardian: identifying
    expect(await figure(page, 'guardians', 'Guardians working with children')).toBe('Withheld');
    // no one turning 18: a share of nobody
    expect(await figure(page, 'turning-18', 'Of those, with a secured durable solution')).toBe(
      'Not applicable',
    );
    // ER (2) and, so that 13 - 6 does not give it away, AL (5): largest first, the withheld after, by name
    expect(await tableRows(page, 'by-nationality')).toEqual([
      ['Vietnam', '6'],
      ['Albania', 'Withheld'],
      ['Eritrea', 'Withheld'],
    ]);
    expect(await tableRows(page, 'by-category')).toEqual([
      ['Trafficked', '6'],
      ['Separated child', 'Withheld'],
      ['Unaccompanied asylum-seeking child', 'Withheld'],
    ]);
    expect(await tableRows(page, 'by-exploitation-type')).toEqual([
      ['Sexual exploitation', '6'],
      ['Not recorded', '7'],
    ]);
    expect(await tableRows(page, 'by-gender')).toEqual([
      ['Male', '7'],
      ['Female', '6'],
    ]);
    expect(await tableRows(page, 'by-age-band')).toEqual([['16 or 17', '13']]);
    const thisMonth = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      month: 'long',
      year: 'numeric',
    }).format(new Date());
    expect((await tableRows(page, 'monthly')).find(([month]) => month === thisMonth)).toEqual([
      thisMonth,
      '13',
      expect.any(String),
      expect.any(String),
      '6',
    ]);
    // withheld figures are gaps in the charts: no bar at all; a shown count has its bar, the largest full width
    expect(await page.locator('.haven-figure--withheld svg').count()).toBe(0);
    expect(
      await page.getAttribute('[data-haven-table="by-nationality"] tbody tr:first-child rect', 'width'),
    ).toBe('100');
    const barsOfShownCounts = await page
      .locator('.haven-dashboard__bar-cell:not(.haven-figure--withheld)')
      .count();
    expect(barsOfShownCounts).toBeGreaterThan(10);
    expect(
      await page.locator('.haven-dashboard__bar-cell:not(.haven-figure--withheld) svg rect').count(),
    ).toBe(barsOfShownCounts);
    // what withheld means, said once
    expect(await page.locator('#suppression-note').count()).toBe(1);
    expect(await page.textContent('#suppression-note')).toContain('A count from 1 to 4 is withheld');
  };

  it("shows an analyst the partnership's figures with names and labels, picked with the mouse; CSV and print", async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signInAs(page, app.url, partnership);
    // an analyst starts at the dashboard: every authority of theirs, by name
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(await page.textContent('[data-haven-dashboard-scope]')).toContain(
      'Hillingdon and Kent, 1 January',
    );
    expect(await page.locator('input[name="authority"]').count()).toBe(2);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.check('input[name="authority"][value="E10000016"]');
    await fillDate(page, 'from', from);
    await fillDate(page, 'to', to);
    await Promise.all([
      page.waitForURL(/authority=E10000016/),
      page.click('button:has-text("Show figures")'),
    ]);
    expect(await page.textContent('[data-haven-dashboard-scope]')).toContain(expectedScope('Kent'));
    expect(await page.isChecked('input[name="authority"][value="E10000016"]')).toBe(true);
    await expectKentFigures(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });

    // each table as CSV: the same figures, labelled, withheld as such
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download ‘By nationality’ as CSV")'),
    ]);
    expect(download.suggestedFilename()).toBe(`haven-dashboard-by-nationality-${from}-to-${to}.csv`);
    expect(readFileSync(await download.path(), 'utf8')).toBe(
      'Nationality,Children\r\nVietnam,6\r\nAlbania,Withheld\r\nEritrea,Withheld\r\n',
    );

    // printed: a pack of three parts, each on new sheets; no navigation, form, buttons or links to download
    expect(await page.isVisible('button:has-text("Print the figures")')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.govuk-service-navigation')).toBe(false);
    expect(await page.isVisible('form[action="/dashboard"]')).toBe(false);
    expect(await page.isVisible('button:has-text("Print the figures")')).toBe(false);
    expect(await page.isVisible('a:has-text("as CSV")')).toBe(false);
    expect(await page.isVisible('#suppression-note')).toBe(true);
    const breaks = await page.evaluate<string[]>(
      `Array.from(document.querySelectorAll('[data-haven-part]')).map((part) => getComputedStyle(part).breakBefore)`,
    );
    expect(breaks).toEqual(['auto', 'page', 'page']);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('picks the authority and the period, and downloads a table, with the keyboard alone', async () => {
    const { context, problems } = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    await signInAs(page, app.url, partnership);
    await page.goto(`${app.url}/dashboard`);
    await tabTo(page, 'input[name="authority"][value="E10000016"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#from-day');
    for (const [box, value] of [
      ['#from-day', String(Number(from.slice(8)))],
      ['#from-month', String(Number(from.slice(5, 7)))],
      ['#from-year', from.slice(0, 4)],
    ]) {
      if (!(await page.evaluate<boolean>(`document.activeElement.matches(${JSON.stringify(box)})`)))
        await tabTo(page, box);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(value);
    }
    await tabTo(page, 'button.govuk-button:not(.govuk-button--secondary)');
    await Promise.all([page.waitForURL(/authority=E10000016/), page.keyboard.press('Enter')]);
    expect(await page.textContent('[data-haven-dashboard-scope]')).toContain(expectedScope('Kent'));
    await expectKentFigures(page);

    await tabTo(page, 'a[href^="/dashboard/by-gender.csv"]', 200);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(readFileSync(await download.path(), 'utf8')).toBe('Gender,Children\r\nMale,7\r\nFemale,6\r\n');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a social worker their own authority's figures with JavaScript disabled", async () => {
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/dashboard`);
    // staff see their own authority: nothing to pick
    expect(await page.locator('input[name="authority"]').count()).toBe(0);
    expect(await page.textContent('[data-haven-dashboard-scope]')).toContain('Kent, 1 January');
    // no Print button without JavaScript: the browser's own print does the same
    expect(await page.isVisible('button:has-text("Print the figures")')).toBe(false);
    await fillDate(page, 'from', from);
    await fillDate(page, 'to', to);
    await Promise.all([page.waitForURL(/from%5Bday%5D=/), page.click('button:has-text("Show figures")')]);
    expect(await page.textContent('[data-haven-dashboard-scope]')).toContain(expectedScope('Kent'));
    await expectKentFigures(page);
    // (axe runs in the page's JavaScript: these pages are checked by the other tests)
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says what is wrong with a period and refuses another authority, at 320 px wide', async () => {
    const { context, problems } = await newContext(browser, { viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/dashboard`);
    await fillDate(page, 'from', from);
    await fillDate(page, 'to', to);
    await Promise.all([page.waitForURL(/from%5Bday%5D=/), page.click('button:has-text("Show figures")')]);
    await expectKentFigures(page);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await accessibilityProblems(page)).toEqual([]);

    // a period that ends before it starts: the API's refusal, next to the field
    await fillDate(page, 'to', addDays(from, -1));
    await Promise.all([page.waitForURL(/to%5Bday%5D=/), page.click('button:has-text("Show figures")')]);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#to-day');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'The end of the period must be the same as or after its start',
    );
    expect(await page.locator('[data-haven-part]').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // boxes that do not make a date
    await page.fill('#from-day', 'first');
    await Promise.all([page.waitForURL(/=first/), page.click('button:has-text("Show figures")')]);
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#from-day');
    expect(await page.textContent('#from-error')).toContain('must be a real date');
    expect(await accessibilityProblems(page)).toEqual([]);

    // another authority, asked for by address: not theirs
    const refused = await page.goto(`${app.url}/dashboard?authority=${HILLINGDON}`);
    expect(refused!.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('You cannot see this page');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers each table as text/csv, the same figures as the page, for the period and authorities asked', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, partnership);
    const query = (date: string, name: string) => {
      const [year, month, day] = date.split('-');
      return `${name}%5Bday%5D=${Number(day)}&${name}%5Bmonth%5D=${Number(month)}&${name}%5Byear%5D=${year}`;
    };
    const base = `${query(from, 'from')}&${query(to, 'to')}&authority=${KENT}`;
    const csv = async (table: string) => {
      const response = await context.request.get(`${app.url}/dashboard/${table}.csv?${base}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers()['cache-control']).toBe('no-store');
      return (await response.text()).split('\r\n');
    };
    expect(await csv('children')).toEqual(
      expect.arrayContaining(['Measure,Figure', 'Children open on the last day,13', 'Open age disputes,0']),
    );
    expect(await csv('missing')).toEqual(
      expect.arrayContaining([
        'Trafficked children who went missing,83.3%',
        'Unaccompanied children who went missing,Withheld',
      ]),
    );
    expect((await csv('monthly'))[0]).toBe(
      'Month,Children registered,Missing episodes,Children missing,NRM referrals',
    );
    expect(await csv('by-category')).toEqual([
      'Category,Children',
      'Trafficked,6',
      'Separated child,Withheld',
      'Unaccompanied asylum-seeking child,Withheld',
      '',
    ]);
    // never a withheld figure as a small number or a zero
    for (const table of ['by-nrm-category', 'by-exploitation-type', 'by-age-band', 'guardians', 'nrm']) {
      for (const line of await csv(table)) expect(line).not.toMatch(/,[1-4]$/);
    }
    expect((await context.request.get(`${app.url}/dashboard/nothing.csv?${base}`)).status()).toBe(404);
    // another partnership's analyst may not have Kent's
    const { context: elsewhere } = await newContext(browser);
    const other = await elsewhere.newPage();
    await signInAs(other, app.url, analyst([HILLINGDON], 'analyst-web-dashboard-hillingdon'));
    expect((await elsewhere.request.get(`${app.url}/dashboard/children.csv?${base}`)).status()).toBe(403);
    await elsewhere.close();
    // a guardian has no dashboard at all
    const { context: guardians } = await newContext(browser);
    await signInAs(await guardians.newPage(), app.url, guardian('ICTG-WEB-DASHBOARD', 'g-web-dashboard'));
    expect((await guardians.request.get(`${app.url}/dashboard`)).status()).toBe(403);
    expect((await guardians.request.get(`${app.url}/dashboard/children.csv`)).status()).toBe(403);
    await guardians.close();
    await context.close();
  });
});
