import { ExploitationType, nrmCategories } from '@haven/children';
import { migratedDatabaseClient } from './support/database';

/**
 * The NRM category of a child's exploitation types exists in TypeScript (Child.nrmCategories, the
 * dashboard's suppression) and in SQL (haven_nrm_categories, the dashboard's breakdown): both are run over
 * every type alone, no type, UNKNOWN with and without others, and every pair, and must agree on each.
 */
describe('NRM category: the SQL form agrees with the TypeScript one', () => {
  const db = migratedDatabaseClient();

  const types = Object.values(ExploitationType);
  const cases: ExploitationType[][] = [
    [],
    ...types.map((type) => [type]),
    ...types.flatMap((first, i) => types.slice(i + 1).map((second) => [first, second])),
    [ExploitationType.UNKNOWN, ExploitationType.UNKNOWN],
    [
      ExploitationType.CRIMINAL_BEGGING,
      ExploitationType.LABOUR,
      ExploitationType.SEXUAL,
      ExploitationType.UNKNOWN,
    ],
  ];

  it('files every combination of exploitation types under the same categories', async () => {
    const { rows } = await db().query<{ i: number; categories: string[] }>(
      `SELECT (e ->> 'i')::int AS i,
              ARRAY(SELECT k FROM haven_nrm_categories(ARRAY(SELECT jsonb_array_elements_text(e -> 'types'))) k
                     ORDER BY k) AS categories
         FROM jsonb_array_elements($1::jsonb) e ORDER BY 1`,
      [JSON.stringify(cases.map((c, i) => ({ i, types: c })))],
    );
    expect(rows.map((row) => row.categories)).toEqual(cases.map((c) => [...nrmCategories(c)].sort()));
    // the cases reach every category, and the one case with nothing recorded
    expect(new Set(rows.flatMap((row) => row.categories)).size).toBe(5);
  });
});
