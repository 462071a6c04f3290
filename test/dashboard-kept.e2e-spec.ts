import { DataSource } from 'typeorm';
import { addDays, dataSourceOptions, loadConfig } from '@haven/platform';
import { DashboardHousekeeping } from '../libs/statistics/src/dashboard-housekeeping';
import { Random } from '../apps/cli/src/seed/national/random';
import { eventually } from './support/eventually';
import { newChild, newReferral, today } from './support/factories';
import { analyst, KENT, socialWorker, teamManager, TestApp } from './support/test-app';

const DASHBOARD = `query($input: DashboardInput!) { dashboard(input: $input) {
  generatedAt
  childrenOpen { value } childrenRegistered { value } childrenMissingAtLeastOnce { value } missingEpisodes { value }
  currentlyMissing { value } traffickedMissingRate { value } unaccompaniedMissingRate { value }
  returnInterviewsWithin72hRate { value } returnInterviewsCompletedWithin72hRate { value } soonAfterPlacementRate { value }
  notFoundAfter7Days { value } medianHoursMissing { value } childrenInUnsafePlacements { value }
  nrmReferrals { value } nrmReasonableGroundsDecisions { value } medianDaysToReasonableGrounds { value }
  exploitationNotRecordedRate { value } nationalityNotRecordedRate { value } guardianCoverageRate { value }
  byCategory { key count { value } } byGender { key count { value } } byNationality { key count { value } }
  monthly { month childrenRegistered { value } missingEpisodes { value } childrenMissing { value } nrmReferrals { value } } } }`;

type Answer = Record<string, unknown> & { generatedAt: string };

/**
 * Issue 19, item 2: one authority's dashboard is kept until a write changes it. After any sequence of
 * writes, concurrent ones and reads racing them included, the answer served is exactly the live one.
 */
