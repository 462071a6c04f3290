import { guardianEligibleSql, nationalEligibility } from '@haven/guardianship';
import { loadConfig } from '@haven/platform';
import { eligibilityCases } from '../libs/guardianship/src/scheme-rules.cases';
import { migratedDatabaseClient } from './support/database';

/**
 * The guardian schemes' eligibility exists twice, in TypeScript (assignGuardian, Child.guardianshipEligibility,
 * the seeds) and in SQL (the NO_GUARDIAN alert, the dashboard's coverage): both are run over the same table
 * of cases, in real PostgreSQL, and must agree on every one.
 */
describe('guardian eligibility: the SQL form agrees with the TypeScript one', () => {
  // a migrated database: the predicate reads the platform's haven_birthday
  const db = migratedDatabaseClient();

  const predicate = guardianEligibleSql({
    child: 'c',
    nation: 'c.nation',
    onDate: '$2::date',
    ictgAgeLimit: '$3::int',
    scotlandAgeLimit: '$4::int',
    northernIrelandAgeLimit: '$5::int',
    referred: 'c.referred',
  });
  const QUERY = `
    SELECT c.i, ${predicate} AS eligible
      FROM (SELECT (e ->> 'i')::int AS i, e ->> 'nation' AS nation,
                   ARRAY(SELECT jsonb_array_elements_text(e -> 'categories')) AS categories,
                   (e ->> 'parentalResponsibilityInUk')::boolean AS parental_responsibility_in_uk,
                   (e ->> 'referredToNrm')::boolean AS referred,
                   (e ->> 'effectiveDateOfBirth')::date AS effective_date_of_birth,
                   (e ->> 'ageDisputed')::boolean AS age_disputed
              FROM jsonb_array_elements($1::jsonb) e) c
     ORDER BY c.i`;

  it.each([
    ['the defaults (18 everywhere)', {}],
    [
      'a limit of its own per nation',
      { GUARDIAN_AGE_LIMIT_ICTG: '19', GUARDIAN_AGE_LIMIT_SCOTLAND: '21', GUARDIAN_AGE_LIMIT_NI: '25' },
    ],
  ])(
    'on every nation x category x parental responsibility x referral x age around the limit, with %s',
    async (_, env) => {
      const settings = loadConfig(env).guardianship;
      for (const on of ['2026-12-02', '2028-02-29', '2027-02-28']) {
        const cases = eligibilityCases(on, settings);
        const { ictg, scotland, northernIreland } = settings.ageLimits;
        const rows = await db().query<{ i: number; eligible: boolean }>(QUERY, [
          JSON.stringify(cases.map((c, i) => ({ i, ...c.facts }))),
          on,
          ictg,
          scotland,
          northernIreland,
        ]);
        expect(rows.rows).toHaveLength(cases.length);
        const disagreements = cases
          .map((c, i) => ({
            case: `${c.label} on ${on}`,
            ts: nationalEligibility(c.facts, on, settings).eligible,
            sql: rows.rows[i].eligible,
          }))
          .filter((row) => row.ts !== row.sql);
        expect(disagreements).toEqual([]);
        // the table is not trivially one-sided
        expect(rows.rows.filter((row) => row.eligible).length).toBeGreaterThan(cases.length / 5);
        expect(rows.rows.filter((row) => !row.eligible).length).toBeGreaterThan(cases.length / 5);
      }
    },
  );
});
