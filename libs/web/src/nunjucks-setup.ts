import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { dirname, join } from 'node:path';

/** The folder of govuk-frontend's Nunjucks templates and macros (`govuk/components/...`). */
const GOVUK_FRONTEND = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

const LONDON = 'Europe/London';
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "4 December 2026 at 2:05am", in UK time: GOV.UK's style for dates and times. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}

/** "4 December 2026" for a `Date` scalar (YYYY-MM-DD). */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return '';
  return dateOnly.format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}

/** "MISSING_FROM_CARE" → "Missing from care": a plain label where no better one is known. */
export function humanise(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Items for govukSelect, govukRadios or govukCheckboxes, with the chosen value(s) marked. */
export function selectItems(
  items: { value: string; text: string }[],
  chosen: string | string[] | undefined,
): { value: string; text: string; selected: boolean; checked: boolean }[] {
  const values = Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen];
  return items.map((item) => ({
    ...item,
    selected: values.includes(item.value),
    checked: values.includes(item.value),
  }));
}

/**
 * Nunjucks with autoescaping over the application's views (by journey) and govuk-frontend's
 * templates, so pages use the Design System's own macros (`govuk/components/<name>/macro.njk`).
 */
export function setUpNunjucks(
  app: Express,
  viewFolders: string[],
  production: boolean,
): nunjucks.Environment {
  const environment = nunjucks.configure([...viewFolders, GOVUK_FRONTEND], {
    autoescape: true,
    express: app,
    noCache: !production,
    throwOnUndefined: false,
  });
  environment.addFilter('dateTime', formatDateTime);
  environment.addFilter('date', formatDate);
  environment.addFilter('humanise', humanise);
  environment.addFilter('selectItems', selectItems);
  app.set('view engine', 'njk');
  return environment;
}
