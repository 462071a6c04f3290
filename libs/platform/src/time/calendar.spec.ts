import {
  addDays,
  addWorkingDays,
  addYears,
  bankHolidays,
  isWorkingDay,
  ageOn,
  birthday,
  daysBetween,
  isValidIsoDate,
  londonDate,
  longDate,
  startOfLondonDay,
} from './calendar';
import { Nation } from '../identity/role';

const { ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND } = Nation;

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

  it("gives Intl's London date for every quarter hour of a year, going forwards and back", () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    const start = Date.UTC(2026, 0, 1);
    const quarters = (365 * 24 * 60) / 15;
    const instants = Array.from({ length: quarters }, (_, step) => new Date(start + step * 900_000));
    const wrong: string[] = [];
    // forwards, then backwards: most instants fall in the hour asked about just before
    for (const instant of [...instants, ...[...instants].reverse()]) {
      if (londonDate(instant) !== intl.format(instant)) wrong.push(instant.toISOString());
    }
    expect(wrong).toEqual([]);
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
    expect(addWorkingDays('2026-11-20', 5, ENGLAND)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-21', 1, ENGLAND)).toBe('2026-11-23');
    expect(daysBetween('2026-01-01', '2026-02-15')).toBe(45);
  });

  it('writes a date as a social worker reads it', () => {
    expect(longDate('2026-05-03')).toBe('3 May 2026');
    expect(longDate('2026-12-31')).toBe('31 December 2026');
  });
});

describe('working days and the bank holidays of each nation', () => {
  it('knows the holidays in which the nations differ, substitute days included', () => {
    const england = bankHolidays(ENGLAND, 2026);
    const scotland = bankHolidays(SCOTLAND, 2026);
    const ni = bankHolidays(NORTHERN_IRELAND, 2026);
    expect([...england]).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28', // Boxing Day falls on a Saturday
    ]);
    expect([...bankHolidays(WALES, 2026)]).toEqual([...england]);
    expect(scotland.has('2026-01-02')).toBe(true); // 2 January
    expect(scotland.has('2026-11-30')).toBe(true); // St Andrew's Day
    expect(scotland.has('2026-04-06')).toBe(false); // no Easter Monday
    expect(scotland.has('2026-08-03')).toBe(true); // the summer holiday is the first Monday of August
    expect(ni.has('2026-03-17')).toBe(true); // St Patrick's Day
    expect(ni.has('2026-07-13')).toBe(true); // 12 July is a Sunday in 2026: Monday 13th instead
    expect(england.has('2026-01-02') || england.has('2026-03-17') || england.has('2026-07-13')).toBe(false);
    expect(bankHolidays(SCOTLAND, 2027).has('2027-01-04')).toBe(true); // 2 January 2027 is a Saturday
  });

  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2026-11-28', ENGLAND)).toBe(false); // a Saturday
    expect(isWorkingDay('2026-11-30', ENGLAND)).toBe(true);
    expect(isWorkingDay('2026-11-30', SCOTLAND)).toBe(false);
  });

  it('counts five working days over Easter: Good Friday and Easter Monday in England, not Easter Monday in Scotland', () => {
    // Thursday 2 April 2026; Good Friday 3 April, Easter Monday 6 April
    expect(addWorkingDays('2026-04-02', 5, ENGLAND)).toBe('2026-04-13');
    expect(addWorkingDays('2026-04-02', 5, WALES)).toBe('2026-04-13');
    expect(addWorkingDays('2026-04-02', 5, SCOTLAND)).toBe('2026-04-10');
    expect(addWorkingDays('2026-04-02', 5, NORTHERN_IRELAND)).toBe('2026-04-13');
  });

  it('counts over Christmas and New Year', () => {
    // Monday 21 December 2026: 22, 23, 24, (25 Fri, 26 Sat, 27 Sun, 28 substitute) 29, 30
    expect(addWorkingDays('2026-12-21', 5, ENGLAND)).toBe('2026-12-30');
    // Wednesday 23 December 2026: 24, 29, 30, 31, (1 January) 4 January in England; Scotland also 2 January, a Saturday
    expect(addWorkingDays('2026-12-23', 5, ENGLAND)).toBe('2027-01-04');
    // 2 January 2027 is a Saturday: Scotland's substitute is Monday 4 January
    expect(addWorkingDays('2026-12-23', 5, SCOTLAND)).toBe('2027-01-05');
  });

  it('skips 2 January in Scotland only', () => {
    // Wednesday 31 December 2025: 1 and 2 January 2026 are holidays in Scotland; England only the 1st
    expect(addWorkingDays('2025-12-31', 1, ENGLAND)).toBe('2026-01-02');
    expect(addWorkingDays('2025-12-31', 1, SCOTLAND)).toBe('2026-01-05');
  });

  it('skips 12 July (or its substitute) and 17 March in Northern Ireland only', () => {
    // Friday 10 July 2026: 12 July is a Sunday, Monday 13 July its substitute
    expect(addWorkingDays('2026-07-10', 1, NORTHERN_IRELAND)).toBe('2026-07-14');
    expect(addWorkingDays('2026-07-10', 1, ENGLAND)).toBe('2026-07-13');
    // Wednesday 12 July 2028 itself
    expect(isWorkingDay('2028-07-12', NORTHERN_IRELAND)).toBe(false);
    expect(isWorkingDay('2028-07-12', ENGLAND)).toBe(true);
    // Monday 16 March 2026: the 17th is a Tuesday
    expect(addWorkingDays('2026-03-16', 1, NORTHERN_IRELAND)).toBe('2026-03-18');
    expect(addWorkingDays('2026-03-16', 1, SCOTLAND)).toBe('2026-03-17');
  });
});
