import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { createSecretKey } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET } from '@haven/platform';
import { bornYearsAgo, today } from './support/factories';
import { codeOf, GLASGOW, HILLINGDON, TestApp } from './support/test-app';

const CLI = join(__dirname, '../dist/apps/cli/src/main.js');

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    encoding: 'utf8',
  });
}

describe('the command line', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('token prints a development token and nothing else', async () => {
    // a development convenience: NODE_ENV=development, with the development secret (no JWT_SECRET)
    const result = cli(
      [
        'token',
        '--role',
        'LSCB_ANALYST',
        '--org',
        'LSCP-HILLINGDON',
        '--sub',
        'a-1',
        '--name',
        'Ana Lyst',
        '--las',
        'E09000017,E09000002',
      ],
      { NODE_ENV: 'development', JWT_SECRET: '' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const { payload: claims, protectedHeader } = await jwtVerify(
      result.stdout.trim(),
      createSecretKey(Buffer.from(DEVELOPMENT_JWT_SECRET)),
      { algorithms: ['HS256'] },
    );
    expect(protectedHeader.alg).toBe('HS256');
    expect(claims).toMatchObject({
      sub: 'a-1',
      name: 'Ana Lyst',
      role: 'LSCB_ANALYST',
      org: 'LSCP-HILLINGDON',
      las: ['E09000017', 'E09000002'],
    });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
  });

  it.each(['test', 'production'])('token mints nothing when NODE_ENV=%s, saying why', (env) => {
    const result = cli(['token', '--role', 'SOCIAL_WORKER', '--org', HILLINGDON, '--sub', 'x'], {
      NODE_ENV: env,
      EXPORT_LINK_SECRET: 'an-export-link-key-of-its-own-32-chars-at-least',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      `npm run token mints development tokens only (NODE_ENV=${env}): tokens come from the identity provider here`,
    );
  });

  it('token refuses a lifetime longer than TOKEN_MAX_LIFETIME_SECONDS', () => {
    const args = ['token', '--role', 'SOCIAL_WORKER', '--org', HILLINGDON, '--sub', 'x', '--ttl'];
    const env = { NODE_ENV: 'development', TOKEN_MAX_LIFETIME_SECONDS: '3600' };
    expect(cli([...args, '3600'], env).status).toBe(0);
    const refused = cli([...args, '3601'], env);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/TOKEN_MAX_LIFETIME_SECONDS \(3600\)/);
  });

  it('token refuses an unknown role, saying why on stderr', () => {
    const result = cli(['token', '--role', 'KING', '--org', HILLINGDON, '--sub', 'x']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--role/);
  });

  it('migrate finds the database up to date', () => {
    const result = cli(['migrate'], { DATABASE_URL: app.databaseUrl });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/up to date/);
  });

  it('seed --demo loads authorities in every nation and a few dozen children, once', async () => {
    const first = cli(['seed', '--demo'], { DATABASE_URL: app.databaseUrl });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Loaded the demo data: \d+ children/);
    const again = cli(['seed', '--demo'], { DATABASE_URL: app.databaseUrl });
    expect(again.stdout).toMatch(/already loaded/);

    const nations = await app.query<{ nation: string; children: number }>(
      `SELECT o.nation, count(*)::int AS children FROM child c JOIN organisation o ON o.id = c.local_authority_id GROUP BY 1 ORDER BY 1`,
    );
    expect(nations.map((row) => row.nation)).toEqual(['ENGLAND', 'NORTHERN_IRELAND', 'SCOTLAND', 'WALES']);
    expect(nations.reduce((sum, row) => sum + row.children, 0)).toBeGreaterThanOrEqual(24);
    // each with the authority's own person id, which the SSDA903 return joins on
    const [{ withoutLocalId }] = await app.query<{ withoutLocalId: number }>(
      `SELECT count(*)::int AS "withoutLocalId" FROM child WHERE local_child_id IS NULL`,
    );
    expect(withoutLocalId).toBe(0);

    // the demo social worker sees their own authority's children through the API
    const worker = {
      role: 'SOCIAL_WORKER' as never,
      org: HILLINGDON,
      sub: 'demo-sw-hillingdon',
      name: 'Sam Okafor',
    };
    const data = await app.ok<{
      children: {
        totalCount: number;
        edges: { node: { localAuthority: { code: string }; aliases: unknown[] } }[];
      };
    }>(
      worker,
      '{ children { totalCount edges { node { localAuthority { code } aliases { name } nrmReferrals { reasonableGrounds { decision } } } } } }',
    );
    expect(data.children.totalCount).toBeGreaterThan(3);
    expect(new Set(data.children.edges.map((edge) => edge.node.localAuthority.code))).toEqual(
      new Set([HILLINGDON]),
    );
    expect(codeOf(await app.gql(worker, '{ me { id } }'))).toBeUndefined();
    const [{ guardians, disputes }] = await app.query<{ guardians: number; disputes: number }>(
      `SELECT (SELECT count(*)::int FROM guardian_assignment) AS guardians, (SELECT count(*)::int FROM age_assessment) AS disputes`,
    );
    expect(guardians).toBeGreaterThan(5);
    expect(disputes).toBe(2);
    // guardians by the service's rule: an ICTG before any referral, the model parental responsibility calls
    // for, and none where the nation's scheme does not serve the child
    const schemes = await app.query<{ given_name: string; scheme: string | null }>(
      `SELECT c.given_name, ga.scheme FROM child c LEFT JOIN guardian_assignment ga ON ga.child_id = c.id
        WHERE c.given_name IN ('Van Hung', 'Chloe', 'Andrei', 'Kayden', 'Leon', 'Mihai') ORDER BY c.given_name`,
    );
    expect(schemes).toEqual([
      { given_name: 'Andrei', scheme: 'ICTG_REGIONAL_COORDINATOR' },
      { given_name: 'Chloe', scheme: 'ICTG_REGIONAL_COORDINATOR' },
      { given_name: 'Kayden', scheme: null },
      { given_name: 'Leon', scheme: null },
      { given_name: 'Mihai', scheme: 'NI_INDEPENDENT_GUARDIAN' },
      { given_name: 'Van Hung', scheme: 'ICTG_DIRECT' },
    ]);
    const [{ placements, episodes, missingNow }] = await app.query<{
      placements: number;
      episodes: number;
      missingNow: number;
    }>(
      `SELECT (SELECT count(*)::int FROM placement) AS placements, (SELECT count(*)::int FROM missing_episode) AS episodes,
              (SELECT count(*)::int FROM missing_episode WHERE returned_at IS NULL) AS "missingNow"`,
    );
    expect(placements).toBeGreaterThanOrEqual(24);
    expect(episodes).toBeGreaterThan(5);
    expect(missingNow).toBe(1);
  });

  it('purge deletes exactly the records past their retention date, keeps those it cannot date, and audits each deletion', async () => {
    const worker = { role: 'SOCIAL_WORKER' as never, org: HILLINGDON, sub: 'sw-purge', name: 'Sam' };
    const scottish = { role: 'SOCIAL_WORKER' as never, org: GLASGOW, sub: 'sw-purge-glasgow', name: 'Ailsa' };
    const register = async (caller: typeof worker, givenName: string, claimedDateOfBirth: string | null) =>
      (
        await app.ok<{ registerChild: { id: string } }>(
          caller,
          `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
          { input: { givenName, gender: 'FEMALE', claimedDateOfBirth } },
        )
      ).registerChild.id;
    // bornYearsAgo(n, d): the n-th birthday falls d days from today
    const expired = await register(worker, 'Expired', '1948-01-01');
    const kept = await register(worker, 'Kept', '1960-01-01');
    const seventyFifthToday = await register(worker, 'SeventyFifthToday', bornYearsAgo(75, 0));
    const seventyFifthTomorrow = await register(worker, 'SeventyFifthTomorrow', bornYearsAgo(75, 1));
    const scottish76 = await register(scottish, 'Scottish76', bornYearsAgo(76));
    const hundredthToday = await register(scottish, 'HundredthToday', bornYearsAgo(100, 0));
    const hundredthTomorrow = await register(scottish, 'HundredthTomorrow', bornYearsAgo(100, 1));
    const undated = await register(worker, 'Undated', null);
    const due = [expired, seventyFifthToday, hundredthToday];
    const all = [...due, kept, seventyFifthTomorrow, scottish76, hundredthTomorrow, undated];
    await app.ok(worker, `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`, {
      input: { childId: expired, type: 'FOSTER_CARE', startedAt: '2000-01-01T10:00:00Z' },
    });
    const [{ undatedCount }] = await app.query<{ undatedCount: number }>(
      `SELECT count(*)::int AS "undatedCount" FROM child WHERE effective_date_of_birth IS NULL`,
    );
    expect(undatedCount).toBeGreaterThanOrEqual(1);

    const dryRun = cli(['purge', '--dry-run'], { DATABASE_URL: app.databaseUrl });
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toMatch(
      /^3 children's records are past their retention date \(dry run: nothing deleted\)\n/,
    );
    expect(dryRun.stdout).toContain(
      `Kept ${undatedCount} children's records whose retention date cannot be computed: no date of birth is recorded`,
    );
    expect(await app.query(`SELECT count(*)::int AS n FROM child WHERE id = ANY($1::uuid[])`, [all])).toEqual(
      [{ n: 8 }],
    );
    expect(await app.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'DELETE'`)).toEqual([
      { n: 0 },
    ]);

    const result = cli(['purge'], { DATABASE_URL: app.databaseUrl });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Purged the records of 3 children past their retention date\n/);
    expect(result.stdout).toContain(
      `Kept ${undatedCount} children's records whose retention date cannot be computed`,
    );
    expect(
      (
        await app.query<{ given_name: string }>(
          `SELECT given_name FROM child WHERE id = ANY($1::uuid[]) ORDER BY given_name`,
          [all],
        )
      ).map((row) => row.given_name),
    ).toEqual(['HundredthTomorrow', 'Kept', 'Scottish76', 'SeventyFifthTomorrow', 'Undated']);
    expect(
      await app.query(`SELECT count(*)::int AS n FROM placement WHERE child_id = $1`, [expired]),
    ).toEqual([{ n: 0 }]);
    expect(
      await app.query(
        `SELECT child_id, entity, detail->>'retainUntil' AS "retainUntil" FROM audit_event
          WHERE action = 'DELETE' ORDER BY child_id`,
      ),
    ).toEqual(
      [
        { child_id: expired, entity: 'ChildRecord', retainUntil: '2023-01-01' },
        { child_id: seventyFifthToday, entity: 'ChildRecord', retainUntil: today() },
        { child_id: hundredthToday, entity: 'ChildRecord', retainUntil: today() },
      ].sort((a, b) => a.child_id.localeCompare(b.child_id)),
    );
    // the trail of what was done with the record outlives it
    expect(
      (
        await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1`, [
          expired,
        ])
      )[0].n,
    ).toBeGreaterThan(1);
    // nothing more is due on the same day
    expect(cli(['purge', '--dry-run'], { DATABASE_URL: app.databaseUrl }).stdout).toMatch(/^0 children/);
  });
});
