import { londonDate } from '@haven/platform';
import { Outcome, Refusal, RefusedError } from './graphql/web-graphql';

/**
 * Form fields to the API's values and back: GOV.UK date inputs (day, month, year) for a `Date`, and a
 * date input with a time in UK time for a `DateTime`. Whether the values make sense is the API's to
 * say; these only check that the boxes hold what a date or a time can be written with.
 */

/** A GOV.UK date input's three boxes, as posted. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** A date input's boxes and a time box ("14:30"), in UK time. */
export interface DateTimeParts extends DateParts {
  time: string;
}

/** A posted form field as text ('' when absent or not text). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A posted text field for the API: blank is null. */
export function textOrNull(value: unknown): string | null {
  return text(value) || null;
}

/** A posted list of values (checkboxes): always an array of strings. */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export function dateParts(value: unknown): DateParts {
  const posted = (value ?? {}) as Record<string, unknown>;
  return { day: text(posted.day), month: text(posted.month), year: text(posted.year) };
}

export function dateTimeParts(value: unknown): DateTimeParts {
  const posted = (value ?? {}) as Record<string, unknown>;
  return { ...dateParts(value), time: text(posted.time) };
}

/** The boxes of a `Date` (YYYY-MM-DD), for a form showing a stored value. */
export function partsOfDate(date: string | null | undefined): DateParts {
  if (!date) return { day: '', month: '', year: '' };
  const [year, month, day] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The boxes' problems (a required date left empty, a date that cannot be read), before anything is sent. */
export function formProblems(checks: Record<string, Parsed<unknown>>): Refusal | null {
  const fields = Object.entries(checks).flatMap(([field, result]) =>
    result.ok ? [] : [{ field, message: result.message }],
  );
  return fields.length ? { code: 'BAD_USER_INPUT', message: 'Check the form', fields } : null;
}

const NUMBER = /^\d{1,4}$/;

/**
 * The `Date` the boxes give: null when all are empty; a message when a box is missing or not a
 * number (the API says whether the date itself is a real one).
 */
export function parseDate(parts: DateParts, label: string): Parsed<string | null> {
  const { day, month, year } = parts;
  if (!day && !month && !year) return { ok: true, value: null };
  if (!NUMBER.test(day) || !NUMBER.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: `${label} must be a real date, for example 27 3 2010` };
  }
  return { ok: true, value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

const TIME = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i;

/** Hours and minutes from "14:30", "2:30pm", "9am"; null when it is not a time. */
export function parseTime(value: string): { hours: number; minutes: number } | null {
  const match = TIME.exec(value.replace(/\s+/g, ''));
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const period = match[3]?.toLowerCase();
  if (period) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (period === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return { hours, minutes };
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const shown = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => Number(shown.find((item) => item.type === type)!.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant a London wall-clock time names (an hour the clocks skip is read as after the change). */
export function londonInstant(date: string, hours: number, minutes: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  const first = wall - londonOffsetMinutes(wall) * 60_000;
  return new Date(wall - londonOffsetMinutes(first) * 60_000);
}

/**
 * The `DateTime` (ISO instant) the boxes give, in UK time: null when all are empty; a message when
 * the date or the time cannot be read.
 */
export function parseDateTime(parts: DateTimeParts, label: string): Parsed<string | null> {
  const date = parseDate(parts, label);
  if (!date.ok) return date;
  if (date.value === null) {
    return parts.time ? { ok: false, message: `Enter the date as well as the time` } : date;
  }
  const time = parseTime(parts.time);
  if (!time) return { ok: false, message: `${label}: enter a time in UK time, for example 14:30` };
  return { ok: true, value: londonInstant(date.value, time.hours, time.minutes).toISOString() };
}

/** The boxes for an instant in UK time (now, by default), to the minute. */
export function partsOfInstant(instant: Date | string = new Date()): DateTimeParts {
  const at = new Date(instant);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { ...partsOfDate(londonDate(at)), time };
}

/**
 * The API's messages in the page's words, by the fields' labels: "givenName is required" → "Given
 * name is required"; a value the API could not read at all → "Date of birth is not valid".
 */
export function inPlainWords(refusal: Refusal, labels: Record<string, string>): Refusal {
  return {
    ...refusal,
    fields: refusal.fields.map(({ field, message }) => {
      const name = field.replace(/^input\./, '');
      const label = labels[name.split('.')[0]];
      if (!label) return { field, message };
      if (message.includes('Variable "$')) return { field, message: `${label} is not valid` };
      return { field, message: message.startsWith(name) ? label + message.slice(name.length) : message };
    }),
  };
}

/** A form shows BAD_USER_INPUT and CONFLICT itself; any other refusal is the error handler's (sign in, 404, 403). */
export function shownOnTheForm<T>(outcome: Outcome<T>): Outcome<T> {
  if (!outcome.ok && !['BAD_USER_INPUT', 'CONFLICT'].includes(outcome.refusal.code)) {
    throw new RefusedError(outcome.refusal);
  }
  return outcome;
}
