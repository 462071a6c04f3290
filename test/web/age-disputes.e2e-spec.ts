import { Browser } from 'playwright-core';
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
import { assignGuardian, bornYearsAgo, newChild, practitionerId, today } from '../support/factories';
import { Caller, guardian, HILLINGDON, socialWorker, TestApp } from '../support/test-app';

const ASSESSMENTS = `query($id: ID!) { child(id: $id) { ageDisputed effectiveDateOfBirth
  ageAssessments { id status raisedBy reason startedOn outcome assessedDateOfBirth determinedBy localAuthorityOutcome
    safeguards { twoAssessors appropriateAdult interpreterUsed adversePointsPut writtenReasons } } } }`;

interface Assessments {
  child: {
    ageDisputed: boolean;
    effectiveDateOfBirth: string | null;
    ageAssessments: {
      id: string;
      status: string;
      raisedBy: string;
      reason: string | null;
      startedOn: string | null;
      outcome: string | null;
      assessedDateOfBirth: string | null;
      determinedBy: string | null;
      localAuthorityOutcome: string | null;
      safeguards: Record<string, boolean | null>;
    }[];
  };
}

describeInBrowser('age disputes (web journey 7)', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-age'), name: 'Ama Mensah' };
  const gail: Caller = guardian('ICTG-WEBAGE', 'g-web-age');

  const assessmentsOf = async (childId: string) =>
    (await app.ok<Assessments>(worker, ASSESSMENTS, { id: childId })).child;

  const raise = async (childId: string) =>
    (
      await app.ok<{ raiseAgeDispute: { id: string } }>(
        worker,
        `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
        { input: { childId, raisedBy: 'HOME_OFFICE', raisedOn: today() } },
      )
    ).raiseAgeDispute.id;

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('raises a dispute, starts it, records an adult outcome once every safeguard is ticked, a judicial review and the court’s decision, with the mouse', async () => {
    const child = await newChild(app, worker, {
      givenName: 'Dawit',
      familyName: 'Tesfaye',
      claimedDateOfBirth: bornYearsAgo(16),
      interpreterNeeded: true,
    });
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);

    // from the case file's section
    await page.goto(`${app.url}/children/${child.id}`);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}/age/new`),
      page.click('#age ~ p a:has-text("Raise an age dispute")'),
    ]);
    expect(await page.textContent('h1')).toContain('Raise an age dispute');
    expect(await accessibilityProblems(page)).toEqual([]);

    // who disputes it is needed: the error summary links to the choice
    await page.click('button:has-text("Raise the dispute")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select who disputes the age');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#raisedBy');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.check('input[name="raisedBy"][value="HOME_OFFICE"]');
    await page.fill('#reason', 'Appearance and demeanour at screening');
    await Promise.all([
      page.waitForURL(/\/age\/[0-9a-f-]{36}$/),
      page.click('button:has-text("Raise the dispute")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Age dispute raised');
    expect(await page.textContent('main')).toContain('treated as a child');
    expect(await page.textContent('table')).toContain('Dispute raised (Home Office)');
    expect(await page.textContent('table')).toContain('Appearance and demeanour at screening');
    expect(await accessibilityProblems(page)).toEqual([]);
    const disputeUrl = page.url();
    const [raised] = (await assessmentsOf(child.id)).ageAssessments;
    expect(raised).toMatchObject({ status: 'RAISED', raisedBy: 'HOME_OFFICE' });
    expect((await assessmentsOf(child.id)).ageDisputed).toBe(true);

    // start: a date before the dispute was raised is the API's refusal, on its field
    await Promise.all([
      page.waitForURL(`${disputeUrl}/start`),
      page.click('a:has-text("Start the assessment")'),
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDate(page, 'startedOn', '2020-01-01');
    await page.click('button:has-text("Start the assessment")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#startedOn-day');
    expect(await page.textContent('#startedOn-error')).toContain(
      'The date the assessment started cannot be before the dispute was raised',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDate(page, 'startedOn', today());
    await Promise.all([page.waitForURL(disputeUrl), page.click('button:has-text("Start the assessment")')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Assessment started');
    expect(await page.textContent('table')).toContain('Assessment started');

    // the outcome: the adult option stays disabled until every safeguard (the interpreter too) is ticked
    await Promise.all([
      page.waitForURL(`${disputeUrl}/outcome`),
      page.click('a:has-text("Record the outcome")'),
    ]);
    const safeguards = page.locator('input[name="safeguards"]');
    expect(await safeguards.count()).toBe(5);
    expect(await page.isDisabled('#outcome-adult')).toBe(true);
    expect(await page.textContent('#outcome-adult-item-hint')).toContain('Tick every safeguard above');
    expect(await accessibilityProblems(page)).toEqual([]);
    for (let index = 0; index < 4; index += 1) await safeguards.nth(index).check();
    expect(await page.isDisabled('#outcome-adult')).toBe(true);
    await safeguards.nth(4).check();
    expect(await page.isDisabled('#outcome-adult')).toBe(false);
    expect(await page.textContent('#outcome-adult-item-hint')).toContain('Every safeguard above was met');
    await page.check('#outcome-adult');
    await safeguards.nth(1).uncheck();
    expect(await page.isDisabled('#outcome-adult')).toBe(true);
    expect(await page.isChecked('#outcome-adult')).toBe(false);
    await safeguards.nth(1).check();
    await page.check('#outcome-adult');
    await fillDate(page, 'assessedDateOfBirth', bornYearsAgo(19));
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/age-outcome.png', fullPage: true });
    await Promise.all([page.waitForURL(disputeUrl), page.click('button:has-text("Record the outcome")')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Outcome recorded');
    const completed = (await assessmentsOf(child.id)).ageAssessments[0];
    expect(completed).toMatchObject({
      status: 'COMPLETED',
      outcome: 'ASSESSED_ADULT',
      assessedDateOfBirth: bornYearsAgo(19),
      safeguards: {
        twoAssessors: true,
        appropriateAdult: true,
        interpreterUsed: true,
        adversePointsPut: true,
        writtenReasons: true,
      },
    });
    expect(await page.textContent('main')).toContain('Safeguards of a lawful assessment');
    expect(await accessibilityProblems(page)).toEqual([]);

    // a judicial review: the person is a child again meanwhile
    await Promise.all([
      page.waitForURL(`${disputeUrl}/challenge`),
      page.click('a:has-text("Record a judicial review")'),
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.fill('#notes', 'Claim brought by the young person’s solicitor');
    await Promise.all([
      page.waitForURL(disputeUrl),
      page.click('button:has-text("Record the judicial review")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Judicial review recorded');
    expect((await assessmentsOf(child.id)).ageDisputed).toBe(true);

    // the court's decision replaces the outcome; the local authority's is kept in the history
    await Promise.all([
      page.waitForURL(`${disputeUrl}/finalise`),
      page.click('a:has-text("Record the court’s decision")'),
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.click('button:has-text("Record the court’s decision")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select what the court decided');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.check('input[name="courtOutcome"][value="ASSESSED_OLDER_STILL_CHILD"]');
    await fillDate(page, 'courtAssessedDateOfBirth', bornYearsAgo(17));
    await Promise.all([
      page.waitForURL(disputeUrl),
      page.click('button:has-text("Record the court’s decision")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('The outcome is final');
    const history = await page.textContent('table');
    for (const step of [
      'Dispute raised (Home Office)',
      'Assessment started',
      'Assessment completed',
      'Assessed as an adult',
      'Judicial review brought',
      'Claim brought by the young person’s solicitor',
      'Final: decided by the court',
      'Assessed as older, still a child',
    ]) {
      expect(history).toContain(step);
    }
    // nothing left to do on a final outcome
    expect(await page.locator('main .govuk-button').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/age-dispute.png', fullPage: true });
    const final = await assessmentsOf(child.id);
    expect(final.ageDisputed).toBe(false);
    expect(final.effectiveDateOfBirth).toBe(bornYearsAgo(17));
    expect(final.ageAssessments[0]).toMatchObject({
      status: 'FINAL',
      determinedBy: 'COURT',
      outcome: 'ASSESSED_OLDER_STILL_CHILD',
      localAuthorityOutcome: 'ASSESSED_ADULT',
    });

    // a step the dispute is past: the API's CONFLICT is shown on the form
    await page.goto(`${disputeUrl}/start`);
    await page.click('button:has-text("Start the assessment")');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Cannot start an age assessment that is FINAL',
    );
    expect(await accessibilityProblems(page)).toEqual([]);

    // the case file's section links to the dispute
    await page.goto(`${app.url}/children/${child.id}`);
    expect(await page.getAttribute('#age ~ .govuk-summary-card a', 'href')).toBe(
      new URL(disputeUrl).pathname,
    );

    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('raises a dispute and accepts the claimed age with the keyboard alone, at 320 px wide', async () => {
    const child = await newChild(app, worker, { givenName: 'Samir', familyName: 'Haidari' });
    const { context, problems } = await newContext(browser, { viewport: { width: 320, height: 800 } });
    const fits = async () =>
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${child.id}`);

    await tabTo(page, 'a[href$="/age/new"]');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${child.id}/age/new`),
      page.keyboard.press('Enter'),
    ]);
    await fits();
    await tabTo(page, 'input[name="raisedBy"]');
    await page.keyboard.press('Space'); // the first agency: children's services
    await tabTo(page, '#reason');
    await page.keyboard.type('No documents; account of schooling unclear');
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/age\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    const disputeUrl = page.url();

    // straight to the outcome, without starting: the claimed age is accepted
    await tabTo(page, `a[href$="/outcome"]`);
    await Promise.all([page.waitForURL(`${disputeUrl}/outcome`), page.keyboard.press('Enter')]);
    await fits();
    // no interpreter is needed for this child: four safeguards
    expect(await page.locator('input[name="safeguards"]').count()).toBe(4);
    await tabTo(page, 'input[name="safeguards"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="outcome"]');
    await page.keyboard.press('Space'); // claimed age accepted
    expect(await page.isChecked('input[name="outcome"][value="CLAIMED_AGE_ACCEPTED"]')).toBe(true);
    // the arrow keys pass over the adult outcome while it is disabled: up from the first wraps to the
    // last one that can be chosen, down wraps back
    await page.keyboard.press('ArrowUp');
    expect(await page.isChecked('input[name="outcome"][value="ASSESSED_OLDER_STILL_CHILD"]')).toBe(true);
    expect(await page.isChecked('#outcome-adult')).toBe(false);
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('input[name="outcome"][value="CLAIMED_AGE_ACCEPTED"]')).toBe(true);
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(disputeUrl), page.keyboard.press('Enter')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Outcome recorded');
    await fits();
    expect(await accessibilityProblems(page)).toEqual([]);

    const { ageAssessments, ageDisputed } = await assessmentsOf(child.id);
    expect(ageDisputed).toBe(false);
    expect(ageAssessments[0]).toMatchObject({
      status: 'COMPLETED',
      raisedBy: 'CHILDRENS_SERVICES',
      reason: 'No documents; account of schooling unclear',
      outcome: 'CLAIMED_AGE_ACCEPTED',
      safeguards: expect.objectContaining({ twoAssessors: true, appropriateAdult: false }),
    });
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript, an adult outcome with a safeguard unticked is refused by the page, and nothing is saved', async () => {
    const child = await newChild(app, worker, { givenName: 'Yonas', familyName: 'Berhe' });
    const assessmentId = await raise(child.id);
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    // (axe-core needs JavaScript: these pages are checked by the tests above, with it)
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    const disputeUrl = `${app.url}/children/${child.id}/age/${assessmentId}`;
    await page.goto(`${disputeUrl}/outcome`);
    expect(await page.isDisabled('#outcome-adult')).toBe(false);
    const safeguards = page.locator('input[name="safeguards"]');
    for (const index of [0, 1, 3]) await safeguards.nth(index).check();
    await page.check('#outcome-adult');
    await fillDate(page, 'assessedDateOfBirth', bornYearsAgo(20));
    await page.click('button:has-text("Record the outcome")');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'An adult outcome needs every safeguard recorded as met. Not recorded: the adverse points were put to the young person',
    );
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#safeguards');
    // the form keeps what was ticked and chosen
    expect(await page.isChecked('#outcome-adult')).toBe(true);
    expect(await safeguards.nth(3).isChecked()).toBe(true);
    expect((await assessmentsOf(child.id)).ageAssessments[0].status).toBe('RAISED');

    await safeguards.nth(2).check();
    await Promise.all([page.waitForURL(disputeUrl), page.click('button:has-text("Record the outcome")')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Outcome recorded');
    expect((await assessmentsOf(child.id)).ageAssessments[0]).toMatchObject({
      status: 'COMPLETED',
      outcome: 'ASSESSED_ADULT',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a guardian sees the dispute and its history, and is offered nothing to record', async () => {
    const child = await newChild(app, worker, { givenName: 'Hawi', familyName: 'Gemechu' });
    const assigned = await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'OTHER_ADVOCATE',
    });
    expect(assigned.errors).toBeUndefined();
    const assessmentId = await raise(child.id);
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, gail);
    await page.goto(`${app.url}/children/${child.id}`);
    expect(await page.locator('a[href$="/age/new"]').count()).toBe(0);
    await page.goto(`${app.url}/children/${child.id}/age/${assessmentId}`);
    expect(await page.textContent('table')).toContain('Dispute raised (Home Office)');
    expect(await page.locator('main .govuk-button').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    const refused = await page.goto(`${app.url}/children/${child.id}/age/${assessmentId}/outcome`);
    expect(refused?.status()).toBe(403);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
