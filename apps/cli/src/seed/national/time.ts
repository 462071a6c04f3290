// Time: calendar days as integers and instants as epoch milliseconds, both in Europe/London.

import { addYears, birthday, IsoDate } from '@haven/platform';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A calendar date as days since 1970-01-01: date arithmetic becomes integer arithmetic. */
export type Day = number;

export function dayOf(date: IsoDate): Day {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

/** Formatted dates, by day (offset so that dates of birth before 1970 index from 0). */
const ISO_DATES: IsoDate[] = [];
const ISO_OFFSET = 40_000;

export function isoOf(day: Day): IsoDate {
  let iso = ISO_DATES[day + ISO_OFFSET];
  if (iso === undefined) {
    iso = new Date(day * DAY).toISOString().slice(0, 10);
    ISO_DATES[day + ISO_OFFSET] = iso;
  }
  return iso;
}

const CLOCK_TIMES: string[] = [];

/** A timestamp for COPY, from cached dates and times of day: toISOString a few million times is slow. */
export function timestampText(instant: number): string {
  const day = Math.floor(instant / DAY);
  const second = (instant - day * DAY) / 1000;
  if (!Number.isInteger(second)) return new Date(instant).toISOString();
  let clock = CLOCK_TIMES[second];
  if (clock === undefined) {
    clock = new Date(second * 1000).toISOString().slice(11, 19);
    CLOCK_TIMES[second] = clock;
  }
  return `${isoOf(day)} ${clock}+00`;
}

const SUMMER_TIME = new Map<number, readonly [number, number]>();

/** British Summer Time: from 01:00 UTC on the last Sunday of March to the last Sunday of October. */
function summerTime(year: number): readonly [number, number] {
  let bounds = SUMMER_TIME.get(year);
  if (!bounds) {
    const lastSunday = (month: number) => {
      const last = Date.UTC(year, month, 0);
      return last - new Date(last).getUTCDay() * DAY + HOUR;
    };
    bounds = [lastSunday(3), lastSunday(10)];
    SUMMER_TIME.set(year, bounds);
  }
  return bounds;
}

/** London's offset from UTC at an instant; computed rather than asked of Intl, a million times over. */
function londonOffset(instant: number): number {
  const [start, end] = summerTime(new Date(instant).getUTCFullYear());
  return instant >= start && instant < end ? HOUR : 0;
}

export function londonDay(instant: number): Day {
  return Math.floor((instant + londonOffset(instant)) / DAY);
}

/** The instant a London wall-clock time happens on a day. */
export function londonInstant(day: Day, minutes: number): number {
  const local = day * DAY + minutes * MINUTE;
  return local - londonOffset(local - HOUR);
}

export function addYearsTo(day: Day, years: number): Day {
  return dayOf(addYears(isoOf(day), years));
}

/** The n-th birthday: the platform's `birthday`, as the services and haven_birthday in SQL have it. */
export function birthdayOf(dateOfBirth: Day, age: number): Day {
  return dayOf(birthday(isoOf(dateOfBirth), age));
}

/** Saturday and Sunday move to Monday: meetings are held on working days. */
export function workingDay(day: Day): Day {
  const weekday = (day + 4) % 7;
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}
