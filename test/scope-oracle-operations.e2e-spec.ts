import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { Role } from '@haven/platform';
import { FiledCase, fileCase } from './support/factories';
import { schema, valuesOf } from './support/schema-values';
import {
  admin,
  analyst,
  Caller,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  teamManager,
  TestApp,
} from './support/test-app';

/**
 * The scope oracle over every query and mutation (quality.md, security): for each caller and each
 * child the oracle says they may not see, every operation of the committed schema that takes an id
 * is called with inputs generated from its types and ids drawn from that child's records — and must
 * answer exactly as it does when those ids name nothing at all (out of scope answers like absent),
 * writing nothing, not even an audit row. The other way round, every caller the oracle lets see a
 * child reaches it through each query about one child (or is refused by role, never "not found").
 */
const AUTHORITIES = [HILLINGDON, KENT] as const;
const RUNS = 25;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Whether a type (or anything inside it) takes an ID. */
function takesId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (isNonNullType(type) || isListType(type)) return takesId(type.ofType, seen);
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => takesId(field.type, seen));
}

/** What to select of an operation's result: enough to compare answers, nothing a role may not read. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return '';
  const fields = type.getFields();
  const parts = ['__typename'];
  if (fields.totalCount) parts.push('totalCount');
  if (fields.edges) parts.push('edges { node { __typename } }');
  return `{ ${parts.join(' ')} }`;
}

function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
}

/** Every string in `value` that is one of `ids`. */
function idsIn(value: unknown, ids: ReadonlySet<string>, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && ids.has(value)) found.add(value);
  else if (Array.isArray(value)) for (const item of value) idsIn(item, ids, found);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) idsIn(item, ids, found);
  return found;
}

/** `value` with each id replaced as `replacements` says. */
function replaced(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => replaced(item, replacements));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaced(item, replacements)]),
    );
  return value;
}

/** An answer as a client can tell it apart: its data and its errors' codes and words (ids masked). */
function observable(answer: {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}) {
  return {
    data: answer.data ?? null,
    errors: (answer.errors ?? []).map((error) => ({
      code: error.extensions?.code,
      message: error.message.replace(UUID, '<id>'),
    })),
  };
}

describe('every query and mutation, against the scope oracle', () => {
  let app: TestApp;
  const staff = AUTHORITIES.map((code) => socialWorker(code, `sw-ops-${code}`));
  const managers = AUTHORITIES.map((code) => teamManager(code, `tm-ops-${code}`));
  const guardians = AUTHORITIES.map((code) => guardian('ICTG-OPS', `g-ops-${code}`));
  const callers: Caller[] = [
    ...staff,
    ...managers,
    ...guardians,
    analyst([HILLINGDON, KENT], 'analyst-ops'),
    admin(),
  ];
  const files: FiledCase[] = [];

  /** The oracle's rule, written independently: staff see their authority's file, a guardian the one they guard. */
  const visible = (caller: Caller, file: number): boolean => {
    if (caller.role === Role.SOCIAL_WORKER || caller.role === Role.TEAM_MANAGER)
      return caller.org === AUTHORITIES[file];
    if (caller.role === Role.GUARDIAN) return guardians.indexOf(caller) === file;
    return false;
  };
  const unseen = () =>
    callers.flatMap((caller) =>
      files.map((_, file) => ({ caller, file })).filter(({ file }) => !visible(caller, file)),
    );

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '0' });
    for (const [index, caller] of staff.entries()) files.push(await fileCase(app, caller, guardians[index]));
    // every caller exists as a practitioner before the runs, so that a first sight writes nothing in them
    for (const caller of callers) await app.gql(caller, '{ me { id } }');
  });
  afterAll(async () => {
    await app.close();
  });

  const counts = () => app.everyTableCount();

  const operations = [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({
      kind: 'mutation' as const,
      field,
    })),
  ].filter(({ field }) => field.args.some((arg) => takesId(arg.type)));

  it('covers every operation that takes an id', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  for (const { kind, field } of operations) {
    it(`${kind} ${field.name}: an unseen child's records answer as absent ones, and nothing is written`, async () => {
      const text = operationText(kind, field);
      const tally = new Map<string, number>();
      const argsOf = (ids: readonly string[]) =>
        fc.record(
          Object.fromEntries(field.args.map((arg) => [arg.name, valuesOf(arg.type, ids, 'plausible')])),
          {
            requiredKeys: [],
          },
        );
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...unseen())
            .chain((pair) => argsOf(files[pair.file].recordIds).map((args) => ({ ...pair, args }))),
          async ({ caller, file, args }) => {
            const theirs = idsIn(args, new Set(files[file].recordIds));
            fc.pre(theirs.size > 0);
            const absent = replaced(args, new Map([...theirs].map((id) => [id, randomUUID()]))) as Record<
              string,
              unknown
            >;
            const before = await counts();
            const unseenAnswer = await app.gql(caller, text, args);
            expect(await counts()).toBe(before);
            const absentAnswer = await app.gql(caller, text, absent);
            expect(observable(unseenAnswer)).toEqual(observable(absentAnswer));
            const code: string = unseenAnswer.errors?.[0]?.extensions?.code ?? 'DATA';
            tally.set(code, (tally.get(code) ?? 0) + 1);
          },
        ),
        { seed: 20261122, numRuns: RUNS, maxSkipsPerRun: 1000 },
      );
      // the runs reached the scope decision (not only the role check or the validation), unless the
      // operation's only ids name practitioners (registerChild's allocated worker)
      if (field.name !== 'registerChild')
        expect((tally.get('NOT_FOUND') ?? 0) + (tally.get('DATA') ?? 0)).toBeGreaterThan(0);
    });
  }

  it('lets every caller the oracle allows reach the child through each query about one child', async () => {
    const queries = [
      `query($id: ID!) { child(id: $id) { id } }`,
      `query($id: ID!) { auditTrail(childId: $id) { totalCount } }`,
      `query($id: ID!) { missingPersonProfile(childId: $id) { childId } }`,
      `query($id: ID!) { exportChildRecord(childId: $id) { __typename } }`,
      `query($id: ID!) { alerts(filter: { childId: $id }) { totalCount } }`,
    ];
    let reached = 0;
    for (const caller of callers) {
      for (const [index, file] of files.entries()) {
        if (!visible(caller, index)) continue;
        for (const query of queries) {
          const answer = await app.gql(caller, query, { id: file.childId });
          const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
          // a role may be refused an operation outright; a child in scope is never "not found"
          expect({ caller: caller.sub, query, codes: codes.filter((code) => code !== 'FORBIDDEN') }).toEqual({
            caller: caller.sub,
            query,
            codes: [],
          });
          if (codes.length === 0) reached += 1;
        }
      }
    }
    expect(reached).toBeGreaterThan(10);
  });
});
