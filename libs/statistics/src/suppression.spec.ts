import fc from 'fast-check';
import { primarySuppression, Published, recoverable, Sum, suppressionPlan } from './suppression';

const THRESHOLD = 4;

/** Raw counts through both steps, as the dashboard does: primary (haven_figure), then the plan. */
function publish(raw: number[], sums: Sum[], threshold = THRESHOLD): Published[] {
  const primary = raw.map((count) => primarySuppression(count, threshold));
  const hidden = suppressionPlan({ figures: primary, sums });
  return primary.map((figure, index) => (hidden[index] ? { value: null, suppressed: true } : figure));
}
const shown = (published: Published[]) => published.map((figure) => figure.value);

/**
 * A reader with the published figures and nothing else, trying every subtraction: each sum, and the
 * difference (and sum) of every two sums (two breakdowns of one total, a breakdown nested in another,
 * a series beside its headline), with the shown figures and whatever was worked out so far subtracted,
 * until one hidden figure stands alone. (Subtracting only some of the shown cells leaves more than one
 * unknown, so this is every subtraction that can succeed.) Written independently of the plan's linear
 * algebra.
 */
function attack(published: Published[], sums: Sum[]): Map<number, number> {
  type Equation = Map<number, number>; // figure index -> coefficient; equals 0
  const equationOf = (sum: Sum): Equation => {
    const equation: Equation = new Map([[sum.total, 1]]);
    for (const cell of sum.cells) equation.set(cell, (equation.get(cell) ?? 0) - 1);
    return equation;
  };
  const combine = (a: Equation, b: Equation, sign: number): Equation => {
    const result = new Map(a);
    for (const [index, coefficient] of b) result.set(index, (result.get(index) ?? 0) + sign * coefficient);
    return result;
  };
  const base = sums.map(equationOf);
  const equations = [...base];
  for (let i = 0; i < base.length; i += 1)
    for (let j = i + 1; j < base.length; j += 1)
      equations.push(combine(base[i], base[j], -1), combine(base[i], base[j], 1));
  const known = new Map<number, number>();
  published.forEach((figure, index) => {
    if (!figure.suppressed && figure.value !== null) known.set(index, figure.value);
  });
  const recovered = new Map<number, number>();
  for (let progress = true; progress;) {
    progress = false;
    for (const equation of equations) {
      let rest = 0;
      const unknown: [number, number][] = [];
      for (const [index, coefficient] of equation) {
        if (coefficient === 0) continue;
        if (known.has(index)) rest += coefficient * known.get(index)!;
        else unknown.push([index, coefficient]);
      }
      if (unknown.length !== 1) continue;
      const [index, coefficient] = unknown[0];
      known.set(index, -rest / coefficient);
      recovered.set(index, -rest / coefficient);
      progress = true;
    }
  }
  return recovered;
}

/** Splits a total into `parts` non-negative cells. */
const split = (total: number, parts: number) =>
  fc
    .array(fc.nat({ max: Math.max(total, 0) }), { minLength: parts - 1, maxLength: parts - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), total];
      return points.slice(1).map((point, index) => point - points[index]);
    });

/**
 * What the dashboard publishes together, in miniature: a total; two breakdowns of it (gender, age
 * band); a coarse breakdown (NRM category) whose first cell is split into a fine one (exploitation
 * type) also published; and a monthly series beside its own headline total.
 */
const publication = fc
  .record({
    total: fc.nat({ max: 40 }),
    breakdowns: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    coarse: fc.integer({ min: 1, max: 4 }),
    fine: fc.integer({ min: 1, max: 4 }),
    months: fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 12 }),
  })
  .chain(({ total, breakdowns, coarse, fine, months }) =>
    fc
      .tuple(split(total, breakdowns[0]), split(total, breakdowns[1]), split(total, coarse))
      .chain(([first, second, coarseCells]) =>
        split(coarseCells[0], fine).map((fineCells) => ({
          total,
          first,
          second,
          coarseCells,
          fineCells,
          months,
        })),
      ),
  )
  .map(({ total, first, second, coarseCells, fineCells, months }) => {
    const raw: number[] = [];
    const add = (values: number[]) => values.map((value) => raw.push(value) - 1);
    const [totalAt] = add([total]);
    const firstAt = add(first);
    const secondAt = add(second);
    const coarseAt = add(coarseCells);
    const fineAt = add(fineCells);
    const [headlineAt] = add([months.reduce((a, b) => a + b, 0)]);
    const monthsAt = add(months);
    const sums: Sum[] = [
      { total: totalAt, cells: firstAt },
      { total: totalAt, cells: secondAt },
      { total: totalAt, cells: coarseAt },
      { total: totalAt, cells: [...fineAt, ...coarseAt.slice(1)] },
      { total: coarseAt[0], cells: fineAt },
      { total: headlineAt, cells: monthsAt },
    ];
    return { raw, sums };
  });

describe('primary suppression', () => {
  it('hides every count from 1 to the threshold, and shows 0 and the count above it', () => {
    expect([0, 1, 4, 5].map((count) => primarySuppression(count, 4))).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
    ]);
    expect(primarySuppression(10, 10)).toEqual({ value: null, suppressed: true });
    expect(primarySuppression(3, 0)).toEqual({ value: 3, suppressed: false });
  });
});

