import { Browser } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  launchChromium,
  newContext,
  signInAs,
  tabTo,
  webStorage,
} from '../support/browser';
import { assignGuardian, newChild, newReferral, practitionerId, today } from '../support/factories';
import { Caller, guardian, HILLINGDON, socialWorker, TestApp } from '../support/test-app';

const PROFILE = `query($childId: ID!) { missingPersonProfile(childId: $childId) {
  description photoReference associates placesOfConcern phoneNumbers socialMedia medicalNeeds languages version } }`;

type Profile = Record<
  | 'description'
  | 'photoReference'
  | 'associates'
  | 'placesOfConcern'
  | 'phoneNumbers'
  | 'socialMedia'
  | 'medicalNeeds'
  | 'languages',
  string | null
> & { version: number };

describeInBrowser('editing the Philomena missing person profile', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-profile'), name: 'Priya Shah' };
  const gail: Caller = guardian('ICTG-WEBPROFILE', 'g-web-profile');

  const profileOf = async (childId: string) =>
    (await app.ok<{ missingPersonProfile: Profile }>(worker, PROFILE, { childId })).missingPersonProfile;

  /** A child of the worker's whose profile has a description and a photograph's reference. */
  async function profiledChild(givenName: string): Promise<string> {
    const child = await newChild(app, worker, { givenName, familyName: 'Tran' });
    await app.ok(
      worker,
      `mutation($input: UpdateMissingPersonProfileInput!) { updateMissingPersonProfile(input: $input) { childId } }`,
      {
        input: {
          childId: child.id,
          description: 'Slim, 160 cm, short black hair',
          photoReference: 'Case file photograph, 1 March 2026',
        },
      },
    );
    return child.id;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('edits the profile from the grab pack with the mouse, and the grab pack prints it', async () => {
    const childId = await profiledChild('Linh');
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);

    await page.goto(`${app.url}/children/${childId}/grab-pack`);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}/profile`),
      page.click('a:has-text("Edit the missing person profile")'),
    ]);
    expect(await page.textContent('h1')).toBe('Linh Tran');
    expect(await page.inputValue('#description')).toBe('Slim, 160 cm, short black hair');
    expect(await page.inputValue('#photoReference')).toBe('Case file photograph, 1 March 2026');
    expect(await accessibilityProblems(page)).toEqual([]);

    // too long for the API: its refusal is on the field, in the page's words, and nothing is saved
    await page.fill('#socialMedia', 'x'.repeat(1001));
    await page.fill('#placesOfConcern', 'Car wash on Station Road');
    await page.click('button:has-text("Save the profile")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#socialMedia');
    expect(await page.textContent('#socialMedia-error')).toContain('Social media must be shorter than');
    expect(await page.inputValue('#placesOfConcern')).toBe('Car wash on Station Road');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await profileOf(childId)).placesOfConcern).toBeNull();

    await page.fill('#socialMedia', 'Instagram: @linh.t');
    await page.fill('#associates', 'Two older men in a grey car');
    await page.fill('#phoneNumbers', '07700 900123');
    await page.fill('#medicalNeeds', 'Asthma: carries an inhaler');
    await page.fill('#languages', 'Vietnamese; little English');
    await page.fill('#photoReference', ''); // cleared
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}/profile`),
      page.click('button:has-text("Save the profile")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('The profile is saved.');
    expect(await page.inputValue('#socialMedia')).toBe('Instagram: @linh.t');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/profile.png', fullPage: true });

    expect(await profileOf(childId)).toEqual({
      description: 'Slim, 160 cm, short black hair',
      photoReference: null,
      associates: 'Two older men in a grey car',
      placesOfConcern: 'Car wash on Station Road',
      phoneNumbers: '07700 900123',
      socialMedia: 'Instagram: @linh.t',
      medicalNeeds: 'Asthma: carries an inhaler',
      languages: 'Vietnamese; little English',
      version: 2,
    });

    await Promise.all([page.waitForURL(/\/grab-pack$/), page.click('a:has-text("Open the grab pack")')]);
    const pack = await page.textContent('main');
    for (const expected of ['Car wash on Station Road', 'Instagram: @linh.t', 'Asthma: carries an inhaler']) {
      expect(pack).toContain(expected);
    }
    // printed: the link to edit is not on the paper
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('a:has-text("Edit the missing person profile")')).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('edits the profile with the keyboard alone', async () => {
    const childId = await profiledChild('Hoa');
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${childId}/profile`);
    await tabTo(page, '#placesOfConcern');
    await page.keyboard.type('Nail bar, 3 Market Street');
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/profile$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('The profile is saved.');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await profileOf(childId)).toMatchObject({
      placesOfConcern: 'Nail bar, 3 Market Street',
      description: 'Slim, 160 cm, short black hair',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('edits the profile with JavaScript disabled', async () => {
    const childId = await profiledChild('Quang');
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    // (axe-core needs JavaScript: these pages are checked by the tests above, with it)
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${childId}/profile`);
    await page.fill('#description', 'Tall, 175 cm, shaved head');
    await Promise.all([page.waitForURL(/\/profile$/), page.click('button:has-text("Save the profile")')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('The profile is saved.');
    expect(await profileOf(childId)).toMatchObject({
      description: 'Tall, 175 cm, shaved head',
      photoReference: 'Case file photograph, 1 March 2026',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does not offer a guardian the profile to edit', async () => {
    const childId = await profiledChild('Mai');
    await newReferral(app, worker, childId, today());
    const assigned = await assignGuardian(app, worker, {
      childId,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    expect(assigned.errors).toBeUndefined();
    const { context, problems } = await newContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signInAs(page, app.url, gail);
    await page.goto(`${app.url}/children/${childId}/grab-pack`);
    expect(await page.textContent('main')).toContain('Slim, 160 cm, short black hair');
    expect(await page.$('a:has-text("Edit the missing person profile")')).toBeNull();
    const refused = await page.goto(`${app.url}/children/${childId}/profile`);
    expect(refused!.status()).toBe(403);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
