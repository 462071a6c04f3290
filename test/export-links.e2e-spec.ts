import fc from 'fast-check';
import { ChildProcess } from 'node:child_process';
import { signHs256 } from '@haven/platform';
import { newChild, practitionerId } from './support/factories';
import {
  HILLINGDON,
  socialWorker,
  spawnService,
  stopProcess,
  TestApp,
  testJwtSecret,
} from './support/test-app';

const LINK_KEY = 'an-export-link-key-for-the-tests-only-0123456789';
const MAX_AGE = 1800;
const PROFILE = `query($childId: ID!) { missingPersonProfile(childId: $childId) { printUrl } }`;
const PATH = '/exports/missing-person-profile/';

/**
 * Export links (issue 15, item 3): signed with a key of their own, never living longer than
 * EXPORT_LINK_MAX_AGE_SECONDS, rate-limited per client address when opened, and anything malformed
 * is a 404, never a 500.
 */
describe('export links', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-links');
  let childId: string;
  let makerId: string;
  let printUrl: string;

  beforeAll(async () => {
    app = await TestApp.start({
      EXPORT_LINK_SECRET: LINK_KEY,
      EXPORT_LINK_MAX_AGE_SECONDS: String(MAX_AGE),
      EXPORT_LINK_RATE_LIMIT_PER_MINUTE: '0',
    });
    childId = (await newChild(app, worker)).id;
    makerId = await practitionerId(app, worker);
    printUrl = (await app.ok<{ missingPersonProfile: { printUrl: string } }>(worker, PROFILE, { childId }))
      .missingPersonProfile.printUrl;
  });
  afterAll(async () => {
    await app.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const link = (
    payload: Record<string, unknown>,
    header: Record<string, unknown> = { alg: 'HS256' },
    key = LINK_KEY,
  ) => signHs256(header, payload, key);
  const valid = () => ({
    purpose: 'missing-person-profile',
    subjectId: childId,
    sub: makerId,
    iat: now(),
    exp: now() + 600,
  });
  const open = async (token: string) => (await fetch(`${app.url}${PATH}${encodeURIComponent(token)}`)).status;

  it('opens a link the service made, and one crafted with its key that lives exactly the maximum', async () => {
    expect((await fetch(`${app.url}${printUrl}`)).status).toBe(200);
    const iat = now();
    expect(await open(link({ ...valid(), iat, exp: iat + MAX_AGE }))).toBe(200);
  });

  it('refuses a link that lives one second longer than the maximum, or has no expiry (404)', async () => {
    const iat = now();
    expect(await open(link({ ...valid(), iat, exp: iat + MAX_AGE + 1 }))).toBe(404);
    expect(await open(link({ ...valid(), iat, exp: iat + 10 * 365 * 86_400 }))).toBe(404);
    expect(await open(link({ ...valid(), exp: undefined }))).toBe(404);
  });

  it('answers an expired link with 410', async () => {
    expect(await open(link({ ...valid(), iat: now() - 700, exp: now() - 100 }))).toBe(410);
  });

  it.each([
    ['a bad signature', () => printUrl.slice(PATH.length, -4) + 'AAAA'],
    ['bad encoding', () => `${printUrl.slice(PATH.length)}!*`],
    ['a truncated link', () => printUrl.slice(PATH.length, -20)],
    ['only two parts', () => printUrl.slice(PATH.length).split('.').slice(0, 2).join('.')],
    ['the tokens’ secret', () => link(valid(), { alg: 'HS256' }, testJwtSecret())],
    ['an unknown maker', () => link({ ...valid(), sub: '00000000-0000-4000-8000-000000000000' })],
    ['an unknown record', () => link({ ...valid(), subjectId: '00000000-0000-4000-8000-000000000000' })],
    ['a maker that is no id', () => link({ ...valid(), sub: "x' OR 1=1 --" })],
    ['a record id of the wrong type', () => link({ ...valid(), subjectId: { id: childId } })],
    ['a string expiry', () => link({ ...valid(), exp: String(now() + 60) })],
    ['another purpose', () => link({ ...valid(), purpose: 'meeting-minutes' })],
    ['alg none', () => link(valid(), { alg: 'none' }).split('.').slice(0, 2).join('.') + '.'],
    ['a huge link', () => 'a'.repeat(6000)],
  ])('answers %s with 404', async (_, make) => {
    expect(await open(make())).toBe(404);
  });

  it('answers 404 or 410, never a 500, to fuzzed links (fast-check, fixed seed)', async () => {
    const original = printUrl.slice(PATH.length);
    const mutated = fc
      .tuple(fc.nat({ max: original.length - 1 }), fc.string({ minLength: 0, maxLength: 4 }))
      .map(([at, text]) => original.slice(0, at) + text + original.slice(at + 1))
      .filter((token) => token !== original);
    const signedJunk = fc
      .record({
        purpose: fc.oneof(fc.constant('missing-person-profile'), fc.anything()),
        subjectId: fc.oneof(fc.uuid(), fc.anything()),
        sub: fc.oneof(fc.constant(makerId), fc.uuid(), fc.string(), fc.integer()),
        iat: fc.oneof(fc.integer(), fc.double(), fc.string()),
        exp: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
      })
      .map((payload) => link(payload));
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 1 }), mutated, signedJunk), async (token) => {
        const status = await open(token);
        statuses.add(status);
        expect([200, 404, 410]).toContain(status);
      }),
      { seed: 15, numRuns: 60 },
    );
    expect(statuses.has(404)).toBe(true);
  });

  it('is rate-limited per client address: past the limit, 429 with Retry-After, valid links too', async () => {
    let other: { child: ChildProcess; listening: string } | undefined;
    try {
      other = await spawnService({
        DATABASE_URL: app.databaseUrl,
        EXPORT_LINK_SECRET: LINK_KEY,
        EXPORT_LINK_RATE_LIMIT_PER_MINUTE: '5',
      });
      const statuses: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        statuses.push((await fetch(`${other.listening}${PATH}guess-${index}`)).status);
      }
      expect(statuses).toEqual([404, 404, 404, 404, 404]);
      const limited = await fetch(`${other.listening}${printUrl}`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      // the instance that set no limit still opens it
      expect((await fetch(`${app.url}${printUrl}`)).status).toBe(200);
    } finally {
      if (other) await stopProcess(other.child);
    }
  });

  it('serves no explorer and answers no introspection in test (development conveniences)', async () => {
    expect((await fetch(`${app.url}/explorer`)).status).toBe(404);
    const response = await app.gql(worker, '{ __schema { queryType { name } } }');
    expect(response.data ?? null).toBeNull();
    expect(JSON.stringify(response.errors)).toMatch(/introspection/i);
  });
});
