import { Browser, Page } from 'playwright-core';
import {
  accessibilityProblems,
  describeInBrowser,
  expectCleanFinish,
  launchChromium,
  signedInPage,
  signInAs,
  tabTo,
} from '../support/browser';
import { assignGuardian, hoursAgo, newChild, newReferral, practitionerId, today } from '../support/factories';
import { Caller, guardian, HILLINGDON, KENT, socialWorker, teamManager, TestApp } from '../support/test-app';

/** The case file's sections, by heading id, in order. */
const EVERY_SECTION = [
  'identity',
  'age',
  'exploitation',
  'immigration',
  'nrm',
  'guardian',
  'placements',
  'missing',
  'durable-solution',
  'alerts',
  'meetings',
  'audit-trail',
];

async function sections(page: Page): Promise<string[]> {
  return page.$$eval('main h2.govuk-heading-l[id]', (headings) => headings.map((heading) => heading.id));
}

/** The text of one section (as rendered): from its heading to the next section's. */
async function section(page: Page, id: string): Promise<string> {
  return page.evaluate<string>(`(() => {
    let text = '';
    for (let node = document.getElementById(${JSON.stringify(id)}).nextElementSibling;
         node && !node.matches('h2.govuk-heading-l'); node = node.nextElementSibling)
      text += ' ' + node.innerText;
    return text.replace(/\\s+/g, ' ');
  })()`);
}

/** How long the case file took, from navigation to the response's end and to DOMContentLoaded (reported, not asserted). */
async function loadTimes(page: Page): Promise<{ responseEnd: number; domContentLoaded: number }> {
  return page.evaluate<{ responseEnd: number; domContentLoaded: number }>(`(() => {
    const [entry] = performance.getEntriesByType('navigation');
    return {
      responseEnd: Math.round(entry.responseEnd - entry.startTime),
      domContentLoaded: Math.round(entry.domContentLoadedEventEnd - entry.startTime),
    };
  })()`);
}

