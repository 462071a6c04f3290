import type { DashboardQuery } from '../../graphql/generated';
import { countryName } from '../../countries';
import { AGE_BAND, CATEGORY, EXPLOITATION, GENDER, NOT_RECORDED, NRM_CATEGORY } from '../children/labels';

type Dashboard = DashboardQuery['dashboard'];
type Figure = { value: number | null; suppressed: boolean };
type Breakdown = { key: string; count: Figure }[];

/** What a withheld figure says, in the tables and the CSV files: never a number, never "fewer than". */
export const WITHHELD = 'Withheld';
/** A share of nothing, or a median of no rows: there is nothing to count. */
export const NOT_APPLICABLE = 'Not applicable';

/** One figure as the page and the CSV show it; `bar` (0–100) where it is charted. */
export interface Shown {
  text: string;
  csv: string;
  withheld: boolean;
  bar?: number;
}

export interface DashboardRow {
  label: string;
  hint?: string;
  cells: Shown[];
}

/** A table of the dashboard: its CSV file is `/dashboard/{id}.csv` with the same query. */
export interface DashboardTable {
  id: string;
  title: string;
  head: string[];
  rows: DashboardRow[];
  /** Counts drawn as bars beside their numbers; a withheld one is a gap. */
  charted: boolean;
}

/** A part of the pack: each starts on a new sheet when printed. */
export interface DashboardPart {
  id: string;
  title: string;
  tables: DashboardTable[];
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });

function shown(figure: Figure, format: (value: number) => string, csv: (value: number) => string): Shown {
  if (figure.suppressed) return { text: WITHHELD, csv: WITHHELD, withheld: true };
  if (figure.value === null) return { text: NOT_APPLICABLE, csv: NOT_APPLICABLE, withheld: false };
  return { text: format(figure.value), csv: csv(figure.value), withheld: false };
}

export const count = (figure: Figure): Shown => shown(figure, (value) => whole.format(value), String);
/** A proportion as a percentage to one decimal place ("83.3%"). */
export const rate = (figure: Figure): Shown => {
  const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
  return shown(figure, percent, percent);
};
const measure = (figure: Figure): Shown =>
  shown(
    figure,
    (value) => oneDecimal.format(value),
    (value) => String(Math.round(value * 10) / 10),
  );

/** Each column's counts as bars, the largest shown count the full width; withheld cells stay empty. */
function withBars(rows: DashboardRow[], figures: Figure[][]): DashboardRow[] {
  const columns = figures[0]?.length ?? 0;
  const largest = Array.from({ length: columns }, (_, column) =>
    Math.max(0, ...figures.map((row) => (row[column].suppressed ? 0 : (row[column].value ?? 0)))),
  );
  return rows.map((row, index) => ({
    ...row,
    cells: row.cells.map((cell, column) => {
      const figure = figures[index][column];
      if (figure.suppressed || figure.value === null) return cell;
      return { ...cell, bar: largest[column] === 0 ? 0 : (figure.value / largest[column]) * 100 };
    }),
  }));
}

/** "Albania", "Other nationalities", "Not recorded". */
function nationalityLabel(key: string): string {
  if (key === 'OTHER') return 'Other nationalities';
  if (key === 'NOT_RECORDED') return NOT_RECORDED;
  return countryName(key);
}

/**
 * A breakdown's rows, labelled: largest first (withheld ones after those shown, by name: their size
 * is not known), then "other" and "not recorded"; or, for age bands, in age order.
 */
function breakdownTable(
  id: string,
  title: string,
  dimension: string,
  breakdown: Breakdown,
  label: (key: string) => string,
  order: 'largest first' | readonly string[],
): DashboardTable {
  const rank = (key: string) =>
    order === 'largest first'
      ? key === 'OTHER'
        ? 1
        : key === 'NOT_RECORDED'
          ? 2
          : 0
      : order.includes(key)
        ? order.indexOf(key)
        : order.length;
  const sorted = [...breakdown].sort(
    (a, b) =>
      rank(a.key) - rank(b.key) ||
      Number(a.count.suppressed) - Number(b.count.suppressed) ||
      (b.count.value ?? 0) - (a.count.value ?? 0) ||
      label(a.key).localeCompare(label(b.key), 'en-GB'),
  );
  const rows = sorted.map((row) => ({ label: label(row.key), cells: [count(row.count)] }));
  return {
    id,
    title,
    head: [dimension, 'Children'],
    rows: withBars(
      rows,
      sorted.map((row) => [row.count]),
    ),
    charted: true,
  };
}

const labelled =
  (labels: Record<string, string>) =>
  (key: string): string =>
    key === 'NOT_RECORDED' ? NOT_RECORDED : (labels[key] ?? key);

type Headline = [label: string, cell: Shown, hint?: string];

function headlineTable(id: string, title: string, rows: Headline[]): DashboardTable {
  return {
    id,
    title,
    head: ['Measure', 'Figure'],
    rows: rows.map(([label, cell, hint]) => ({ label, hint, cells: [cell] })),
    charted: false,
  };
}

