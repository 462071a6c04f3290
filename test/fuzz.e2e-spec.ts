import fc from 'fast-check';
import {
  getNamedType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { assignGuardian, newChild, newReferral, practitionerId, today } from './support/factories';
import { schema, valuesOf } from './support/schema-values';
import { guardian, HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

/**
 * Property-based fuzzing of every mutation of the committed schema (quality.md, "bad input"): whatever
 * the input, the answer is data or a refusal the contract names — never INTERNAL_SERVER_ERROR — and a
 * refused mutation writes nothing, not even an audit row. Inputs are generated from the schema's own
 * input types: valid values, edge cases and wrong types mixed, ids drawn from real records and random
 * ones. The seed is fixed, so a run is repeatable.
 */
const EXPECTED_REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);
const RUNS_PER_MUTATION = 40;

describe('every mutation, fuzzed', () => {
  let app: TestApp;
  const manager = teamManager(HILLINGDON, 'tm-fuzz');
  const worker = socialWorker(HILLINGDON, 'sw-fuzz');
  const gail = guardian('ICTG-FUZZ', 'g-fuzz');
  /** Who may make each mutation: a team manager, except what only a guardian records. */
  const callerOf = (mutation: string) => (mutation === 'recordGuardianContact' ? gail : manager);
  let ids: string[] = [];

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
  });
  afterAll(async () => {
    await app.close();
  });

  const counts = () => app.everyTableCount();

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

  describe('a blank required text says it is required', () => {
    /** Every required text field inside an input type, as a path ("aliases.0.name"), through lists. */
    function requiredTexts(
      type: GraphQLInputType,
      path: string[] = [],
      seen = new Set<string>(),
    ): string[][] {
      const named = getNamedType(type);
      if (!isInputObjectType(named) || seen.has(named.name)) return [];
      return Object.values(named.getFields()).flatMap((field) => {
        const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
        const at = isListType(inner) ? [...path, field.name, '0'] : [...path, field.name];
        if (isNonNullType(field.type) && getNamedType(field.type).name === 'String') return [at];
        return requiredTexts(field.type, at, new Set([...seen, named.name]));
      });
    }

    /** An input with every required field well-formed, and the fields on `path` given. */
    function inputWith(type: GraphQLInputType, path: string[], blank: string): unknown {
      const inner = isNonNullType(type) ? type.ofType : type;
      if (isListType(inner)) return [inputWith(inner.ofType, path.slice(1), blank)];
      if (path.length === 0 && getNamedType(inner).name === 'String') return blank;
      if (isEnumType(inner)) return inner.getValues()[0].name;
      if (!isInputObjectType(inner)) {
        const byScalar: Record<string, unknown> = {
          ID: ids[0],
          Date: today(),
          DateTime: new Date(Date.now() - 60_000).toISOString(),
          Int: 1,
          Float: 1,
          Boolean: false,
          String: 'Kent Police',
        };
        return byScalar[inner.name];
      }
      const [next, ...rest] = path;
      return Object.fromEntries(
        Object.values(inner.getFields())
          .filter((field) => field.name === next || isNonNullType(field.type))
          .map((field) => [field.name, inputWith(field.type, field.name === next ? rest : [], blank)]),
      );
    }

    const cases = Object.values(schema.getMutationType()!.getFields()).flatMap((mutation) => {
      const input = mutation.args.find((arg) => arg.name === 'input')!;
      return requiredTexts(input.type).flatMap((path) =>
        ['', '   ', '\t\n'].map((blank) => [mutation.name, path.join('.'), blank, input.type] as const),
      );
    });

    it('has a case for each required text field the issue names', () => {
      const fields = new Set(cases.map(([mutation, path]) => `${mutation}:${path}`));
      expect(fields).toContain('registerChild:givenName');
      expect(fields).toContain('registerChild:aliases.0.name');
      expect(fields).toContain('resolveAlert:note');
    });

    it.each(cases)('%s: %s = %j', async (mutation, path, blank, type) => {
      const input = inputWith(type, path.split('.'), blank);
      const before = await counts();
      const answer = await app.gql(
        callerOf(mutation),
        `mutation($input: ${type.toString()}) { ${mutation}(input: $input) { __typename } }`,
        {
          input,
        },
      );
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      const about = answer.errors![0].extensions!.fields!.filter((problem) => problem.field === path);
      expect(about).toEqual([{ field: path, message: expect.stringMatching(/ is required/) }]);
      expect(await counts()).toBe(before);
    });
  });
});
