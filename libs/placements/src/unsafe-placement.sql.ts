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
