import { Browser } from 'playwright-core';
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
import { assignGuardian, newChild, newReferral, practitionerId, today } from '../support/factories';
import { Caller, guardian, HILLINGDON, socialWorker, TestApp } from '../support/test-app';

const RECORDS = `query($id: ID!) { child(id: $id) {
  categories
  nrmReferrals { id referredOn firstResponder competentAuthority
    reasonableGrounds { decision decidedOn } conclusiveGrounds { decision decidedOn }
    flags { code } decisions { stage decision decidedOn } }
  hasDurableSolution
  durableSolutions { option status securedOn riskAssessmentCompleted bestInterestsAssessmentCompleted basis } } }`;

interface Records {
  child: {
    categories: string[];
    nrmReferrals: {
      id: string;
      referredOn: string;
      firstResponder: string | null;
      competentAuthority: string | null;
      reasonableGrounds: { decision: string; decidedOn: string | null };
      conclusiveGrounds: { decision: string; decidedOn: string | null };
      flags: { code: string }[];
      decisions: { stage: string; decision: string; decidedOn: string }[];
    }[];
    hasDurableSolution: boolean;
    durableSolutions: {
      option: string;
      status: string;
      securedOn: string | null;
      riskAssessmentCompleted: boolean;
      bestInterestsAssessmentCompleted: boolean;
      basis: string | null;
    }[];
  };
}

