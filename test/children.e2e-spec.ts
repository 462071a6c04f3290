import { addDays } from '@haven/platform';
import { bornYearsAgo, CHILD_FIELDS, newChild, today } from './support/factories';
import { codeOf, HILLINGDON, KENT, socialWorker, teamManager, TestApp } from './support/test-app';

describe('the child record', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON);

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('registers a child with an uncertain identity and allocates the registering social worker', async () => {
    const child = await newChild(app, worker, {
      givenName: 'Thị Lan',
      familyName: 'Trần',
      aliases: [{ name: 'Lan Tran', source: 'nail bar employer' }, { name: 'Lily' }],
      nationality: 'vn',
      nationalityBasis: 'SUSPECTED',
      categories: ['TRAFFICKED', 'UNACCOMPANIED_ASYLUM_SEEKING'],
      exploitationTypes: ['LABOUR'],
    });
    expect(child).toMatchObject({
      version: 1,
      givenName: 'Thị Lan',
      familyName: 'Trần',
      aliases: [
        { name: 'Lan Tran', source: 'nail bar employer' },
        { name: 'Lily', source: null },
      ],
      claimedDateOfBirth: '2010-05-01',
      effectiveDateOfBirth: '2010-05-01',
      ageDisputed: false,
      nationality: 'VN',
      nationalityBasis: 'SUSPECTED',
      status: 'OPEN',
      localAuthority: { code: HILLINGDON, name: 'Hillingdon' },
      allocatedWorker: { subject: worker.sub },
    });
  });

  it('refuses bad input with the fields named, and writes nothing', async () => {
    const before = await app.counts('child', 'audit_event');
    const response = await app.gql(
      worker,
      `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
      {
        input: {
          givenName: '   ',
          gender: 'MALE',
          nationality: 'XX',
          claimedDateOfBirth: '2099-01-01',
          familyName: 'x'.repeat(101),
          aliases: [{ name: '' }],
        },
      },
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    const fields = response.errors![0].extensions!.fields!.map((problem) => problem.field).sort();
    expect(fields).toEqual([
      'aliases.0.name',
      'claimedDateOfBirth',
      'familyName',
      'givenName',
      'nationality',
    ]);
    expect(await app.counts('child', 'audit_event')).toEqual(before);
  });

  it.each([
    ['an impossible date', { claimedDateOfBirth: '2023-02-30' }, 'claimedDateOfBirth'],
    ['a date without a day', { claimedDateOfBirth: '2010-05' }, 'claimedDateOfBirth'],
    ['an unknown gender', { gender: 'BOY' }, 'gender'],
    ['an unknown category', { categories: ['LOST'] }, 'categories.0'],
    ['an arrival before birth', { arrivalDate: '2009-01-01' }, 'arrivalDate'],
    [
      'an allocated worker who is not a colleague',
      { allocatedWorkerId: '00000000-0000-4000-8000-000000000000' },
      'allocatedWorkerId',
    ],
  ])('refuses %s as BAD_USER_INPUT on that field', async (_, overrides, field) => {
    const before = await app.counts('child');
    const response = await app.gql(
      worker,
      `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
      {
        input: { givenName: 'A', gender: 'FEMALE', claimedDateOfBirth: '2010-05-01', ...overrides },
      },
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields!.map((problem) => problem.field)).toContain(field);
    expect(await app.counts('child')).toEqual(before);
  });

  it('updates with the version read and bumps it; a stale version gets CONFLICT and loses nothing', async () => {
    const child = await newChild(app, worker, { givenName: 'Ardit', familyName: 'Hoxha' });
    const update = `mutation($input: UpdateChildInput!) { updateChild(input: $input) { ${CHILD_FIELDS} } }`;
    const first = await app.ok<{
      updateChild: { version: number; preferredName: string; familyName: string };
    }>(worker, update, {
      input: { id: child.id, expectedVersion: 1, preferredName: 'Ardi' },
    });
    expect(first.updateChild).toMatchObject({ version: 2, preferredName: 'Ardi', familyName: 'Hoxha' });

    const stale = await app.gql(worker, update, {
      input: { id: child.id, expectedVersion: 1, familyName: 'Changed' },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    const current = await app.ok<{ child: { version: number; familyName: string; preferredName: string } }>(
      worker,
      `query($id: ID!) { child(id: $id) { version familyName preferredName } }`,
      { id: child.id },
    );
    expect(current.child).toEqual({ version: 2, familyName: 'Hoxha', preferredName: 'Ardi' });
  });

  it('lets exactly one of 50 parallel updates with the same version win', async () => {
    const child = await newChild(app, worker, { givenName: 'Race' });
    const update = `mutation($input: UpdateChildInput!) { updateChild(input: $input) { version preferredName } }`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        app.gql(worker, update, {
          input: { id: child.id, expectedVersion: 1, preferredName: `Name ${index}` },
        }),
      ),
    );
    const winners = responses.filter((response) => !response.errors);
    expect(winners).toHaveLength(1);
    expect(responses.filter((response) => codeOf(response) === 'CONFLICT')).toHaveLength(49);
    const current = await app.ok<{ child: { version: number; preferredName: string } }>(
      worker,
      `query($id: ID!) { child(id: $id) { version preferredName } }`,
      { id: child.id },
    );
    expect(current.child).toEqual({ version: 2, preferredName: winners[0].data!.updateChild.preferredName });
  });

  it('clears optional fields given as null but never the required ones', async () => {
    const child = await newChild(app, worker, { preferredName: 'Mo' });
    const update = `mutation($input: UpdateChildInput!) { updateChild(input: $input) { version preferredName givenName } }`;
    const cleared = await app.ok<{ updateChild: { preferredName: string | null } }>(worker, update, {
      input: { id: child.id, expectedVersion: 1, preferredName: null },
    });
    expect(cleared.updateChild.preferredName).toBeNull();
    const refused = await app.gql(worker, update, {
      input: { id: child.id, expectedVersion: 2, givenName: null },
    });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.fields![0].field).toBe('givenName');
  });

  it('finds children by name or alias ignoring case and accents', async () => {
    const lan = await newChild(app, worker, {
      givenName: 'Zoë',
      familyName: 'Ñúñez',
      aliases: [{ name: 'Bảo Ngọc', source: 'trafficker' }],
    });
    const search = async (term: string) =>
      (
        await app.ok<{ children: { edges: { node: { id: string } }[] } }>(
          worker,
          `query($search: String) { children(filter: { search: $search }) { edges { node { id } } } }`,
          { search: term },
        )
      ).children.edges.map((edge) => edge.node.id);
    expect(await search('zoe')).toContain(lan.id);
    expect(await search('NUNEZ')).toContain(lan.id);
    expect(await search('bao ngoc')).toContain(lan.id);
    expect(await search('ngọc zoë')).toContain(lan.id);
    expect(await search('50%')).not.toContain(lan.id);
    expect(await search('nobody-called-this')).toEqual([]);
  });

  it("keeps the authority's own identifier, unique in the authority, and finds the child by it", async () => {
    const registered = await newChild(app, worker, {
      localChildId: ' LC-100 ',
      parentalResponsibilityInUk: false,
    });
    const read = async (id: string) =>
      (
        await app.ok<{ child: { localChildId: string | null; parentalResponsibilityInUk: boolean | null } }>(
          worker,
          `query($id: ID!) { child(id: $id) { localChildId parentalResponsibilityInUk } }`,
          { id },
        )
      ).child;
    expect(await read(registered.id)).toEqual({ localChildId: 'LC-100', parentalResponsibilityInUk: false });

    // a second child with the same id in the same authority: CONFLICT, nothing written
    const before = await app.counts('child', 'audit_event');
    const duplicate = await app.gql(
      worker,
      `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
      { input: { givenName: 'Other', gender: 'FEMALE', localChildId: 'LC-100' } },
    );
    expect(codeOf(duplicate)).toBe('CONFLICT');
    expect(duplicate.errors![0].message).toMatch(/already has the local identifier/);
    expect(await app.counts('child', 'audit_event')).toEqual(before);

    // another authority may use the same id
    const kent = socialWorker(KENT);
    await newChild(app, kent, { localChildId: 'LC-100' });

    // at most 10 characters
    const tooLong = await app.gql(
      worker,
      `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
      { input: { givenName: 'Long', gender: 'MALE', localChildId: '12345678901' } },
    );
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].extensions!.fields).toEqual([
      { field: 'localChildId', message: expect.stringContaining('10 characters') },
    ]);

    // an update onto a taken id: CONFLICT, the version unchanged
    const other = await newChild(app, worker, { localChildId: 'LC-101' });
    const taken = await app.gql(
      worker,
      `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id } }`,
      { input: { id: other.id, expectedVersion: 1, localChildId: 'LC-100' } },
    );
    expect(codeOf(taken)).toBe('CONFLICT');
    const updated = await app.ok<{
      updateChild: { version: number; localChildId: string; parentalResponsibilityInUk: boolean | null };
    }>(
      worker,
      `mutation($input: UpdateChildInput!) { updateChild(input: $input) { version localChildId parentalResponsibilityInUk } }`,
      {
        input: { id: other.id, expectedVersion: 1, localChildId: 'LC-102', parentalResponsibilityInUk: true },
      },
    );
    expect(updated.updateChild).toEqual({
      version: 2,
      localChildId: 'LC-102',
      parentalResponsibilityInUk: true,
    });

    const search = async (term: string) =>
      (
        await app.ok<{ children: { edges: { node: { id: string } }[] } }>(
          worker,
          `query($search: String) { children(filter: { search: $search }) { edges { node { id } } } }`,
          { search: term },
        )
      ).children.edges.map((edge) => edge.node.id);
    expect(await search('lc-100')).toEqual([registered.id]);
    expect(await search('LC-102')).toEqual([other.id]);
  });

  it('pages with cursors and a total, and filters by category, exploitation and turning 18', async () => {
    const other = socialWorker('E09000002', 'sw-paging');
    const today = new Date();
    const inDays = (days: number, yearsAgo: number) => {
      const date = new Date(
        Date.UTC(today.getUTCFullYear() - yearsAgo, today.getUTCMonth(), today.getUTCDate() + days),
      );
      return date.toISOString().slice(0, 10);
    };
    await newChild(app, other, {
      givenName: 'Soon18',
      claimedDateOfBirth: inDays(20, 18),
      categories: ['TRAFFICKED'],
      exploitationTypes: ['SEXUAL'],
    });
    await newChild(app, other, {
      givenName: 'Later18',
      claimedDateOfBirth: inDays(200, 18),
      categories: ['SEPARATED'],
    });
    for (let index = 0; index < 3; index += 1) await newChild(app, other, { givenName: `Page${index}` });

    const page = `query($first: Int, $after: String, $filter: ChildFilter) {
      children(first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { givenName } } } }`;
    type Page = {
      children: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { givenName: string } }[];
      };
    };
    const first = await app.ok<Page>(other, page, { first: 2 });
    expect(first.children.totalCount).toBe(5);
    expect(first.children.pageInfo.hasNextPage).toBe(true);
    const names = first.children.edges.map((edge) => edge.node.givenName);
    let after = first.children.pageInfo.endCursor;
    for (;;) {
      const next = await app.ok<Page>(other, page, { first: 2, after });
      // the total is across pages, on every page
      expect(next.children.totalCount).toBe(5);
      names.push(...next.children.edges.map((edge) => edge.node.givenName));
      if (!next.children.pageInfo.hasNextPage) break;
      after = next.children.pageInfo.endCursor;
    }
    expect(names).toEqual(['Page2', 'Page1', 'Page0', 'Later18', 'Soon18']);

    const filtered = async (filter: Record<string, unknown>) =>
      (await app.ok<Page>(other, page, { filter })).children.edges.map((edge) => edge.node.givenName);
    expect(await filtered({ category: 'TRAFFICKED' })).toEqual(['Soon18']);
    expect(await filtered({ exploitationType: 'SEXUAL' })).toEqual(['Soon18']);
    expect(await filtered({ turning18WithinDays: 30 })).toEqual(['Soon18']);
    expect(await filtered({ turning18WithinDays: 365 })).toEqual(['Later18', 'Soon18']);
    expect(await filtered({ status: 'CLOSED' })).toEqual([]);

    const tooMany = await app.gql(other, page, { first: 500 });
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    const badCursor = await app.gql(other, page, { after: 'not-a-cursor' });
    expect(codeOf(badCursor)).toBe('BAD_USER_INPUT');
  });

  it('shows immigration details to those supporting the child', async () => {
    const child = await newChild(app, worker, {
      immigrationStatus: 'UASC_LEAVE',
      leaveExpiresOn: '2027-06-30',
      homeOfficeReference: 'HO-123',
    });
    const data = await app.ok<{ child: Record<string, unknown> }>(
      worker,
      `query($id: ID!) { child(id: $id) { immigrationStatus leaveExpiresOn homeOfficeReference nrmCategories age } }`,
      { id: child.id },
    );
    expect(data.child).toMatchObject({
      immigrationStatus: 'UASC_LEAVE',
      leaveExpiresOn: '2027-06-30',
      homeOfficeReference: 'HO-123',
    });
  });

  it("answers a page's selected fields as the child's own record does, reading only their columns", async () => {
    const child = await newChild(app, worker, {
      givenName: 'Selam',
      familyName: 'Tesfaye',
      preferredName: 'Sely',
      aliases: [{ name: 'Salam', source: 'Home Office screening' }],
      nationality: 'ER',
      nationalityBasis: 'CLAIMED',
      regionOfOrigin: 'Gash-Barka',
      languages: ['ti', 'ar'],
      interpreterNeeded: true,
      categories: ['UNACCOMPANIED_ASYLUM_SEEKING', 'TRAFFICKED'],
      exploitationTypes: ['SEXUAL', 'LABOUR'],
      arrivalDate: '2026-03-02',
      arrivalRoute: 'CLANDESTINE_ENTRY',
      legalStatus: 'S20_ACCOMMODATED',
      immigrationStatus: 'ASYLUM_CLAIM_PENDING',
      asylumClaimDate: '2026-03-05',
      leaveExpiresOn: '2027-06-30',
      homeOfficeReference: 'HO-SEL-1',
      localChildId: 'SEL-77',
      parentalResponsibilityInUk: false,
    });
    // every field a page may read by its own columns (ChildrenResolver's, the mapper's columnsFor)
    const fields = `id version givenName familyName preferredName aliases { name source } claimedDateOfBirth
      effectiveDateOfBirth age ageDisputed gender nationality nationalityBasis regionOfOrigin languages
      interpreterNeeded categories exploitationTypes nrmCategories arrivalDate arrivalRoute legalStatus
      immigrationStatus asylumClaimDate leaveExpiresOn homeOfficeReference localChildId
      parentalResponsibilityInUk status closureReason closedOn registeredAt updatedAt __typename
      localAuthority { code } allocatedWorker { subject }`;
    const { child: own } = await app.ok<{ child: Record<string, unknown> }>(
      worker,
      `query($id: ID!) { child(id: $id) { ${fields} } }`,
      { id: child.id },
    );
    const listed = async (selection: string, fragments = '') => {
      const data = await app.ok<{ children: { edges: { node: Record<string, unknown> }[] } }>(
        worker,
        `query($search: String!) { children(filter: { search: $search }) { edges { node { ${selection} } } } } ${fragments}`,
        { search: 'SEL-77' },
      );
      expect(data.children.edges).toHaveLength(1);
      return data.children.edges[0].node;
    };
    expect(await listed(fields)).toEqual(own);
    expect(await listed('id givenName')).toEqual({ id: child.id, givenName: 'Selam' });
    // through fragments, and with a field another capability serves (whole rows are read then)
    expect(
      await listed(
        '...named ... on Child { age aliases { name } }',
        'fragment named on Child { localChildId }',
      ),
    ).toEqual({
      localChildId: 'SEL-77',
      age: own.age,
      aliases: [{ name: 'Salam' }],
    });
    expect(await listed('givenName hasDurableSolution nrmCategories')).toEqual({
      givenName: 'Selam',
      hasDurableSolution: false,
      nrmCategories: own.nrmCategories,
    });
    // only their columns: with the service's role allowed no other column of child, a narrow page is
    // still answered, and one asking for another column is not (whole rows would fail both)
    const [{ role }] = await app.query<{ role: string }>(`SELECT current_database() || '_service' AS role`);
    await app.query(`REVOKE SELECT ON child FROM ${role}`);
    try {
      await app.query(
        `GRANT SELECT (id, local_authority_id, registered_at, status, search_text, local_child_id, given_name) ON child TO ${role}`,
      );
      expect(await listed('id givenName')).toEqual({ id: child.id, givenName: 'Selam' });
      const wider = await app.gql(
        worker,
        `query { children(filter: { search: "SEL-77" }) { edges { node { id familyName } } } }`,
      );
      expect(wider.errors).toHaveLength(1);
    } finally {
      await app.query(`GRANT SELECT ON child TO ${role}`);
    }
    // a page read narrowly is audited as any other: each child it shows
    const [{ seq }] = await app.query<{ seq: string }>(
      'SELECT coalesce(max(seq), 0) AS seq FROM audit_event',
    );
    await listed('id');
    const audited = await app.query<{ entity_id: string; local_authority_id: string }>(
      `SELECT entity_id, local_authority_id FROM audit_event WHERE seq > $1 AND action = 'READ' AND entity = 'Child'`,
      [seq],
    );
    expect(audited).toEqual([{ entity_id: child.id, local_authority_id: expect.any(String) }]);
  });

  it('closes a case without deleting anything, and reopens it', async () => {
    const manager = { ...socialWorker(), role: 'TEAM_MANAGER' as const, sub: 'tm-close' };
    const child = await newChild(app, worker, { givenName: 'Closing' });
    const close = `mutation($input: CloseCaseInput!) { closeCase(input: $input) { status closureReason closedOn version } }`;
    const refused = await app.gql(worker, close, {
      input: { childId: child.id, expectedVersion: 1, reason: 'TRANSFERRED', closedOn: '2026-01-01' },
    });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const closed = await app.ok<{ closeCase: Record<string, unknown> }>(manager as never, close, {
      input: { childId: child.id, expectedVersion: 1, reason: 'TRANSFERRED', closedOn: '2026-01-01' },
    });
    expect(closed.closeCase).toEqual({
      status: 'CLOSED',
      closureReason: 'TRANSFERRED',
      closedOn: '2026-01-01',
      version: 2,
    });
    const still = await app.ok<{ child: { givenName: string; status: string } }>(
      worker,
      `query($id: ID!) { child(id: $id) { givenName status } }`,
      { id: child.id },
    );
    expect(still.child).toEqual({ givenName: 'Closing', status: 'CLOSED' });
    const reopened = await app.ok<{ reopenCase: { status: string } }>(
      manager as never,
      `mutation($input: ReopenCaseInput!) { reopenCase(input: $input) { status } }`,
      {
        input: { childId: child.id, expectedVersion: 2 },
      },
    );
    expect(reopened.reopenCase.status).toBe('OPEN');
  });

  describe("closing a case by the person's age", () => {
    const manager = teamManager(HILLINGDON, 'tm-close-age');
    const CLOSE = `mutation($input: CloseCaseInput!) { closeCase(input: $input) { status closureReason closedOn version } }`;
    const ALL_SAFEGUARDS = {
      twoAssessors: true,
      appropriateAdult: true,
      interpreterUsed: true,
      adversePointsPut: true,
      writtenReasons: true,
    };
    const record = async (childId: string) =>
      (
        await app.ok<{ child: { version: number; status: string; closureReason: string | null } }>(
          worker,
          `query($id: ID!) { child(id: $id) { version status closureReason } }`,
          { id: childId },
        )
      ).child;
    const close = async (childId: string, reason: string, closedOn = today()) =>
      app.gql<{ closeCase: { status: string; closureReason: string } }>(manager, CLOSE, {
        input: { childId, expectedVersion: (await record(childId)).version, reason, closedOn },
      });
    /** Refused with CONFLICT naming why, and nothing written. */
    const refused = async (childId: string, reason: string, why: RegExp, closedOn = today()) => {
      const before = await record(childId);
      const response = await close(childId, reason, closedOn);
      expect(codeOf(response)).toBe('CONFLICT');
      expect(response.errors![0].message).toMatch(why);
      expect(await record(childId)).toEqual(before);
    };
    const step = async (mutation: string, input: Record<string, unknown>) =>
      app.ok<Record<string, { id: string }>>(
        worker,
        `mutation($input: ${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`,
        { input },
      );
    const raise = async (childId: string, raisedOn = today()) =>
      (await step('raiseAgeDispute', { childId, raisedOn, raisedBy: 'HOME_OFFICE' })).raiseAgeDispute.id;
    const findAdult = (assessmentId: string, completedOn = today()) =>
      step('recordAgeAssessmentOutcome', {
        assessmentId,
        outcome: 'ASSESSED_ADULT',
        assessedDateOfBirth: bornYearsAgo(20),
        completedOn,
        safeguards: ALL_SAFEGUARDS,
      });

    it('closes as AGE_ASSESSED_ADULT only after an adult finding, never while the dispute is open or challenged', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
      await refused(
        child.id,
        'AGE_ASSESSED_ADULT',
        /No completed age assessment has found the person an adult/,
      );

      const id = await raise(child.id, addDays(today(), -3));
      await refused(
        child.id,
        'AGE_ASSESSED_ADULT',
        /^The age dispute raised on \d{1,2} \w+ \d{4} is still open \(raised\).*treated as a child/,
      );
      await step('startAgeAssessment', { assessmentId: id, startedOn: addDays(today(), -2) });
      await refused(child.id, 'AGE_ASSESSED_ADULT', /still open \(assessment in progress\)/);

      await findAdult(id);
      // the decision was made today: a closure dated the day before is refused, today's is allowed
      await refused(child.id, 'AGE_ASSESSED_ADULT', /found the person an adult after/, addDays(today(), -1));

      await step('challengeAgeAssessment', { assessmentId: id, challengedOn: today() });
      await refused(child.id, 'AGE_ASSESSED_ADULT', /is under challenge \(judicial review brought on/);

      // the court finds a child: its final determination stands, whatever came before
      await step('finaliseAgeAssessment', {
        assessmentId: id,
        finalisedOn: today(),
        courtOutcome: 'CLAIMED_AGE_ACCEPTED',
      });
      await refused(
        child.id,
        'AGE_ASSESSED_ADULT',
        /^The court's final determination on .* accepted the claimed age and stands/,
      );
    });

    it('closes as AGE_ASSESSED_ADULT after a completed adult finding, from the day it was made', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
      await findAdult(await raise(child.id, addDays(today(), -5)), addDays(today(), -1));
      const closed = await close(child.id, 'AGE_ASSESSED_ADULT', addDays(today(), -1));
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.closeCase).toMatchObject({ status: 'CLOSED', closureReason: 'AGE_ASSESSED_ADULT' });
    });

    it('refuses AGE_ASSESSED_ADULT when a court determined a child, even after a later local adult finding', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
      const first = await raise(child.id, addDays(today(), -10));
      await findAdult(first, addDays(today(), -9));
      await step('challengeAgeAssessment', { assessmentId: first, challengedOn: addDays(today(), -8) });
      await step('finaliseAgeAssessment', {
        assessmentId: first,
        finalisedOn: addDays(today(), -7),
        courtOutcome: 'CLAIMED_AGE_ACCEPTED',
      });
      await findAdult(await raise(child.id, addDays(today(), -5)), addDays(today(), -2));
      await refused(child.id, 'AGE_ASSESSED_ADULT', /^The court's final determination/);
    });

    it('closes as TURNED_18_TO_LEAVING_CARE on the 18th birthday, not the day before', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(18) });
      await refused(
        child.id,
        'TURNED_18_TO_LEAVING_CARE',
        /turns 18 on .*the case cannot be closed as TURNED_18_TO_LEAVING_CARE before then/,
        addDays(today(), -1),
      );
      const closed = await close(child.id, 'TURNED_18_TO_LEAVING_CARE', today());
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.closeCase.closureReason).toBe('TURNED_18_TO_LEAVING_CARE');
    });

    it('refuses TURNED_18_TO_LEAVING_CARE without a date of birth, or while the age is disputed', async () => {
      const unknown = await newChild(app, worker, { claimedDateOfBirth: null });
      await refused(unknown.id, 'TURNED_18_TO_LEAVING_CARE', /No date of birth is recorded/);
      const disputed = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(19) });
      await raise(disputed.id);
      await refused(disputed.id, 'TURNED_18_TO_LEAVING_CARE', /is still open .*treated as a child/);
      // other reasons are not about age
      expect((await close(disputed.id, 'TRANSFERRED')).errors).toBeUndefined();
    });

    it('lets one of a closure as an adult and a judicial review win, never both', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
      const id = await raise(child.id, addDays(today(), -3));
      await findAdult(id, addDays(today(), -1));
      const version = (await record(child.id)).version;
      const [closing, challenge] = await Promise.all([
        app.gql(manager, CLOSE, {
          input: {
            childId: child.id,
            expectedVersion: version,
            reason: 'AGE_ASSESSED_ADULT',
            closedOn: today(),
          },
        }),
        app.gql(
          worker,
          `mutation($input: ChallengeAgeAssessmentInput!) { challengeAgeAssessment(input: $input) { id } }`,
          { input: { assessmentId: id, challengedOn: today() } },
        ),
      ]);
      // either order is lawful (closed, then a review brought; or the review first, and the closure refused)
      // but no deadlock and no closure that read a state the review had already changed
      expect(challenge.errors).toBeUndefined();
      const after = await record(child.id);
      if (closing.errors) expect(codeOf(closing)).toBe('CONFLICT');
      else expect(after.status).toBe('CLOSED');
    });
  });
});