describe("one authority's kept dashboard", () => {
  let app: TestApp;
  const worker = socialWorker(KENT, 'sw-kept');
  const manager = teamManager(KENT, 'tm-kept');
  const input = { from: addDays(today(), -60), to: today() };
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

  const served = async (caller = manager): Promise<Answer> =>
    (await app.ok<{ dashboard: Answer }>(caller, DASHBOARD, { input })).dashboard;
  /** Computed afresh: with no kept answer, the service computes the live one. */
  const live = async (): Promise<Answer> => {
    await app.query('DELETE FROM dashboard_rollup WHERE snapshot IS NOT NULL');
    return served();
  };
  const figures = ({ generatedAt: _generatedAt, ...rest }: Answer) => rest;
  const keptAt = async () =>
    (
      await app.query<{ at: Date }>(
        'SELECT generated_at AS at FROM dashboard_rollup WHERE snapshot IS NOT NULL',
      )
    )
      .map((row) => row.at.toISOString())
      .sort();

  beforeAll(async () => {
    // no suppression, so that every figure is its exact count
    app = await TestApp.start({ STATISTICS_SUPPRESSION_THRESHOLD: '0' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves the kept answer while nothing is written, as of now, and computes afresh after a write', async () => {
    const child = await newChild(app, worker, { categories: ['TRAFFICKED'] });
    const first = await served();
    const kept = await keptAt();
    expect(kept).toHaveLength(1);
    const again = await served(analyst([KENT], 'analyst-kept'));
    expect(await keptAt()).toEqual(kept); // not computed again
    expect(figures(again)).toEqual(figures(first));
    expect(again.generatedAt > first.generatedAt).toBe(true); // the figures are those of now

    await newReferral(app, worker, child.id, today());
    const after = await served();
    expect(await keptAt()).not.toEqual(kept);
    expect((after.nrmReferrals as { value: number }).value).toBe(
      (first.nrmReferrals as { value: number }).value + 1,
    );
  });

  it('equals the live computation after a random sequence of writes, concurrent ones and racing reads included', async () => {
    const random = new Random(19);
    type Kid = {
      id: string;
      episode?: string;
      returned?: number;
      placed?: boolean;
      referral?: string;
      decided?: boolean;
    };
    type Returned = Kid & { returnedEpisode?: string };
    const children: Returned[] = [];
    const register = async () => {
      const child = await newChild(app, worker, {
        gender: random.pick(['FEMALE', 'MALE']),
        nationality: random.pick(['VN', 'AL', 'ER', null]),
        categories: [random.pick(['TRAFFICKED', 'UNACCOMPANIED_ASYLUM_SEEKING', 'SEPARATED'])],
        exploitationTypes: random.chance(0.5) ? ['SEXUAL'] : [],
      });
      children.push({ id: child.id });
    };
    for (let index = 0; index < 4; index += 1) await register();
    // hours ago, moving forward: each child's episodes follow one another, some still open past 7 days
    let clock = 24 * 50;
    const tick = (most: number) => (clock = Math.max(clock - random.int(1, most), 1));

    /** One write the child's state allows, chosen at random. */
    const write = async (kid: Returned): Promise<void> => {
      const choice = random.int(0, 4);
      if (choice === 0 && !kid.episode) {
        const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
          worker,
          `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
          { input: { childId: kid.id, kind: 'MISSING', missingSince: hoursAgo(tick(60)) } },
        );
        kid.episode = reportMissing.id;
      } else if (choice === 1 && kid.episode) {
        kid.returned = tick(30);
        await app.ok(worker, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
          input: { episodeId: kid.episode, returnedAt: hoursAgo(kid.returned) },
        });
        kid.returnedEpisode = kid.episode;
        kid.episode = undefined;
      } else if (choice === 2 && kid.returnedEpisode && kid.returned) {
        const offered = Math.max(kid.returned - random.int(1, 100), 0.5);
        await app.ok(
          worker,
          `mutation($input: RecordReturnInterviewInput!) { recordReturnInterview(input: $input) { id } }`,
          {
            input: {
              episodeId: kid.returnedEpisode,
              offeredAt: hoursAgo(offered),
              completedAt: hoursAgo(offered),
            },
          },
        );
        kid.returnedEpisode = undefined;
      } else if (choice === 3 && !kid.referral) {
        kid.referral = (await newReferral(app, worker, kid.id, addDays(today(), -random.int(5, 30)))).id;
      } else if (choice === 3 && !kid.decided) {
        await app.ok(
          worker,
          `mutation($input: RecordNrmDecisionInput!) { recordNrmDecision(input: $input) { id } }`,
          {
            input: {
              referralId: kid.referral,
              stage: 'REASONABLE_GROUNDS',
              decision: 'POSITIVE',
              decidedOn: today(),
            },
          },
        );
        kid.decided = true;
      } else if (choice === 4 && !kid.placed) {
        await app.ok(
          worker,
          `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`,
          {
            input: {
              childId: kid.id,
              type: random.pick(['FOSTER_CARE', 'BED_AND_BREAKFAST']),
              startedAt: hoursAgo(clock + random.int(0, 48)),
            },
          },
        );
        kid.placed = true;
      } else {
        await register();
      }
    };

    for (let step = 0; step < 12; step += 1) {
      // two or three writes at once, to different children, with a read racing them
      const kids = [...new Set([random.pick(children), random.pick(children), random.pick(children)])];
      await Promise.all([...kids.map((kid) => write(kid)), served()]);
      expect({ step, served: figures(await served()) }).toEqual({ step, served: figures(await live()) });
    }
    // and the writes really changed the figures
    expect((await served()).missingEpisodes).not.toEqual({ value: 0 });
  });

  it('forgets the changes written before a horizon read earlier, and the answers that may not have seen them', async () => {
    const horizonNow = async () =>
      (
        await app.query<{ horizon: string }>(
          'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon',
        )
      )[0].horizon;
    const child = await newChild(app, worker, { categories: ['TRAFFICKED'] });
    await served();
    const horizon = await horizonNow();
    await newReferral(app, worker, child.id, today());
    const current = await served();
    const kept = await keptAt();
    const changes = async (relation: '<' | '>=') =>
      (
        await app.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM dashboard_change WHERE xid ${relation} $1::xid8`,
          [horizon],
        )
      )[0].n;
    expect(await changes('<')).toBeGreaterThan(0);
    const after = await changes('>=');

    // the service's own role may call it (it may delete neither table itself)
    const [{ allowed }] = await app.query<{ allowed: boolean }>(
      `SELECT has_function_privilege(r.rolname, 'haven_dashboard_forget(xid8)', 'EXECUTE') AS allowed
         FROM pg_roles r WHERE r.rolname = current_database() || '_service'`,
    );
    expect(allowed).toBe(true);
    await app.query('SELECT haven_dashboard_forget($1::xid8)', [horizon]);
    expect(await changes('<')).toBe(0);
    expect(await changes('>=')).toBe(after);
    // computed after the horizon: still kept, still the live answer
    expect(await keptAt()).toEqual(kept);
    expect(figures(await served())).toEqual(figures(current));
    expect(await keptAt()).toEqual(kept);
    expect(figures(await served())).toEqual(figures(await live()));

    // an answer computed before the horizon is forgotten with the changes, and computed afresh
    const older = await horizonNow();
    await app.query('SELECT haven_dashboard_forget($1::xid8)', [String(BigInt(older) + 1_000_000n)]);
    expect(await keptAt()).toEqual([]);
    expect(figures(await served())).toEqual(figures(await live()));
  });

  it('trims in rounds: the first reads a horizon, the next forgets what was written before it', async () => {
    const dataSource = await new DataSource(
      dataSourceOptions({ url: app.databaseUrl, poolSize: 2 }),
    ).initialize();
    try {
      const housekeeping = new DashboardHousekeeping(dataSource, loadConfig({ ALERT_WORKERS: 'false' }));
      await newChild(app, worker, { categories: ['SEPARATED'] });
      // the horizon is the oldest transaction still running: wait until none began before that write
      // (the application's own background work can hold one open for a moment on a busy machine)
      await eventually(async () => {
        const [{ clear }] = await app.query<{ clear: boolean }>(
          `SELECT pg_snapshot_xmin(pg_current_snapshot()) > (SELECT max(xid) FROM dashboard_change) AS clear`,
        );
        return clear || undefined;
      });
      expect(await housekeeping.round()).toBe(0);
      await newChild(app, worker, { categories: ['SEPARATED'] });
      const [{ n: before }] = await app.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM dashboard_change',
      );
      expect(await housekeeping.round()).toBeGreaterThan(0);
      const [{ n: after }] = await app.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM dashboard_change',
      );
      expect(after).toBeLessThan(before);
      expect(after).toBeGreaterThan(0); // the last write came after the first horizon
      expect(figures(await served())).toEqual(figures(await live()));
    } finally {
      await dataSource.destroy();
    }
  });
});