describeInBrowser('the case file (web journey 4)', () => {
  let browser: Browser;
  let app: TestApp;
  const manager: Caller = { ...teamManager(HILLINGDON, 'tm-web-case'), name: 'Priya Shah' };
  const worker: Caller = { ...socialWorker(HILLINGDON, 'sw-web-case'), name: 'Sam Okafor' };
  const gail: Caller = guardian('ICTG-WEBCASE', 'g-web-case');
  const otherGuardian: Caller = { ...guardian('ICTG-WEBCASE', 'g-web-other'), name: 'Olu Other' };
  let childId: string;
  let quietChildId: string;
  let kentChildId: string;

  const mutate = (name: string, type: string, input: Record<string, unknown>) =>
    app.ok<Record<string, { id: string }>>(
      manager,
      `mutation($input: ${type}!) { ${name}(input: $input) { id } }`,
      {
        input,
      },
    );

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
    const child = await newChild(app, manager, {
      givenName: 'Mariam',
      familyName: 'Haddad',
      preferredName: 'Mimi',
      aliases: [{ name: 'Maryam Hadad', source: 'Home Office screening interview' }, { name: 'Mira' }],
      categories: ['TRAFFICKED', 'UNACCOMPANIED_ASYLUM_SEEKING'],
      exploitationTypes: ['CRIMINAL_COUNTY_LINES'],
      nationality: 'SY',
      nationalityBasis: 'CLAIMED',
      languages: ['Arabic'],
      interpreterNeeded: true,
      immigrationStatus: 'ASYLUM_CLAIM_PENDING',
      asylumClaimDate: '2026-01-10',
      homeOfficeReference: 'H1234567',
      legalStatus: 'S20_ACCOMMODATED',
      localChildId: 'HD-0042',
    });
    childId = child.id;
    const { startPlacement: hotel } = await mutate('startPlacement', 'StartPlacementInput', {
      childId,
      type: 'BED_AND_BREAKFAST',
      provider: 'Station Hotel',
      address: '1 Station Road',
      startedAt: hoursAgo(240),
    });
    await mutate('endPlacement', 'EndPlacementInput', {
      placementId: hotel.id,
      endedAt: hoursAgo(120),
      reason: 'PLANNED_MOVE',
    });
    await mutate('startPlacement', 'StartPlacementInput', {
      childId,
      type: 'FOSTER_CARE',
      provider: 'Hillingdon Fostering',
      address: '2 Elm Close',
      startedAt: hoursAgo(119),
    });
    const { reportMissing: earlier } = await mutate('reportMissing', 'ReportMissingInput', {
      childId,
      kind: 'MISSING',
      missingSince: hoursAgo(50),
    });
    await mutate('recordReturn', 'RecordReturnInput', { episodeId: earlier.id, returnedAt: hoursAgo(40) });
    await mutate('recordReturnInterview', 'RecordReturnInterviewInput', {
      episodeId: earlier.id,
      offeredAt: hoursAgo(35),
      completedAt: hoursAgo(30),
      conductedBy: 'Independent return worker',
      findings: 'Disclosed contact with an older man',
    });
    await mutate('reportMissing', 'ReportMissingInput', {
      childId,
      kind: 'MISSING',
      missingSince: hoursAgo(2),
      lastSeenLocation: 'Uxbridge bus station',
    });
    const referral = await newReferral(app, manager, childId, today());
    await mutate('recordNrmDecision', 'RecordNrmDecisionInput', {
      referralId: referral.id,
      stage: 'REASONABLE_GROUNDS',
      decision: 'POSITIVE',
      decidedOn: today(),
    });
    const assigned = await assignGuardian(app, manager, {
      childId,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    expect(assigned.errors).toBeUndefined();
    await practitionerId(app, otherGuardian);
    await mutate('recordDurableSolution', 'RecordDurableSolutionInput', {
      childId,
      option: 'INTEGRATION_IN_UK',
      status: 'IDENTIFIED',
    });
    await mutate('raiseAgeDispute', 'RaiseAgeDisputeInput', {
      childId,
      raisedBy: 'HOME_OFFICE',
      raisedOn: today(),
      reason: 'Appearance',
    });
    const { scheduleMeeting } = await mutate('scheduleMeeting', 'ScheduleMeetingInput', {
      type: 'STRATEGY_DISCUSSION',
      scheduledFor: hoursAgo(3),
      childIds: [childId],
    });
    await mutate('recordMeetingOutcome', 'RecordMeetingOutcomeInput', {
      meetingId: scheduleMeeting.id,
      heldAt: hoursAgo(1),
      decisions: [{ childId, decision: 'Safety plan' }],
    });
    // more than one page of audit trail (20 a page): each read of the case file is one more entry
    for (let reads = 0; reads < 20; reads += 1)
      await app.ok(manager, `query($id: ID!) { child(id: $id) { id } }`, { id: childId });
    quietChildId = (await newChild(app, manager, { givenName: 'Samir', familyName: 'Quiet' })).id;
    kentChildId = (await newChild(app, teamManager(KENT, 'tm-web-case-kent'), { givenName: 'Kent' })).id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a team manager every section, with the mouse, and the audit trail paged', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${app.url}/children?search=haddad`);
    await Promise.all([
      page.waitForURL(`${app.url}/children/${childId}`),
      page.click('a:has-text("Mariam Haddad")'),
    ]);
    console.log(`case file load (team manager, mouse): ${JSON.stringify(await loadTimes(page))} ms`);
    expect(await page.textContent('h1')).toBe('Mariam Haddad');
    expect(await sections(page)).toEqual(EVERY_SECTION);

    // the open episode, prominently, with the grab pack a click away
    const banner = (await page.textContent('.govuk-notification-banner'))!.replace(/\s+/g, ' ');
    expect(banner).toContain('Missing since');
    expect(banner).toContain('Last seen: Uxbridge bus station');
    expect(await page.getAttribute('.govuk-notification-banner a:has-text("grab pack")', 'href')).toBe(
      `/children/${childId}/grab-pack`,
    );
    expect(await page.getAttribute('a:has-text("Update details")', 'href')).toBe(`/children/${childId}/edit`);
    // already missing: no second report
    expect(await page.$('a:has-text("Report missing")')).toBeNull();

    const identity = await section(page, 'identity');
    expect(identity).toContain('Maryam Hadad Source: Home Office screening interview');
    expect(identity).toContain('Mira Source not recorded');
    expect(identity).toContain('Accommodated under section 20');
    expect(await section(page, 'age')).toContain('Disputed');
    expect(await section(page, 'age')).toContain('1 May 2010');
    expect(await section(page, 'exploitation')).toContain('Criminal exploitation: county lines');
    const immigration = await section(page, 'immigration');
    expect(immigration).toContain('Asylum claim pending');
    expect(immigration).toContain('H1234567');
    const nrm = await section(page, 'nrm');
    expect(nrm).toContain('Single Competent Authority');
    expect(nrm).toMatch(/Reasonable grounds Positive on/);
    expect(await section(page, 'guardian')).toContain('Gail Guardian');
    const placements = await section(page, 'placements');
    expect(placements).toContain('Foster care (current)');
    expect(placements).toContain('2 Elm Close');
    expect(placements).toContain('Bed and breakfast Unsafe');
    expect(placements).toContain('Unsafe for a child');
    const missing = await section(page, 'missing');
    expect(missing).toContain('Not returned');
    expect(missing).toContain('Return interview due by');
    expect(missing).toContain('by Independent return worker');
    expect(missing).toContain('Disclosed contact with an older man');
    expect(
      await page.getAttribute('#missing ~ .govuk-summary-card a:has-text("Record the return")', 'href'),
    ).toMatch(new RegExp(`^/children/${childId}/missing/[0-9a-f-]{36}/return$`));
    expect(await section(page, 'durable-solution')).toContain('Integration in the UK');
    expect(await section(page, 'alerts')).toMatch(/missing/i);
    expect(await section(page, 'meetings')).toContain('Strategy discussion');
    const trail = await section(page, 'audit-trail');
    expect(trail).toContain('Priya Shah');
    expect(await page.$$('#audit-trail ~ .govuk-table tbody tr')).toHaveLength(20);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/case-file.png', fullPage: true });
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    await Promise.all([
      page.waitForURL(/\/audit-trail\?after=/),
      page.click('a:has-text("See older entries")'),
    ]);
    expect(await page.textContent('h1')).toBe('Audit trail');
    expect(await page.textContent('main')).toContain('Showing 21 to');
    expect(await accessibilityProblems(page)).toEqual([]);
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith('/audit-trail') && !url.searchParams.has('after')),
      page.click('.govuk-pagination__prev a'),
    ]);
    expect(await page.textContent('main')).toContain('Showing 1 to 20');
    await expectCleanFinish({ context, page, problems });
  });

  it('shows a social worker the case file without the audit trail', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, worker);
    await page.goto(`${app.url}/children/${childId}`);
    console.log(`case file load (social worker): ${JSON.stringify(await loadTimes(page))} ms`);
    expect(await sections(page)).toEqual(EVERY_SECTION.filter((id) => id !== 'audit-trail'));
    expect(await page.$('a[href$="/audit-trail"]')).toBeNull();
    expect(await section(page, 'missing')).toContain('Disclosed contact with an older man');
    expect(await page.$('a:has-text("Update details")')).not.toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await page.request.get(`${app.url}/children/${childId}/audit-trail`)).status()).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the assigned guardian what they may see, and nothing broken', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, gail, {
      viewport: { width: 360, height: 740 },
    });
    const response = await page.goto(`${app.url}/children/${childId}`);
    expect(response!.status()).toBe(200);
    console.log(`case file load (guardian): ${JSON.stringify(await loadTimes(page))} ms`);
    expect(await page.textContent('h1')).toBe('Mariam Haddad');
    // immigration details are for those who support the child, guardians included (permission.ts)
    expect(await sections(page)).toEqual(EVERY_SECTION.filter((id) => id !== 'audit-trail'));
    const missing = await section(page, 'missing');
    expect(missing).toContain('by Independent return worker');
    expect(missing).not.toContain('Disclosed contact');
    expect(missing).not.toContain('Findings');
    expect(await page.$('a:has-text("Update details")')).toBeNull();
    expect(await page.$('a:has-text("Record the return")')).toBeNull();
    expect(await page.getAttribute('.govuk-notification-banner a:has-text("grab pack")', 'href')).toBe(
      `/children/${childId}/grab-pack`,
    );
    expect(await section(page, 'placements')).toContain('2 Elm Close');
    expect(await accessibilityProblems(page)).toEqual([]);
    // usable at 320 px: nothing wider than the screen
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers 404 to a guardian not assigned, another authority, and a child that does not exist', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, otherGuardian);
    const unassigned = await page.goto(`${app.url}/children/${childId}`);
    expect(unassigned!.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await page.textContent('main')).not.toContain('Haddad');
    expect(await accessibilityProblems(page)).toEqual([]);

    await signInAs(page, app.url, manager);
    const otherAuthority = await page.goto(`${app.url}/children/${kentChildId}`);
    expect(otherAuthority!.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    const nobody = await page.goto(`${app.url}/children/00000000-0000-4000-8000-000000000000`);
    expect(nobody!.status()).toBe(404);
    expect((await page.request.get(`${app.url}/children/${kentChildId}/audit-trail`)).status()).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is used with the keyboard alone: report missing, update details, the sections', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, worker);
    await page.goto(`${app.url}/children/${quietChildId}`);
    expect(await page.$('.govuk-notification-banner')).toBeNull();
    await tabTo(page, 'a.govuk-button--warning');
    expect(await page.evaluate<string>('document.activeElement.textContent.trim()')).toBe('Report missing');
    expect(await page.evaluate<string>("document.activeElement.getAttribute('href')")).toBe(
      `/children/${quietChildId}/missing/new`,
    );
    await tabTo(page, 'a[href$="/edit"]');
    await tabTo(page, 'a[href="#placements"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/children/${quietChildId}#placements`);
    expect(await section(page, 'placements')).toContain('No current placement.');
    expect(await section(page, 'missing')).toContain('Never reported missing.');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the whole case file with JavaScript disabled', async () => {
    const { context, page, problems } = await signedInPage(browser, app.url, manager, {
      javaScriptEnabled: false,
    });
    await page.goto(`${app.url}/children/${childId}`);
    expect(await sections(page)).toEqual(EVERY_SECTION);
    await Promise.all([
      page.waitForURL(/\/audit-trail\?after=/),
      page.click('a:has-text("See older entries")'),
    ]);
    expect(await page.textContent('h1')).toBe('Audit trail');
    expect(problems).toEqual([]);
    await context.close();
  });
});
