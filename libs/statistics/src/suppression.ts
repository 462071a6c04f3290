/**
 * Statistical disclosure control for the dashboard, as pure functions: small numbers identify children.
 *
 * Primary suppression hides every count from 1 to the threshold (in SQL, haven_figure, before a count
 * leaves the database; `primarySuppression` is its TypeScript form, tested against it). Secondary
 * suppression then makes sure that no hidden figure can be worked out from the figures published beside
 * it: where a total is shown with its breakdown (or a series sums to a shown figure), subtracting the
 * shown cells from the total must never leave one hidden cell alone, and no combination of such sums
 * (a breakdown nested in another, two breakdowns of one total) may pin one down either. Whenever one
 * could be, the next smallest shown cell is hidden too, and so on until none can.
 */

/** A published number: null and suppressed when hidden, never 0. */
export interface Published {
  value: number | null;
  suppressed: boolean;
}

export const HIDDEN: Readonly<Published> = Object.freeze({ value: null, suppressed: true });

/** haven_figure in TypeScript: a count from 1 to the threshold is hidden; 0 and larger are shown. */
export function primarySuppression(count: number, threshold: number): Published {
  return count >= 1 && count <= threshold ? { ...HIDDEN } : { value: count, suppressed: false };
}

/** The figure at `total` is the sum of the figures at `cells`, or may be for all a reader knows. */
export interface Sum {
  total: number;
  cells: readonly number[];
}

/** The figure at `figure` (a rate, a median) is built on the counts at `on`. */
export interface BuiltOn {
  figure: number;
  on: readonly number[];
}

export interface Disclosure {
  /** Every figure published together, by index, as primary suppression left it. */
  figures: readonly Published[];
  sums: readonly Sum[];
  builtOn?: readonly BuiltOn[];
}

/**
 * Which figures to hide: those already hidden, then, one at a time, the next smallest shown figure
 * beside a hidden figure that could still be worked out, until none can; then every rate or median
 * built on a hidden count. A shown 0 is never hidden: it identifies no one, and a reader who knows
 * hidden counts are at least 1 would see through it.
 */
export function suppressionPlan({ figures, sums, builtOn = [] }: Disclosure): boolean[] {
  const hidden = figures.map((figure) => figure.suppressed);
  const values = figures.map((figure) => figure.value ?? 0);
  for (;;) {
    const exposed = recoverable(hidden, sums);
    if (exposed.length === 0) break;
    const next = complement(exposed, values, hidden, sums);
    if (next === undefined) break; // only zeros left beside it: nothing more can be hidden
    hidden[next] = true;
  }
  for (const { figure, on } of builtOn) if (on.some((index) => hidden[index])) hidden[figure] = true;
  return hidden;
}

/**
 * The next figure to hide for the first exposed one: of the shown non-zero figures of the sums it is
 * part of (cells before totals), the smallest whose hiding stops it being worked out, or else the
 * smallest; failing any, the smallest shown non-zero figure of any sum that holds a hidden figure.
 */
function complement(
  exposed: number[],
  values: readonly number[],
  hidden: boolean[],
  sums: readonly Sum[],
): number | undefined {
  const target = exposed[0];
  const bySize = (indexes: number[]) =>
    [...new Set(indexes)]
      .filter((index) => !hidden[index] && values[index] > 0)
      .sort((a, b) => values[a] - values[b] || a - b);
  const around = sums.filter((sum) => sum.total === target || sum.cells.includes(target));
  const near = [
    ...bySize(around.flatMap((sum) => [...sum.cells])),
    ...bySize(around.map((sum) => sum.total)),
  ].filter((index, position, all) => all.indexOf(index) === position);
  const protects = near.find((index) => {
    const trial = [...hidden];
    trial[index] = true;
    return !recoverable(trial, sums).includes(target);
  });
  return (
    protects ??
    near.at(0) ??
    bySize(
      sums
        .filter((sum) => [sum.total, ...sum.cells].some((index) => hidden[index]))
        .flatMap((sum) => [...sum.cells, sum.total]),
    ).at(0)
  );
}

/**
 * The hidden figures a reader could work out exactly from the sums and the shown figures: with the
 * shown figures substituted, each sum is a linear equation in the hidden ones, and a hidden figure is
 * determined exactly when its unit vector lies in the equations' row space, which is when one row of
 * the reduced row echelon form has that figure alone. Integer (fraction-free) Gauss–Jordan elimination.
 */
export function recoverable(hidden: readonly boolean[], sums: readonly Sum[]): number[] {
  const columns = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
  const column = new Map(columns.map((index, position) => [index, position]));
  const rows = sums
    .map((sum) => {
      const row = new Array<number>(columns.length).fill(0);
      const add = (index: number, coefficient: number) => {
        const position = column.get(index);
        if (position !== undefined) row[position] += coefficient;
      };
      add(sum.total, 1);
      for (const cell of sum.cells) add(cell, -1);
      return row;
    })
    .filter((row) => row.some((entry) => entry !== 0));
  let pivotRow = 0;
  for (let col = 0; col < columns.length && pivotRow < rows.length; col += 1) {
    const found = rows.findIndex((row, index) => index >= pivotRow && row[col] !== 0);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found], rows[pivotRow]];
    const pivot = rows[pivotRow];
    for (let index = 0; index < rows.length; index += 1) {
      if (index === pivotRow || rows[index][col] === 0) continue;
      const factor = rows[index][col];
      rows[index] = normalise(rows[index].map((entry, at) => entry * pivot[col] - pivot[at] * factor));
    }
    pivotRow += 1;
  }
  return rows.flatMap((row) => {
    const nonZero = row.flatMap((entry, position) => (entry !== 0 ? [position] : []));
    return nonZero.length === 1 ? [columns[nonZero[0]]] : [];
  });
}

/** A row divided by the greatest common divisor of its entries, so that they stay small. */
function normalise(row: number[]): number[] {
  const divisor = row.reduce((acc, entry) => gcd(acc, Math.abs(entry)), 0);
  return divisor > 1 ? row.map((entry) => entry / divisor) : row;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