describe('secondary suppression', () => {
  const breakdown = (cells: number[], total = cells.reduce((a, b) => a + b, 0)) => ({
    raw: [total, ...cells],
    sums: [{ total: 0, cells: cells.map((_, index) => index + 1) }],
  });

  it('hides a cell of 5 beside a cell of 4 when their total is shown', () => {
    const { raw, sums } = breakdown([4, 5]);
    expect(shown(publish(raw, sums))).toEqual([9, null, null]);
  });

  it('hides the next smallest shown cell, not a larger one, and leaves two hidden cells alone', () => {
    const { raw, sums } = breakdown([2, 9, 6, 20]);
    expect(shown(publish(raw, sums))).toEqual([37, null, 9, null, 20]);
    const two = breakdown([3, 2, 10]);
    expect(shown(publish(two.raw, two.sums))).toEqual([15, null, null, 10]);
  });

  it('shows a total of 0 and its zero cells', () => {
    const { raw, sums } = breakdown([0, 0, 0]);
    expect(publish(raw, sums)).toEqual(raw.map(() => ({ value: 0, suppressed: false })));
  });

  it('shows the total when every cell is hidden, and hides nothing more', () => {
    const { raw, sums } = breakdown([1, 2, 3]);
    expect(shown(publish(raw, sums))).toEqual([6, null, null, null]);
  });

  it('never hides a zero: a series of one small month and zero months hides the next smallest non-zero month', () => {
    const { raw, sums } = breakdown([0, 3, 0, 12, 6]);
    expect(shown(publish(raw, sums))).toEqual([21, 0, null, 0, 12, null]);
  });

  it('hides the total when a hidden cell has no other non-zero cell beside it', () => {
    // a breakdown that may not add up (a child under several keys): 3 hidden, the rest 0, total 7
    const { raw, sums } = breakdown([3, 0], 7);
    expect(shown(publish(raw, sums))).toEqual([null, null, 0]);
  });

  it('follows a hidden cell into the breakdowns nested in it and beside it', () => {
    // total 18 = coarse [11, 7]; coarse 11 = fine [3, 8]; fine [3, 8] and coarse 7 also make 18
    const raw = [18, 11, 7, 3, 8];
    const sums = [
      { total: 0, cells: [1, 2] },
      { total: 1, cells: [3, 4] },
      { total: 0, cells: [3, 4, 2] },
    ];
    expect(shown(publish(raw, sums))).toEqual([18, 11, 7, null, null]);
    // one fine type is the whole NRM category: hiding it protects nothing (the category shows it),
    // so the next smallest cell that does protect is hidden instead
    const equal = [20, 6, 14, 6, 3, 11];
    const equalSums = [
      { total: 0, cells: [1, 2] },
      { total: 0, cells: [3, 4, 5] },
      { total: 1, cells: [3] },
    ];
    expect(shown(publish(equal, equalSums))).toEqual([20, 6, 14, 6, null, null]);
  });

  it('hides a rate or median built on a hidden count', () => {
    const figure = (value: number | null) => ({ value, suppressed: value === null });
    const hidden = suppressionPlan({
      figures: [
        figure(10),
        figure(null),
        figure(8),
        figure(0.25),
        figure(0.5),
        { value: null, suppressed: false },
      ],
      sums: [{ total: 0, cells: [1, 2] }],
      builtOn: [
        { figure: 3, on: [0, 2] },
        { figure: 4, on: [0] },
        { figure: 5, on: [0] },
      ],
    });
    // a rate with no denominator (null, not suppressed) is not a hidden figure
    expect(hidden).toEqual([false, true, true, true, false, false]);
  });

  it('finds the hidden figures a reader can work out, and only those', () => {
    expect(recoverable([false, true, false], [{ total: 0, cells: [1, 2] }])).toEqual([1]);
    expect(recoverable([false, true, true], [{ total: 0, cells: [1, 2] }])).toEqual([]);
    // two breakdowns of a hidden total: one of them gives the total away, then the other's cell
    expect(
      recoverable(
        [true, true, false, false, false],
        [
          { total: 0, cells: [1, 2] },
          { total: 0, cells: [3, 4] },
        ],
      ).sort(),
    ).toEqual([0, 1]);
  });

  it('leaves no hidden figure that any subtraction of published figures recovers (property, fixed seed)', () => {
    fc.assert(
      fc.property(publication, fc.integer({ min: 1, max: 6 }), ({ raw, sums }, threshold) => {
        const published = publish(raw, sums, threshold);
        const recovered = attack(published, sums);
        for (const [index] of recovered) expect(published[index].suppressed).toBe(false);
        // nor can any combination of the sums, however many (the plan's own check, which it never gave up on)
        expect(
          recoverable(
            published.map((figure) => figure.suppressed),
            sums,
          ),
        ).toEqual([]);
        // and everything small is hidden, everything shown is the true count, nothing hidden is 0
        published.forEach((figure, index) => {
          if (raw[index] >= 1 && raw[index] <= threshold)
            expect(figure).toEqual({ value: null, suppressed: true });
          if (!figure.suppressed) expect(figure.value).toBe(raw[index]);
          if (figure.suppressed) expect(figure.value).toBeNull();
          if (raw[index] === 0) expect(figure.suppressed).toBe(false);
        });
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });

  it('the reader used by the property finds what it should (it is not blind)', () => {
    // primary suppression alone leaves the lone hidden cell to subtraction
    const raw = [9, 4, 5];
    const sums = [{ total: 0, cells: [1, 2] }];
    const primaryOnly = raw.map((count) => primarySuppression(count, THRESHOLD));
    expect([...attack(primaryOnly, sums)]).toEqual([[1, 4]]);
  });
});
