import { addDays } from '@haven/platform';
import { Browser, Page } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  fillDate,
  fillDateTime,
  fitsWidth,
  launchChromium,
  newContext,
  signInAs,
  ukBoxes,
  webStorage,
} from '../support/browser';
import { assignGuardian, hoursAgo, newChild, newReferral, practitionerId, today } from '../support/factories';
import { Caller, guardian, HILLINGDON, KENT, socialWorker, teamManager, TestApp } from '../support/test-app';

const MEETING = `query($id: ID!) { meeting(id: $id) { status heldAt
  attendees { name agency attended } decisions { decision child { id } }
  actions { id description owner dueOn completedOn child { id } } } }`;

interface MeetingView {
  meeting: {
    status: string;
    heldAt: string | null;
    attendees: { name: string; agency: string; attended: boolean | null }[];
    decisions: { decision: string; child: { id: string } | null }[];
    actions: {
      id: string;
      description: string;
      owner: string;
      dueOn: string;
      completedOn: string | null;
      child: { id: string } | null;
    }[];
  };
}

describeInBrowser('meetings: the list and calendar, a missing review, its outcome, overdue actions', () => {
  let browser: Browser;
  let app: TestApp;
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-meetings'), name: 'Priya Shah' };
  const manager: Caller = { ...teamManager(HILLINGDON, 'tm-web-meetings'), name: 'Tara Manager' };
  const kentWorker: Caller = { ...socialWorker(KENT, 'sw-web-meetings-kent'), name: 'Kim Keys' };
  const gail: Caller = guardian('ICTG-WEBMEET', 'g-web-meetings');

  const missingChild = async (
    caller: Caller,
    givenName: string,
    sinceHours: number,
    backAfterHours?: number,
  ) => {
    const child = await newChild(app, caller, { givenName, familyName: 'Tran' });
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
      caller,
      `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
      { input: { childId: child.id, kind: 'MISSING', missingSince: hoursAgo(sinceHours) } },
    );
    if (backAfterHours !== undefined) {
      await app.ok(caller, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
        input: { episodeId: reportMissing.id, returnedAt: hoursAgo(sinceHours - backAfterHours) },
      });
    }
    return child.id;
  };
  const meetingOf = async (caller: Caller, id: string) =>
    (await app.ok<MeetingView>(caller, MEETING, { id })).meeting;
  const meetingIdIn = (page: Page) => /\/meetings\/([0-9a-f-]{36})/.exec(page.url())![1];

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('schedules a missing review with the mouse, records its outcome, prints the minutes and completes an overdue action', async () => {
    const linh = await missingChild(worker, 'Linh', 3);
    const bao = await missingChild(worker, 'Bao', 24 * 10, 5);
    const { context, problems } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.url, worker);

    await Promise.all([
      page.waitForURL(/\/meetings$/),
      page.click('.govuk-service-navigation a:has-text("Meetings")'),
    ]);
    expect(await page.textContent('h1')).toBe('Meetings');
    expect(await accessibilityProblems(page)).toEqual([]);

    await Promise.all([
      page.waitForURL(/\/meetings\/new/),
      page.click('a:has-text("Schedule a missing review")'),
    ]);
    expect(await page.textContent('h1')).toBe('Schedule a missing review');
    expect(await page.isChecked('#type')).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    // no date: the error summary links to the day box
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Enter the date and time of the meeting',
    );
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#scheduledFor-day');
    expect(await accessibilityProblems(page)).toEqual([]);

    const scheduledFor = hoursAgo(2);
    await fillDateTime(page, 'scheduledFor', scheduledFor);
    await page.fill('#chair', 'Jo Chair');
    await page.fill('#attendees-0-name', 'DS Jones');
    await page.selectOption('#attendees-0-agency', 'POLICE');
    await page.fill('#attendees-0-role', 'Missing person coordinator');
    await Promise.all([
      page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Schedule the meeting' }).click(),
    ]);
    const meetingId = meetingIdIn(page);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Missing review scheduled');
    // the agenda: every child missing since the last review, and every child missing now, with why
    const agenda = await page.textContent('table:has(caption:has-text("Children on the agenda"))');
    expect(agenda).toContain('Linh Tran');
    expect(agenda).toContain('Missing now');
    expect(agenda).toMatch(/Bao Tran\s*1 episode since/);
    expect(await page.textContent('main')).toContain('DS Jones');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/meeting.png', fullPage: true });

    await Promise.all([page.waitForURL(/\/outcome$/), page.click('a:has-text("Record the outcome")')]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await fillDateTime(page, 'heldAt', hoursAgo(1));
    await page.check('#attended');
    await page.fill('#others-0-name', 'Ravi Patel');
    await page.selectOption('#others-0-agency', 'HEALTH');
    await page.fill(`#decision-${linh}`, 'Police to search the addresses known to be of concern tonight');
    await page.fill(`#decision-${bao}`, 'Return interview to be offered again');
    await page.fill('#actions-0-description', 'Visit the car wash with the police');
    await page.fill('#actions-0-owner', 'Priya Shah');
    await fillDate(page, 'actions-0-dueOn', addDays(today(), -1));
    await page.selectOption('#actions-0-childId', linh);
    await page.click('button:has-text("Add another action")');
    expect(await page.evaluate('document.activeElement?.id')).toBe('actions-1-description');
    expect(await page.inputValue('#actions-0-description')).toBe('Visit the car wash with the police');
    // an action without an owner: said on its box
    await page.fill('#actions-1-description', 'Share the intelligence with the border force');
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter who will do it');
    expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe('#actions-1-owner');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.fill('#actions-1-owner', 'DS Jones');
    await fillDate(page, 'actions-1-dueOn', addDays(today(), 7));
    await Promise.all([
      page.waitForURL(new RegExp(`/meetings/${meetingId}$`)),
      page.getByRole('button', { name: 'Record the outcome' }).click(),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Outcome recorded');
    expect(await page.textContent('main')).toContain('Police to search the addresses known to be of concern');
    expect(await page.isVisible('a:has-text("Record the outcome")')).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);

    const held = await meetingOf(worker, meetingId);
    expect(held.status).toBe('HELD');
    expect(held.attendees).toEqual(
      expect.arrayContaining([
        { name: 'DS Jones', agency: 'POLICE', attended: true },
        { name: 'Ravi Patel', agency: 'HEALTH', attended: true },
      ]),
    );
    expect(held.decisions).toEqual(
      expect.arrayContaining([
        { decision: 'Police to search the addresses known to be of concern tonight', child: { id: linh } },
        { decision: 'Return interview to be offered again', child: { id: bao } },
      ]),
    );
    expect(held.actions).toEqual([
      expect.objectContaining({ owner: 'Priya Shah', dueOn: addDays(today(), -1), child: { id: linh } }),
      expect.objectContaining({ owner: 'DS Jones', dueOn: addDays(today(), 7), child: null }),
    ]);

    // the minutes, printable: no navigation or buttons on paper, the record kept
    await Promise.all([page.waitForURL(/\/minutes$/), page.click('a:has-text("Printable minutes")')]);
    expect(await page.isVisible('button:has-text("Print")')).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.govuk-service-navigation')).toBe(false);
    expect(await page.isVisible('button:has-text("Print")')).toBe(false);
    expect(await page.isVisible('text=Return interview to be offered again')).toBe(true);
    await page.screenshot({ path: 'docs/screenshots/meeting-minutes.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // the calendar: the meeting in its week, and the months either side a link away
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date(scheduledFor))
      .slice(0, 7);
    await page.goto(`${app.url}/meetings`);
    await Promise.all([
      page.waitForURL(/\/calendar/),
      page.click('a:has-text("See the meetings as a calendar")'),
    ]);
    if (!page.url().includes(`month=${month}`))
      await page.goto(`${app.url}/meetings/calendar?month=${month}`);
    expect(await page.isVisible(`table a[href="/meetings/${meetingId}"]`)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    const title = await page.textContent('h1');
    await Promise.all([page.waitForURL(/month=/), page.click('a:has-text("Previous month")')]);
    expect(await page.textContent('h1')).not.toBe(title);
    expect(await page.isVisible(`a[href="/meetings/${meetingId}"]`)).toBe(false);

    // my overdue actions: the one owned by this practitioner and past its date, completed in one step
    await page.goto(`${app.url}/meetings`);
    await page.screenshot({ path: 'docs/screenshots/meetings.png', fullPage: true });
    await Promise.all([
      page.waitForURL(/\/meetings\/actions$/),
      page.click('a:has-text("Your overdue actions")'),
    ]);
    const mine = await page.textContent('main');
    expect(mine).toContain('Visit the car wash with the police');
    expect(mine).not.toContain('Share the intelligence');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.click('button:has-text("Mark as done")');
    expect(await page.textContent('.govuk-notification-banner')).toContain('Action completed');
    expect(await page.textContent('main')).toContain('You have no overdue actions');
    expect(await accessibilityProblems(page)).toEqual([]);
    const completed = await meetingOf(worker, meetingId);
    expect(completed.actions[0].completedOn).toBe(today());

    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('schedules a missing review and records a decision with the keyboard alone', async () => {
    const hoa = await missingChild(kentWorker, 'Hoa', 5);
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, kentWorker);
    await page.goto(`${app.url}/meetings`);

    /** Tabs until the focused element matches, as a keyboard user would. */
    const tabTo = async (selector: string) => {
      for (let presses = 0; presses < 120; presses += 1) {
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
    const typeInto = async (selector: string, value: string) => {
      await tabTo(selector);
      await page.keyboard.type(value);
    };

    await tabTo('a[href="/meetings/new?type=MISSING_REVIEW"]');
    await Promise.all([page.waitForURL(/\/meetings\/new/), page.keyboard.press('Enter')]);
    const boxes = ukBoxes(hoursAgo(1));
    await typeInto('#scheduledFor-day', boxes.day);
    await typeInto('#scheduledFor-month', boxes.month);
    await typeInto('#scheduledFor-year', boxes.year);
    await typeInto('#scheduledFor-time', boxes.time);
    await typeInto('#attendees-0-name', 'PC Kaur');
    await tabTo('#attendees-0-agency');
    await page.keyboard.type('Police'); // a select takes the typed option
    await tabTo('button.govuk-button:not([name]):not(.haven-default-submit)');
    await Promise.all([page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    const meetingId = meetingIdIn(page);
    expect(await page.textContent('main')).toContain('Hoa Tran');

    await tabTo('a[href$="/outcome"]');
    await Promise.all([page.waitForURL(/\/outcome$/), page.keyboard.press('Enter')]);
    // the time it was held is filled in with now; the attendee ticked with Space
    await tabTo('#attended');
    await page.keyboard.press('Space');
    await typeInto(`#decision-${hoa}`, 'Refer to the exploitation panel');
    await tabTo('button.govuk-button:not([name]):not(.haven-default-submit)');
    await Promise.all([page.waitForURL(new RegExp(`/meetings/${meetingId}$`)), page.keyboard.press('Enter')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Outcome recorded');

    const held = await meetingOf(kentWorker, meetingId);
    expect(held.status).toBe('HELD');
    expect(held.attendees).toEqual([{ name: 'PC Kaur', agency: 'POLICE', attended: true }]);
    expect(held.decisions).toEqual([{ decision: 'Refer to the exploitation panel', child: { id: hoa } }]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('schedules a meeting, adds attendees and actions and completes an action with JavaScript disabled', async () => {
    const quang = await missingChild(manager, 'Quang', 4);
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    // (axe-core needs JavaScript: these pages are checked by the tests with it)
    const page = await context.newPage();
    await signInAs(page, app.url, manager);
    await page.goto(`${app.url}/meetings/new?type=STRATEGY_DISCUSSION`);
    expect(await page.textContent('h1')).toBe('Schedule a meeting');
    expect(await page.isChecked('input[name="type"][value="STRATEGY_DISCUSSION"]')).toBe(true);
    await page.check('input[name="type"][value="MISSING_REVIEW"]');
    await fillDateTime(page, 'scheduledFor', hoursAgo(3));
    await page.fill('#attendees-0-name', 'Ann Teacher');
    await page.selectOption('#attendees-0-agency', 'EDUCATION');
    await page.click('button:has-text("Add another attendee")');
    expect(await page.inputValue('#attendees-0-name')).toBe('Ann Teacher');
    await page.fill('#attendees-1-name', 'Dr Osei');
    await page.selectOption('#attendees-1-agency', 'HEALTH');
    await Promise.all([
      page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Schedule the meeting' }).click(),
    ]);
    const meetingId = meetingIdIn(page);

    await page.click('a:has-text("Record the outcome")');
    await fillDateTime(page, 'heldAt', hoursAgo(0.5));
    await page.check('#attended-2');
    await page.fill(`#decision-${quang}`, 'Safety plan with the carer');
    await page.fill('#actions-0-description', 'Call the carer about the safety plan');
    await page.fill('#actions-0-owner', 'tara  manager'); // the owner's name, however it is typed
    await fillDate(page, 'actions-0-dueOn', addDays(today(), -2));
    await page.click('button:has-text("Add another action")');
    await page.fill('#actions-1-description', 'Book a health assessment');
    await page.fill('#actions-1-owner', 'Dr Osei');
    await fillDate(page, 'actions-1-dueOn', addDays(today(), 14));
    await Promise.all([
      page.waitForURL(new RegExp(`/meetings/${meetingId}$`)),
      page.getByRole('button', { name: 'Record the outcome' }).click(),
    ]);
    const held = await meetingOf(manager, meetingId);
    expect(held.attendees).toEqual([
      { name: 'Ann Teacher', agency: 'EDUCATION', attended: false },
      { name: 'Dr Osei', agency: 'HEALTH', attended: true },
    ]);
    expect(held.actions.map((action) => action.description)).toEqual([
      'Call the carer about the safety plan',
      'Book a health assessment',
    ]);

    await page.goto(`${app.url}/meetings/actions`);
    expect(await page.textContent('main')).toContain('Call the carer about the safety plan');
    await Promise.all([
      page.waitForURL(/\/meetings\/actions$/),
      page.click('button:has-text("Mark as done")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Action completed');
    expect((await meetingOf(manager, meetingId)).actions[0].completedOn).toBe(today());
    await page.goto(`${app.url}/meetings/${meetingId}`);
    expect(await page.textContent('main')).toContain('Completed on');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a guardian the meetings about their children at 320 px, with nothing to record', async () => {
    const childId = await missingChild(worker, 'Mai', 2);
    await newReferral(app, manager, childId, today());
    expect(
      (
        await assignGuardian(app, manager, {
          childId,
          guardianId: await practitionerId(app, gail),
          scheme: 'ICTG_DIRECT',
        })
      ).errors,
    ).toBeUndefined();
    const { scheduleMeeting } = await app.ok<{ scheduleMeeting: { id: string } }>(
      worker,
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      { input: { type: 'MISSING_REVIEW', scheduledFor: new Date(Date.now() + 86_400_000).toISOString() } },
    );
    const { context, problems } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await signInAs(page, app.url, gail);

    await page.goto(`${app.url}/meetings`);
    expect(await page.locator('.govuk-service-navigation a[href="/meetings"]').count()).toBe(1);
    expect(await page.isVisible(`a[href="/meetings/${scheduleMeeting.id}"]`)).toBe(true);
    expect(await page.isVisible('a:has-text("Schedule a missing review")')).toBe(false);
    expect(await fitsWidth(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.click(`a[href="/meetings/${scheduleMeeting.id}"]`);
    expect(await page.textContent('main')).toContain('Mai Tran');
    expect(await page.isVisible('a:has-text("Record the outcome")')).toBe(false);
    expect(await fitsWidth(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    // what a guardian may not do is not offered, and refused when asked for by address
    const refused = await page.goto(`${app.url}/meetings/${scheduleMeeting.id}/outcome`);
    expect(refused?.status()).toBe(403);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await page.goto(`${app.url}/meetings/new`))?.status()).toBe(403);
    expect((await page.goto(`${app.url}/meetings/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
    await page.goto(`${app.url}/meetings/actions`);
    expect(await page.textContent('main')).toContain('You have no overdue actions');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
