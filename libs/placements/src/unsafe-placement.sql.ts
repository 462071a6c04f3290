import { treatedAsChildSql } from '@haven/age-assessment';
import { unsafePlacementTypeSql } from './placement.enums';

/**
 * The placement at `alias` is unsafe on `onDate` (a SQL date expression): of a type unsafe for a child
 * while the person is treated as a child on that day (a child, or their age disputed). The one
 * definition the placement's `unsafe`, the UNSAFE_PLACEMENT alert and the dashboard read; the age rule
 * is only evaluated for the unsafe types.
 */
export function unsafeOnSql(alias: string, onDate: string): string {
  return `(CASE WHEN ${unsafePlacementTypeSql(alias)} THEN ${treatedAsChildSql(`${alias}.child_id`, onDate)} ELSE false END)`;
}

/**
 * Whether a placement is unsafe at every moment, not only when it began: of an unsafe type while the
 * person is a child or their age is disputed — today for a current placement, on its last day for one
 * that ended. (The stored `unsafe` column keeps what was known when it began.)
 */
export function unsafeNowSql(alias: string): string {
  return unsafeOnSql(
    alias,
    `(least(coalesce(${alias}.ended_at, now()), now()) AT TIME ZONE 'Europe/London')::date`,
  );
}
