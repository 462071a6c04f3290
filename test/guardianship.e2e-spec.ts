import { addYears } from '@haven/platform';
import {
  assignGuardian,
  bornYearsAgo,
  newChild,
  newReferral,
  practitionerId,
  today,
} from './support/factories';
import {
  BELFAST,
  CARDIFF,
  codeOf,
  GLASGOW,
  guardian,
  HILLINGDON,
  socialWorker,
  TestApp,
} from './support/test-app';

const CHILD = `query($id: ID!) { child(id: $id) { id givenName activeGuardian { subject } guardianAssignments { scheme active } } }`;
const END = `mutation($input: EndGuardianAssignmentInput!) { endGuardianAssignment(input: $input) { id active endDate endReason } }`;
const CONTACT = `mutation($input: RecordGuardianContactInput!) { recordGuardianContact(input: $input) { id mode summary contactedAt } }`;

describe('guardianship', () => {
  let app: TestApp;
  const hillingdon = socialWorker(HILLINGDON, 'sw-g-hillingdon');
  const glasgow = socialWorker(GLASGOW, 'sw-g-glasgow');
  const belfast = socialWorker(BELFAST, 'sw-g-belfast');
  const cardiff = socialWorker(CARDIFF, 'sw-g-cardiff');
  const gail = guardian('ICTG-BARNARDOS', 'g-gail');
  const greg = guardian('SGS-ALADDIN', 'g-greg');
  let gailId: string;
  let gregId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    gailId = await practitionerId(app, gail);
    gregId = await practitionerId(app, greg);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('the schemes of each nation', () => {
    const assign = (caller: typeof hillingdon, childId: string, scheme: string, guardianId = gailId) =>
      assignGuardian(app, caller, { childId, guardianId, scheme });
    const assignmentsOf = async (childId: string) =>
      (
        await app.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM guardian_assignment WHERE child_id = $1`,
          [childId],
        )
      )[0].n;

    it('gives an ICTG in England to a TRAFFICKED child with no NRM referral (the referral is never required first)', async () => {
      const child = await newChild(app, hillingdon, { categories: ['TRAFFICKED'] });
      const assigned = await assign(hillingdon, child.id, 'ICTG_DIRECT');
      expect(assigned.errors).toBeUndefined();
      expect(assigned.data!.assignGuardian).toMatchObject({ active: true, warnings: [] });
      expect(
        await app.query(`SELECT count(*)::int AS n FROM nrm_referral WHERE child_id = $1`, [child.id]),
      ).toEqual([{ n: 0 }]);
    });

    it('gives an ICTG to a referred child, and refuses a child neither trafficked nor referred, writing nothing', async () => {
      const child = await newChild(app, hillingdon, { categories: ['UNACCOMPANIED_ASYLUM_SEEKING'] });
      const refused = await assign(hillingdon, child.id, 'ICTG_DIRECT');
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(
        /for a child who is, or is suspected of being, trafficked: record the TRAFFICKED category or an NRM referral/,
      );
      expect(await assignmentsOf(child.id)).toBe(0);
      await newReferral(app, hillingdon, child.id, today());
      expect((await assign(hillingdon, child.id, 'ICTG_DIRECT')).errors).toBeUndefined();
    });

    it('refuses ICTG_DIRECT where someone holds parental responsibility, and REGIONAL_COORDINATOR where no one does', async () => {
      const held = await newChild(app, hillingdon, {
        categories: ['TRAFFICKED'],
        parentalResponsibilityInUk: true,
      });
      const direct = await assign(hillingdon, held.id, 'ICTG_DIRECT');
      expect(codeOf(direct)).toBe('CONFLICT');
      expect(direct.errors![0].message).toMatch(
        /Someone in the UK holds parental responsibility for this child: the ICTG regional practice co-ordinator/,
      );
      expect(await assignmentsOf(held.id)).toBe(0);
      expect((await assign(hillingdon, held.id, 'ICTG_REGIONAL_COORDINATOR')).errors).toBeUndefined();

      const noOne = await newChild(app, hillingdon, {
        categories: ['TRAFFICKED'],
        parentalResponsibilityInUk: false,
      });
      const regional = await assign(hillingdon, noOne.id, 'ICTG_REGIONAL_COORDINATOR');
      expect(codeOf(regional)).toBe('CONFLICT');
      expect(regional.errors![0].message).toMatch(
        /No one in the UK holds parental responsibility for this child: a one-to-one ICTG/,
      );
      expect(await assignmentsOf(noOne.id)).toBe(0);
      expect((await assign(hillingdon, noOne.id, 'ICTG_DIRECT')).errors).toBeUndefined();
    });

    it('allows either ICTG model while parental responsibility is not known', async () => {
      for (const scheme of ['ICTG_DIRECT', 'ICTG_REGIONAL_COORDINATOR']) {
        const child = await newChild(app, hillingdon, { categories: ['TRAFFICKED'] });
        expect((await assign(hillingdon, child.id, scheme)).errors).toBeUndefined();
      }
    });

    it('gives an ICTG in Wales too, but no Scottish guardian outside Scotland', async () => {
      const child = await newChild(app, cardiff, { categories: ['SEPARATED'] });
      await newReferral(app, cardiff, child.id, today());
      const scottish = await assign(cardiff, child.id, 'SCOTTISH_GUARDIANSHIP', gregId);
      expect(codeOf(scottish)).toBe('CONFLICT');
      expect(scottish.errors![0].message).toMatch(/does not serve children in Wales/);
      expect((await assign(cardiff, child.id, 'ICTG_REGIONAL_COORDINATOR')).errors).toBeUndefined();
    });

    it('gives Guardianship Scotland to a child at risk, separated or unaccompanied, until 18', async () => {
      const atRisk = await newChild(app, glasgow, { categories: ['AT_RISK_OF_EXPLOITATION'] });
      expect((await assign(glasgow, atRisk.id, 'SCOTTISH_GUARDIANSHIP', gregId)).errors).toBeUndefined();
      const almost18 = await newChild(app, glasgow, {
        categories: ['SEPARATED'],
        parentalResponsibilityInUk: false,
        claimedDateOfBirth: bornYearsAgo(18, 1),
      });
      expect((await assign(glasgow, almost18.id, 'SCOTTISH_GUARDIANSHIP', gregId)).errors).toBeUndefined();
      const eighteen = await newChild(app, glasgow, {
        categories: ['UNACCOMPANIED_ASYLUM_SEEKING'],
        claimedDateOfBirth: bornYearsAgo(18),
      });
      const refused = await assign(glasgow, eighteen.id, 'SCOTTISH_GUARDIANSHIP', gregId);
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(/Guardianship Scotland ends at 18; the young person is 18/);
      const none = await newChild(app, glasgow, { categories: [] });
      expect(codeOf(await assign(glasgow, none.id, 'SCOTTISH_GUARDIANSHIP', gregId))).toBe('CONFLICT');
    });

    it('refuses Guardianship Scotland where someone in the UK holds parental responsibility, unless the child is unaccompanied', async () => {
      const held = await newChild(app, glasgow, {
        categories: ['TRAFFICKED'],
        parentalResponsibilityInUk: true,
      });
      const refused = await assign(glasgow, held.id, 'SCOTTISH_GUARDIANSHIP', gregId);
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(
        /Guardianship Scotland is for .* when no one in the UK holds parental rights and responsibilities; someone in the UK holds parental responsibility for this child/,
      );
      expect(await assignmentsOf(held.id)).toBe(0);
      const unaccompanied = await newChild(app, glasgow, {
        categories: ['UNACCOMPANIED_ASYLUM_SEEKING'],
        parentalResponsibilityInUk: true,
      });
      expect(
        (await assign(glasgow, unaccompanied.id, 'SCOTTISH_GUARDIANSHIP', gregId)).errors,
      ).toBeUndefined();
    });

    it('gives a Northern Ireland guardian to a separated child even where someone holds parental responsibility, to a trafficked one only where no one does', async () => {
      const separated = await newChild(app, belfast, {
        categories: ['SEPARATED'],
        parentalResponsibilityInUk: true,
      });
      expect((await assign(belfast, separated.id, 'NI_INDEPENDENT_GUARDIAN', gregId)).errors).toBeUndefined();
      const held = await newChild(app, belfast, {
        categories: ['TRAFFICKED'],
        parentalResponsibilityInUk: true,
      });
      const refused = await assign(belfast, held.id, 'NI_INDEPENDENT_GUARDIAN', gregId);
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(
        /someone in the UK holds parental responsibility for this child/,
      );
      const notKnown = await newChild(app, belfast, { categories: ['TRAFFICKED'] });
      expect((await assign(belfast, notKnown.id, 'NI_INDEPENDENT_GUARDIAN', gregId)).errors).toBeUndefined();
      const adult = await newChild(app, belfast, {
        categories: ['TRAFFICKED'],
        claimedDateOfBirth: bornYearsAgo(20),
      });
      expect((await assign(belfast, adult.id, 'NI_INDEPENDENT_GUARDIAN', gregId)).errors![0].message).toMatch(
        /ends at 18/,
      );
    });

    it('explains, on the child, which schemes the child is eligible for and why', async () => {
      const child = await newChild(app, hillingdon, {
        categories: ['TRAFFICKED'],
        parentalResponsibilityInUk: true,
        claimedDateOfBirth: bornYearsAgo(16, 10),
      });
      const read = await app.ok<{ child: { guardianshipEligibility: Record<string, unknown>[] } }>(
        hillingdon,
        `query($id: ID!) { child(id: $id) { guardianshipEligibility { scheme eligible reason ageLimit endsOn } } }`,
        { id: child.id },
      );
      expect(read.child.guardianshipEligibility).toEqual([
        {
          scheme: 'ICTG_DIRECT',
          eligible: false,
          reason: expect.stringMatching(/^Someone in the UK holds parental responsibility/),
          ageLimit: 18,
          endsOn: addYears(bornYearsAgo(16, 10), 18),
        },
        {
          scheme: 'ICTG_REGIONAL_COORDINATOR',
          eligible: true,
          reason:
            'Eligible for the Independent Child Trafficking Guardian service: the child is, or is suspected of being, trafficked; someone in the UK holds parental responsibility, so the regional practice co-ordinator works with them',
          ageLimit: 18,
          endsOn: addYears(bornYearsAgo(16, 10), 18),
        },
        expect.objectContaining({ scheme: 'OTHER_ADVOCATE', eligible: true }),
      ]);
      const scottish = await newChild(app, glasgow, {
        categories: ['SEPARATED'],
        parentalResponsibilityInUk: true,
      });
      const many = await app.ok<{
        children: {
          edges: { node: { id: string; guardianshipEligibility: { scheme: string; eligible: boolean }[] } }[];
        };
      }>(
        glasgow,
        `{ children(first: 50) { edges { node { id guardianshipEligibility { scheme eligible } } } } }`,
      );
      expect(
        many.children.edges.find((edge) => edge.node.id === scottish.id)!.node.guardianshipEligibility,
      ).toEqual([
        { scheme: 'SCOTTISH_GUARDIANSHIP', eligible: false },
        { scheme: 'OTHER_ADVOCATE', eligible: true },
      ]);
    });

    it('ends an ICTG at 18, unless the age is disputed (benefit of the doubt)', async () => {
      const child = await newChild(app, hillingdon, { claimedDateOfBirth: bornYearsAgo(18) });
      await newReferral(app, hillingdon, child.id, today());
      const refused = await assignGuardian(app, hillingdon, {
        childId: child.id,
        guardianId: gailId,
        scheme: 'ICTG_DIRECT',
      });
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(/ends at 18/);
      await app.ok(
        hillingdon,
        `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
        {
          input: { childId: child.id, raisedOn: today(), raisedBy: 'CHILDRENS_SERVICES' },
        },
      );
      expect(
        (
          await assignGuardian(app, hillingdon, {
            childId: child.id,
            guardianId: gailId,
            scheme: 'ICTG_DIRECT',
          })
        ).errors,
      ).toBeUndefined();
    });
  });

  it('refuses a guardian id that is not a guardian', async () => {
    const child = await newChild(app, glasgow, { categories: ['SEPARATED'] });
    const worker = await practitionerId(app, glasgow);
    const response = await assignGuardian(app, glasgow, {
      childId: child.id,
      guardianId: worker,
      scheme: 'SCOTTISH_GUARDIANSHIP',
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields).toEqual([
      { field: 'guardianId', message: 'No guardian has that id' },
    ]);
  });

  it('lets exactly one of ten concurrent assignments of one child succeed', async () => {
    const child = await newChild(app, glasgow, { categories: ['SEPARATED'] });
    const guardians = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        practitionerId(app, guardian('SGS-ALADDIN', `g-race-${index}`)),
      ),
    );
    const responses = await Promise.all(
      guardians.map((guardianId) =>
        assignGuardian(app, glasgow, { childId: child.id, guardianId, scheme: 'SCOTTISH_GUARDIANSHIP' }),
      ),
    );
    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    expect(responses.filter((response) => codeOf(response) === 'CONFLICT')).toHaveLength(9);
    expect(
      await app.query(
        `SELECT count(*)::int AS n FROM guardian_assignment WHERE child_id = $1 AND end_date IS NULL`,
        [child.id],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('holds at most one active assignment per role in the database itself', async () => {
    const child = await newChild(app, glasgow, { categories: ['SEPARATED'] });
    await assignGuardian(app, glasgow, {
      childId: child.id,
      guardianId: gregId,
      scheme: 'SCOTTISH_GUARDIANSHIP',
    });
    await expect(
      app.query(
        `INSERT INTO guardian_assignment (child_id, local_authority_id, guardian_id, provider_id, scheme, start_date)
         SELECT child_id, local_authority_id, guardian_id, provider_id, 'NI_INDEPENDENT_GUARDIAN', start_date
           FROM guardian_assignment WHERE child_id = $1`,
        [child.id],
      ),
    ).rejects.toThrow(/guardian_assignment_no_overlap/);
  });

  describe("a guardian's view", () => {
    let mine: string;
    let alsoMine: string;
    let notMine: string;
    let assignmentId: string;

    beforeAll(async () => {
      const child = await newChild(app, hillingdon, { givenName: 'Mine' });
      await newReferral(app, hillingdon, child.id, today());
      mine = child.id;
      assignmentId = (
        await assignGuardian(app, hillingdon, { childId: mine, guardianId: gregId, scheme: 'ICTG_DIRECT' })
      ).data!.assignGuardian.id;
      alsoMine = (await newChild(app, belfast, { givenName: 'AlsoMine', categories: ['SEPARATED'] })).id;
      await assignGuardian(app, belfast, {
        childId: alsoMine,
        guardianId: gregId,
        scheme: 'NI_INDEPENDENT_GUARDIAN',
      });
      notMine = (await newChild(app, hillingdon, { givenName: 'NotMine' })).id;
    });

    it('sees exactly the children assigned to them, in any authority', async () => {
      const data = await app.ok<{ children: { totalCount: number; edges: { node: { id: string } }[] } }>(
        greg,
        '{ children(first: 100) { totalCount edges { node { id } } } }',
      );
      const ids = data.children.edges.map((edge) => edge.node.id);
      expect(ids).toEqual(expect.arrayContaining([mine, alsoMine]));
      expect(ids).not.toContain(notMine);
      const read = await app.ok<{ child: { givenName: string; activeGuardian: { subject: string } } }>(
        greg,
        CHILD,
        { id: mine },
      );
      expect(read.child).toMatchObject({ givenName: 'Mine', activeGuardian: { subject: 'g-greg' } });
      expect(codeOf(await app.gql(greg, CHILD, { id: notMine }))).toBe('NOT_FOUND');
    });

    it('records contacts, and nothing else', async () => {
      const contact = await app.ok<{ recordGuardianContact: { mode: string; summary: string } }>(
        greg,
        CONTACT,
        {
          input: {
            childId: mine,
            contactedAt: new Date().toISOString(),
            mode: 'IN_PERSON',
            summary: 'Visited at placement; settled.',
          },
        },
      );
      expect(contact.recordGuardianContact).toMatchObject({
        mode: 'IN_PERSON',
        summary: 'Visited at placement; settled.',
      });
      const update = await app.gql(
        greg,
        `mutation($id: ID!) { updateChild(input: { id: $id, expectedVersion: 1, givenName: "X" }) { id } }`,
        { id: mine },
      );
      expect(codeOf(update)).toBe('FORBIDDEN');
      expect(
        codeOf(
          await app.gql(
            greg,
            `mutation($id: ID!) { recordNrmReferral(input: { childId: $id, referredOn: "2026-01-01" }) { id } }`,
            { id: mine },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(await assignGuardian(app, greg, { childId: mine, guardianId: gregId, scheme: 'ICTG_DIRECT' })),
      ).toBe('FORBIDDEN');
    });

    it('shows the contacts to the social worker; others cannot log them', async () => {
      const view = await app.ok<{ child: { guardianAssignments: { contacts: { summary: string }[] }[] } }>(
        hillingdon,
        `query($id: ID!) { child(id: $id) { guardianAssignments { contacts { summary mode } guardian { subject } provider { code } } } }`,
        { id: mine },
      );
      expect(view.child.guardianAssignments[0].contacts.map((contact) => contact.summary)).toContain(
        'Visited at placement; settled.',
      );
      const input = { childId: mine, contactedAt: new Date().toISOString(), mode: 'PHONE' };
      expect(codeOf(await app.gql(hillingdon, CONTACT, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(gail, CONTACT, { input }))).toBe('NOT_FOUND');
      const future = await app.gql(greg, CONTACT, {
        input: { ...input, contactedAt: '2099-01-01T10:00:00Z' },
      });
      expect(codeOf(future)).toBe('BAD_USER_INPUT');
    });

    it('finds the children of a guardian with the guardianId filter', async () => {
      const data = await app.ok<{ children: { edges: { node: { id: string } }[] } }>(
        hillingdon,
        `query($guardianId: ID) { children(filter: { guardianId: $guardianId }) { edges { node { id } } } }`,
        { guardianId: gregId },
      );
      expect(data.children.edges.map((edge) => edge.node.id)).toEqual([mine]);
    });

    it('loses the child the moment the assignment ends', async () => {
      const early = await app.gql(hillingdon, END, {
        input: { assignmentId, endDate: '2000-01-01', reason: 'OTHER' },
      });
      expect(codeOf(early)).toBe('BAD_USER_INPUT');
      const ended = await app.ok<{ endGuardianAssignment: Record<string, unknown> }>(hillingdon, END, {
        input: { assignmentId, endDate: today(), reason: 'GUARDIAN_CHANGED' },
      });
      expect(ended.endGuardianAssignment).toMatchObject({
        active: false,
        endDate: today(),
        endReason: 'GUARDIAN_CHANGED',
      });
      expect(codeOf(await app.gql(greg, CHILD, { id: mine }))).toBe('NOT_FOUND');
      const list = await app.ok<{ children: { edges: { node: { id: string } }[] } }>(
        greg,
        '{ children { edges { node { id } } } }',
      );
      const ids = list.children.edges.map((edge) => edge.node.id);
      expect(ids).toContain(alsoMine);
      expect(ids).not.toContain(mine);
      expect(
        codeOf(
          await app.gql(greg, CONTACT, {
            input: { childId: mine, contactedAt: new Date().toISOString(), mode: 'PHONE' },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await app.gql(hillingdon, END, { input: { assignmentId, endDate: today(), reason: 'OTHER' } }),
        ),
      ).toBe('CONFLICT');
      const history = await app.ok<{
        child: { activeGuardian: null; guardianAssignments: { active: boolean }[] };
      }>(hillingdon, CHILD, { id: mine });
      expect(history.child.activeGuardian).toBeNull();
      expect(history.child.guardianAssignments).toEqual([{ scheme: 'ICTG_DIRECT', active: false }]);
    });
  });
});

describe('guardian caseloads', () => {
  let app: TestApp;
  const worker = socialWorker(GLASGOW, 'sw-caseload');
  const busy = guardian('SGS-ALADDIN', 'g-busy');

  beforeAll(async () => {
    app = await TestApp.start({ GUARDIAN_CASELOAD_CEILING: '2' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('warns, without refusing, when a guardian goes above the ceiling', async () => {
    const guardianId = await practitionerId(app, busy);
    const results = [];
    for (let index = 0; index < 3; index += 1) {
      const child = await newChild(app, worker, { categories: ['SEPARATED'] });
      const response = await assignGuardian(app, worker, {
        childId: child.id,
        guardianId,
        scheme: 'SCOTTISH_GUARDIANSHIP',
      });
      expect(response.errors).toBeUndefined();
      results.push(response.data!.assignGuardian);
    }
    expect(results.map((result) => result.guardianCaseload)).toEqual([1, 2, 3]);
    expect(results[1].warnings).toEqual([]);
    expect(results[2].warnings).toEqual(["The guardian's caseload (3) is above the ceiling of 2"]);
    const guardians = await app.ok<{
      practitioners: { subject: string; caseload: number; warnings: string[] }[];
    }>(worker, '{ practitioners(role: GUARDIAN) { subject caseload warnings } }');
    expect(guardians.practitioners.find((practitioner) => practitioner.subject === 'g-busy')).toEqual({
      subject: 'g-busy',
      caseload: 3,
      warnings: ['Caseload 3 is above the ceiling of 2'],
    });
  });
});
