import { collectionYearOf, collectionYears, offeredYear } from './collection-years';

describe('SSDA903 collection years', () => {
  it('runs from 1 April to 31 March, named by the year it ends', () => {
    expect(collectionYearOf('2026-03-31')).toBe(2026);
    expect(collectionYearOf('2026-04-01')).toBe(2027);
    expect(collectionYearOf('2026-12-06')).toBe(2027);
  });

  it('offers the year in progress and the four before it, newest first', () => {
    const years = collectionYears('2026-12-06');
    expect(years.map((option) => option.year)).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(years[0]).toEqual({ year: 2027, start: '2026-04-01', end: '2027-03-31', current: true });
    expect(years.filter((option) => option.current)).toHaveLength(1);
  });

  it('reads only an offered year from an address', () => {
    expect(offeredYear('2026', '2026-12-06')).toBe(2026);
    expect(offeredYear('2022', '2026-12-06')).toBeUndefined();
    expect(offeredYear('2026abc', '2026-12-06')).toBeUndefined();
    expect(offeredYear(['2026'], '2026-12-06')).toBeUndefined();
    expect(offeredYear(undefined, '2026-12-06')).toBeUndefined();
  });
});
