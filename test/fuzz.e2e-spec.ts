import fc from 'fast-check';
import {
  buildSchema,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  getNamedType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assignGuardian, newChild, newReferral, practitionerId, today } from './support/factories';
import { guardian, HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

/**
 * Property-based fuzzing of every mutation of the committed schema (quality.md, "bad input"): whatever
 * the input, the answer is data or a refusal the contract names — never INTERNAL_SERVER_ERROR — and a
 * refused mutation writes nothing, not even an audit row. Inputs are generated from the schema's own
 * input types: valid values, edge cases and wrong types mixed, ids drawn from real records and random
 * ones. The seed is fixed, so a run is repeatable.
 */
const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
const EXPECTED_REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);
const RUNS_PER_MUTATION = 40;

const oddStrings = fc.constantFrom(
  '',
  '   ',
  '\u0000',
  "Robert'); DROP TABLE child;--",
  '𝓗𝓪𝓿𝓮𝓷',
  'x'.repeat(5000),
);
const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString());
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 8 }), fc.constant({}));

/** Values for a GraphQL input type: mostly well-typed, sometimes absent, null or of the wrong type. */
function valuesOf(type: GraphQLInputType, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return present(type.ofType, ids, depth);
  return fc.oneof(
    { weight: 6, arbitrary: present(type, ids, depth) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function present(type: GraphQLInputType, ids: readonly string[], depth: number): fc.Arbitrary<unknown> {
  const typed = wellTyped(type, ids, depth);
  return fc.oneof({ weight: 40, arbitrary: typed }, { weight: 1, arbitrary: wrongType });
}

function wellTyped(type: GraphQLInputType, ids: readonly string[], depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return wellTyped(type.ofType, ids, depth);
  if (isListType(type))
    return fc.array(valuesOf(type.ofType, ids, depth + 1), { maxLength: depth > 1 ? 0 : 3 });
  if (isEnumType(type))
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
      { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') },
    );
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(
      fields.map((field) => [field.name, valuesOf(field.type, ids, depth + 1)]),
    );
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    // required fields mostly there; sometimes left out, which must be refused as well
    return fc.oneof(
      { weight: 8, arbitrary: fc.record(shape, { requiredKeys: required }) },
      { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...ids) },
          { weight: 2, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        );
      case 'Int':
        return fc.oneof(fc.integer({ min: -5, max: 400 }), fc.integer());
      case 'Float':
        return fc.double({ noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'Date':
        return fc.oneof(
          { weight: 6, arbitrary: isoDate },
          { weight: 1, arbitrary: fc.constantFrom('2026-02-30', 'soon') },
        );
      case 'DateTime':
        return fc.oneof(
          { weight: 6, arbitrary: isoInstant },
          { weight: 1, arbitrary: fc.constantFrom('yesterday', '2026-13-01T00:00:00Z') },
        );
      default:
        return fc.oneof(
          { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
          { weight: 1, arbitrary: oddStrings },
        );
    }
  }
  return fc.constant(null);
}

describe('every mutation, fuzzed', () => {
  let app: TestApp;
  const manager = teamManager(HILLINGDON, 'tm-fuzz');
  const worker = socialWorker(HILLINGDON, 'sw-fuzz');
  const gail = guardian('ICTG-FUZZ', 'g-fuzz');
  /** Who may make each mutation: a team manager, except what only a guardian records. */
  const callerOf = (mutation: string) => (mutation === 'recordGuardianContact' ? gail : manager);
  let ids: string[] = [];
  let countAll = '';

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '0' });
    // a small case with a record of each kind, so that generated ids often name real ones
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, today());
    await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: {
        childId: child.id,
        kind: 'MISSING',
        missingSince: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    await app.ok(manager, `mutation { runAlertScan(input: {}) { raised } }`);
    const rows = await app.query<{ id: string }>(
      `SELECT id FROM child UNION ALL SELECT id FROM nrm_referral UNION ALL SELECT id FROM guardian_assignment
       UNION ALL SELECT id FROM missing_episode UNION ALL SELECT id FROM alert UNION ALL SELECT id FROM practitioner
       UNION ALL SELECT id FROM organisation WHERE code = $1`,
      [HILLINGDON],
    );
    ids = rows.map((row) => row.id);
    const tables = await app.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`,
    );
    countAll = `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table.name})`).join(" || ',' || ")} AS counts`;
  });
  afterAll(async () => {
    await app.close();
  });

  const counts = async () => (await app.query<{ counts: string }>(countAll))[0].counts;

  for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
    it(`${mutation.name}: answers or refuses as the contract says, and a refusal writes nothing`, async () => {
      const input = mutation.args.find((arg) => arg.name === 'input')!;
      const selection = isLeafType(getNamedType(mutation.type)) ? '' : '{ __typename }';
      const query = `mutation($input: ${input.type.toString()}) { ${mutation.name}(input: $input) ${selection} }`;
      await fc.assert(
        fc.asyncProperty(valuesOf(input.type, ids), async (value) => {
          const before = await counts();
          const answer = await app.gql(
            callerOf(mutation.name),
            query,
            value === undefined ? {} : { input: value },
          );
          const codes = (answer.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE');
          for (const code of codes) {
            if (!EXPECTED_REFUSALS.has(code))
              throw new Error(`${mutation.name} answered ${code} for ${JSON.stringify(value).slice(0, 500)}`);
          }
          if (codes.length > 0) expect(await counts()).toBe(before);
        }),
        { seed: 20261122, numRuns: RUNS_PER_MUTATION },
      );
    });
  }
});
