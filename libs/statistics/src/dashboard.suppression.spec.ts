import { BreakdownModel, DashboardModel, MonthlyModel } from './dashboard.model';
import { withSecondarySuppression } from './dashboard.suppression';
import { primarySuppression } from './suppression';

/** As SQL hands them over: primary suppression done. */
const count = (n: number) => primarySuppression(n, 4);
const rate = (value: number | null) => ({ value, suppressed: false });
const rows = (cells: Record<string, number>): BreakdownModel[] =>
  Object.entries(cells).map(([key, n]) => ({ key, count: count(n) }));
const month = (name: string, registered: number, episodes: number, children: number, referrals: number) => ({
  month: name,
  childrenRegistered: count(registered),
  missingEpisodes: count(episodes),
  childrenMissing: count(children),
  nrmReferrals: count(referrals),
});

function answer(changes: Partial<DashboardModel> = {}): DashboardModel {
  return {
    from: '2026-09-01',
    to: '2026-11-30',
    authorityCodes: ['E09000017'],
    suppressionThreshold: 4,
    generatedAt: new Date('2026-12-01T09:00:00Z'),
    childrenOpen: count(20),
    childrenRegistered: count(20),
    childrenMissingAtLeastOnce: count(12),
    traffickedMissingRate: rate(0.5),
    unaccompaniedMissingRate: rate(0.25),
    missingEpisodes: count(15),
    currentlyMissing: count(0),
    notFoundAfter7Days: count(0),
    medianHoursMissing: rate(20),
    soonAfterPlacementRate: rate(0.4),
    returnInterviewsWithin72hRate: rate(0.8),
    returnInterviewsCompletedWithin72hRate: rate(0.6),
    guardianCoverageRate: rate(0.9),
    guardiansActive: count(6),
    medianGuardianCaseload: rate(3),
    openAgeDisputes: count(0),
    childrenInUnsafePlacements: count(0),
    nrmReferrals: count(10),
    nrmReasonableGroundsDecisions: count(0),
    medianDaysToReasonableGrounds: rate(null),
    turning18Within180Days: count(0),
    turning18WithSecuredSolutionRate: rate(null),
    turning18WithoutDurableSolution: count(0),
    exploitationNotRecordedRate: rate(0.35),
    nationalityNotRecordedRate: rate(0),
    byCategory: rows({ TRAFFICKED: 20 }),
    byNrmCategory: rows({ LABOUR: 7, SEXUAL: 6, NOT_RECORDED: 7 }),
    byExploitationType: rows({ CRIMINAL_COUNTY_LINES: 3, LABOUR: 4, SEXUAL: 6, NOT_RECORDED: 7 }),
    byNationality: rows({ VN: 10, AL: 10 }),
    byGender: rows({ FEMALE: 20 }),
    byAgeBand: rows({ '16_17': 20 }),
    monthly: [month('2026-09', 20, 5, 5, 10), month('2026-10', 0, 8, 5, 0), month('2026-11', 0, 2, 2, 0)],
    ...changes,
  };
}
const keyed = (breakdown: BreakdownModel[]) =>
  Object.fromEntries(breakdown.map((row) => [row.key, row.count.value]));
const series = (monthly: MonthlyModel[], key: 'missingEpisodes' | 'childrenMissing') =>
  monthly.map((m) => m[key].value);

describe('the dashboard’s secondary suppression', () => {
  it('hides the next smallest month of a series beside its headline total, and every series on its own', () => {
    const result = withSecondarySuppression(answer());
    // 15 episodes = 5 + 8 + 2: the 2 is hidden, so the 5 is too
    expect(series(result.monthly, 'missingEpisodes')).toEqual([null, 8, null]);
    expect(result.missingEpisodes).toEqual({ value: 15, suppressed: false });
    // children missing (12 = 5 + 5 + 2, as far as a reader knows): the 2, and the first 5
    expect(series(result.monthly, 'childrenMissing')).toEqual([null, 5, null]);
    // a series with nothing hidden is left alone
    expect(result.monthly.map((m) => m.nrmReferrals.value)).toEqual([10, 0, 0]);
  });

  it('follows a hidden fine exploitation type into its NRM category and the breakdown beside it', () => {
    const result = withSecondarySuppression(answer());
    // county lines (3) and labour (4) are both small; LABOUR in the NRM breakdown (7) is their sum: it shows
    expect(keyed(result.byExploitationType)).toEqual({
      CRIMINAL_COUNTY_LINES: null,
      LABOUR: null,
      SEXUAL: 6,
      NOT_RECORDED: 7,
    });
    expect(keyed(result.byNrmCategory)).toEqual({ LABOUR: 7, SEXUAL: 6, NOT_RECORDED: 7 });
    const lone = withSecondarySuppression(
      answer({
        byExploitationType: rows({ CRIMINAL_COUNTY_LINES: 3, LABOUR: 17 }),
        byNrmCategory: rows({ LABOUR: 20 }),
      }),
    );
    // 3 alone beside 17 under a shown total of 20: the 17 is hidden too; NRM LABOUR (their sum, 20) still
    // shows, as the total already did: two hidden cells under one shown sum cannot be told apart
    expect(keyed(lone.byExploitationType)).toEqual({ CRIMINAL_COUNTY_LINES: null, LABOUR: null });
    expect(keyed(lone.byNrmCategory)).toEqual({ LABOUR: 20 });
  });

  it('hides a data-quality rate whose numerator, a breakdown cell, is hidden', () => {
    const result = withSecondarySuppression(
      answer({
        byNationality: rows({ VN: 13, ER: 2, NOT_RECORDED: 5 }),
        nationalityNotRecordedRate: rate(0.25),
      }),
    );
    expect(keyed(result.byNationality)).toEqual({ VN: 13, ER: null, NOT_RECORDED: null });
    // 0.25 x 20 would give NOT_RECORDED's 5 back, and then ER's 2
    expect(result.nationalityNotRecordedRate).toEqual({ value: null, suppressed: true });
    expect(result.exploitationNotRecordedRate).toEqual({ value: 0.35, suppressed: false });
  });

  it('changes nothing when nothing is hidden, and never turns a hidden figure into 0', () => {
    const clean = answer({
      byExploitationType: rows({ LABOUR: 7, SEXUAL: 6, NOT_RECORDED: 7 }),
      monthly: [month('2026-09', 20, 15, 12, 10)],
    });
    expect(withSecondarySuppression(clean)).toEqual(clean);
    const result = withSecondarySuppression(answer());
    expect(JSON.stringify(result)).toMatch(/"value":null,"suppressed":true/);
    expect(JSON.stringify(result)).not.toMatch(/"value":(?!null)[^,]*,"suppressed":true/);
  });
});
