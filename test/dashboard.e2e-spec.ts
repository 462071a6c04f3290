import { addDays, startOfLondonDay } from '@haven/platform';
import { primarySuppression } from '@haven/statistics';
import { registerKnownDashboardData } from './support/dashboard-data';
import { assignGuardian, newChild, practitionerId, today } from './support/factories';
import {
  analyst,
  CARDIFF,
  codeOf,
  GLASGOW,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  teamManager,
  TestApp,
} from './support/test-app';

const DASHBOARD = `query($input: DashboardInput!) { dashboard(input: $input) {
  authorityCodes suppressionThreshold generatedAt
  childrenOpen { value suppressed } childrenRegistered { value suppressed }
  childrenMissingAtLeastOnce { value suppressed } missingEpisodes { value suppressed } currentlyMissing { value suppressed }
  traffickedMissingRate { value suppressed } unaccompaniedMissingRate { value suppressed }
  returnInterviewsWithin72hRate { value suppressed } returnInterviewsCompletedWithin72hRate { value suppressed }
  soonAfterPlacementRate { value suppressed }
  nationalityNotRecordedRate { value suppressed } guardianCoverageRate { value suppressed }
  byNationality { key count { value suppressed } } byGender { key count { value suppressed } }
  byExploitationType { key count { value suppressed } } byNrmCategory { key count { value suppressed } }
  byCategory { key count { value suppressed } } byAgeBand { key count { value suppressed } }
  exploitationNotRecordedRate { value suppressed } notFoundAfter7Days { value suppressed } medianHoursMissing { value suppressed }
  guardiansActive { value suppressed } medianGuardianCaseload { value suppressed } nrmReferrals { value suppressed }
  nrmReasonableGroundsDecisions { value suppressed } medianDaysToReasonableGrounds { value suppressed }
  openAgeDisputes { value suppressed } childrenInUnsafePlacements { value suppressed }
  turning18Within180Days { value suppressed } turning18WithSecuredSolutionRate { value suppressed }
  turning18WithoutDurableSolution { value suppressed }
  monthly { month missingEpisodes { value suppressed } childrenRegistered { value suppressed } nrmReferrals { value suppressed } } } }`;

type Figure = { value: number | null; suppressed: boolean };

