import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { fileCase } from './support/factories';
import { schema, valuesOf } from './support/schema-values';
import {
  analyst,
  guardian,
  GraphQLResponse,
  HILLINGDON,
  socialWorker,
  teamManager,
  TestApp,
} from './support/test-app';

/**
 * Property-based fuzzing of every query of the committed schema that takes arguments (issue 15, item 8):
 * whatever the arguments — malformed cursors, ids that are no UUIDs, page sizes out of range, dates
 * that do not exist, empty and over-long strings, enum values that are not — the answer is data or a
 * refusal the contract names: BAD_USER_INPUT naming the argument, NOT_FOUND for a well-formed id that
 * names nothing the caller may see, FORBIDDEN for a role that may not. Never INTERNAL_SERVER_ERROR, and
 * the service keeps answering. The queries are read from the schema, so a new one is covered as it is
 * added. The seed is fixed, so a run is repeatable.
 */
type Field = GraphQLField<unknown, unknown>;

const EXPECTED_REFUSALS = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']);
const RUNS_PER_QUERY = 100;
const SEED = 20261122;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base64url = (text: string) => Buffer.from(text).toString('base64url');

const queries = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.length > 0);
const isConnection = (field: Field) => {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'pageInfo' in type.getFields();
};

/** What to select of a field: a connection's cursor, an object's type name, a leaf as it is. */
function selectionOf(field: Field): string {
  if (isConnection(field)) return '{ totalCount pageInfo { endCursor } }';
  return isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
}

/**
 * The query with each argument passed as a variable of the same name; a field of another type (one
 * with arguments of its own, e.g. Child.missingEpisodes) is asked through `via`, the query of one such
 * record.
 */
