import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { percentile } from './load';

/** web-app.md's budgets: the first page's JavaScript, compressed, and a case file's time to show. */
export const FIRST_PAGE_JS_BUDGET_KB = 150;
export const CASE_FILE_BUDGET_MS = 300;

export interface WebPagesResult {
  /** The JavaScript the first page loaded, as transferred (gzipped), in KB; null without a browser. */
  firstPageJsKb: number | null;
  /** From navigation start to the case file's DOMContentLoaded, per child, in ms. */
  caseFileMs: number[];
  p50Ms: number | null;
  p95Ms: number | null;
  /** Why nothing was measured (no Chromium here). */
  skipped?: string;
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/**
 * Opens the application in Debian's Chromium as the fixture's social worker (the development sign-in:
 * the bench runs the service in development): the start page's JavaScript, then each case file of the
 * sample in turn, timed by the browser's own navigation timing.
 */
export async function measureWebPages(
  serviceUrl: string,
  worker: { subject: string; name: string; org: string },
  children: readonly string[],
): Promise<WebPagesResult> {
  if (!CHROMIUM) {
    return { firstPageJsKb: null, caseFileMs: [], p50Ms: null, p95Ms: null, skipped: 'no Chromium' };
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext();
    const signIn = await context.request.post(`${serviceUrl}/auth/dev`, {
      form: { role: 'SOCIAL_WORKER', org: worker.org, sub: worker.subject, name: worker.name },
      maxRedirects: 0,
    });
    if (signIn.status() !== 303) throw new Error(`The development sign-in answered ${signIn.status()}`);
    const page = await context.newPage();
    await page.goto(`${serviceUrl}/`, { waitUntil: 'load' });
    const jsBytes = await page.evaluate<number>(
      `performance.getEntriesByType('resource').filter((entry) => entry.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(entry.name))
         .reduce((sum, entry) => sum + entry.transferSize, 0)`,
    );
    const caseFileMs: number[] = [];
    for (const childId of children) {
      const response = await page.goto(`${serviceUrl}/children/${childId}`, {
        waitUntil: 'domcontentloaded',
      });
      if (response?.status() !== 200) throw new Error(`A case file answered ${response?.status()}`);
      caseFileMs.push(
        await page.evaluate<number>(
          `Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)`,
        ),
      );
    }
    const sorted = [...caseFileMs].sort((a, b) => a - b);
    return {
      firstPageJsKb: Math.round((jsBytes / 1024) * 10) / 10,
      caseFileMs,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
    };
  } finally {
    await browser.close();
  }
}
