import {
  addDays,
  addWorkingDays,
  addYears,
  ageOn,
  birthday,
  daysBetween,
  isValidIsoDate,
  londonDate,
  longDate,
  startOfLondonDay,
} from './calendar';

describe('calendar dates', () => {
  it('refuses impossible dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-13-01')).toBe(false);
    expect(isValidIsoDate('2024-04-31')).toBe(false);
    expect(isValidIsoDate('24-04-01')).toBe(false);
    expect(isValidIsoDate('2024-4-1')).toBe(false);
  });

  it('puts a 29 February birthday on 28 February in a common year', () => {
    expect(birthday('2008-02-29', 18)).toBe('2026-02-28');
    expect(birthday('2008-02-29', 16)).toBe('2024-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts age from the first day of the birthday', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('takes the date in London, across the change of clocks', () => {
    // 23:30 UTC on 29 March 2026 is 00:30 BST on 30 March.
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    // In winter London is on UTC.
    expect(londonDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    // 23:30 UTC on 24 October 2026 is 00:30 BST on 25 October, the day the clocks go back.
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
  });

  it('finds the instant a London day begins', () => {
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfLondonDay('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z'); // clocks go forward at 01:00
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z'); // and back at 02:00 BST
  });

  it('adds days and working days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    // Friday + 5 working days = next Friday; Saturday + 1 = Monday.
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(daysBetween('2026-01-01', '2026-02-15')).toBe(45);
  });

  it('writes a date as a social worker reads it', () => {
    expect(longDate('2026-05-03')).toBe('3 May 2026');
    expect(longDate('2026-12-31')).toBe('31 December 2026');
  });
});
