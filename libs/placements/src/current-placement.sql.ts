/**
 * The placement at `alias` is the child's placement at `at` (a SQL timestamptz expression): begun by then
 * and not ended. The one definition of "placed at" the UNSAFE_PLACEMENT alert reads; for "now" read the
 * published view `current_placement` (the placements not ended).
 */
export function placedAtSql(alias: string, at: string): string {
  return `(${alias}.started_at <= ${at} AND (${alias}.ended_at IS NULL OR ${alias}.ended_at > ${at}))`;
}
