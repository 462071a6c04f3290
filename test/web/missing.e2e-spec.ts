import { Browser } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  expectCleanFinish,
  fillDateTime,
  launchChromium,
  newContext,
  signedInPage,
  signInAs,
  ukBoxes,
} from '../support/browser';
import { hoursAgo, newChild } from '../support/factories';
import { Caller, HILLINGDON, socialWorker, TestApp } from '../support/test-app';

const EPISODES = `query($id: ID!) { child(id: $id) {
  alerts { kind }
  missingEpisodes { id kind open missingSince lastSeenLocation returnedAt whereFound foundBy
    returnInterview { offeredAt completedAt declined conductedBy } } } }`;

interface Episodes {
  child: {
    alerts: { kind: string }[];
    missingEpisodes: {
      id: string;
      kind: string;
      open: boolean;
      missingSince: string;
      lastSeenLocation: string | null;
      returnedAt: string | null;
      whereFound: string | null;
      foundBy: string | null;
      returnInterview: { offeredAt: string; completedAt: string | null; declined: boolean } | null;
    }[];
  };
}

describeInBrowser('reporting a child missing, the grab pack, the return and the interview', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-missing'), name: 'Priya Shah' };

  /** A child of the worker's, placed with a foster carer, whose profile for the police is filled in. */
  async function placedChild(givenName: string): Promise<string> {
    const child = await newChild(app, worker, { givenName, familyName: 'Tran' });
    await app.ok(worker, `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`, {
      input: {
        childId: child.id,
        type: 'FOSTER_CARE',
        provider: 'Oak House',
        address: '1 High Street, Uxbridge',
        startedAt: hoursAgo(24 * 10),
      },
    });
    await app.ok(
      worker,
      `mutation($input: UpdateMissingPersonProfileInput!) { updateMissingPersonProfile(input: $input) { childId } }`,
      {
        input: {
          childId: child.id,
          description: 'Slim, 160 cm, short black hair, scar above the left eye',
          placesOfConcern: 'Car wash on Station Road',
          photoReference: 'Case file photograph, taken 1 March 2026',
        },
      },
    );
    return child.id;
  }

  const episodesOf = async (childId: string) =>
    (await app.ok<Episodes>(worker, EPISODES, { id: childId })).child;

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('reports missing in one step with the mouse, prints the grab pack, records the return and the interview', async () => {
    const childId = await placedChild('Linh');
    const { context, page, problems } = await signedInPage(browser, app.url, worker, {
      viewport: { width: 1280, height: 900 },
    });

    await page.goto(`${app.url}/children/${childId}/missing/new`);
    expect(await page.textContent('h1')).toContain('Report Linh Tran missing');
    // everything that can be is filled in: now (UK time, to the minute), the placement they left
    expect(await page.inputValue('#lastSeenLocation')).toBe('Oak House, 1 High Street, Uxbridge');
    expect(await page.inputValue('#missingSince-time')).toMatch(/^\d{2}:\d{2}$/);
    expect(await page.inputValue('#missingSince-year')).toBe(ukBoxes(new Date().toISOString()).year);
    expect(await page.isChecked('#kind')).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/report-missing.png', fullPage: true });

    // a date the form cannot read: the error summary links to the day box
    await page.fill('#missingSince-day', '');
    await page.click('button:has-text("Report missing")');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'When they were last seen must be a real date',
    );
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#missingSince-day');
    expect(await accessibilityProblems(page)).toEqual([]);
    // a time in the future: the API refuses it, on that field
    await fillDateTime(page, 'missingSince', new Date(Date.now() + 2 * 3_600_000).toISOString());
    await page.click('button:has-text("Report missing")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#missingSince-day');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'The time they were last seen cannot be in the future',
    );
    expect(await accessibilityProblems(page)).toEqual([]);

    await fillDateTime(page, 'missingSince', hoursAgo(3));
    await page.fill('#lastSeenWith', 'Two older men in a grey car');
    await page.check('#traffickerContactFeared');
    await Promise.all([page.waitForURL(/\/reported$/), page.click('button:has-text("Report missing")')]);
    expect(await page.textContent('.govuk-panel')).toContain('Linh Tran reported missing');
    expect(await accessibilityProblems(page)).toEqual([]);

    const reported = await episodesOf(childId);
    expect(reported.missingEpisodes).toEqual([
      expect.objectContaining({
        kind: 'MISSING',
        open: true,
        lastSeenLocation: 'Oak House, 1 High Street, Uxbridge',
      }),
    ]);
    expect(reported.alerts.map((alert) => alert.kind)).toContain('CHILD_MISSING');
    const [episode] = reported.missingEpisodes;

    // the grab pack, in one click; its opening is audited as an export by the API
    const exportsBefore = await app.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1 AND action = 'EXPORT'`,
      [childId],
    );
    await Promise.all([page.waitForURL(/\/grab-pack$/), page.click('a:has-text("Print the grab pack")')]);
    const pack = await page.textContent('main');
    for (const expected of [
      'Linh Tran',
      'Oak House, 1 High Street, Uxbridge',
      'Two older men in a grey car',
      'Contact with suspected traffickers is feared',
      'Slim, 160 cm, short black hair',
      'Car wash on Station Road',
      'Case file photograph',
      'Hillingdon',
      'Priya Shah',
    ]) {
      expect(pack).toContain(expected);
    }
    expect(await page.isVisible('button:has-text("Print")')).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(
      await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1 AND action = 'EXPORT'`,
        [childId],
      ),
    ).toEqual([{ n: exportsBefore[0].n + 1 }]);
    // printed: no navigation, no buttons, the content kept
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.govuk-service-navigation')).toBe(false);
    expect(await page.isVisible('button:has-text("Print")')).toBe(false);
    expect(await page.isVisible('text=Car wash on Station Road')).toBe(true);
    await page.screenshot({ path: 'docs/screenshots/grab-pack.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // reporting again while the child is missing: the page says so, and the API's refusal is shown
    await page.goto(`${app.url}/children/${childId}/missing/new`);
    expect(await page.textContent('.govuk-warning-text')).toContain('already recorded as missing');
    await page.click('button:has-text("Report missing")');
    // (the API's CONFLICT: which of its two rules answers depends on the times, both refuse)
    expect(await page.textContent('.govuk-error-summary')).toMatch(
      /The child is already missing|The episode overlaps an earlier episode/,
    );
    expect(await accessibilityProblems(page)).toEqual([]);

    // the return: a time before they went missing is refused on its field, then recorded
    await page.click('a:has-text("Record the return")');
    await page.waitForURL(`${app.url}/children/${childId}/missing/${episode.id}/return`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDateTime(page, 'returnedAt', hoursAgo(5));
    await page.click('button:has-text("Record the return")');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#returnedAt-day');
    expect(await page.textContent('#returnedAt-error')).toContain(
      'The time they came back must be after missingSince',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDateTime(page, 'returnedAt', hoursAgo(1));
    await page.fill('#whereFound', 'Station Road');
    await page.check('#foundBy-3'); // the police
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}`),
      page.click('button:has-text("Record the return")'),
    ]);
    const returned = (await episodesOf(childId)).missingEpisodes[0];
    expect(returned).toMatchObject({ open: false, whereFound: 'Station Road', foundBy: 'POLICE' });

    // the return interview, offered and held
    await page.goto(`${app.url}/children/${childId}/missing/${episode.id}/interview`);
    expect(await accessibilityProblems(page)).toEqual([]);
    const now = new Date().toISOString();
    await fillDateTime(page, 'offeredAt', now);
    await page.check('input[name="outcome"][value="COMPLETED"]');
    await fillDateTime(page, 'completedAt', now);
    await page.fill('#conductedBy', 'Barnardo’s return interviewer');
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}`),
      page.click('button:has-text("Record the interview")'),
    ]);
    const interviewed = (await episodesOf(childId)).missingEpisodes[0];
    expect(interviewed.returnInterview).toMatchObject({ declined: false, completedAt: expect.any(String) });

    await expectCleanFinish({ context, page, problems });
  });

  it('reports a child away with the keyboard alone, and opens the grab pack', async () => {
    const childId = await placedChild('Hoa');
    const { context, page, problems } = await signedInPage(browser, app.url, worker);
    await page.goto(`${app.url}/children/${childId}/missing/new`);

    /** Tabs until the focused element matches, as a keyboard user would. */
    const tabTo = async (selector: string) => {
      for (let presses = 0; presses < 80; presses += 1) {
        await page.keyboard.press('Tab');
        if (
          await page.evaluate<boolean>(
            `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`,
          )
        )
          return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('input[name="kind"]');
    await page.keyboard.press('ArrowDown'); // from Missing to Away
    expect(await page.isChecked('#kind-2')).toBe(true);
    await tabTo('#circumstances');
    await page.keyboard.type('Left after a phone call');
    await tabTo('button.govuk-button');
    await Promise.all([page.waitForURL(/\/reported$/), page.keyboard.press('Enter')]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await tabTo('a.govuk-button');
    await Promise.all([page.waitForURL(/\/grab-pack$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('Away (whereabouts known)');
    expect(await accessibilityProblems(page)).toEqual([]);

    const { missingEpisodes } = await episodesOf(childId);
    expect(missingEpisodes).toEqual([expect.objectContaining({ kind: 'AWAY', open: true })]);
    await expectCleanFinish({ context, page, problems });
  });

  it('reports missing with JavaScript disabled; the grab pack has no Print button then', async () => {
    const childId = await placedChild('Quang');
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    // (axe-core needs JavaScript: these pages are checked by the tests above, with it)
    const page = await context.newPage();
    await signInAs(page, app.url, worker);
    await page.goto(`${app.url}/children/${childId}/missing/new`);
    await fillDateTime(page, 'missingSince', hoursAgo(1));
    await page.fill('#policeReference', 'MET-2026-0001');
    await page.check('#policeRiskLevel'); // high
    await Promise.all([page.waitForURL(/\/reported$/), page.click('button:has-text("Report missing")')]);
    expect(await page.textContent('.govuk-panel')).toContain('Quang Tran reported missing');
    await Promise.all([page.waitForURL(/\/grab-pack$/), page.click('a:has-text("Print the grab pack")')]);
    expect(await page.textContent('main')).toContain('MET-2026-0001');
    expect(await page.isVisible('button:has-text("Print")')).toBe(false);

    const { missingEpisodes, alerts } = await episodesOf(childId);
    expect(missingEpisodes).toEqual([expect.objectContaining({ kind: 'MISSING', open: true })]);
    expect(alerts.map((alert) => alert.kind)).toContain('CHILD_MISSING');
    expect(problems).toEqual([]);
    await context.close();
  });
});