describeInBrowser('NRM referrals and decisions, and the durable-solution plan (web journey 11)', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-nrm'), name: 'Priya Shah' };
  const gail: Caller = guardian('ICTG-WEBNRM', 'g-web-nrm');

  const recordsOf = async (childId: string) =>
    (await app.ok<Records>(worker, RECORDS, { id: childId })).child;

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('makes a referral and records both decisions with the mouse, with the due date, the recovery period and the flag', async () => {
    const child = await newChild(app, worker, { givenName: 'Amira', familyName: 'Osman' });
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);

    await page.goto(`${app.url}/children/${child.id}`);
    await Promise.all([page.waitForURL(/\/nrm\/new$/), page.click('a:has-text("Make an NRM referral")')]);
    expect(await page.textContent('h1')).toContain('Make a referral for Amira Osman');
    expect(await page.textContent('main')).toContain('due within 5 working days');
    expect(await accessibilityProblems(page)).toEqual([]);

    // a date the form cannot read, then one in the future (the API's refusal), each on the date's boxes
    await page.fill('#referredOn-day', '');
    await page.click('button:has-text("Record the referral")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#referredOn-day');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'The date of the referral must be a real date',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDate(page, 'referredOn', addDays(today(), 3));
    await page.click('button:has-text("Record the referral")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#referredOn-day');
    expect(await page.textContent('#referredOn-error')).toContain('The date of the referral');

    // a month ago: the reasonable-grounds decision is overdue by now
    const referredOn = addDays(today(), -30);
    await fillDate(page, 'referredOn', referredOn);
    await page.selectOption('#firstResponder', 'POLICE');
    await Promise.all([page.waitForURL(/\/nrm$/), page.click('button:has-text("Record the referral")')]);
    expect(await page.textContent('.govuk-notification-banner')).toMatch(
      /Referral recorded\. The reasonable-grounds decision is due by \d{1,2} \w+ \d{4}\./,
    );
    const card = async () => (await page.textContent('.haven-nrm-referral'))!.replace(/\s+/g, ' ');
    expect(await card()).toContain('Police');
    expect(await card()).toContain('Single Competent Authority');
    expect(await card()).toMatch(/Reasonable grounds Waiting for a decision Due by .+ Overdue/);
    expect(await card()).toContain('Starts with a positive reasonable-grounds decision');
    expect(await accessibilityProblems(page)).toEqual([]);

    let [referral] = (await recordsOf(child.id)).nrmReferrals;
    expect(referral).toMatchObject({
      referredOn,
      firstResponder: 'POLICE',
      competentAuthority: 'SINGLE_COMPETENT_AUTHORITY',
    });
    expect((await recordsOf(child.id)).categories).toContain('TRAFFICKED');

    // a conclusive decision first: the API's CONFLICT is shown
    await Promise.all([page.waitForURL(/\/decision$/), page.click('a:has-text("Record a decision")')]);
    expect(await page.isChecked('#stage')).toBe(true); // reasonable grounds comes first
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.check('input[name="stage"][value="CONCLUSIVE_GROUNDS"]');
    await page.check('input[name="decision"][value="POSITIVE"]');
    await page.click('button:has-text("Record the decision")');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'A conclusive grounds decision needs a positive reasonable grounds decision first',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    // nothing chosen: the form says what is missing
    await page.goto(page.url());
    await page.click('button:has-text("Record the decision")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select the decision');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#decision');
    // dated before the referral: the API's BAD_USER_INPUT, on the date
    await page.check('input[name="decision"][value="POSITIVE"]');
    await fillDate(page, 'decidedOn', addDays(referredOn, -1));
    await page.click('button:has-text("Record the decision")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#decidedOn-day');
    expect(await page.textContent('#decidedOn-error')).toContain(
      'A decision cannot come before the referral',
    );
    expect(await accessibilityProblems(page)).toEqual([]);

    // reasonable grounds, positive, 20 days ago: the 30-day recovery period runs for 10 more days
    const reasonableOn = addDays(today(), -20);
    await page.check('input[name="stage"][value="REASONABLE_GROUNDS"]');
    await fillDate(page, 'decidedOn', reasonableOn);
    await Promise.all([page.waitForURL(/\/nrm$/), page.click('button:has-text("Record the decision")')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'Reasonable grounds decision recorded.',
    );
    expect(await card()).not.toContain('Overdue');
    expect(await card()).toMatch(/Recovery and reflection period Ends .+ In the recovery period/);
    await page.screenshot({ path: 'docs/screenshots/nrm.png', fullPage: true });

    // a conclusive decision today, within the recovery period: recorded, and flagged for review
    await page.click('a:has-text("Record a decision")');
    expect(await page.isChecked('input[name="stage"][value="CONCLUSIVE_GROUNDS"]')).toBe(true);
    expect(await page.textContent('.govuk-inset-text')).toContain(
      'The recovery and reflection period ends on',
    );
    await page.check('input[name="decision"][value="POSITIVE"]');
    await Promise.all([page.waitForURL(/\/nrm$/), page.click('button:has-text("Record the decision")')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'Conclusive grounds decision recorded. It is flagged for review.',
    );
    expect(await page.textContent('.govuk-warning-text')).toContain(
      'came before the end of the 30-day recovery period',
    );
    const history = await page.$$eval('.haven-nrm-referral tbody tr', (rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')]
          .slice(0, 2)
          .map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
      ),
    );
    expect(history).toEqual([
      ['Conclusive grounds', 'Positive'],
      ['Reasonable grounds', 'Positive'],
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);

    [referral] = (await recordsOf(child.id)).nrmReferrals;
    expect(referral).toMatchObject({
      reasonableGrounds: { decision: 'POSITIVE', decidedOn: reasonableOn },
      conclusiveGrounds: { decision: 'POSITIVE', decidedOn: today() },
      flags: [{ code: 'CONCLUSIVE_DECISION_WITHIN_RECOVERY_PERIOD' }],
    });

    // the case file's section shows the same, and leads here
    await page.click('a:has-text("Back to the case file")');
    await page.waitForURL(`${app.url}/children/${child.id}#nrm`);
    expect(await page.textContent('main')).toContain('came before the end of the 30-day recovery period');
    expect(await page.getAttribute('a:has-text("See the referrals and every decision")', 'href')).toBe(
      `/children/${child.id}/nrm`,
    );
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the durable-solution plan with the mouse: return to origin is not secured without both assessments', async () => {
    const child = await newChild(app, worker, { givenName: 'Yonas', familyName: 'Tesfaye' });
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);

    await page.goto(`${app.url}/children/${child.id}`);
    await Promise.all([
      page.waitForURL(/\/durable-solution\/new$/),
      page.click('a:has-text("Record a durable-solution option")'),
    ]);
    // the rule is said before anything is sent
    expect(await page.textContent('.govuk-warning-text')).toContain(
      'A return to the country of origin cannot be recorded as secured until both the risk and security assessment and the best-interests assessment are completed',
    );
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.check('input[name="option"][value="RETURN_TO_COUNTRY_OF_ORIGIN"]');
    await page.check('input[name="status"][value="SECURED"]');
    await page.check('input[name="assessments"][value="risk"]');
    await fillDate(page, 'securedOn', today());
    await page.click('button:has-text("Record the option")');
    // the API's CONFLICT, on the assessments
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#assessments');
    expect(await page.textContent('#assessments-error')).toContain(
      'A return to the country of origin is never secured without a best-interests assessment',
    );
    expect(await page.isChecked('input[name="assessments"][value="risk"]')).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await recordsOf(child.id)).durableSolutions).toEqual([]);

    // secured without a date: the API's BAD_USER_INPUT, on the date
    await page.fill('#securedOn-day', '');
    await page.fill('#securedOn-month', '');
    await page.fill('#securedOn-year', '');
    await page.check('input[name="assessments"][value="bestInterests"]');
    await page.click('button:has-text("Record the option")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#securedOn-day');
    expect(await accessibilityProblems(page)).toEqual([]);

    // identified, then in progress: the plan and its history
    await page.check('input[name="status"][value="IDENTIFIED"]');
    await Promise.all([
      page.waitForURL(/\/durable-solution$/),
      page.click('button:has-text("Record the option")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'Return to the country of origin recorded as identified.',
    );
    await page.click('a:has-text("Record an option")');
    await page.check('input[name="option"][value="INTEGRATION_IN_UK"]');
    await page.check('input[name="status"][value="IN_PROGRESS"]');
    await Promise.all([
      page.waitForURL(/\/durable-solution$/),
      page.click('button:has-text("Record the option")'),
    ]);

    // a change to integration: the form starts from its latest record
    await page.click('a:has-text("Record a change to Integration in the UK")');
    expect(await page.isChecked('input[name="option"][value="INTEGRATION_IN_UK"]')).toBe(true);
    expect(await page.isChecked('input[name="status"][value="IN_PROGRESS"]')).toBe(true);
    await page.check('input[name="status"][value="SECURED"]');
    await fillDate(page, 'securedOn', today());
    await page.fill('#basis', 'Refugee status granted');
    await Promise.all([
      page.waitForURL(/\/durable-solution$/),
      page.click('button:has-text("Record the option")'),
    ]);
    expect(await page.textContent('main')).toContain('A durable solution is secured.');
    const plan = await page.$$eval('.govuk-summary-card__title', (titles) =>
      titles.map((title) => (title as unknown as { innerText: string }).innerText.trim()),
    );
    expect(plan).toEqual(['Integration in the UK', 'Return to the country of origin']);
    const history = await page.$$eval('tbody tr', (rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
      ),
    );
    expect(history).toEqual([
      ['Integration in the UK', 'Secured Assessments completed: none'],
      ['Integration in the UK', 'In progress Assessments completed: none'],
      [
        'Return to the country of origin',
        'Identified Assessments completed: risk and security, best interests',
      ],
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/durable-solution.png', fullPage: true });

    const records = await recordsOf(child.id);
    expect(records.hasDurableSolution).toBe(true);
    expect(records.durableSolutions[0]).toEqual({
      option: 'INTEGRATION_IN_UK',
      status: 'SECURED',
      securedOn: today(),
      riskAssessmentCompleted: false,
      bestInterestsAssessmentCompleted: false,
      basis: 'Refugee status granted',
    });
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('makes a referral, records a decision and a plan with the keyboard alone', async () => {
    const child = await newChild(app, worker, { givenName: 'Dawit' });
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${child.id}/nrm`);
    await tabTo(page, 'a.govuk-button');
    await Promise.all([page.waitForURL(/\/nrm\/new$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/nrm$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'a[href$="/decision"]');
    await Promise.all([page.waitForURL(/\/decision$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name="decision"]');
    await page.keyboard.press('Space'); // positive
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/nrm$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'Reasonable grounds decision recorded.',
    );
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.goto(`${app.url}/children/${child.id}/durable-solution`);
    await tabTo(page, 'a.govuk-button');
    await Promise.all([page.waitForURL(/\/durable-solution\/new$/), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name="option"]');
    await page.keyboard.press('Space'); // integration in the UK
    await tabTo(page, 'input[name="status"]');
    await page.keyboard.press('Space'); // identified
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/\/durable-solution$/), page.keyboard.press('Enter')]);
    expect(await accessibilityProblems(page)).toEqual([]);

    const records = await recordsOf(child.id);
    expect(records.nrmReferrals).toEqual([
      expect.objectContaining({
        referredOn: today(),
        firstResponder: 'CHILDRENS_SERVICES',
        reasonableGrounds: { decision: 'POSITIVE', decidedOn: today() },
      }),
    ]);
    expect(records.durableSolutions).toEqual([
      expect.objectContaining({ option: 'INTEGRATION_IN_UK', status: 'IDENTIFIED' }),
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does the same with JavaScript disabled', async () => {
    const child = await newChild(app, worker, { givenName: 'Selam' });
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    // (axe-core needs JavaScript: these pages are checked by the tests above, with it)
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${child.id}/nrm/new`);
    await page.check('input[name="competentAuthority"][value=""]'); // not known yet
    await Promise.all([page.waitForURL(/\/nrm$/), page.click('button:has-text("Record the referral")')]);
    await Promise.all([page.waitForURL(/\/decision$/), page.click('a:has-text("Record a decision")')]);
    await page.check('input[name="decision"][value="NEGATIVE"]');
    await Promise.all([page.waitForURL(/\/nrm$/), page.click('button:has-text("Record the decision")')]);
    expect(await page.textContent('.haven-nrm-referral')).toContain('Negative');

    await page.goto(`${app.url}/children/${child.id}/durable-solution/new`);
    await page.check('input[name="option"][value="FAMILY_REUNIFICATION_ABROAD"]');
    await page.check('input[name="status"][value="IN_PROGRESS"]');
    await page.check('input[name="assessments"][value="bestInterests"]');
    await Promise.all([
      page.waitForURL(/\/durable-solution$/),
      page.click('button:has-text("Record the option")'),
    ]);
    expect(await page.textContent('main')).toContain('Family reunification abroad');

    const records = await recordsOf(child.id);
    expect(records.nrmReferrals).toEqual([
      expect.objectContaining({
        competentAuthority: null,
        reasonableGrounds: { decision: 'NEGATIVE', decidedOn: today() },
      }),
    ]);
    expect(records.durableSolutions).toEqual([
      expect.objectContaining({
        option: 'FAMILY_REUNIFICATION_ABROAD',
        status: 'IN_PROGRESS',
        bestInterestsAssessmentCompleted: true,
        riskAssessmentCompleted: false,
      }),
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a guardian the referrals and the plan, and offers them nothing to record', async () => {
    const child = await newChild(app, worker, { givenName: 'Hanna' });
    await newReferral(app, worker, child.id, today());
    const assigned = await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    expect(assigned.errors).toBeUndefined();
    await app.ok(
      worker,
      `mutation($input: RecordDurableSolutionInput!) { recordDurableSolution(input: $input) { id } }`,
      {
        input: { childId: child.id, option: 'INTEGRATION_IN_UK', status: 'IDENTIFIED' },
      },
    );
    const { context, problems } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await signInAs(page, app.url, gail);

    await page.goto(`${app.url}/children/${child.id}`);
    expect(await page.$('a:has-text("Make an NRM referral")')).toBeNull();
    expect(await page.$('a:has-text("Record a decision")')).toBeNull();
    expect(await page.$('a:has-text("Record a durable-solution option")')).toBeNull();

    await page.goto(`${app.url}/children/${child.id}/nrm`);
    expect(await page.textContent('.haven-nrm-referral')).toContain('Waiting for a decision');
    expect(await page.$('a:has-text("Make a referral")')).toBeNull();
    expect(await page.$('a:has-text("Record a decision")')).toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    await page.goto(`${app.url}/children/${child.id}/durable-solution`);
    expect(await page.textContent('main')).toContain('Integration in the UK');
    expect(await page.$('a:has-text("Record")')).toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    for (const path of ['nrm/new', 'durable-solution/new']) {
      const refused = await page.goto(`${app.url}/children/${child.id}/${path}`);
      expect(refused!.status()).toBe(403);
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