/** The dashboard's tables, in the order of the pack: headline figures, month by month, the children. */
export function dashboardParts(dashboard: Dashboard): DashboardPart[] {
  const d = dashboard;
  const monthlySeries = [
    ['Children registered', (month: Dashboard['monthly'][number]) => month.childrenRegistered],
    ['Missing episodes', (month: Dashboard['monthly'][number]) => month.missingEpisodes],
    ['Children missing', (month: Dashboard['monthly'][number]) => month.childrenMissing],
    ['NRM referrals', (month: Dashboard['monthly'][number]) => month.nrmReferrals],
  ] as const;
  const monthlyRows = d.monthly.map((month) => ({
    label: monthName.format(new Date(`${month.month}-01T00:00:00Z`)),
    cells: monthlySeries.map(([, figure]) => count(figure(month))),
  }));
  return [
    {
      id: 'headlines',
      title: 'Headline figures',
      tables: [
        headlineTable('children', 'Children', [
          ['Children open on the last day', count(d.childrenOpen)],
          ['Children registered in the period', count(d.childrenRegistered)],
          ['Open age disputes', count(d.openAgeDisputes)],
          [
            'Children in unsafe placements now',
            count(d.childrenInUnsafePlacements),
            'For example a bed and breakfast, or adult accommodation for a child',
          ],
        ]),
        headlineTable('missing', 'Missing from care', [
          ['Children missing at least once', count(d.childrenMissingAtLeastOnce)],
          [
            'Trafficked children who went missing',
            rate(d.traffickedMissingRate),
            'Of trafficked children looked after at any time in the period',
          ],
          [
            'Unaccompanied children who went missing',
            rate(d.unaccompaniedMissingRate),
            'Of unaccompanied asylum-seeking children looked after at any time in the period',
          ],
          ['Missing episodes', count(d.missingEpisodes)],
          ['Missing now', count(d.currentlyMissing)],
          [
            'Episodes not found within 7 days',
            count(d.notFoundAfter7Days),
            'Episodes of the period still missing, or missing for more than 7 days',
          ],
          ['Median time missing, in hours', measure(d.medianHoursMissing), 'Of episodes that ended'],
          ['Episodes soon after a new placement', rate(d.soonAfterPlacementRate)],
          [
            'Return interviews offered within 72 hours',
            rate(d.returnInterviewsWithin72hRate),
            'Of returns from missing in the period',
          ],
          [
            'Return interviews completed within 72 hours',
            rate(d.returnInterviewsCompletedWithin72hRate),
            'Of returns from missing in the period',
          ],
        ]),
        headlineTable('guardians', 'Guardians', [
          [
            'Children with a guardian',
            rate(d.guardianCoverageRate),
            "Of children eligible for their nation's guardian scheme",
          ],
          ['Guardians working with children', count(d.guardiansActive)],
          ['Median children per guardian', measure(d.medianGuardianCaseload)],
        ]),
        headlineTable('nrm', 'National Referral Mechanism', [
          ['Referrals', count(d.nrmReferrals)],
          ['Reasonable grounds decisions', count(d.nrmReasonableGroundsDecisions)],
          [
            'Median days to a reasonable grounds decision',
            measure(d.medianDaysToReasonableGrounds),
            'From the referral',
          ],
        ]),
        headlineTable('turning-18', 'Turning 18', [
          ['Turning 18 in the next 180 days', count(d.turning18Within180Days)],
          ['Of those, with a secured durable solution', rate(d.turning18WithSecuredSolutionRate)],
          [
            'Turned 18 in the period without a secured durable solution',
            count(d.turning18WithoutDurableSolution),
          ],
        ]),
        headlineTable('data-quality', 'Data quality', [
          ['Open children with no exploitation type recorded', rate(d.exploitationNotRecordedRate)],
          ['Open children with no nationality recorded', rate(d.nationalityNotRecordedRate)],
        ]),
      ],
    },
    {
      id: 'months',
      title: 'Month by month',
      tables: [
        {
          id: 'monthly',
          title: 'Month by month',
          head: ['Month', ...monthlySeries.map(([name]) => name)],
          rows: withBars(
            monthlyRows,
            d.monthly.map((month) => monthlySeries.map(([, figure]) => figure(month))),
          ),
          charted: true,
        },
      ],
    },
    {
      id: 'children-open',
      title: 'Children open on the last day',
      tables: [
        breakdownTable(
          'by-category',
          'By category',
          'Category',
          d.byCategory,
          labelled(CATEGORY),
          'largest first',
        ),
        breakdownTable(
          'by-exploitation-type',
          'By type of exploitation',
          'Type of exploitation',
          d.byExploitationType,
          labelled(EXPLOITATION),
          'largest first',
        ),
        breakdownTable(
          'by-nrm-category',
          'By NRM exploitation category',
          'NRM category',
          d.byNrmCategory,
          labelled(NRM_CATEGORY),
          'largest first',
        ),
        breakdownTable(
          'by-nationality',
          'By nationality',
          'Nationality',
          d.byNationality,
          nationalityLabel,
          'largest first',
        ),
        breakdownTable('by-gender', 'By gender', 'Gender', d.byGender, labelled(GENDER), 'largest first'),
        breakdownTable('by-age-band', 'By age', 'Age', d.byAgeBand, labelled(AGE_BAND), [
          ...Object.keys(AGE_BAND),
          'NOT_RECORDED',
        ]),
      ],
    },
  ];
}

/** Every table of the dashboard, by its id. */
export function dashboardTable(dashboard: Dashboard, id: string): DashboardTable | undefined {
  return dashboardParts(dashboard)
    .flatMap((part) => part.tables)
    .find((table) => table.id === id);
}

/** A table's CSV rows: its headings, then each row's label and figures as the page shows them. */
export function csvRows(table: DashboardTable): string[][] {
  return [table.head, ...table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.csv)])];
}
