import { readFileSync } from 'node:fs';
import { Browser, Download, Page } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  launchChromium,
  newContext,
  signInAs,
  tabTo,
  webStorage,
} from '../support/browser';
import { hoursAgo, newChild, today } from '../support/factories';
import { Caller, HILLINGDON, socialWorker, teamManager, TestApp } from '../support/test-app';

/** The collection year today falls in, by its end (1 April to 31 March). */
function currentCollectionYear(): number {
  const [year, month] = today().split('-').map(Number);
  return month >= 4 ? year + 1 : year;
}

async function text(page: Page, selector = 'main'): Promise<string> {
  return ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ');
}

async function fitsIn320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
}

async function downloaded(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

describeInBrowser("the team manager's tools (web journeys 13 and 14, closing cases)", () => {
  let browser: Browser;
  let app: TestApp;
  const manager: Caller = { ...teamManager(HILLINGDON, 'tm-web-manager'), name: 'Priya Shah' };
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-manager'), name: 'Sam Okafor' };
  const year = currentCollectionYear();
  let returnedId: string;
  let noLocalIdId: string;
  let disputedId: string;
  let keyboardId: string;
  let noScriptId: string;

  const report = async (childId: string, since: number, back?: number) => {
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
      manager,
      `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
      { input: { childId, kind: 'MISSING', missingSince: hoursAgo(since) } },
    );
    if (back !== undefined)
      await app.ok(manager, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
        input: { episodeId: reportMissing.id, returnedAt: hoursAgo(back) },
      });
  };

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
    const uasc = { categories: ['UNACCOMPANIED_ASYLUM_SEEKING'], gender: 'FEMALE' };
    returnedId = (
      await newChild(app, manager, {
        ...uasc,
        givenName: 'Amina',
        familyName: 'Yusuf',
        localChildId: 'HD-7001',
      })
    ).id;
    await report(returnedId, 30, 20);
    noLocalIdId = (await newChild(app, manager, { ...uasc, givenName: 'Dawit', familyName: 'Tesfaye' })).id;
    await report(noLocalIdId, 10);
    // 16 by the claimed date of birth, and disputed: neither adult nor 18 (domain.md)
    disputedId = (
      await newChild(app, manager, {
        givenName: 'Lina',
        familyName: 'Haddad',
        claimedDateOfBirth: '2010-05-01',
        localChildId: 'HD-7003',
      })
    ).id;
    await app.ok(
      manager,
      `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
      {
        input: { childId: disputedId, raisedBy: 'HOME_OFFICE', raisedOn: today(), reason: 'Appearance' },
      },
    );
    keyboardId = (await newChild(app, manager, { givenName: 'Omar', familyName: 'Keys' })).id;
    noScriptId = (await newChild(app, manager, { givenName: 'Nadia', familyName: 'Plain' })).id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('checks the SSDA903 return, the problems per child first, then downloads both files (mouse)', async () => {
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, manager);
    await Promise.all([
      page.waitForURL(`${app.url}/returns/ssda903`),
      page.click('nav a:has-text("Returns")'),
    ]);
    expect(await page.textContent('h1')).toContain('SSDA903 return');
    expect(await accessibilityProblems(page)).toEqual([]);

    // no year chosen: said, not guessed
    await Promise.all([page.waitForURL(/check=/), page.click('button:has-text("Check the return")')]);
    expect(await text(page, '.govuk-error-summary')).toContain('Select a collection year');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.check(`input[name="year"][value="${year}"]`);
    await Promise.all([page.waitForURL(/year=/), page.click('button:has-text("Check the return")')]);
    const main = await text(page);
    expect(main).toContain(`1 April ${year - 1} to 31 March ${year}`);
    expect(main).toContain('1 child has 2 problems');
    expect(main).toContain('A child with no local ID recorded');
    expect(main).toContain('INT04');
    expect(main).toContain('INT09');
    expect(main).not.toContain('Child HD-7001');
    // each child's problems link to their case file
    expect(await page.getAttribute('.govuk-summary-card a:has-text("Open the case file")', 'href')).toBe(
      `/children/${noLocalIdId}`,
    );
    // the problems come before the files
    const order = await page.evaluate<boolean>(
      `document.getElementById('problems').compareDocumentPosition(document.getElementById('files')) === Node.DOCUMENT_POSITION_FOLLOWING`,
    );
    expect(order).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/ssda903-return.png', fullPage: true });

    const [missingFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download the Missing table")'),
    ]);
    expect(missingFile.suggestedFilename()).toBe(
      `ssda903-${HILLINGDON}-${year - 1}-${String(year).slice(2)}-missing.csv`,
    );
    const missingCsv = await downloaded(missingFile);
    expect(missingCsv.split(/\r?\n/)[0]).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END');
    expect(missingCsv).toContain('HD-7001,');
    const [uascFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download the UASC table")'),
    ]);
    expect(uascFile.suggestedFilename()).toBe(
      `ssda903-${HILLINGDON}-${year - 1}-${String(year).slice(2)}-uasc.csv`,
    );
    expect((await downloaded(uascFile)).split(/\r?\n/)[0]).toBe('CHILD,SEX,DOB,DUC');

    const response = await page.request.get(`${app.url}/returns/ssda903/${year}/missing.csv`);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(
      /^attachment; filename=ssda903-E09000017-\d{4}-\d{2}-missing\.csv$/,
    );
    expect(response.headers()['cache-control']).toBe('no-store');
    expect((await page.request.get(`${app.url}/returns/ssda903/1999/missing.csv`)).status()).toBe(404);

    await page.setViewportSize({ width: 1280, height: 900 });
    await fitsIn320(page);
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads everything held on a child, audited as an export, and prints it (mouse)', async () => {
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, manager);
    await page.goto(`${app.url}/children/${returnedId}`);
    // the audit trail in plain words
    const trail = await text(page, '#audit-trail ~ .govuk-table');
    expect(trail).toContain('Priya Shah, Team manager');
    expect(trail).toContain('Read the child’s record');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${returnedId}/subject-access`),
      page.click('a:has-text("subject access request")'),
    ]);
    expect(await text(page, 'h1')).toBe('Download everything held on Amina Yusuf');
    expect(await text(page)).toContain('Missing episodes, returns and return interviews');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/subject-access.png', fullPage: true });

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download the record")'),
    ]);
    expect(file.suggestedFilename()).toBe(`subject-access-HD-7001-${today()}.json`);
    const record = JSON.parse(await downloaded(file)) as {
      about: { id: string; name: string };
      sections: string[];
      record: Record<string, Record<string, unknown>[]>;
    };
    expect(record.about).toMatchObject({ id: returnedId, name: 'Amina Yusuf' });
    expect(record.sections).toContain('missingEpisodes');
    expect(record.record.child[0]).toMatchObject({ given_name: 'Amina' });
    expect(record.record.missingEpisodes).toHaveLength(1);
    const headers = (
      await page.request.get(`${app.url}/children/${returnedId}/subject-access/record.json`)
    ).headers();
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers['content-disposition']).toBe(
      `attachment; filename=subject-access-HD-7001-${today()}.json`,
    );
    expect(headers['cache-control']).toBe('no-store');

    await Promise.all([
      page.waitForURL(/\/subject-access\/print$/),
      page.click('a:has-text("printable copy")'),
    ]);
    expect(await text(page, 'h1')).toBe('Everything held on Amina Yusuf');
    expect(await text(page, '#section-missingEpisodes ~ .govuk-summary-card')).toContain('Missing since');
    expect(await page.isVisible('button:has-text("Print")')).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    // printed: no navigation, no buttons
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.govuk-service-navigation')).toBe(false);
    expect(await page.isVisible('button:has-text("Print")')).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await fitsIn320(page);

    // the exports are in the audit trail, by name
    await page.goto(`${app.url}/children/${returnedId}/audit-trail`);
    expect(await text(page)).toContain('Exported everything held on the child (subject access)');
    expect(await text(page)).toContain('Exported the SSDA903 return');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("closes a case: the API's rules said in the form's words, a confirmation step, then reopens (mouse)", async () => {
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, manager);
    await page.goto(`${app.url}/children/${disputedId}`);
    await Promise.all([page.waitForURL(/\/close$/), page.click('a:has-text("Close the case")')]);
    expect(await accessibilityProblems(page)).toEqual([]);

    // nothing chosen
    await page.click('button:has-text("Continue")');
    expect(await text(page, '.govuk-error-summary')).toContain('Select why the case is closing');
    expect(await accessibilityProblems(page)).toEqual([]);

    // the dispute is open: the person is a child, and the API refuses
    await page.check('input[name="reason"][value="AGE_ASSESSED_ADULT"]');
    await page.click('button:has-text("Continue")');
    expect(await text(page, 'h1')).toBe('Check before you close the case');
    expect(await text(page, '.govuk-summary-list')).toContain('Age assessed as an adult');
    await page.screenshot({ path: 'docs/screenshots/close-case.png', fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.click('button:has-text("Close the case")');
    const refused = await text(page, '.govuk-error-summary');
    expect(refused).toContain('is still open');
    expect(refused).toContain('cannot be closed as “Age assessed as an adult”');
    expect(refused).not.toContain('AGE_ASSESSED_ADULT');
    expect(await page.isChecked('input[name="reason"][value="AGE_ASSESSED_ADULT"]')).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    // 16: not yet 18
    await page.check('input[name="reason"][value="TURNED_18_TO_LEAVING_CARE"]');
    await page.click('button:has-text("Continue")');
    await page.click('button:has-text("Close the case")');
    expect(await text(page, '.govuk-error-summary')).toContain(
      'cannot be closed as “Turned 18, leaving care” before then',
    );

    await page.check('input[name="reason"][value="RETURNED_TO_FAMILY"]');
    await page.click('button:has-text("Continue")');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${disputedId}`),
      page.click('button:has-text("Close the case")'),
    ]);
    expect(await text(page, '.govuk-notification-banner--success')).toContain('The case is closed');
    expect(await text(page, '.haven-tags')).toContain('Case closed');
    expect(await accessibilityProblems(page)).toEqual([]);
    // shown once
    await page.reload();
    expect(await page.$('.govuk-notification-banner--success')).toBeNull();

    await Promise.all([page.waitForURL(/\/reopen$/), page.click('a:has-text("Reopen the case")')]);
    expect(await text(page, '.govuk-summary-list')).toContain('Returned to family');
    expect(await accessibilityProblems(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${disputedId}`),
      page.click('button:has-text("Reopen the case")'),
    ]);
    expect(await text(page, '.govuk-notification-banner--success')).toContain('The case is reopened');
    expect(await page.$('a:has-text("Close the case")')).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is used with the keyboard alone: close and reopen a case, the return checked and downloaded', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, manager);
    await page.goto(`${app.url}/children/${keyboardId}`);
    await tabTo(page, 'a[href$="/close"]');
    await Promise.all([page.waitForURL(/\/close$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name="reason"]');
    // the first reason is focused; the arrow moves to and chooses the next, "Returned to family"
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('input[name="reason"][value="RETURNED_TO_FAMILY"]')).toBe(true);
    await tabTo(page, 'button.govuk-button');
    // (the form posts to its own address: wait for the confirmation page itself, not for the address)
    await Promise.all([
      page.waitForSelector('h1:text-is("Check before you close the case")'),
      page.keyboard.press('Enter'),
    ]);
    expect(await text(page, 'h1')).toBe('Check before you close the case');
    await tabTo(page, 'button.govuk-button--warning');
    await Promise.all([page.waitForURL(`${app.url}/children/${keyboardId}`), page.keyboard.press('Enter')]);
    expect(await text(page, '.govuk-notification-banner--success')).toContain('The case is closed');
    await tabTo(page, 'a[href$="/reopen"]');
    await Promise.all([page.waitForURL(/\/reopen$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(`${app.url}/children/${keyboardId}`), page.keyboard.press('Enter')]);
    expect(await text(page, '.govuk-notification-banner--success')).toContain('The case is reopened');

    // the return, from the start page's navigation
    await page.goto(`${app.url}/`);
    await tabTo(page, 'a[href="/returns/ssda903"]');
    await Promise.all([page.waitForURL(`${app.url}/returns/ssda903`), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name="year"]');
    await page.keyboard.press('Space');
    expect(await page.isChecked(`input[name="year"][value="${year}"]`)).toBe(true);
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/year=/), page.keyboard.press('Enter')]);
    expect(await text(page)).toContain('INT04');
    await tabTo(page, `a[href="/children/${noLocalIdId}"]`);
    await tabTo(page, 'a[href$="/uasc.csv"]');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/-uasc\.csv$/);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works with JavaScript disabled: closing, the return, the printable record', async () => {
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, app.url, manager);
    await page.goto(`${app.url}/children/${noScriptId}/close`);
    await page.check('input[name="reason"][value="TRANSFERRED"]');
    await page.click('button:has-text("Continue")');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${noScriptId}`),
      page.click('button:has-text("Close the case")'),
    ]);
    expect(await text(page, '.govuk-notification-banner--success')).toContain('The case is closed');
    expect(await text(page, '#identity ~ .govuk-summary-list')).toContain('Closed case');

    await page.goto(`${app.url}/returns/ssda903?year=${year}`);
    expect(await text(page)).toContain('INT09');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download the Missing table")'),
    ]);
    expect(file.suggestedFilename()).toMatch(/-missing\.csv$/);

    await page.goto(`${app.url}/children/${noScriptId}/subject-access/print`);
    expect(await text(page, 'h1')).toBe('Everything held on Nadia Plain');
    // without JavaScript the Print button stays hidden: the browser's own print does the same
    expect(await page.isVisible('button:has-text("Print")')).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers a social worker none of it, and refuses the addresses', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${returnedId}`);
    expect(await page.$('nav a:has-text("Returns")')).toBeNull();
    expect(await page.$('a:has-text("Close the case")')).toBeNull();
    expect(await page.$('a[href$="/subject-access"]')).toBeNull();
    for (const path of [
      '/returns/ssda903',
      `/returns/ssda903/${year}/missing.csv`,
      `/children/${returnedId}/close`,
      `/children/${returnedId}/subject-access`,
      `/children/${returnedId}/subject-access/record.json`,
    ]) {
      expect([path, (await page.request.get(`${app.url}${path}`)).status()]).toEqual([path, 403]);
    }
    const refused = await page.goto(`${app.url}/returns/ssda903`);
    expect(refused!.status()).toBe(403);
    expect(await text(page, 'h1')).toBe('You cannot see this page');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
