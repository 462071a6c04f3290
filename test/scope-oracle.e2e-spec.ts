import fc from 'fast-check';
import { Role } from '@haven/platform';
import { assignGuardian, newChild, newReferral, practitionerId, today } from './support/factories';
import {
  analyst,
  Caller,
  codeOf,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  teamManager,
  TestApp,
} from './support/test-app';

/**
 * Scope proved against an oracle (quality.md, security): random worlds of children in two authorities
 * and guardian assignments, some of them ended; for every caller and every child, `child(id)` and the
 * `children` list show exactly what the oracle's one rule says is visible — authority staff their
 * authority's children, a guardian the children actively assigned to them, an analyst none.
 */
const AUTHORITIES = [HILLINGDON, KENT] as const;

interface WorldChild {
  authority: 0 | 1;
  /** The guardian assigned (0 or 1), if any, and whether that assignment has since ended. */
  guardian: { index: 0 | 1; ended: boolean } | null;
}

const worlds = fc.array(
  fc.record<WorldChild>({
    authority: fc.constantFrom(0 as const, 1 as const),
    guardian: fc.option(fc.record({ index: fc.constantFrom(0 as const, 1 as const), ended: fc.boolean() }), {
      nil: null,
    }),
  }),
  { minLength: 1, maxLength: 6 },
);

describe('scope, against an oracle', () => {
  let app: TestApp;
  const staff = AUTHORITIES.map((code) => socialWorker(code, `sw-oracle-${code}`));
  const managers = AUTHORITIES.map((code) => teamManager(code, `tm-oracle-${code}`));
  const guardians = [guardian('ICTG-ORACLE', 'g-oracle-0'), guardian('ICTG-ORACLE', 'g-oracle-1')];
  const outsider = analyst([HILLINGDON, KENT], 'analyst-oracle');
  let guardianIds: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '0' });
    guardianIds = [await practitionerId(app, guardians[0]), await practitionerId(app, guardians[1])];
  });
  afterAll(async () => {
    await app.close();
  });

  /** The one rule, written again independently of the service. */
  const visible = (caller: Caller, child: WorldChild): boolean => {
    if (caller.role === Role.SOCIAL_WORKER || caller.role === Role.TEAM_MANAGER)
      return caller.org === AUTHORITIES[child.authority];
    if (caller.role === Role.GUARDIAN) {
      const index = guardians.indexOf(caller);
      return child.guardian !== null && child.guardian.index === index && !child.guardian.ended;
    }
    return false;
  };

  const build = async (world: WorldChild[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const child of world) {
      const owner = staff[child.authority];
      const { id } = await newChild(app, owner, { givenName: 'Oracle' });
      if (child.guardian) {
        await newReferral(app, owner, id, today());
        const assigned = await assignGuardian(app, owner, {
          childId: id,
          guardianId: guardianIds[child.guardian.index],
          scheme: 'ICTG_DIRECT',
        });
        if (child.guardian.ended) {
          await app.ok(
            owner,
            `mutation($input: EndGuardianAssignmentInput!) { endGuardianAssignment(input: $input) { id } }`,
            {
              input: {
                assignmentId: assigned.data!.assignGuardian.id,
                endDate: today(),
                reason: 'GUARDIAN_CHANGED',
              },
            },
          );
        }
      }
      ids.push(id);
    }
    return ids;
  };

  it('shows every caller exactly the children the oracle says, one by one and in lists', async () => {
    const callers = [...staff, ...managers, ...guardians, outsider];
    await fc.assert(
      fc.asyncProperty(worlds, async (world) => {
        const ids = await build(world);
        for (const caller of callers) {
          const listed = await app.gql<{ children: { edges: { node: { id: string } }[] } }>(
            caller,
            `{ children(first: 100, filter: { search: "Oracle" }) { edges { node { id } } } }`,
          );
          const listedIds = new Set((listed.data?.children.edges ?? []).map((edge) => edge.node.id));
          for (const [index, child] of world.entries()) {
            const answer = await app.gql<{ child: { id: string } }>(
              caller,
              `query($id: ID!) { child(id: $id) { id } }`,
              {
                id: ids[index],
              },
            );
            const expected = visible(caller, child);
            if (expected) expect(answer.data?.child.id).toBe(ids[index]);
            else {
              expect(answer.data?.child ?? null).toBeNull();
              expect(['NOT_FOUND', 'FORBIDDEN']).toContain(codeOf(answer));
            }
            expect(listedIds.has(ids[index])).toBe(expected);
          }
        }
      }),
      { seed: 20261122, numRuns: 6 },
    );
  });
});
