import { ExploitationType, nrmCategories } from '@haven/children';
import { BreakdownModel, DashboardModel, MonthlyModel } from './dashboard.model';
import { BuiltOn, HIDDEN, Published, Sum, suppressionPlan } from './suppression';

/**
 * Secondary suppression of a dashboard whose counts SQL has already suppressed (haven_figure): which
 * figures add up to which (suppression.ts does the rest). Conservative: a breakdown where a child may
 * count under several keys (categories, exploitation types) is treated as adding up to its total too,
 * since it does whenever each child has one.
 */
export function withSecondarySuppression(answer: DashboardModel): DashboardModel {
  const figures: Published[] = [];
  const at = (figure: Published) => {
    const known = figures.indexOf(figure);
    if (known >= 0) return known;
    figures.push(figure);
    return figures.length - 1;
  };
  const cells = (rows: BreakdownModel[]) => rows.map((row) => at(row.count));
  const series = (key: keyof Omit<MonthlyModel, 'month'>) => answer.monthly.map((month) => at(month[key]));
  const cell = (rows: BreakdownModel[], key: string) => rows.find((row) => row.key === key)?.count;

  const open = at(answer.childrenOpen);
  const sums: Sum[] = [
    // the breakdowns of the children open at the period's end, beside their total
    ...[
      answer.byGender,
      answer.byAgeBand,
      answer.byNationality,
      answer.byCategory,
      answer.byExploitationType,
      answer.byNrmCategory,
    ].map((rows) => ({ total: open, cells: cells(rows) })),
    // each NRM category is the fine types filed under it
    ...answer.byNrmCategory.map((nrm) => ({
      total: at(nrm.count),
      cells: answer.byExploitationType
        .filter((fine) => nrmOf(fine.key) === nrm.key)
        .map((fine) => at(fine.count)),
    })),
    // the monthly series beside the headline figures they add up to
    { total: at(answer.childrenRegistered), cells: series('childrenRegistered') },
    { total: at(answer.missingEpisodes), cells: series('missingEpisodes') },
    { total: at(answer.nrmReferrals), cells: series('nrmReferrals') },
    { total: at(answer.childrenMissingAtLeastOnce), cells: series('childrenMissing') },
  ];
  const builtOn: BuiltOn[] = [];
  const rate = (figure: Published, on: (Published | undefined)[]) =>
    builtOn.push({ figure: at(figure), on: on.flatMap((count) => (count ? [at(count)] : [])) });
  rate(answer.soonAfterPlacementRate, [answer.missingEpisodes]);
  rate(answer.turning18WithSecuredSolutionRate, [answer.turning18Within180Days]);
  rate(answer.medianGuardianCaseload, [answer.guardiansActive]);
  rate(answer.medianDaysToReasonableGrounds, [answer.nrmReasonableGroundsDecisions]);
  rate(answer.exploitationNotRecordedRate, [
    answer.childrenOpen,
    cell(answer.byExploitationType, 'NOT_RECORDED'),
    cell(answer.byNrmCategory, 'NOT_RECORDED'),
  ]);
  rate(answer.nationalityNotRecordedRate, [answer.childrenOpen, cell(answer.byNationality, 'NOT_RECORDED')]);

  const hidden = suppressionPlan({ figures, sums, builtOn });
  const replaced = new Map(figures.map((figure, index) => [figure, hidden[index] ? { ...HIDDEN } : figure]));
  const swap = <T extends Published>(figure: T): T => ({ ...figure, ...replaced.get(figure) });
  const breakdown = (rows: BreakdownModel[]) => rows.map((row) => ({ ...row, count: swap(row.count) }));
  const headline = Object.fromEntries(
    Object.entries(answer).map(([name, value]) => [name, isPublished(value) ? swap(value) : value]),
  );
  return {
    ...answer,
    ...headline,
    byCategory: breakdown(answer.byCategory),
    byNrmCategory: breakdown(answer.byNrmCategory),
    byExploitationType: breakdown(answer.byExploitationType),
    byNationality: breakdown(answer.byNationality),
    byGender: breakdown(answer.byGender),
    byAgeBand: breakdown(answer.byAgeBand),
    monthly: answer.monthly.map((month) => ({
      month: month.month,
      childrenRegistered: swap(month.childrenRegistered),
      missingEpisodes: swap(month.missingEpisodes),
      childrenMissing: swap(month.childrenMissing),
      nrmReferrals: swap(month.nrmReferrals),
    })),
  };
}

const EXPLOITATION_TYPES = new Map<string, ExploitationType>(
  Object.values(ExploitationType).map((type) => [type, type]),
);

/** The NRM category a fine exploitation type is filed under (child.enums' nrmCategories). */
function nrmOf(key: string): string {
  const type = EXPLOITATION_TYPES.get(key);
  return type ? nrmCategories([type])[0] : 'NOT_RECORDED';
}

function isPublished(value: unknown): value is Published {
  return typeof value === 'object' && value !== null && 'suppressed' in value && 'value' in value;
}
