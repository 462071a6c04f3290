import { Browser } from 'playwright-core';
import { describeInBrowser, launchChromium, newContext, signInAs } from '../support/browser';
import { newChild } from '../support/factories';
import { KENT, socialWorker, teamManager, TestApp } from '../support/test-app';

/** web-app.md: the first page's JavaScript at most 150 KB compressed ("far less is expected"). */
const FIRST_PAGE_JS_BUDGET_KB = 150;

/** What the page's scripts cost on the wire, from the browser's own resource timing (gzipped where served so). */
const SCRIPT_BYTES = `performance.getEntriesByType('resource')
  .filter((entry) => entry.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(entry.name))
  .map((entry) => ({ name: new URL(entry.name).pathname, transferred: entry.transferSize, decoded: entry.decodedBodySize }))`;

describeInBrowser('web-app.md budgets, measured in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  const manager = teamManager(KENT, 'tm-budgets');

  beforeAll(async () => {
    app = await TestApp.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads at most 150 KB of JavaScript, compressed, on the first page of every role that has one', async () => {
    for (const caller of [manager, socialWorker(KENT, 'sw-budgets')]) {
      // a fresh context holding only the session (signed in outside it): nothing cached, every script
      // crosses the wire on the first page
      const { context, problems } = await newContext(browser);
      const [name, value] = (await app.session(caller)).split('=');
      await context.addCookies([{ name, value, url: app.url }]);
      const page = await context.newPage();
      await page.goto(`${app.url}/`, { waitUntil: 'load' });
      const scripts =
        await page.evaluate<{ name: string; transferred: number; decoded: number }[]>(SCRIPT_BYTES);
      const kb = scripts.reduce((sum, script) => sum + script.transferred, 0) / 1024;
      console.log(
        `first page (${caller.role}): ${kb.toFixed(1)} KB of JavaScript transferred: ${JSON.stringify(scripts)}`,
      );
      expect(scripts.map((script) => script.name)).toEqual(
        expect.arrayContaining(['/assets/govuk/govuk-frontend.min.js']),
      );
      // every script came over the wire, and all but the smallest (under compression's 1 KB threshold,
      // where headers outweigh the body) gzipped: fewer bytes crossed it than the scripts hold
      for (const script of scripts) {
        expect(script.transferred).toBeGreaterThan(0);
        if (script.decoded > 2048) expect(script.transferred).toBeLessThan(script.decoded);
      }
      expect(kb).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET_KB);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('reports how long a case file takes to show (printed, not asserted: npm run bench measures it)', async () => {
    const child = await newChild(app, manager);
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, app.url, manager);
    const times: number[] = [];
    for (let visit = 0; visit < 5; visit += 1) {
      await page.goto(`${app.url}/children/${child.id}`, { waitUntil: 'domcontentloaded' });
      times.push(
        await page.evaluate<number>(
          `Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)`,
        ),
      );
    }
    console.log(`case file shown (DOMContentLoaded after navigation), 5 visits: ${times.join(', ')} ms`);
    expect(times).toHaveLength(5);
    await context.close();
  });
});
