import { Browser, Page, Response } from 'playwright-core';
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
import { assignGuardian, hoursAgo, newChild, practitionerId, today } from '../support/factories';
import { Caller, guardian, HILLINGDON, socialWorker, TestApp } from '../support/test-app';

/** The page's text as it reads (white space collapsed). */
async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
}

/** How wide the page lays out: nothing may be wider than the phone. */
const scrollWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

const ASSIGNMENTS = `query($id: ID!) { child(id: $id) {
  guardianAssignments { id active scheme endDate endReason guardian { name }
    contacts { mode summary contactedAt } } } }`;

interface Assignments {
  child: {
    guardianAssignments: {
      id: string;
      active: boolean;
      scheme: string;
      endDate: string | null;
      endReason: string | null;
      guardian: { name: string };
      contacts: { mode: string; summary: string | null; contactedAt: string }[];
    }[];
  };
}

describeInBrowser('guardianship, and guardians on a phone', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-guardians'), name: 'Priya Shah' };
  const gail: Caller = { ...guardian('ICTG-WEBG', 'g-web-gail'), name: 'Gail Guardian' };
  const bola: Caller = { ...guardian('ICTG-WEBG', 'g-web-bola'), name: 'Bola Busy' };
  /** Gail's child, placed, with a meeting about them. */
  let linhId: string;
  let meetingId: string;

  const assignmentsOf = async (childId: string) =>
    (await app.ok<Assignments>(worker, ASSIGNMENTS, { id: childId })).child.guardianAssignments;

  /** A child of the worker's whom the ICTG service serves (trafficked), placed with a foster carer. */
  async function trafficked(givenName: string): Promise<string> {
    const child = await newChild(app, worker, { givenName, familyName: 'Tran', categories: ['TRAFFICKED'] });
    await app.ok(worker, `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`, {
      input: {
        childId: child.id,
        type: 'FOSTER_CARE',
        provider: 'Oak House',
        address: '1 High Street, Uxbridge',
        startedAt: hoursAgo(24 * 10),
      },
    });
    return child.id;
  }

  /** Every page the guardian opens answers 200: no operation it runs is refused (a refusal is an error page). */
  function watchStatuses(page: Page): string[] {
    const refused: string[] = [];
    page.on('response', (response: Response) => {
      if (response.request().resourceType() === 'document' && response.status() >= 400)
        refused.push(`${response.status()} ${response.url()}`);
    });
    return refused;
  }

  beforeAll(async () => {
    // a ceiling of one: Bola, with two children, is above it
    app = await TestApp.start({ GUARDIAN_CASELOAD_CEILING: '1' });
    browser = await launchChromium();
    const bolaId = await practitionerId(app, bola);
    for (const name of ['Dawit', 'Hoa']) {
      const result = await assignGuardian(app, worker, {
        childId: await trafficked(name),
        guardianId: bolaId,
        scheme: 'ICTG_DIRECT',
      });
      expect(result.errors).toBeUndefined();
    }
    linhId = await trafficked('Linh');
    const result = await assignGuardian(app, worker, {
      childId: linhId,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    expect(result.errors).toBeUndefined();
    const { scheduleMeeting } = await app.ok<{ scheduleMeeting: { id: string } }>(
      worker,
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          type: 'BEST_INTERESTS',
          scheduledFor: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
          childIds: [linhId],
        },
      },
    );
    meetingId = scheduleMeeting.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('assigns a guardian from the list with their caseloads and the eligibility explained, then ends it, with the mouse', async () => {
    const childId = await trafficked('Amira');
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${childId}`);
    expect(await textOf(page, '#guardian + p')).toBe('No guardian assigned.');
    // a social worker assigns; only a guardian logs contacts
    expect(await page.locator('a:has-text("Log a contact")').count()).toBe(0);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}/guardian/assign`),
      page.click('a:has-text("Assign a guardian")'),
    ]);

    // each scheme serving the child, and why
    const eligibility = await textOf(page, '.haven-eligibility');
    expect(eligibility).toContain('Independent Child Trafficking Guardian (direct work) Eligible');
    expect(eligibility).toContain('Eligible for the Independent Child Trafficking Guardian service');
    expect(eligibility).toContain('is, or is suspected of being, trafficked');
    expect(eligibility).toContain('Another advocate Eligible');
    // the guardians, each with their caseload, and the ceiling's warning
    const bolaItem = await textOf(page, '.govuk-radios__item:has(label:has-text("Bola Busy"))');
    expect(bolaItem).toContain('2 children assigned');
    expect(bolaItem).toContain('Caseload 2 is above the ceiling of 1');
    expect(await textOf(page, '.govuk-radios__item:has(label:has-text("Gail Guardian"))')).toContain(
      '1 child assigned',
    );
    expect(await page.inputValue('#startDate-year')).toBe(today().slice(0, 4));
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/assign-guardian.png', fullPage: true });

    // nothing chosen: the error summary links to each question
    await page.click('button:has-text("Assign the guardian")');
    const links = await page
      .locator('.govuk-error-summary a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(['#guardianId', '#scheme']);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.check('input[name="guardianId"] >> nth=0'); // Bola Busy, first by name
    await page.check('input[name="scheme"][value="ICTG_DIRECT"]');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}/guardian`),
      page.click('button:has-text("Assign the guardian")'),
    ]);
    // assigned, with the ceiling's warning said (a warning, not a refusal)
    expect(await textOf(page, '.govuk-notification-banner')).toContain(
      "Bola Busy is now the guardian. The guardian's caseload (3) is above the ceiling of 1",
    );
    expect(await textOf(page, '.govuk-summary-card')).toContain('3 children assigned');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/guardianship.png', fullPage: true });

    // a second guardian under the same scheme: the API's refusal is shown
    await page.click('a:has-text("Assign a guardian")');
    expect(await textOf(page, '.govuk-inset-text')).toContain('Bola Busy is Amira Tran’s guardian now');
    await page.check('input[name="guardianId"] >> nth=1'); // Gail Guardian
    await page.check('input[name="scheme"][value="ICTG_DIRECT"]');
    await page.click('button:has-text("Assign the guardian")');
    expect(await textOf(page, '.govuk-error-summary')).toMatch(/already|active/i);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await assignmentsOf(childId)).map((assignment) => assignment.guardian.name)).toEqual([
      'Bola Busy',
    ]);

    // end it: a date before it started is refused on its field, then it ends
    await page.goto(`${app.url}/children/${childId}/guardian`);
    await page.click('a:has-text("End")');
    expect(await textOf(page, 'h1')).toBe('End Bola Busy’s assignment');
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDate(page, 'endDate', '2020-01-01');
    await page.check('input[name="reason"][value="GUARDIAN_CHANGED"]');
    await page.click('button:has-text("End the assignment")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#endDate-day');
    expect(await textOf(page, '#endDate-error')).toContain('cannot be before the assignment started');
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDate(page, 'endDate', today());
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}/guardian`),
      page.click('button:has-text("End the assignment")'),
    ]);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Bola Busy’s assignment has ended.');
    expect(await textOf(page, 'table:has(caption:has-text("Past guardians"))')).toContain(
      'Another guardian takes over',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await assignmentsOf(childId)).toEqual([
      expect.objectContaining({ active: false, endDate: today(), endReason: 'GUARDIAN_CHANGED' }),
    ]);

    // the contacts list, for staff: no form to log one
    await page.goto(`${app.url}/children/${linhId}/contacts`);
    expect(await textOf(page, 'h1')).toBe('Contacts with Linh Tran');
    expect(await page.locator('a:has-text("Log a contact")').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a guardian on a phone log a contact from their child’s card and from the case file, see meetings and alerts, and report missing', async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const refused = watchStatuses(page);
    await signInAs(page, app.url, gail);

    // their children, the meetings about them and their alerts, on the start page
    expect(await textOf(page, 'h1')).toBe('Your children');
    const card = page.locator('.govuk-summary-card:has-text("Linh Tran")');
    expect(await card.locator('a:has-text("Log a contact")').getAttribute('href')).toBe(
      `/children/${linhId}/contacts/new`,
    );
    const meetings = await textOf(page, 'table:has(caption:has-text("Meetings about your children"))');
    expect(meetings).toContain('Best interests');
    expect(meetings).toContain('Linh Tran');
    expect(await page.getAttribute('a:has-text("Best interests")', 'href')).toBe(`/meetings/${meetingId}`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);

    // one tap from the card: a short form, now and in person filled in
    await Promise.all([
      page.waitForURL(`${app.url}/children/${linhId}/contacts/new`),
      card.locator('a:has-text("Log a contact")').tap(),
    ]);
    expect(await textOf(page, 'h1')).toBe('Log a contact with Linh Tran');
    expect(await page.isChecked('input[name="mode"][value="IN_PERSON"]')).toBe(true);
    expect(await page.inputValue('#contactedAt-time')).toMatch(/^\d{2}:\d{2}$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/guardian-log-contact.png', fullPage: true });

    // a contact before the assignment started: the API's refusal, on its field
    const lastYear = String(new Date().getFullYear() - 1);
    await page.fill('#contactedAt-year', lastYear);
    await page.locator('button:has-text("Log the contact")').tap();
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#contactedAt-day');
    expect(await textOf(page, '#contactedAt-error')).toContain(
      'The time of the contact cannot be before the assignment started',
    );
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.fill('#contactedAt-year', String(new Date().getFullYear()));
    await page.fill('#summary', 'Visited at the placement; settled');
    await Promise.all([
      page.waitForURL(`${app.url}/`),
      page.locator('button:has-text("Log the contact")').tap(),
    ]);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Contact with Linh Tran logged.');

    // from the case file: one tap too, then the contacts, the new one first
    await page.goto(`${app.url}/children/${linhId}`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await Promise.all([
      page.waitForURL(/\/contacts\/new\?from=case-file$/),
      page.locator('a.govuk-button[href$="/contacts/new?from=case-file"]').tap(),
    ]);
    await page.check('input[name="mode"][value="PHONE"]');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${linhId}/contacts`),
      page.locator('button:has-text("Log the contact")').tap(),
    ]);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Contact with Linh Tran logged.');
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);
    const [active] = await assignmentsOf(linhId);
    expect(active.contacts.map((contact) => [contact.mode, contact.summary])).toEqual(
      expect.arrayContaining([
        ['IN_PERSON', 'Visited at the placement; settled'],
        ['PHONE', null],
      ]),
    );

    // the guardian's page: what they may see, nothing to assign or end
    await page.goto(`${app.url}/children/${linhId}/guardian`);
    expect(await textOf(page, '.govuk-summary-card')).toContain('Gail Guardian');
    expect(await page.locator('a:has-text("Assign a guardian"), a:has-text("End")').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // their alerts
    await page.goto(`${app.url}/alerts`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);

    // report missing from the card, at 360 px then at 320 px
    await page.goto(`${app.url}/`);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${linhId}/missing/new`),
      card.locator('a:has-text("Report missing")').tap(),
    ]);
    expect(await page.inputValue('#lastSeenLocation')).toBe('Oak House, 1 High Street, Uxbridge');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
    await Promise.all([
      page.waitForURL(/\/reported$/),
      page.locator('button:has-text("Report missing")').tap(),
    ]);
    expect(await textOf(page, '.govuk-panel')).toContain('Linh Tran reported missing');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
    expect(await accessibilityProblems(page)).toEqual([]);
    // the contact form at 320 px too
    await page.goto(`${app.url}/children/${linhId}/contacts/new`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);

    // a guardian may not assign: not offered, and refused when asked for by address
    const assign = await page.goto(`${app.url}/children/${linhId}/guardian/assign`);
    expect(assign?.status()).toBe(403);
    expect(refused).toEqual([`403 ${app.url}/children/${linhId}/guardian/assign`]);

    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a guardian log a contact with the keyboard alone', async () => {
    const { context, problems } = await newContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const refused = watchStatuses(page);
    await signInAs(page, app.url, gail);
    await tabTo(page, `a[href="/children/${linhId}/contacts/new"]`);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${linhId}/contacts/new`),
      page.keyboard.press('Enter'),
    ]);
    await tabTo(page, 'input[name="mode"]');
    await page.keyboard.press('ArrowDown'); // from in person to a phone call
    expect(await page.isChecked('input[name="mode"][value="PHONE"]')).toBe(true);
    await tabTo(page, '#summary');
    await page.keyboard.type('Called after school');
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(`${app.url}/`), page.keyboard.press('Enter')]);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Contact with Linh Tran logged.');
    const [active] = await assignmentsOf(linhId);
    expect(active.contacts).toContainEqual(
      expect.objectContaining({ mode: 'PHONE', summary: 'Called after school' }),
    );
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('assigns and ends a guardian with the keyboard alone', async () => {
    const childId = await trafficked('Quang');
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${childId}/guardian`);
    await tabTo(page, 'a.govuk-button[href$="/guardian/assign"]');
    await Promise.all([page.waitForURL(/\/guardian\/assign$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name="guardianId"]');
    await page.keyboard.press('ArrowDown'); // Bola (first) to Gail
    expect(await page.isChecked('input[name="guardianId"] >> nth=1')).toBe(true);
    await tabTo(page, 'input[name="scheme"]');
    await page.keyboard.press('Space'); // the first scheme: ICTG direct work
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/guardian$/), page.keyboard.press('Enter')]);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Gail Guardian is now the guardian.');
    await tabTo(page, '.govuk-summary-card__actions a');
    await Promise.all([page.waitForURL(/\/end$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name="reason"]');
    await page.keyboard.press('Space'); // another guardian takes over
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/guardian$/), page.keyboard.press('Enter')]);
    expect(await assignmentsOf(childId)).toEqual([
      expect.objectContaining({ active: false, scheme: 'ICTG_DIRECT', endReason: 'GUARDIAN_CHANGED' }),
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: assigning a guardian, and a guardian logging a contact', async () => {
    const childId = await trafficked('Minh');
    // (axe-core needs JavaScript: these pages are checked by the tests above, with it)
    const staff = await newContext(browser, { javaScriptEnabled: false });
    const page = await staff.context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${childId}/guardian/assign`);
    await page.check('input[name="guardianId"] >> nth=1'); // Gail Guardian
    await page.check('input[name="scheme"][value="ICTG_REGIONAL_COORDINATOR"]');
    await Promise.all([page.waitForURL(/\/guardian$/), page.click('button:has-text("Assign the guardian")')]);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Gail Guardian is now the guardian.');
    expect(staff.problems).toEqual([]);
    await staff.context.close();

    const phone = await newContext(browser, {
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const guardianPage = await phone.context.newPage();
    await signInAs(guardianPage, app.url, gail);
    await Promise.all([
      guardianPage.waitForURL(`${app.url}/children/${childId}/contacts/new`),
      guardianPage.click(`a[href="/children/${childId}/contacts/new"]`),
    ]);
    await guardianPage.check('input[name="mode"][value="VIDEO"]');
    await Promise.all([
      guardianPage.waitForURL(`${app.url}/`),
      guardianPage.click('button:has-text("Log the contact")'),
    ]);
    expect(await textOf(guardianPage, '.govuk-notification-banner')).toContain(
      'Contact with Minh Tran logged.',
    );
    const [active] = await assignmentsOf(childId);
    expect(active.contacts).toEqual([expect.objectContaining({ mode: 'VIDEO', summary: null })]);
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
