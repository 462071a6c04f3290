import { londonDate } from '@haven/platform';

/** How many collection years the return page offers: this one and the four before it. */
const YEARS_OFFERED = 5;

/** A collection year by its end (2027: 1 April 2026 to 31 March 2027), as the API names it. */
export interface CollectionYearOption {
  year: number;
  start: string;
  end: string;
  current: boolean;
}

/** The collection year a day falls in: from 1 April, the year that ends next 31 March. */
export function collectionYearOf(date: string): number {
  const [year, month] = date.split('-').map(Number);
  return month >= 4 ? year + 1 : year;
}

/** The years offered, newest first: the one in progress on `today` (London), then those before it. */
export function collectionYears(today: string = londonDate(new Date())): CollectionYearOption[] {
  const current = collectionYearOf(today);
  return Array.from({ length: YEARS_OFFERED }, (_, index) => {
    const year = current - index;
    return { year, start: `${year - 1}-04-01`, end: `${year}-03-31`, current: index === 0 };
  });
}

/** The year an address names, if it is one the page offers. */
export function offeredYear(value: unknown, today?: string): number | undefined {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return collectionYears(today).find((option) => option.year === year)?.year;
}
