import { returnInterviewDueBy, startsSoonAfterPlacement } from '@haven/missing';
import { IsoDate } from '@haven/platform';
import { migratedDatabaseClient } from './support/database';

/**
 * The missing capability's two calculations exist in TypeScript (reportMissing and recordReturn work out
 * what they store; the national seed generates it) and in SQL (haven_soon_after_placement and
 * haven_return_interview_due_by, used by the twin and the demo seed): both are run over the same cases, in
 * real PostgreSQL, and must agree on every one. The cases straddle the clocks changing in Europe/London
 * (forward 29 Mar 2026 01:00 UTC, back 25 Oct 2026 01:00 UTC), midnight and 29 February.
 */
describe('missing rules: the SQL forms agree with the TypeScript ones', () => {
  const db = migratedDatabaseClient();

  const returns = [
    '2026-03-27T23:30:00Z', // the return interview falls due after the clocks go forward
    '2026-03-29T00:59:59Z',
    '2026-03-29T01:00:00Z',
    '2026-10-23T12:00:00Z', // and after they go back
    '2026-10-25T00:30:00Z',
    '2026-10-25T01:30:00Z',
    '2024-02-27T23:00:00Z', // across 29 February
    '2026-12-31T23:59:59Z',
  ];

  it.each([1, 24, 72, 720])(
    'gives the same return interview due time, %i hours after the return',
    async (hours) => {
      const { rows } = await db().query<{ returned_at: Date; due_by: Date }>(
        `SELECT r AS returned_at, haven_return_interview_due_by(r, $2) AS due_by
         FROM unnest($1::timestamptz[]) r ORDER BY r`,
        [returns, hours],
      );
      expect(rows).toHaveLength(returns.length);
      for (const row of rows) {
        expect(row.due_by.toISOString()).toBe(returnInterviewDueBy(row.returned_at, hours).toISOString());
      }
      // 72 elapsed hours across the clocks going forward: 30 Mar 23:30 UTC, though the wall clock moved 73
      if (hours === 72)
        expect(returnInterviewDueBy(new Date(returns[0]), 72).toISOString()).toBe('2026-03-30T23:30:00.000Z');
    },
  );

  interface SoonCase {
    missingSince: string;
    placementStartedAt: string | null;
    arrivalDate: IsoDate | null;
  }
  const instantsAround = (from: string, windowHours: number): string[] => {
    const at = new Date(from).getTime();
    const hour = 3_600_000;
    return [-1, 0, 1, windowHours * hour - 1, windowHours * hour, windowHours * hour + 1].map((offset) =>
      new Date(at + (offset === -1 ? -1000 : offset)).toISOString(),
    );
  };
  const cases = (windowHours: number): SoonCase[] => {
    const placements = ['2026-03-28T12:00:00Z', '2026-10-24T22:00:00Z', '2024-02-28T23:00:00Z'];
    // the start of the London day: 29 Mar 2026 begins at 00:00 UTC (GMT), 25 Oct and 1 Jul at 23:00 UTC the day before
    const arrivals: [IsoDate, string][] = [
      ['2026-03-29', '2026-03-29T00:00:00Z'],
      ['2026-10-25', '2026-10-24T23:00:00Z'],
      ['2026-07-01', '2026-06-30T23:00:00Z'],
      ['2024-02-29', '2024-02-29T00:00:00Z'],
    ];
    return [
      ...placements.flatMap((placement) =>
        instantsAround(placement, windowHours).flatMap((missingSince) => [
          { missingSince, placementStartedAt: placement, arrivalDate: null },
          { missingSince, placementStartedAt: placement, arrivalDate: '2020-01-01' },
        ]),
      ),
      ...arrivals.flatMap(([arrival, start]) =>
        instantsAround(start, windowHours).flatMap((missingSince) => [
          { missingSince, placementStartedAt: null, arrivalDate: arrival },
          { missingSince, placementStartedAt: '2019-06-01T10:00:00Z', arrivalDate: arrival },
        ]),
      ),
      { missingSince: '2026-03-29T00:00:00Z', placementStartedAt: null, arrivalDate: null },
    ];
  };

  it.each([1, 24, 72])('decides "soon after placement" alike, within %i hours', async (windowHours) => {
    const all = cases(windowHours);
    const { rows } = await db().query<{ i: number; soon: boolean }>(
      `SELECT (e ->> 'i')::int AS i,
              haven_soon_after_placement((e ->> 'missingSince')::timestamptz, (e ->> 'placementStartedAt')::timestamptz,
                                         (e ->> 'arrivalDate')::date, $2) AS soon
         FROM jsonb_array_elements($1::jsonb) e ORDER BY 1`,
      [JSON.stringify(all.map((c, i) => ({ i, ...c }))), windowHours],
    );
    const expected = all.map((c) =>
      startsSoonAfterPlacement(
        new Date(c.missingSince),
        c.placementStartedAt === null ? null : new Date(c.placementStartedAt),
        c.arrivalDate,
        windowHours,
      ),
    );
    expect(rows.map((row) => row.soon)).toEqual(expected);
    // the cases reach both answers, on both edges of the window
    expect(expected.filter(Boolean).length).toBeGreaterThan(all.length / 3);
    expect(expected.filter((soon) => !soon).length).toBeGreaterThan(all.length / 4);
  });
});
