import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Caller } from './test-app';

/** The system's Chromium, if installed (tests never install it: .ci/run does, before they run). */
export function findChromium(): string | null {
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (existsSync(candidate)) return candidate;
  return null;
}

/**
 * `describe` for tests in a real browser: skipped with a warning where Chromium is missing, except in
 * CI (CI=true), where a missing browser fails the run instead.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (findChromium()) return describe(name, body);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          'No Chromium at /usr/bin/chromium or /usr/bin/chromium-browser (CI=true): .ci/run installs it',
        );
      });
    });
  }
  console.warn(
    `No Chromium at /usr/bin/chromium: "${name}" is not run. Install it (as root: apt-get install -y chromium) ` +
      'to run it; in CI (CI=true) it fails instead.',
  );
  describe.skip(name, body);
}

/** Debian's Chromium, headless, with no background traffic to hosts this machine cannot reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium()!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A browser context (its own cookies) whose pages fail the test on any script error or CSP violation. */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext(options);
  const problems: string[] = [];
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname.startsWith('/assets/'))
      problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    // the CSP's refusals are logged to the console: any is a defect (a failed load is reported above
    // with its address when it is the service's; a page answering 4xx on purpose is not a problem)
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
}

export interface BrowserSessionUnderTest {
  context: BrowserContext;
  page: Page;
  /** Script errors, CSP violations and failed assets seen so far (see newContext). */
  problems: string[];
}

/** A fresh browser context (cookies of its own) signed in as the caller, on the page sign-in led to. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  caller: Caller,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserSessionUnderTest> {
  const { context, problems } = await newContext(browser, options);
  const page = await context.newPage();
  await signInAs(page, baseUrl, caller);
  return { context, page, problems };
}

/**
 * How every browser test ends: nothing about a child or any token in the browser's storage, no script
 * error, CSP violation or failed asset on any page it opened; then the context is closed.
 */
export async function expectCleanFinish({ context, page, problems }: BrowserSessionUnderTest): Promise<void> {
  expect(await webStorage(page)).toEqual({ local: 0, session: 0 });
  expect(problems).toEqual([]);
  await context.close();
}

/** Presses Tab until the focused element matches `selector` (the keyboard-alone runs); fails after `limit` presses. */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`))
      return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The boxes of a date-and-time question for an instant, in UK time (the pages ask in UK time). */
export function ukBoxes(iso: string): { day: string; month: string; year: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { day: parts.day, month: parts.month, year: parts.year, time: `${parts.hour}:${parts.minute}` };
}

/** Fills the date-and-time question whose boxes' ids start with `id` (`<id>-day`, …, `<id>-time`). */
export async function fillDateTime(page: Page, id: string, iso: string): Promise<void> {
  const boxes = ukBoxes(iso);
  for (const box of ['day', 'month', 'year', 'time'] as const) await page.fill(`#${id}-${box}`, boxes[box]);
}

/** Fills a GOV.UK date input's three boxes (`#<id>-day`, `-month`, `-year`) with a date (YYYY-MM-DD). */
export async function fillDate(page: Page, id: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await page.fill(`#${id}-day`, String(Number(day)));
  await page.fill(`#${id}-month`, String(Number(month)));
  await page.fill(`#${id}-year`, year);
}

/** Whether the page fits its viewport's width (nothing to scroll sideways: 320 px, 400% zoom). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
  );
}

/** Signs in through the development sign-in page's form, as anyone. */
export async function signInAs(page: Page, baseUrl: string, caller: Caller): Promise<void> {
  await page.goto(`${baseUrl}/auth/sign-in`);
  await page.selectOption('#role', caller.role);
  await page.fill('#org', caller.org);
  await page.fill('#name', caller.name ?? caller.sub);
  await page.fill('#sub', caller.sub);
  if (caller.las?.length) await page.fill('#las', caller.las.join(','));
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/auth/')),
    page.click('form[novalidate] button'),
  ]);
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The page's accessibility problems found by axe-core against WCAG 2.2 A and AA, described one per
 * line (empty when there are none). axe is evaluated through the DevTools protocol, so the page's
 * Content-Security-Policy stays as it is.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
       .then((results) => results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
         nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  );
  return violations.map(
    (violation) =>
      `${page.url()}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

/** What the page's origin keeps in localStorage and sessionStorage (nothing, ever). */
export async function webStorage(page: Page): Promise<{ local: number; session: number }> {
  return page.evaluate<{ local: number; session: number }>(
    '({ local: window.localStorage.length, session: window.sessionStorage.length })',
  );
}

/** A real OpenID Connect provider (oidc-provider) for the tests' sign-in; see oidc-provider.mjs. */
export async function startOidcProvider(
  port: number,
  redirectUri: string,
): Promise<{ issuer: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(__dirname, 'oidc-provider.mjs'), String(port), redirectUri],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The provider did not start: ${output.join('')}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('listening')) {
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The provider exited with ${code}: ${output.join('')}`));
    });
  });
  return { issuer: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
