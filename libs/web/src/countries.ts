import { CountryCodes } from 'validator/lib/isISO31661Alpha2';

const names = new Intl.DisplayNames('en-GB', { type: 'region', fallback: 'code' });

/** A country's name in British English from its ISO 3166-1 alpha-2 code ("VN" → "Vietnam"). */
export function countryName(code: string | null | undefined): string {
  return code ? (names.of(code.toUpperCase()) ?? code) : '';
}

/**
 * The countries the API takes for a nationality (the same ISO 3166-1 alpha-2 list its validation
 * uses), by name, for a select.
 */
export const COUNTRIES: readonly { value: string; text: string }[] = [...CountryCodes]
  .map((code) => ({ value: code, text: countryName(code) }))
  .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
