import { addDays, ageOn, birthday, IsoDate } from '@haven/platform';
import { migratedDatabaseClient } from './support/database';

/**
 * The n-th birthday exists twice: the platform's `birthday` (TypeScript: the case-closure check, the
 * scheme rules, SSDA903, the seeds) and haven_birthday (SQL: the alert rules, the dashboard, the child
 * list, eligibility, retention). Both run over the same dates of birth and ages, in real PostgreSQL, and
 * must agree on every one, 29 February births included (a common year's birthday is 28 February).
 */
describe('birthdays: haven_birthday agrees with the platform’s birthday', () => {
  const db = migratedDatabaseClient();

  // leap days, the days around them, the ends of months and years, and the daylight-saving changes
  // in Europe/London (a date of birth is a calendar date: the clocks changing moves nothing)
  const BIRTHS: IsoDate[] = [
    '2008-02-29',
    '2008-02-28',
    '2008-03-01',
    '2007-02-28',
    '2007-03-01',
    '2000-02-29',
    '1996-02-29',
    '2010-01-01',
    '2009-12-31',
    '2010-03-28',
    '2010-03-29',
    '2010-10-31',
    '2010-10-30',
    '2011-04-30',
    '2011-08-31',
  ];
  const AGES = [0, 1, 4, 14, 16, 17, 18, 19, 21, 25, 75, 100];

  it('gives the same n-th birthday for every date of birth and age', async () => {
    const cases = BIRTHS.flatMap((dob) => AGES.map((age) => ({ dob, age })));
    const { rows } = await db().query<{ day: string }>(
      `SELECT haven_birthday(c.dob, c.age)::text AS day
         FROM unnest($1::date[], $2::int[]) WITH ORDINALITY AS c (dob, age, i) ORDER BY c.i`,
      [cases.map((c) => c.dob), cases.map((c) => c.age)],
    );
    const disagreements = cases
      .map((c, i) => ({ ...c, ts: birthday(c.dob, c.age), sql: rows[i].day }))
      .filter((row) => row.ts !== row.sql);
    expect(rows).toHaveLength(cases.length);
    expect(disagreements).toEqual([]);
    // today's behaviour, kept: a 29 February birthday falls on 28 February in a common year
    expect(birthday('2008-02-29', 18)).toBe('2026-02-28');
    expect(birthday('2008-02-29', 20)).toBe('2028-02-29');
  });

  it('counts someone 18 from the same day in both, around each 18th birthday', async () => {
    const cases = BIRTHS.flatMap((dob) =>
      [-1, 0, 1].map((offset) => ({ dob, on: addDays(birthday(dob, 18), offset) })),
    );
    const { rows } = await db().query<{ adult: boolean }>(
      `SELECT haven_birthday(c.dob, 18) <= c.day AS adult
         FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS c (dob, day, i) ORDER BY c.i`,
      [cases.map((c) => c.dob), cases.map((c) => c.on)],
    );
    const disagreements = cases
      .map((c, i) => ({ ...c, ts: ageOn(c.dob, c.on) >= 18, sql: rows[i].adult }))
      .filter((row) => row.ts !== row.sql);
    expect(disagreements).toEqual([]);
    expect(rows.filter((row) => row.adult)).toHaveLength(BIRTHS.length * 2);
  });
});
