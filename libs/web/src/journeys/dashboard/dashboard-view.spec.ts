import type { DashboardQuery } from '../../graphql/generated';
import { count, csvRows, dashboardTable, rate } from './dashboard-view';

type Dashboard = DashboardQuery['dashboard'];

const shown = (value: number) => ({ value, suppressed: false });
const withheld = { value: null, suppressed: true };

/** A dashboard whose every headline is 0, with the breakdowns and months given. */
function dashboardWith(parts: Partial<Dashboard>): Dashboard {
  const zero = shown(0);
  const fields: Record<string, unknown> = {
    from: '2026-01-01',
    to: '2026-03-31',
    authorityCodes: ['E10000016'],
    suppressionThreshold: 4,
    generatedAt: '2026-04-01T09:00:00.000Z',
    byCategory: [],
    byNrmCategory: [],
    byExploitationType: [],
    byNationality: [],
    byGender: [],
    byAgeBand: [],
    monthly: [],
    ...parts,
  };
  // a partial dashboard whose every other figure reads as zero: a Proxy, which no type describes
  return new Proxy(fields, {
    get: (target, key: string) => (key in target ? target[key] : zero),
  }) as unknown as Dashboard;
}

describe("the dashboard's tables", () => {
  it('says withheld, never a number, and a share as a percentage to one decimal place', () => {
    expect(count(withheld)).toEqual({ text: 'Withheld', csv: 'Withheld', withheld: true });
    expect(count(shown(1234))).toMatchObject({ text: '1,234', csv: '1234', withheld: false });
    expect(rate(shown(0.8333))).toMatchObject({ text: '83.3%', csv: '83.3%' });
    expect(rate({ value: null, suppressed: false })).toMatchObject({
      text: 'Not applicable',
      withheld: false,
    });
  });

  it('puts the largest first, the withheld after by name, then the other and unrecorded nationalities', () => {
    const table = dashboardTable(
      dashboardWith({
        byNationality: [
          { key: 'NOT_RECORDED', count: shown(9) },
          { key: 'OTHER', count: shown(12) },
          { key: 'ER', count: withheld },
          { key: 'AL', count: withheld },
          { key: 'SY', count: shown(5) },
          { key: 'VN', count: shown(8) },
        ],
      }),
      'by-nationality',
    )!;
    expect(csvRows(table)).toEqual([
      ['Nationality', 'Children'],
      ['Vietnam', '8'],
      ['Syria', '5'],
      ['Albania', 'Withheld'],
      ['Eritrea', 'Withheld'],
      ['Other nationalities', '12'],
      ['Not recorded', '9'],
    ]);
    // bars against the largest shown count; a withheld count has none (a gap), a zero one a bar of no length
    expect(table.rows.map((row) => row.cells[0].bar)).toEqual([
      (8 / 12) * 100,
      (5 / 12) * 100,
      undefined,
      undefined,
      100,
      75,
    ]);
  });

  it('keeps age bands in age order, whatever their sizes', () => {
    const table = dashboardTable(
      dashboardWith({
        byAgeBand: [
          { key: '16_17', count: shown(40) },
          { key: 'NOT_RECORDED', count: withheld },
          { key: '18_AND_OVER', count: shown(6) },
          { key: 'UNDER_14', count: shown(7) },
          { key: '14_15', count: shown(0) },
        ],
      }),
      'by-age-band',
    )!;
    expect(csvRows(table).map(([label]) => label)).toEqual([
      'Age',
      'Under 14',
      '14 or 15',
      '16 or 17',
      '18 or over',
      'Not recorded',
    ]);
    expect(table.rows[1].cells[0]).toMatchObject({ text: '0', bar: 0 });
  });

  it('names each month and draws each series against its own largest month', () => {
    const month = (name: string, registered: typeof withheld | ReturnType<typeof shown>) => ({
      month: name,
      childrenRegistered: registered,
      missingEpisodes: shown(0),
      childrenMissing: shown(0),
      nrmReferrals: shown(0),
    });
    const table = dashboardTable(
      dashboardWith({
        monthly: [month('2026-01', shown(10)), month('2026-02', withheld), month('2026-03', shown(5))],
      }),
      'monthly',
    )!;
    expect(csvRows(table).map((row) => row.slice(0, 2))).toEqual([
      ['Month', 'Children registered'],
      ['January 2026', '10'],
      ['February 2026', 'Withheld'],
      ['March 2026', '5'],
    ]);
    expect(table.rows.map((row) => row.cells[0].bar)).toEqual([100, undefined, 50]);
  });
});