function operationText(field: Field, via?: Field): string {
  const args = [...(via?.args ?? []), ...field.args];
  const variables = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = (of: Field) =>
    `${of.name}${of.args.length ? `(${of.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : ''}`;
  const inner = `${call(field)} ${selectionOf(field)}`;
  return `query(${variables}) { ${via ? `${call(via)} { ${inner} }` : inner} }`;
}

/** Fields with arguments on the types queries answer, each with the query of one record of its type. */
const nestedFields = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter(
    (type) =>
      !type.name.startsWith('__') &&
      ![schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type),
  )
  .flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => field.args.length > 0)
      .map((field) => ({
        type,
        field,
        via: Object.values(schema.getQueryType()!.getFields()).find(
          (query) =>
            getNamedType(query.type) === type &&
            !isListType(isNonNullType(query.type) ? query.type.ofType : query.type),
        ),
      })),
  );

/**
 * Whether a problem's field names one of the query's arguments: the argument itself or a field inside
 * it ("filter.childId"), or, for an `input` argument, a field inside the input ("from"), as mutations
 * name them.
 */
function namesAnArgument(field: Field, problem: string): boolean {
  const [head] = problem.split('.');
  return field.args.some((arg) => {
    if (arg.name === head) return true;
    const type = getNamedType(arg.type);
    return arg.name === 'input' && isInputObjectType(type) && head in type.getFields();
  });
}

/** Every ID in the arguments that is no UUID (GraphQL coerces a number to an ID as well). */
function malformedIds(value: unknown, type: GraphQLInputType): unknown[] {
  if (value === null || value === undefined) return [];
  if (isNonNullType(type)) return malformedIds(value, type.ofType);
  if (isListType(type))
    return Array.isArray(value) ? value.flatMap((item) => malformedIds(item, type.ofType)) : [];
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return [];
    const fields = type.getFields();
    return Object.entries(value).flatMap(([key, item]) =>
      fields[key] ? malformedIds(item, fields[key].type) : [],
    );
  }
  if (type.toString() !== 'ID') return [];
  return (typeof value === 'string' && !UUID.test(value)) || typeof value === 'number' ? [value] : [];
}

/** A page size the contract refuses: it says 1 to 100. */
const isBadPageSize = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100);

/** A value for each argument of `field`, with whether it must be refused. */
interface Drawn {
  variables: Record<string, unknown>;
  /** A cursor that is no cursor of this list: it must be refused. */
  foreignCursor: boolean;
}

describe('every query with arguments, fuzzed', () => {
  let app: TestApp;
  const manager = teamManager(HILLINGDON, 'tm-qfuzz');
  const worker = socialWorker(HILLINGDON, 'sw-qfuzz');
  const gail = guardian('ICTG-QFUZZ', 'g-qfuzz');
  const lscb = analyst([HILLINGDON], 'analyst-qfuzz');
  /** A team manager may ask every query; a guardian and an analyst are refused some. */
  const callers = fc.oneof(
    { weight: 4, arbitrary: fc.constant(manager) },
    { weight: 1, arbitrary: fc.constantFrom(gail, lscb) },
  );
  let ids: string[] = [];
  let childId = '';
  /** A real cursor of each connection, from its first page. */
  const cursors = new Map<string, string>();

  /** Well-formed values for a query's required arguments: a real child, a plausible period. */
  function required(type: GraphQLInputType): unknown {
    if (isNonNullType(type)) return required(type.ofType);
    if (isListType(type)) return [];
    if (isEnumType(type)) return type.getValues()[0].name;
    if (isInputObjectType(type))
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((field) => isNonNullType(field.type))
          .map((field) => [field.name, required(field.type)]),
      );
    const byScalar: Record<string, unknown> = {
      ID: childId,
      Date: '2026-01-01',
      DateTime: '2026-01-01T00:00:00Z',
      Int: 2026,
      Float: 1,
      Boolean: false,
      String: 'x',
    };
    return byScalar[type.name];
  }
  const baseline = (field: Field) =>
    Object.fromEntries(
      field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, required(arg.type)]),
    );

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '0' });
    const filed = await fileCase(app, worker, gail);
    childId = filed.childId;
    await app.ok(manager, `mutation { runAlertScan(input: {}) { raised } }`);
    ids = [
      ...filed.recordIds,
      ...(await app.query<{ id: string }>(`SELECT id FROM practitioner`)).map((row) => row.id),
    ];
    for (const field of queries.filter(isConnection)) {
      const data = await app.ok<Record<string, { pageInfo: { endCursor: string | null } }>>(
        manager,
        operationText(field),
        { ...baseline(field), first: 1 },
      );
      const cursor = data[field.name].pageInfo.endCursor;
      if (!cursor) throw new Error(`${field.name} has no page to take a cursor from`);
      cursors.set(field.name, cursor);
    }
  });
  afterAll(async () => {
    await app.close();
  });

  /** Cursors for `list`: its own, one altered a little, another list's, and garbage of every shape. */
  function cursorsFor(list: string): fc.Arbitrary<{ cursor: string; foreign: boolean }> {
    const own = cursors.get(list)!;
    const [name, ...values] = JSON.parse(Buffer.from(own, 'base64url').toString('utf8')) as unknown[];
    const others = [...cursors].filter(([other]) => other !== list).map(([, cursor]) => cursor);
    const garbage = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        '2026-02-30T00:00:00.000Z',
        '0000-01-01T00:00:00.000Z',
        "x' OR '1'='1",
        '-1',
        1e308,
        1.5,
      ),
      fc.constantFrom('99999999999999999999', '7d4f8a52-3c2e-4b8a-9a51-2b0d6c1e9f0', ''),
    );
    const refused = (cursor: fc.Arbitrary<string>) => cursor.map((text) => ({ cursor: text, foreign: true }));
    return fc.oneof(
      fc.constant({ cursor: own, foreign: false }),
      fc
        .tuple(fc.nat(own.length - 1), fc.constantFrom(...BASE64URL))
        .map(([at, char]) => ({ cursor: own.slice(0, at) + char + own.slice(at + 1), foreign: false })),
      refused(fc.constantFrom(...others)),
      refused(fc.base64String({ maxLength: 60 })),
      refused(fc.string({ maxLength: 40 })),
      refused(fc.jsonValue({ maxDepth: 2 }).map((value) => base64url(JSON.stringify(value)))),
      // the right shape, one value of the wrong kind
      refused(
        fc
          .tuple(fc.nat(values.length), garbage)
          .filter(([at, value]) => JSON.stringify(value) !== JSON.stringify([name, ...values][at]))
          .map(([at, value]) => {
            const altered = [name, ...values];
            altered[at] = value;
            return base64url(JSON.stringify(altered));
          }),
      ),
      refused(fc.constant('A'.repeat(600))),
    );
  }

  /** Over-long integers, beyond what GraphQL's Int holds, sent where a page size is asked. */
  const pageSizes = fc.oneof(
    fc.integer({ min: -3, max: 120 }),
    fc.constantFrom(0, -1, 101, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e20, 1.5, '10'),
  );

  function argumentsOf(field: Field): fc.Arbitrary<Drawn> {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) {
      if (arg.name === 'after' && isConnection(field)) shape.after = cursorsFor(field.name);
      else if (arg.name === 'first') shape.first = pageSizes;
      else if (isNonNullType(arg.type))
        // often well-formed, so that the other arguments' values reach the resolver
        shape[arg.name] = fc.oneof(valuesOf(arg.type, ids), fc.constant(required(arg.type)));
      else shape[arg.name] = valuesOf(arg.type, ids);
    }
    const requiredKeys = field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name);
    return fc.record(shape, { requiredKeys }).map(({ after, ...rest }) => {
      const drawn = after as { cursor: string; foreign: boolean } | undefined;
      return {
        variables: drawn ? { ...rest, after: drawn.cursor } : rest,
        foreignCursor: drawn?.foreign ?? false,
      };
    });
  }

  /** Checks an answer; says whether it got past the validation to the records (data or NOT_FOUND). */
  function checkAnswer(field: Field, drawn: Drawn, answer: GraphQLResponse, via?: Field): boolean {
    const { variables } = drawn;
    const shown = JSON.stringify(variables).slice(0, 500);
    const errors = answer.errors ?? [];
    const codes = errors.map((error) => error.extensions?.code ?? 'NO_CODE');
    for (const [index, code] of codes.entries()) {
      if (!EXPECTED_REFUSALS.has(code))
        throw new Error(`${field.name} answered ${code} (${errors[index].message}) for ${shown}`);
      if (code !== 'BAD_USER_INPUT') continue;
      const fields = errors[index].extensions?.fields ?? [];
      if (fields.length === 0 || !fields.every((problem) => namesAnArgument(field, problem.field)))
        throw new Error(
          `${field.name}: BAD_USER_INPUT names no argument: ${JSON.stringify(fields)} for ${shown}`,
        );
    }
    const badIds = field.args.flatMap((arg) => malformedIds(variables[arg.name], arg.type));
    const mustRefuse = badIds.length > 0 || drawn.foreignCursor || isBadPageSize(variables.first);
    if (mustRefuse && (codes.length === 0 || answer.data?.[(via ?? field).name]))
      throw new Error(`${field.name} answered data for bad input ${shown}`);
    if (badIds.length > 0 && codes.includes('NOT_FOUND'))
      throw new Error(
        `${field.name} answered NOT_FOUND, not BAD_USER_INPUT, for the ids ${JSON.stringify(badIds)}`,
      );
    return codes.length === 0 || codes.includes('NOT_FOUND');
  }

  it('covers every query that takes arguments, and each connection', () => {
    expect(queries.length).toBeGreaterThanOrEqual(10);
    expect([...cursors.keys()].sort()).toEqual(
      queries
        .filter(isConnection)
        .map((field) => field.name)
        .sort(),
    );
  });

  for (const field of queries) {
    it(`${field.name}: answers data or a refusal the contract names, and keeps answering`, async () => {
      const text = operationText(field);
      let reached = 0;
      await fc.assert(
        fc.asyncProperty(callers, argumentsOf(field), async (caller, drawn) => {
          if (checkAnswer(field, drawn, await app.gql(caller, text, drawn.variables))) reached += 1;
        }),
        { seed: SEED, numRuns: RUNS_PER_QUERY },
      );
      // the runs were not all stopped by the validation: some reached the records
      expect(reached).toBeGreaterThan(0);
      await app.ok(manager, '{ me { id } }');
    });
  }

  it('reaches every field with arguments on the types queries answer', () => {
    expect(nestedFields.map(({ type, field }) => `${type.name}.${field.name}`)).toContain(
      'Child.missingEpisodes',
    );
    expect(nestedFields.filter(({ via }) => !via)).toEqual([]);
  });

  for (const { type, field, via } of nestedFields) {
    it(`${type.name}.${field.name}: answers data or a refusal the contract names`, async () => {
      const text = operationText(field, via);
      let reached = 0;
      await fc.assert(
        fc.asyncProperty(argumentsOf(field), async (drawn) => {
          const variables = { ...baseline(via!), ...drawn.variables };
          if (checkAnswer(field, { ...drawn, variables }, await app.gql(manager, text, variables), via))
            reached += 1;
        }),
        { seed: SEED, numRuns: RUNS_PER_QUERY },
      );
      expect(reached).toBeGreaterThan(0);
      await app.ok(manager, '{ me { id } }');
    });
  }

  describe('each kind of bad argument, one at a time, is BAD_USER_INPUT naming it', () => {
    const cases: { query: Field; path: string; value: unknown; variables: () => Record<string, unknown> }[] =
      [];
    const wrongScalars: Record<string, unknown[]> = {
      ID: ['not-a-uuid', '', '42', "1' OR '1'='1", '7d4f8a52-3c2e-4b8a-9a51-2b0d6c1e9f0'],
      Int: [-1, 1_000_000_000, 2 ** 31, 1.5],
      Date: ['2026-02-30', '', '2026-1-1', 'soon'],
      DateTime: ['2026-13-01T00:00:00Z', ''],
      Boolean: ['yes'],
      String: ['x'.repeat(5000)],
    };
    const wrongValues = (name: string, type: GraphQLInputType): unknown[] => {
      const named = getNamedType(type);
      const values = isEnumType(named) ? ['NOT_A_VALUE', 'not_a_value'] : (wrongScalars[named.name] ?? []);
      if (name === 'first') return [0, ...values];
      return isListType(isNonNullType(type) ? type.ofType : type) ? values.map((value) => [value]) : values;
    };
    for (const query of queries) {
      for (const arg of query.args) {
        const type = getNamedType(arg.type);
        if (isInputObjectType(type)) {
          for (const inner of Object.values(type.getFields())) {
            const path = arg.name === 'input' ? inner.name : `${arg.name}.${inner.name}`;
            for (const value of wrongValues(inner.name, inner.type))
              cases.push({
                query,
                path,
                value,
                variables: () => {
                  const base = baseline(query);
                  const object = { ...((base[arg.name] as object | undefined) ?? {}), [inner.name]: value };
                  return { ...base, [arg.name]: object };
                },
              });
          }
          continue;
        }
        const values =
          arg.name === 'after' && isConnection(query)
            ? ['', 'bm90IGEgY3Vyc29y', base64url('[1,2]'), base64url('{"a":1}'), 'A'.repeat(600), 'foreign']
            : wrongValues(arg.name, arg.type);
        for (const value of values)
          cases.push({
            query,
            path: arg.name,
            value,
            variables: () => ({
              ...baseline(query),
              // another list's cursor, taken when the cursors are known
              [arg.name]:
                value === 'foreign' ? [...cursors].find(([list]) => list !== query.name)![1] : value,
            }),
          });
      }
    }

    it('has a case for every query that takes arguments', () => {
      expect(new Set(cases.map((c) => c.query.name)).size).toBe(queries.length);
    });

    it.each(cases.map((c) => [c.query.name, c.path, JSON.stringify(c.value).slice(0, 40), c] as const))(
      '%s(%s: %s)',
      async (_query, _path, _shown, { query, path, variables }) => {
        const answer = await app.gql(manager, operationText(query), variables());
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        const named = answer.errors![0].extensions!.fields!.map((problem) => problem.field);
        expect(named.some((field) => field === path || field.startsWith(`${path}.`))).toBe(true);
      },
    );
  });
});
