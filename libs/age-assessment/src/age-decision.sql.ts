/**
 * The age decision that stands, as SQL for the readers that work set-based (the alert scan, a
 * placement's `unsafe`): the functions of migration 1732250000012, which own the rule once.
 *
 * - `haven_age_decision(child, onDate)`: a court's final determination over any local assessment, else
 *   the latest decision by the date it was made; a local outcome counts until a judicial review.
 * - `haven_age_disputed(child, onDate)`: a dispute raised and not decided, or under judicial review.
 * - `haven_treated_as_child(child, onDate)`: disputed, or under 18 by the date of birth that stood then
 *   (unknown: a child).
 * A null date means now, from the statuses.
 */
export function treatedAsChildSql(child: string, onDate: string): string {
  return `haven_treated_as_child(${child}, ${onDate})`;
}

export function ageDisputedSql(child: string, onDate: string): string {
  return `haven_age_disputed(${child}, ${onDate})`;
}

/** The outcome of the decision standing on a date, or null. */
export function standingOutcomeSql(child: string, onDate: string): string {
  return `(SELECT d.outcome FROM haven_age_decision(${child}, ${onDate}) d)`;
}
