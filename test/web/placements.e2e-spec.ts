import { Browser } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  fillDateTime,
  launchChromium,
  newContext,
  signInAs,
  tabTo,
  ukBoxes,
  webStorage,
} from '../support/browser';
import { bornYearsAgo, hoursAgo, newChild, today } from '../support/factories';
import { Caller, HILLINGDON, socialWorker, TestApp } from '../support/test-app';

const PLACEMENTS = `query($id: ID!) { child(id: $id) {
  alerts(unresolved: true) { kind }
  placements { id current type provider address startedAt endedAt endReason unsafe specialist safetyPlan outOfArea } } }`;

interface Placements {
  child: {
    alerts: { kind: string }[];
    placements: {
      id: string;
      current: boolean;
      type: string;
      provider: string | null;
      address: string | null;
      endedAt: string | null;
      endReason: string | null;
      unsafe: boolean;
      specialist: boolean;
      safetyPlan: boolean;
      outOfArea: boolean;
    }[];
  };
}

describeInBrowser('placements (web journey 8)', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-placements'), name: 'Nia Roberts' };

  const placementsOf = async (childId: string) =>
    (await app.ok<Placements>(worker, PLACEMENTS, { id: childId })).child;

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('starts and ends a placement, and is warned before an unsafe type is saved for a child, with the mouse', async () => {
    const child = await newChild(app, worker, {
      givenName: 'Jun',
      familyName: 'Lee',
      claimedDateOfBirth: bornYearsAgo(15, -30),
    });
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);

    await page.goto(`${app.url}/children/${child.id}`);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}/placements/new`),
      page.click('a:has-text("Start a placement")'),
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    // the type is needed: the error summary links to the choice
    await page.click('button:has-text("Start the placement")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select the type of placement');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#type');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.check('input[name="type"][value="FOSTER_CARE"]');
    await fillDateTime(page, 'startedAt', hoursAgo(24 * 10));
    await page.fill('#provider', 'Maple foster family');
    await page.fill('#address', '4 Maple Road, Hayes');
    await page.check('input[name="details"][value="safetyPlan"]');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}/placements`),
      page.click('button:has-text("Start the placement")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Placement started: foster care');
    expect(await page.textContent('main')).toContain('4 Maple Road, Hayes');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/placements.png', fullPage: true });

    // end it: a time before it started is the API's refusal, on its field
    await Promise.all([page.waitForURL(/\/end$/), page.click('a:has-text("End this placement")')]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDateTime(page, 'endedAt', hoursAgo(24 * 11));
    await page.check('input[name="reason"][value="PLACEMENT_BREAKDOWN"]');
    await page.click('button:has-text("End the placement")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#endedAt-day');
    expect(await page.textContent('#endedAt-error')).toContain(
      'The time the placement ended must be after the placement started',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDateTime(page, 'endedAt', hoursAgo(24 * 2));
    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}/placements`),
      page.click('button:has-text("End the placement")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Placement ended');
    expect(await page.textContent('main')).toContain('(the placement broke down)');

    // bed and breakfast for a 15-year-old: warned, with the reason, before anything is saved
    await Promise.all([page.waitForURL(/\/placements\/new$/), page.click('a:has-text("Start a placement")')]);
    await page.check('input[name="type"][value="BED_AND_BREAKFAST"]');
    await fillDateTime(page, 'startedAt', hoursAgo(24));
    await page.fill('#provider', 'Station Hotel');
    await page.click('button:has-text("Start the placement")');
    expect(await page.textContent('h1')).toBe('This is not a safe placement for a child');
    expect(await page.textContent('.govuk-warning-text')).toContain(
      'Bed and breakfast gives no care or supervision',
    );
    expect(await page.textContent('main')).toContain('Jun is 15 on the day it starts.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/unsafe-placement.png', fullPage: true });
    expect((await placementsOf(child.id)).placements).toHaveLength(1);

    // change the type: the form comes back as it was filled in
    await page.click('button:has-text("Change the type")');
    expect(await page.isChecked('input[name="type"][value="BED_AND_BREAKFAST"]')).toBe(true);
    expect(await page.inputValue('#provider')).toBe('Station Hotel');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.check('input[name="type"][value="SUPPORTED_ACCOMMODATION"]');
    await page.fill('#provider', 'Hayes supported lodgings');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}/placements`),
      page.click('button:has-text("Start the placement")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'Placement started: supported accommodation.',
    );

    const { placements } = await placementsOf(child.id);
    expect(
      placements.map(({ type, current, unsafe, endReason }) => ({ type, current, unsafe, endReason })),
    ).toEqual([
      { type: 'SUPPORTED_ACCOMMODATION', current: true, unsafe: false, endReason: null },
      { type: 'FOSTER_CARE', current: false, unsafe: false, endReason: 'PLACEMENT_BREAKDOWN' },
    ]);
    expect(placements[1]).toMatchObject({ safetyPlan: true, address: '4 Maple Road, Hayes' });

    // the case file's section offers the same
    await page.goto(`${app.url}/children/${child.id}`);
    expect(
      await page.getAttribute('#placements ~ .govuk-summary-card a:has-text("End this placement")', 'href'),
    ).toBe(`/children/${child.id}/placements/${placements[0].id}/end`);
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts and ends a placement with the keyboard alone, at 320 px wide', async () => {
    const child = await newChild(app, worker, { givenName: 'Kofi', familyName: 'Asante' });
    const { context, problems } = await newContext(browser, { viewport: { width: 320, height: 800 } });
    const fits = async () =>
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${child.id}`);

    await tabTo(page, 'a[href$="/placements/new"]');
    await Promise.all([page.waitForURL(/\/placements\/new$/), page.keyboard.press('Enter')]);
    await fits();
    await tabTo(page, 'input[name="type"]');
    await page.keyboard.press('Space'); // the first type: foster care
    expect(await page.isChecked('input[name="type"][value="FOSTER_CARE"]')).toBe(true);
    // it started two days ago (the form offers now): typed over, box by box
    const started = ukBoxes(hoursAgo(48));
    for (const box of ['day', 'month', 'year', 'time'] as const) {
      await tabTo(page, `#startedAt-${box}`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(started[box]);
    }
    await tabTo(page, '#provider');
    await page.keyboard.type('Birch foster family');
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/placements$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Placement started: foster care');

    await tabTo(page, 'a[href$="/end"]');
    await Promise.all([page.waitForURL(/\/end$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name="reason"]');
    await page.keyboard.press('Space'); // a planned move
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/placements$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Placement ended');
    await fits();
    expect(await accessibilityProblems(page)).toEqual([]);

    const { placements } = await placementsOf(child.id);
    expect(placements).toEqual([
      expect.objectContaining({
        type: 'FOSTER_CARE',
        provider: 'Birch foster family',
        current: false,
        endReason: 'PLANNED_MOVE',
      }),
    ]);
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript: an unsafe type for a person whose age is disputed is saved only when confirmed; for an adult, no warning', async () => {
    // claimed to be 25, disputed: treated as a child meanwhile
    const disputed = await newChild(app, worker, {
      givenName: 'Ali',
      familyName: 'Rahimi',
      claimedDateOfBirth: bornYearsAgo(25),
    });
    await app.ok(
      worker,
      `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
      {
        input: { childId: disputed.id, raisedBy: 'CHILDRENS_SERVICES', raisedOn: today() },
      },
    );
    const adult = await newChild(app, worker, {
      givenName: 'Reza',
      familyName: 'Karimi',
      claimedDateOfBirth: bornYearsAgo(30),
    });
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    // (axe-core needs JavaScript: these pages are checked by the tests above, with it)
    const page = await context.newPage();
    await signInAs(page, app.url, worker);

    await page.goto(`${app.url}/children/${disputed.id}/placements/new`);
    await page.check('input[name="type"][value="ADULT_ASYLUM_ACCOMMODATION"]');
    await fillDateTime(page, 'startedAt', hoursAgo(2));
    await page.fill('#provider', 'Airport hotel');
    await page.click('button:has-text("Start the placement")');
    expect(await page.textContent('h1')).toBe('This is not a safe placement for a child');
    expect(await page.textContent('main')).toContain(
      'Ali’s age is disputed: until the dispute is resolved, they are treated as a child.',
    );
    expect((await placementsOf(disputed.id)).placements).toEqual([]);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${disputed.id}/placements`),
      page.click('button:has-text("Save anyway")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('It is marked unsafe for a child');
    expect(await page.textContent('main')).toContain('Unsafe for a child');
    const recorded = await placementsOf(disputed.id);
    expect(recorded.placements).toEqual([
      expect.objectContaining({
        type: 'ADULT_ASYLUM_ACCOMMODATION',
        provider: 'Airport hotel',
        unsafe: true,
      }),
    ]);
    expect(recorded.alerts.map((alert) => alert.kind)).toContain('UNSAFE_PLACEMENT');

    // an adult whose age is not disputed: nothing to warn about
    await page.goto(`${app.url}/children/${adult.id}/placements/new`);
    await page.check('input[name="type"][value="BED_AND_BREAKFAST"]');
    await fillDateTime(page, 'startedAt', hoursAgo(2));
    await Promise.all([
      page.waitForURL(`${app.url}/children/${adult.id}/placements`),
      page.click('button:has-text("Start the placement")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'Placement started: bed and breakfast.',
    );
    expect((await placementsOf(adult.id)).placements).toEqual([
      expect.objectContaining({ type: 'BED_AND_BREAKFAST', unsafe: false }),
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
