/** Rows grouped by a key, in their order: how a batched loader hands each key its rows. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** A batched loader's answer: for each child asked about, in order, its records (none: an empty list). */
export function perChild<T extends { childId: string | null }>(
  childIds: readonly string[],
  records: readonly T[],
): T[][] {
  const byChild = groupBy(records, (record) => record.childId);
  return childIds.map((id) => byChild.get(id) ?? []);
}