describe('the LSCB dashboard', () => {
  let app: TestApp;
  const worker = socialWorker(KENT, 'sw-dashboard');
  const from = addDays(today(), -60);
  const to = today();
  const daysAgo = (days: number, hours = 0) =>
    new Date(Date.now() - days * 86_400_000 - hours * 3_600_000).toISOString();

  beforeAll(async () => {
    app = await TestApp.start();
    await registerKnownDashboardData(app, worker, guardian('ICTG-DASHBOARD', 'g-dashboard'));
  });
  afterAll(async () => {
    await app.close();
  });

  const dashboard = async (caller = analyst([KENT]), input: Record<string, unknown> = {}) =>
    (await app.ok<{ dashboard: Record<string, any> }>(caller, DASHBOARD, { input: { from, to, ...input } }))
      .dashboard;
  const keyed = (rows: { key: string; count: Figure }[]) =>
    Object.fromEntries(rows.map((row) => [row.key, row.count]));

  it('gives each figure on a known data set', async () => {
    const figures = await dashboard(analyst([KENT]), { authorityCodes: [KENT] });
    expect(figures.authorityCodes).toEqual([KENT]);
    expect(figures.childrenOpen).toEqual({ value: 13, suppressed: false });
    expect(figures.childrenRegistered).toEqual({ value: 13, suppressed: false });
    expect(figures.childrenMissingAtLeastOnce).toEqual({ value: 7, suppressed: false });
    expect(figures.missingEpisodes).toEqual({ value: 7, suppressed: false });
    expect(figures.currentlyMissing).toEqual({ value: 0, suppressed: false });
    expect(figures.traffickedMissingRate).toEqual({ value: 0.8333, suppressed: false });
    expect(figures.returnInterviewsWithin72hRate).toEqual({ value: 0.7143, suppressed: false });
    expect(figures.returnInterviewsCompletedWithin72hRate).toEqual({ value: 0.7143, suppressed: false });
    expect(figures.nationalityNotRecordedRate).toEqual({ value: 0, suppressed: false });
    expect(figures.exploitationNotRecordedRate).toEqual({ value: 0.5385, suppressed: false });
    expect(figures.notFoundAfter7Days).toEqual({ value: 0, suppressed: false });
    expect(figures.medianHoursMissing).toEqual({ value: 24, suppressed: false });
    expect(figures.soonAfterPlacementRate).toEqual({ value: 0, suppressed: false });
    // 6 trafficked children referred into the NRM are eligible for an ICTG; 5 have one
    expect(figures.guardianCoverageRate).toEqual({ value: 0.8333, suppressed: false });
    expect(figures.guardiansActive).toEqual({ value: null, suppressed: true }); // one guardian: identifying
    expect(figures.medianGuardianCaseload).toEqual({ value: null, suppressed: true });
    expect(figures.nrmReferrals).toEqual({ value: 6, suppressed: false });
    expect(figures.nrmReasonableGroundsDecisions).toEqual({ value: 0, suppressed: false });
    expect(figures.medianDaysToReasonableGrounds).toEqual({ value: null, suppressed: false });
    expect(figures.openAgeDisputes).toEqual({ value: 0, suppressed: false });
    expect(figures.childrenInUnsafePlacements).toEqual({ value: 0, suppressed: false });
    expect(figures.turning18Within180Days).toEqual({ value: 0, suppressed: false });
    expect(figures.turning18WithSecuredSolutionRate).toEqual({ value: null, suppressed: false });
    expect(figures.turning18WithoutDurableSolution).toEqual({ value: 0, suppressed: false });
    expect(keyed(figures.byAgeBand)).toEqual({ '16_17': { value: 13, suppressed: false } });
    const thisMonth = figures.monthly.find((month: { month: string }) => month.month === today().slice(0, 7));
    expect(thisMonth.childrenRegistered).toEqual({ value: 13, suppressed: false });
    expect(thisMonth.nrmReferrals).toEqual({ value: 6, suppressed: false });
    expect(keyed(figures.byGender)).toEqual({
      FEMALE: { value: 6, suppressed: false },
      MALE: { value: 7, suppressed: false },
    });
    expect(keyed(figures.byExploitationType)).toEqual({
      SEXUAL: { value: 6, suppressed: false },
      NOT_RECORDED: { value: 7, suppressed: false },
    });
    expect(keyed(figures.byNrmCategory)).toEqual({
      SEXUAL: { value: 6, suppressed: false },
      NOT_RECORDED: { value: 7, suppressed: false },
    });
    // SEPARATED (2) is suppressed, so the next smallest category (5) is too: 13 open children are shown
    expect(keyed(figures.byCategory)).toEqual({
      TRAFFICKED: { value: 6, suppressed: false },
      UNACCOMPANIED_ASYLUM_SEEKING: { value: null, suppressed: true },
      SEPARATED: { value: null, suppressed: true },
    });
    expect(figures.monthly.map((month: { month: string }) => month.month)).toContain(today().slice(0, 7));
  });

  it('suppresses counts from 1 to 4, and every rate built on one, in the answer itself', async () => {
    const figures = await dashboard();
    const nationalities = keyed(figures.byNationality);
    expect(figures.childrenOpen).toEqual({ value: 13, suppressed: false });
    expect(nationalities.VN).toEqual({ value: 6, suppressed: false });
    expect(nationalities.ER).toEqual({ value: null, suppressed: true });
    // secondary: 13 - 6 would give ER's 2 away if AL's 5 were shown, so it is hidden too
    expect(nationalities.AL).toEqual({ value: null, suppressed: true });
    expect(keyed(figures.byCategory).SEPARATED).toEqual({ value: null, suppressed: true });
    // 2 of 5 unaccompanied children went missing: the numerator is small, so the rate is suppressed too
    expect(figures.unaccompaniedMissingRate).toEqual({ value: null, suppressed: true });
    expect(JSON.stringify(figures)).not.toMatch(/"value":[1-4][,}]/);
  });

  it('shows an analyst only the authorities in their token, and staff only their own', async () => {
    expect(
      codeOf(
        await app.gql(analyst([KENT]), DASHBOARD, { input: { from, to, authorityCodes: [HILLINGDON] } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await app.gql(analyst([KENT]), DASHBOARD, {
          input: { from, to, authorityCodes: [KENT, HILLINGDON] },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect((await dashboard(worker)).authorityCodes).toEqual([KENT]);
    expect(
      codeOf(await app.gql(worker, DASHBOARD, { input: { from, to, authorityCodes: [HILLINGDON] } })),
    ).toBe('FORBIDDEN');
    const elsewhere = await dashboard(analyst([HILLINGDON], 'analyst-hillingdon'));
    expect(elsewhere.childrenOpen).toEqual({ value: 0, suppressed: false });
  });

  it('names the authorities each caller may ask for: an analyst those in their token, staff their own', async () => {
    const AUTHORITIES = '{ dashboardAuthorities { code name } }';
    const names = async (caller: Parameters<TestApp['ok']>[0]) =>
      (await app.ok<{ dashboardAuthorities: { code: string; name: string }[] }>(caller, AUTHORITIES))
        .dashboardAuthorities;
    expect(await names(analyst([KENT, HILLINGDON], 'analyst-names'))).toEqual([
      { code: HILLINGDON, name: 'Hillingdon' },
      { code: KENT, name: 'Kent' },
    ]);
    expect(await names(worker)).toEqual([{ code: KENT, name: 'Kent' }]);
    expect(codeOf(await app.gql(guardian('ICTG-DASHBOARD', 'g-dashboard'), AUTHORITIES))).toBe('FORBIDDEN');
  });

  it("counts guardianship coverage over the children each nation's scheme serves, parental responsibility included", async () => {
    // Glasgow: separated (not known), at risk (no one) and separated (someone holds parental responsibility)
    const glasgow = socialWorker(GLASGOW, 'sw-dashboard-glasgow');
    const sgs = await practitionerId(app, guardian('SGS-DASHBOARD', 'g-dashboard-sgs'));
    for (let index = 0; index < 5; index += 1) {
      const child = await newChild(app, glasgow, { categories: ['SEPARATED'] });
      const assigned = await assignGuardian(app, glasgow, {
        childId: child.id,
        guardianId: sgs,
        scheme: 'SCOTTISH_GUARDIANSHIP',
      });
      expect(assigned.errors).toBeUndefined();
      await newChild(app, glasgow, {
        categories: ['AT_RISK_OF_EXPLOITATION'],
        parentalResponsibilityInUk: false,
      });
    }
    for (let index = 0; index < 6; index += 1) {
      await newChild(app, glasgow, { categories: ['SEPARATED'], parentalResponsibilityInUk: true });
    }
    // 5 of the 10 eligible have a guardian; the 6 with someone holding parental responsibility are not eligible
    const scottish = await dashboard(analyst([GLASGOW], 'analyst-glasgow'), { authorityCodes: [GLASGOW] });
    expect(scottish.guardianCoverageRate).toEqual({ value: 0.5, suppressed: false });

    // Cardiff: trafficked children with no NRM referral are eligible for an ICTG; unaccompanied alone are not
    const cardiff = socialWorker(CARDIFF, 'sw-dashboard-cardiff');
    const ictg = await practitionerId(app, guardian('ICTG-DASHBOARD', 'g-dashboard'));
    for (let index = 0; index < 5; index += 1) {
      const child = await newChild(app, cardiff, {
        categories: ['TRAFFICKED'],
        parentalResponsibilityInUk: true,
      });
      const assigned = await assignGuardian(app, cardiff, {
        childId: child.id,
        guardianId: ictg,
        scheme: 'ICTG_REGIONAL_COORDINATOR',
      });
      expect(assigned.errors).toBeUndefined();
      await newChild(app, cardiff, { categories: ['UNACCOMPANIED_ASYLUM_SEEKING'] });
    }
    const welsh = await dashboard(analyst([CARDIFF], 'analyst-cardiff'), { authorityCodes: [CARDIFF] });
    expect(welsh.guardianCoverageRate).toEqual({ value: 1, suppressed: false });
  });

  it("serves a partnership's dashboard from a rollup, with its age, and one authority's live", async () => {
    const partnership = analyst([KENT, HILLINGDON], 'analyst-partnership');
    const input = { authorityCodes: [KENT, HILLINGDON] };
    const first = await dashboard(partnership, input);
    const again = await dashboard(partnership, input);
    expect(again.generatedAt).toBe(first.generatedAt);
    expect(again).toEqual(first);
    const [rollup] = await app.query<{ n: number }>('SELECT count(*)::int AS n FROM dashboard_rollup');
    expect(rollup.n).toBeGreaterThanOrEqual(1);
    // nothing about one child is kept: only the suppressed figures of the answer
    const [kept] = await app.query<{ answer: Record<string, unknown> }>(
      'SELECT answer FROM dashboard_rollup LIMIT 1',
    );
    expect(JSON.stringify(kept.answer)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const single = await dashboard(analyst([KENT]), { authorityCodes: [KENT] });
    const singleAgain = await dashboard(analyst([KENT]), { authorityCodes: [KENT] });
    expect(singleAgain.generatedAt).not.toBe(single.generatedAt);
  });

  it('suppresses in TypeScript exactly as haven_figure does in SQL', async () => {
    const rows = await app.query<{ n: number; threshold: number; figure: Figure }>(
      `SELECT n, t AS threshold, haven_figure(n, t) AS figure
         FROM generate_series(0, 7) n CROSS JOIN (VALUES (0), (1), (4), (5)) thresholds(t)`,
    );
    expect(rows).toHaveLength(32);
    for (const row of rows) expect(row.figure).toEqual(primarySuppression(row.n, row.threshold));
  });

  describe('missing shares over the children looked after in the period, and return interviews', () => {
    const BARKING = 'E09000002';
    const cohortWorker = socialWorker(BARKING, 'sw-dashboard-cohort');
    const cohortManager = teamManager(BARKING, 'tm-dashboard-cohort');
    const cohortAnalyst = analyst([BARKING], 'analyst-dashboard-cohort');
    const start = addDays(today(), -30);
    const HOUR = 3_600_000;
    const plus = (iso: string, hours: number, minutes = 0) =>
      new Date(new Date(iso).getTime() + hours * HOUR + minutes * 60_000).toISOString();

    /** Five children; each goes missing 20 days ago and is back 19 days ago, with its interview. */
    const five = async (
      categories: string[],
      episode?: { offered: [number, number]; completed: [number, number] },
    ) => {
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const child = await newChild(app, cohortWorker, { categories, nationality: 'VN' });
        ids.push(child.id);
        if (!episode) continue;
        const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
          cohortWorker,
          `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
          { input: { childId: child.id, kind: 'MISSING', missingSince: daysAgo(20) } },
        );
        const returnedAt = daysAgo(19);
        await app.ok(
          cohortWorker,
          `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`,
          {
            input: { episodeId: reportMissing.id, returnedAt },
          },
        );
        await app.ok(
          cohortWorker,
          `mutation($input: RecordReturnInterviewInput!) { recordReturnInterview(input: $input) { id } }`,
          {
            input: {
              episodeId: reportMissing.id,
              offeredAt: plus(returnedAt, ...episode.offered),
              completedAt: plus(returnedAt, ...episode.completed),
            },
          },
        );
      }
      return ids;
    };
    let registeredToday: string[] = [];
    const close = async (ids: string[], closedOn: string) => {
      for (const childId of ids)
        await app.ok(cohortManager, `mutation($input: CloseCaseInput!) { closeCase(input: $input) { id } }`, {
          input: { childId, expectedVersion: await versionOf(childId), reason: 'TRANSFERRED', closedOn },
        });
    };
    const versionOf = async (childId: string) =>
      (await app.query<{ version: number }>('SELECT version FROM child WHERE id = $1', [childId]))[0].version;
    /** The service stamps registration with the present; these children came into care 90 days ago. */
    const registeredLongAgo = (ids: string[]) =>
      app.query(`UPDATE child SET registered_at = now() - interval '90 days' WHERE id = ANY($1::uuid[])`, [
        ids,
      ]);

    beforeAll(async () => {
      // trafficked, open, back after 19 days: interview offered and completed at 71 h 59 m (just inside)
      const open = await five(['TRAFFICKED'], { offered: [71, 59], completed: [71, 59] });
      // trafficked, closed on the period's first day: looked after in it, never missing
      const closedOnFirstDay = await five(['TRAFFICKED']);
      // trafficked, closed the day before the period: not looked after in it
      const closedBefore = await five(['TRAFFICKED']);
      // trafficked, missing and back, then closed ten days ago: looked after in the period though not at its end;
      // interview offered and completed at 72 h 01 m (just outside)
      const closedLater = await five(['TRAFFICKED'], { offered: [72, 1], completed: [72, 1] });
      // unaccompanied, missing and back: interview offered within the hour, completed late (80 h)
      const unaccompanied = await five(['UNACCOMPANIED_ASYLUM_SEEKING'], {
        offered: [1, 0],
        completed: [80, 0],
      });
      await registeredLongAgo([
        ...open,
        ...closedOnFirstDay,
        ...closedBefore,
        ...closedLater,
        ...unaccompanied,
      ]);
      // unaccompanied, registered today (the period's last day), never missing
      registeredToday = await five(['UNACCOMPANIED_ASYLUM_SEEKING']);
      await close(closedOnFirstDay, start);
      await close(closedBefore, addDays(start, -1));
      await close(closedLater, addDays(today(), -10));
    });

    const figuresFor = (input: Record<string, unknown>) =>
      dashboard(cohortAnalyst, { from: start, to: today(), ...input });

    it('counts trafficked and unaccompanied children looked after at any time in the period, not only those open at its end', async () => {
      const figures = await figuresFor({});
      // 10 missing (5 open, 5 closed ten days ago) of 15 looked after (5 closed on the first day count; 5
      // closed the day before do not); counted over children open at the end it would be 5 of 5
      expect(figures.traffickedMissingRate).toEqual({ value: 0.6667, suppressed: false });
      // 5 missing of 10, 5 of them registered on the period's last day
      expect(figures.unaccompaniedMissingRate).toEqual({ value: 0.5, suppressed: false });
      expect(figures.childrenMissingAtLeastOnce).toEqual({ value: 15, suppressed: false });
      expect(figures.childrenOpen).toEqual({ value: 15, suppressed: false });
    });

    it('leaves out a child closed the day before the period starts, and one registered the day after it ends', async () => {
      // from the day after the first-day closures: those 5 were closed the day before the period
      expect((await figuresFor({ from: addDays(start, 1) })).traffickedMissingRate).toEqual({
        value: 1,
        suppressed: false,
      });
      // a period ending yesterday: the 5 registered today are not in it
      expect((await figuresFor({ to: addDays(today(), -1) })).unaccompaniedMissingRate).toEqual({
        value: 1,
        suppressed: false,
      });
    });

    it('counts return interviews offered and completed within 72 hours, separately', async () => {
      const figures = await figuresFor({});
      // of 15 returns: offered in time at 71 h 59 m (5) and at 1 h (5), not at 72 h 01 m (5)
      expect(figures.returnInterviewsWithin72hRate).toEqual({ value: 0.6667, suppressed: false });
      // completed in time only at 71 h 59 m: not at 72 h 01 m, nor the one offered in time but completed at 80 h
      expect(figures.returnInterviewsCompletedWithin72hRate).toEqual({ value: 0.3333, suppressed: false });
    });

    // last, since it moves the registrations of the five registered today
    it('counts a child registered at 23:59:59.999 (London) on the last day, not one registered at midnight after it', async () => {
      const yesterday = addDays(today(), -1);
      const midnight = startOfLondonDay(today());
      const registerAt = (instant: Date) =>
        app.query(`UPDATE child SET registered_at = $2 WHERE id = ANY($1::uuid[])`, [
          registeredToday,
          instant,
        ]);
      await registerAt(new Date(midnight.getTime() - 1));
      expect((await figuresFor({ to: yesterday })).unaccompaniedMissingRate).toEqual({
        value: 0.5,
        suppressed: false,
      });
      await registerAt(midnight);
      expect((await figuresFor({ to: yesterday })).unaccompaniedMissingRate).toEqual({
        value: 1,
        suppressed: false,
      });
    });
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await app.gql(analyst([KENT]), DASHBOARD, { input: { from: to, to: from } });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields![0].field).toBe('to');
  });
});

describe('the SSDA903 return', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-903');
  const manager = teamManager(HILLINGDON, 'tm-903');
  const EXPORT = `query($input: Ssda903ExportInput!) { ssda903Export(input: $input) {
    authorityCode periodStart periodEnd missingCsv uascCsv problems { child table field message } } }`;
  // the collection year that contains today: 1 April to 31 March
  const year = Number(today().slice(0, 4)) + (today().slice(5) >= '04-01' ? 1 : 0);

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('writes the Missing and UASC tables for the year, with the validator’s checks per child', async () => {
    const back = await newChild(app, worker, {
      localChildId: 'HD903A',
      claimedDateOfBirth: '2010-05-01',
      categories: ['UNACCOMPANIED_ASYLUM_SEEKING'],
      gender: 'FEMALE',
    });
    const gone = await newChild(app, worker, {
      localChildId: 'HD903B',
      claimedDateOfBirth: '2009-07-15',
      categories: ['UNACCOMPANIED_ASYLUM_SEEKING'],
      gender: 'NOT_KNOWN',
    });
    const report = async (childId: string, kind: string, hoursAgo: number) =>
      (
        await app.ok<{ reportMissing: { id: string } }>(
          worker,
          `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
          {
            input: { childId, kind, missingSince: new Date(Date.now() - hoursAgo * 3_600_000).toISOString() },
          },
        )
      ).reportMissing.id;
    const episode = await report(back.id, 'AWAY', 30);
    await app.ok(worker, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
      input: { episodeId: episode, returnedAt: new Date(Date.now() - 20 * 3_600_000).toISOString() },
    });
    await report(gone.id, 'MISSING', 5);

    const result = (
      await app.ok<{ ssda903Export: Record<string, any> }>(manager, EXPORT, { input: { year } })
    ).ssda903Export;
    expect(result).toMatchObject({
      authorityCode: HILLINGDON,
      periodStart: `${year - 1}-04-01`,
      periodEnd: `${year}-03-31`,
    });
    const missing = result.missingCsv.trim().split('\r\n');
    expect(missing[0]).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END');
    expect(missing).toHaveLength(3);
    expect(
      missing.some((line: string) =>
        /^HD903A,01\/05\/2010,A,\d\d\/\d\d\/\d{4},\d\d\/\d\d\/\d{4}$/.test(line),
      ),
    ).toBe(true);
    expect(missing.some((line: string) => /^HD903B,15\/07\/2009,M,\d\d\/\d\d\/\d{4},$/.test(line))).toBe(
      true,
    );
    const uasc = result.uascCsv.trim().split('\r\n');
    expect(uasc[0]).toBe('CHILD,SEX,DOB,DUC');
    expect(uasc.slice(1).sort()).toEqual(
      expect.arrayContaining(['HD903A,F,01/05/2010,01/05/2028', 'HD903B,U,15/07/2009,15/07/2027']),
    );
    expect(
      result.problems
        .map((problem: { table: string; field: string }) => `${problem.table}.${problem.field}`)
        .sort(),
    ).toEqual([]);
    expect(
      await app.query(
        `SELECT count(DISTINCT child_id)::int AS n FROM audit_event WHERE entity = 'Ssda903Return' AND action = 'EXPORT'`,
      ),
    ).toEqual([{ n: 2 }]);
  });

  it('is made by an English authority’s team managers only', async () => {
    expect(codeOf(await app.gql(worker, EXPORT, { input: { year } }))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(manager, EXPORT, { input: { year, authorityCode: KENT } }))).toBe(
      'FORBIDDEN',
    );
    const scottish = await app.gql(teamManager('S12000049', 'tm-903-glasgow'), EXPORT, { input: { year } });
    expect(codeOf(scottish)).toBe('BAD_USER_INPUT');
  });
});

describe('children in unsafe placements on the dashboard', () => {
  let app: TestApp;
  const BIRMINGHAM = 'E08000025';
  const worker = socialWorker(BIRMINGHAM, 'sw-unsafe-dashboard');
  const manager = teamManager(BIRMINGHAM, 'tm-unsafe-dashboard');

  beforeAll(async () => {
    // no suppression, so that small counts can be read exactly
    app = await TestApp.start({ STATISTICS_SUPPRESSION_THRESHOLD: '0' });
  });
  afterAll(async () => {
    await app.close();
  });

  const unsafeNow = async () =>
    (
      await app.ok<{ dashboard: { childrenInUnsafePlacements: Figure } }>(
        manager,
        `query($input: DashboardInput!) { dashboard(input: $input) { childrenInUnsafePlacements { value suppressed } } }`,
        { input: { from: addDays(today(), -30), to: today() } },
      )
    ).dashboard.childrenInUnsafePlacements;

  const placeInBedAndBreakfast = async (childId: string) =>
    app.ok(worker, `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`, {
      input: {
        childId,
        type: 'BED_AND_BREAKFAST',
        startedAt: new Date(Date.now() - 86_400_000).toISOString(),
      },
    });

  it('counts a placement that became unsafe after it began, judged now, not when it began', async () => {
    // an adult by the date of birth given, placed in a B&B: safe when it began
    const adult = await newChild(app, worker, { claimedDateOfBirth: '2000-01-01' });
    await placeInBedAndBreakfast(adult.id);
    // a child in a B&B: unsafe from the start
    const child = await newChild(app, worker, { claimedDateOfBirth: '2012-01-01' });
    await placeInBedAndBreakfast(child.id);
    expect(await unsafeNow()).toEqual({ value: 1, suppressed: false });

    // the person placed as an adult says they are 16: while the dispute is open they are a child
    await app.ok(
      worker,
      `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
      {
        input: { childId: adult.id, raisedOn: today(), raisedBy: 'NGO', reason: 'Says they are 16' },
      },
    );
    expect(await unsafeNow()).toEqual({ value: 2, suppressed: false });
  });
});
