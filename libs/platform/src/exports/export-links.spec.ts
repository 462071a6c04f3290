import fc from 'fast-check';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../config/app-config';
import { signHs256 } from '../identity/token-verifier';
import { ExportLinks } from './export-links';

const KEY = 'k'.repeat(40);
const PRACTITIONER = '3f0c4b8e-6f1a-4c8e-9d2b-0a1b2c3d4e5f';
const CHILD = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('ExportLinks', () => {
  const config = loadConfig({ EXPORT_LINK_SECRET: KEY, EXPORT_LINK_MAX_AGE_SECONDS: '1800' });
  const links = new ExportLinks(config);
  const now = new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const craft = (
    payload: Record<string, unknown>,
    header: Record<string, unknown> = { alg: 'HS256' },
    key = KEY,
  ) => signHs256(header, payload, key);
  const good = { purpose: 'profile', subjectId: CHILD, sub: PRACTITIONER, iat, exp: iat + 1800 };

  it('reads back what it signed, for its purpose only', async () => {
    const link = links.sign('profile', PRACTITIONER, CHILD);
    await expect(links.read('profile', link)).resolves.toEqual({
      practitionerId: PRACTITIONER,
      subjectId: CHILD,
    });
    await expect(links.read('minutes', link)).resolves.toBeNull();
  });

  it('never signs a link longer than the configured lifetime', async () => {
    const short = new ExportLinks(loadConfig({ EXPORT_LINK_SECRET: KEY, EXPORT_LINK_MAX_AGE_SECONDS: '60' }));
    const link = short.sign('profile', PRACTITIONER, CHILD, 30);
    const payload = JSON.parse(Buffer.from(link.split('.')[1], 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(payload.exp - payload.iat).toBe(60);
    await expect(short.read('profile', link)).resolves.not.toBeNull();
  });

  it('accepts a lifetime of exactly the maximum, refuses one second more, and a link with no expiry', async () => {
    await expect(links.read('profile', craft(good), now)).resolves.not.toBeNull();
    await expect(links.read('profile', craft({ ...good, exp: iat + 1801 }), now)).resolves.toBeNull();
    await expect(links.read('profile', craft({ ...good, exp: undefined }), now)).resolves.toBeNull();
    await expect(links.read('profile', craft({ ...good, iat: undefined }), now)).resolves.toBeNull();
  });

  it("says 'expired' for its own expired link, and null for an expired over-long one", async () => {
    const later = new Date((iat + 1801) * 1000);
    await expect(links.read('profile', craft(good), later)).resolves.toBe('expired');
    await expect(
      links.read('profile', craft({ ...good, exp: iat + 1799 }), new Date((iat + 1798) * 1000)),
    ).resolves.not.toBeNull();
    await expect(
      links.read('profile', craft({ ...good, exp: iat + 5000 }), new Date((iat + 6000) * 1000)),
    ).resolves.toBeNull();
  });

  it.each([
    ['signed with the tokens’ key', craft(good, { alg: 'HS256' }, DEVELOPMENT_JWT_SECRET)],
    ['another algorithm', craft(good, { alg: 'HS512' })],
    ['an unknown crit header', craft(good, { alg: 'HS256', crit: ['x'], x: 1 })],
    ['issued in the future', craft({ ...good, iat: iat + 60, exp: iat + 600 })],
    ['a subject that is no id', craft({ ...good, sub: "1' OR '1'='1" })],
    ['a record id that is no id', craft({ ...good, subjectId: 'not-a-uuid' })],
    ['a record id of the wrong type', craft({ ...good, subjectId: 42 })],
    ['a purpose of the wrong type', craft({ ...good, purpose: ['profile'] })],
    ['a string expiry', craft({ ...good, exp: String(iat + 60) })],
    ['truncated', craft(good).slice(0, -5)],
    ['no signature', craft(good).split('.').slice(0, 2).join('.') + '.'],
    ['bad encoding', `${craft(good)}%00`],
    ['very long', 'a'.repeat(5000) + '.b.c'],
  ])('refuses a link %s', async (_, link) => {
    await expect(links.read('profile', link, now)).resolves.toBeNull();
  });

  it('answers null (never throws) for anything a client could send (fast-check, fixed seed)', async () => {
    const valid = links.sign('profile', PRACTITIONER, CHILD);
    const mutated = fc
      .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([at, text]) => valid.slice(0, at) + text + valid.slice(at + 1))
      .filter((link) => link !== valid);
    const signedJunk = fc
      .record({
        purpose: fc.oneof(fc.constant('profile'), fc.anything()),
        subjectId: fc.oneof(fc.constant(CHILD), fc.uuid(), fc.anything()),
        sub: fc.oneof(fc.constant(PRACTITIONER), fc.string(), fc.integer()),
        iat: fc.oneof(fc.constant(iat), fc.integer(), fc.double(), fc.string()),
        exp: fc.oneof(
          fc.constant(iat + 4000),
          fc.integer({ min: iat + 1801, max: iat + 10 ** 9 }),
          fc.string(),
          fc.constant(null),
        ),
      })
      .map((payload) => craft(payload));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.base64String(), mutated, signedJunk), async (link) => {
        const read = await links.read('profile', link, now);
        // never throws; only what this service signed, of the right shape and lifetime, reads as a link
        expect(
          read === null ||
            read === 'expired' ||
            (read.subjectId === CHILD && read.practitionerId === PRACTITIONER),
        ).toBe(true);
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});
