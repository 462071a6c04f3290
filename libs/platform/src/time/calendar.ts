import Holidays from 'date-holidays';
import { Nation } from '../identity/role';

/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in Europe/London. A date of birth is a calendar
 * date, not an instant: keeping it a string avoids every time-zone shift a JS Date would bring.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const HOUR_MS = 3_600_000;
/** The last hour asked about (UTC hours since the epoch) and London's date in it. */
let remembered = { hour: Number.NaN, date: '' };

/**
 * The calendar date in London at an instant. London is always a whole number of hours from UTC, so
 * its date is the same for a whole UTC hour: the last hour's is remembered (formatting costs
 * microseconds, and every age and deadline of a request asks).
 */
export function londonDate(instant: Date): IsoDate {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour !== remembered.hour) remembered = { hour, date: LONDON.format(instant) };
  return remembered.date;
}

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds whole years; 29 February becomes 28 February in a common year (as PostgreSQL does). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(date);
  const target = year + years;
  return format(target, month, Math.min(day, daysInMonth(target, month)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parts(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** date-holidays' regions of the United Kingdom: the bank holidays differ by nation. */
const HOLIDAY_REGION: Record<Nation, string> = {
  [Nation.ENGLAND]: 'ENG',
  [Nation.WALES]: 'WLS',
  [Nation.SCOTLAND]: 'SCT',
  [Nation.NORTHERN_IRELAND]: 'NIR',
};
const holidayCalendars = new Map<Nation, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<IsoDate>>();

/**
 * The bank and public holidays of a nation in a year, substitute days included (when one falls on a
 * weekend): e.g. 2 January and St Andrew's Day in Scotland, 17 March and 12 July in Northern Ireland,
 * Easter Monday everywhere but Scotland. From `date-holidays`, not a hand-kept list.
 */
export function bankHolidays(nation: Nation, year: number): ReadonlySet<IsoDate> {
  const key = `${nation}:${year}`;
  let dates = holidaysByYear.get(key);
  if (!dates) {
    let calendar = holidayCalendars.get(nation);
    if (!calendar) {
      calendar = new Holidays('GB', HOLIDAY_REGION[nation], { types: ['public', 'bank'] });
      holidayCalendars.set(nation, calendar);
    }
    // `date` is the local calendar date, "YYYY-MM-DD 00:00:00"
    dates = new Set(calendar.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
    holidaysByYear.set(key, dates);
  }
  return dates;
}

/** Monday to Friday, and not a bank holiday of the nation. */
export function isWorkingDay(date: IsoDate, nation: Nation): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(nation, parts(date)[0]).has(date);
}

/** The date `days` working days (of the nation) after `date`. */
export function addWorkingDays(date: IsoDate, days: number, nation: Nation): IsoDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, nation)) left -= 1;
  }
  return current;
}

/** The n-th birthday of someone born on `dateOfBirth`. */
export function birthday(dateOfBirth: IsoDate, age: number): IsoDate {
  return addYears(dateOfBirth, age);
}

/** Age in whole years on a date: the birthday counts from its first day. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [birthYear] = parts(dateOfBirth);
  const [year] = parts(on);
  let age = year - birthYear;
  if (birthday(dateOfBirth, age) > on) age -= 1;
  return age;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// made once: the national seed asks for millions of arrival days
const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The instant a calendar day begins in London (midnight GMT in winter, 23:00 UTC the day before in summer). */
export function startOfLondonDay(date: IsoDate): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // London is UTC or UTC+1; at UTC midnight the London clock shows 00:00 or 01:00
  const londonHour = Number(LONDON_HOUR.format(utcMidnight));
  return new Date(utcMidnight - londonHour * 3_600_000);
}

/** The months' names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as a social worker reads it: `3 May 2026`. */
export function longDate(date: IsoDate): string {
  const [year, month, day] = parts(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
