import { addDays, daysInMonth, IsoDate, londonDate, longDate, MONTH_NAMES } from '@haven/platform';

/** A calendar month as its address names it: `2026-05`. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface CalendarMonth {
  /** `2026-05` */
  month: string;
  /** "May 2026" */
  title: string;
  previous: string;
  next: string;
  /** The Monday on or before the 1st, and the Sunday on or after the last day: the weeks shown. */
  from: IsoDate;
  to: IsoDate;
}

const weekday = (date: IsoDate) => new Date(`${date}T00:00:00Z`).getUTCDay();

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The month the address asks for (`?month=2026-05`), or the current one in UK time. */
export function calendarMonth(requested: string, now: Date = new Date()): CalendarMonth {
  const match = MONTH.exec(requested) ?? MONTH.exec(londonDate(now).slice(0, 7))!;
  const [year, month] = [Number(match[1]), Number(match[2])];
  const first = `${monthKey(year, month)}-01`;
  const last = `${monthKey(year, month)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
  return {
    month: monthKey(year, month),
    title: `${MONTH_NAMES[month - 1]} ${year}`,
    previous: month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1),
    next: month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1),
    from: addDays(first, -((weekday(first) + 6) % 7)),
    to: addDays(last, (7 - weekday(last)) % 7),
  };
}

export interface CalendarWeek<T> {
  /** "Week beginning Monday 27 April 2026" */
  title: string;
  /** Each item with its day ("Monday 4 May 2026") and time in UK time ("2:05pm"). */
  items: (T & { day: string; time: string })[];
}

/**
 * The month's weeks, Monday to Sunday, each with the items on the month's days in order (`instantOf` gives an
 * item's instant, placed by its UK calendar date); a week with none is kept, so the calendar shows the whole month.
 */
export function calendarWeeks<T>(
  calendar: CalendarMonth,
  items: T[],
  instantOf: (item: T) => string,
): CalendarWeek<T>[] {
  const weeks: CalendarWeek<T>[] = [];
  for (let monday = calendar.from; monday <= calendar.to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const inWeek = items
      .map((item) => ({ item, date: londonDate(new Date(instantOf(item))) }))
      // the month's own days: a week's days in the months either side show in those months
      .filter(({ date }) => date >= monday && date <= sunday && date.startsWith(calendar.month))
      .sort((a, b) => instantOf(a.item).localeCompare(instantOf(b.item)));
    weeks.push({
      title: `Week beginning Monday ${longDate(monday)}`,
      items: inWeek.map(({ item, date }) => ({
        ...item,
        day: `${WEEKDAYS[weekday(date)]} ${longDate(date)}`,
        time: TIME.format(new Date(instantOf(item)))
          .replace(' ', '')
          .toLowerCase(),
      })),
    });
  }
  return weeks;
}
