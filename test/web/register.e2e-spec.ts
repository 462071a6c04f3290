import { Browser, Page } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  expectCleanFinish,
  launchChromium,
  signedInPage,
} from '../support/browser';
import { CHILD_FIELDS, ChildView, newChild } from '../support/factories';
import { Caller, HILLINGDON, socialWorker, TestApp } from '../support/test-app';

/** The error summary's links: where each goes, and what it says. */
const summaryLinks = (page: Page) =>
  page.evaluate<[string, string][]>(
    `[...document.querySelectorAll('.govuk-error-summary a')].map((a) => [a.getAttribute('href'), a.textContent.trim()])`,
  );

describeInBrowser('registering and updating a child', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-register'), name: 'Owen Price' };

  const childNamed = async (givenName: string): Promise<ChildView | undefined> => {
    const data = await app.ok<{ children: { edges: { node: ChildView }[] } }>(
      worker,
      `query($search: String) { children(filter: { search: $search }) { edges { node { ${CHILD_FIELDS} languages interpreterNeeded } } } }`,
      { search: givenName },
    );
    return data.children.edges.map((edge) => edge.node).find((child) => child.givenName === givenName);
  };

  const childById = async (id: string) =>
    (
      await app.ok<{ child: ChildView }>(worker, `query($id: ID!) { child(id: $id) { ${CHILD_FIELDS} } }`, {
        id,
      })
    ).child;

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('registers a child: the error summary links to each field the API refused, then it is saved', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, worker, {
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${app.url}/children/new`);
    expect(await page.textContent('h1')).toBe('Register a child');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/register.png', fullPage: true });

    // a blank given name, a family name too long, an alias without its name, a date of birth to come
    await page.fill('#familyName', 'N'.repeat(101));
    await page.fill('#aliases-0-source', 'Home Office screening');
    await page.fill('#claimedDateOfBirth-day', '1');
    await page.fill('#claimedDateOfBirth-month', '1');
    await page.fill('#claimedDateOfBirth-year', '2099');
    await page.check('#gender-2'); // male
    await page.click('form button.govuk-button:not(.govuk-button--secondary):not(.haven-default-submit)');
    await page.waitForSelector('.govuk-error-summary');
    const links = await summaryLinks(page);
    expect(links).toEqual(
      expect.arrayContaining([
        ['#givenName', 'Enter the child’s given name'],
        [
          '#familyName',
          expect.stringMatching(/^Family name must be shorter than or equal to 100 characters/),
        ],
        ['#aliases-0-name', 'Enter the other name, or empty both of its boxes'],
        ['#claimedDateOfBirth-day', expect.stringMatching(/^Date of birth cannot be in the future/)],
      ]),
    );
    expect(await page.title()).toMatch(/^Error: Register a child/);
    expect(await page.textContent('#givenName-error')).toContain('Enter the child’s given name');
    expect(await accessibilityProblems(page)).toEqual([]);
    // the summary's link moves the focus to the field (govuk-frontend's error summary)
    await page.click('.govuk-error-summary a[href="#givenName"]');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('givenName');
    // what was typed is kept
    expect(await page.inputValue('#aliases-0-source')).toBe('Home Office screening');

    await page.fill('#givenName', 'Minh Anh');
    await page.fill('#familyName', 'Nguyễn');
    await page.fill('#aliases-0-name', 'Nguyen Minh');
    await page.fill('#claimedDateOfBirth-year', '2010');
    // "add another" works without a script: the form comes back with one more row
    await page.click('button:has-text("Add another name")');
    await page.waitForSelector('#aliases-1-name');
    expect(await page.inputValue('#aliases-0-name')).toBe('Nguyen Minh');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.fill('#aliases-1-name', 'Anh');
    await page.selectOption('#nationality', { label: 'Vietnam' });
    await page.fill('#languages', 'Vietnamese, English');
    await page.check('#interpreterNeeded'); // yes
    await page.check('input[name="categories"][value="UNACCOMPANIED_ASYLUM_SEEKING"]');
    await Promise.all([
      page.waitForURL(/\/children\/[0-9a-f-]{36}$/),
      page.click('form button.govuk-button:not(.govuk-button--secondary):not(.haven-default-submit)'),
    ]);

    const child = await childNamed('Minh Anh');
    expect(page.url()).toBe(`${app.url}/children/${child!.id}`);
    expect(child).toMatchObject({
      familyName: 'Nguyễn',
      aliases: [
        { name: 'Nguyen Minh', source: 'Home Office screening' },
        { name: 'Anh', source: null },
      ],
      claimedDateOfBirth: '2010-01-01',
      gender: 'MALE',
      nationality: 'VN',
      categories: ['UNACCOMPANIED_ASYLUM_SEEKING'],
      languages: ['Vietnamese', 'English'],
      interpreterNeeded: true,
      allocatedWorker: { subject: worker.sub },
    });
    await expectCleanFinish({ context, page, problems });
  });

  it('registers a child with JavaScript disabled, the errors first', async () => {
    // (axe-core needs JavaScript: these pages are checked by the test above, with it)
    const { context, page, problems } = await signedInPage(browser, app.url, worker, {
      javaScriptEnabled: false,
    });
    await page.goto(`${app.url}/children/new`);
    await page.fill('#givenName', 'Dawit');
    await page.fill('#claimedDateOfBirth-day', '31');
    await page.fill('#claimedDateOfBirth-month', 'Feb');
    await page.fill('#claimedDateOfBirth-year', '2011');
    await page.click('form button.govuk-button:not(.govuk-button--secondary):not(.haven-default-submit)');
    await page.waitForSelector('.govuk-error-summary');
    const links = await summaryLinks(page);
    expect(links.map(([href]) => href).sort()).toEqual(['#claimedDateOfBirth-day', '#gender']);
    expect(await page.inputValue('#givenName')).toBe('Dawit');
    // a date that is not a real one: the API says so, on its field
    await page.fill('#claimedDateOfBirth-month', '2');
    await page.check('#gender'); // female
    await page.click('form button.govuk-button:not(.govuk-button--secondary):not(.haven-default-submit)');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#claimedDateOfBirth-day');
    expect(await page.textContent('.govuk-error-summary')).toContain('Date of birth');

    await page.fill('#claimedDateOfBirth-day', '28');
    await page.selectOption('#nationality', { label: 'Eritrea' });
    await Promise.all([
      page.waitForURL(/\/children\/[0-9a-f-]{36}$/),
      page.click('form button.govuk-button:not(.govuk-button--secondary):not(.haven-default-submit)'),
    ]);
    expect(await childNamed('Dawit')).toMatchObject({
      gender: 'FEMALE',
      claimedDateOfBirth: '2011-02-28',
      nationality: 'ER',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says when someone else changed the record meanwhile, shows what, and saves once reloaded', async () => {
    const child = await newChild(app, worker, {
      givenName: 'Kidane',
      familyName: 'Tesfay',
      homeOfficeReference: 'HO-123456',
    });
    const { context, page, problems } = await signedInPage(browser, app.url, worker);
    await page.goto(`${app.url}/children/${child.id}/edit`);
    expect(await page.inputValue('#familyName')).toBe('Tesfay');
    expect(await accessibilityProblems(page)).toEqual([]);

    // a colleague saves first
    await app.ok(worker, `mutation($input: UpdateChildInput!) { updateChild(input: $input) { version } }`, {
      input: { id: child.id, expectedVersion: child.version, preferredName: 'Kid', nationality: 'ER' },
    });
    await page.fill('#familyName', 'Tesfaye');
    await page.click('form button.govuk-button:not(.govuk-button--secondary):not(.haven-default-submit)');
    await page.waitForSelector('h1:has-text("Someone else changed this record while you were editing")');
    const theirs = await page.textContent('#their-changes');
    expect(theirs).toContain('Preferred name');
    expect(theirs).toContain('Kid');
    expect(theirs).toContain('Nationality');
    expect(theirs).toContain('Eritrea');
    expect(theirs).not.toContain('Family name');
    const yours = await page.textContent('#your-changes');
    expect(yours).toContain('Family name');
    expect(yours).toContain('Tesfaye');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await childById(child.id)).familyName).toBe('Tesfay');

    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}/edit`),
      page.click('a:has-text("Reload the form with the current values")'),
    ]);
    expect(await page.inputValue('#preferredName')).toBe('Kid');
    expect(await page.inputValue('#familyName')).toBe('Tesfay');
    await page.fill('#familyName', 'Tesfaye');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}`),
      page.click('form button.govuk-button:not(.govuk-button--secondary):not(.haven-default-submit)'),
    ]);
    const saved = await app.ok<{ child: ChildView }>(
      worker,
      `query($id: ID!) { child(id: $id) { familyName preferredName nationality homeOfficeReference version } }`,
      { id: child.id },
    );
    // the colleague's values stand, and a value this form did not change was never written back
    expect(saved.child).toMatchObject({
      familyName: 'Tesfaye',
      preferredName: 'Kid',
      nationality: 'ER',
      homeOfficeReference: 'HO-123456',
      version: child.version + 2,
    });
    await expectCleanFinish({ context, page, problems });
  });
});
