import { assignGuardian, hoursAgo, newChild, newReferral, practitionerId, today } from './support/factories';
import {
  Caller,
  codeOf,
  GraphQLError,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  TestApp,
} from './support/test-app';

/** The case file of quality.md, as the benchmark asks for it. */
const CASE_FIELDS = `
  id version givenName familyName aliases { name source } effectiveDateOfBirth ageDisputed currentlyMissing
  localAuthority { code name } allocatedWorker { id subject }
  currentPlacement { id type startedAt current }
  placements { id }
  activeGuardian { id name }
  guardianAssignments { id active guardianCaseload }
  guardianshipEligibility { scheme eligible reason ageLimit endsOn }
  missingEpisodes(first: 10) { id missingSince returnedAt soonAfterPlacement returnInterviewDueBy }
  allEpisodes: missingEpisodes { id }
  alerts(unresolved: true) { id kind status raisedAt }
  allAlerts: alerts { id status }`;

describe('the case file', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-case-file');
  const gail = guardian('ICTG-CASE-FILE', 'g-case-file');
  let childId: string;

  /** A GraphQL request, with how many SQL statements its transaction sent. */
  const counted = async (caller: Caller, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token(caller)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: GraphQLError[] };
    return { ...body, statements: Number(response.headers.get('x-haven-sql-statements')) };
  };

  beforeAll(async () => {
    app = await TestApp.start({ SQL_STATEMENT_HEADER: 'true' });
    const child = await newChild(app, worker, { aliases: [{ name: 'Tony', source: 'police' }] });
    childId = child.id;
    await newReferral(app, worker, childId, today());
    await assignGuardian(app, worker, {
      childId,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    await app.ok(worker, `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`, {
      input: { childId, type: 'FOSTER_CARE', startedAt: hoursAgo(400) },
    });
    // twelve episodes that ended, then one still open
    for (let episode = 0; episode < 12; episode += 1) {
      const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
        worker,
        `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
        { input: { childId, kind: 'MISSING', missingSince: hoursAgo(300 - episode * 20) } },
      );
      await app.ok(worker, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
        input: { episodeId: reportMissing.id, returnedAt: hoursAgo(299 - episode * 20) },
      });
    }
    await app.ok(worker, `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`, {
      input: { childId, kind: 'MISSING', missingSince: hoursAgo(2) },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('costs at most 6 SQL statements, whatever it nests, transaction and audit included', async () => {
    const answer = await counted(worker, `query($id: ID!) { child(id: $id) { ${CASE_FIELDS} } }`, {
      id: childId,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.statements).toBeGreaterThan(0);
    expect(answer.statements).toBeLessThanOrEqual(6);
    const file = answer.data.child;
    expect(file.missingEpisodes).toHaveLength(10);
    expect(file.allEpisodes).toHaveLength(13);
    expect(file.missingEpisodes.map((episode: { id: string }) => episode.id)).toEqual(
      file.allEpisodes.slice(0, 10).map((episode: { id: string }) => episode.id),
    );
    expect(file.currentlyMissing).toBe(true);
    expect(file.currentPlacement).toMatchObject({ type: 'FOSTER_CARE', current: true });
    expect(file.activeGuardian.id).toBe(await practitionerId(app, gail));
    expect(file.localAuthority.code).toBe(HILLINGDON);
    expect(file.alerts.length).toBeGreaterThan(0);
    expect(file.alerts.every((alert: { status: string }) => alert.status !== 'RESOLVED')).toBe(true);
    expect(file.allAlerts.length).toBeGreaterThan(file.alerts.length);
  });

  it('answers exactly as the same fields read one by one through a list', async () => {
    const single = await counted(worker, `query($id: ID!) { child(id: $id) { ${CASE_FIELDS} } }`, {
      id: childId,
    });
    // `children` reads each field through its DataLoader, not through the case-file query
    const listed = await counted(
      worker,
      `query { children(first: 5) { edges { node { ${CASE_FIELDS} } } } }`,
      {},
    );
    expect(listed.errors).toBeUndefined();
    const node = listed.data.children.edges.find(
      (edge: { node: { id: string } }) => edge.node.id === childId,
    );
    expect(single.data.child).toEqual(node.node);
  });

  it('audits every record it shows, in the same transaction', async () => {
    const [{ seq }] = await app.query<{ seq: string }>(
      'SELECT coalesce(max(seq), 0) AS seq FROM audit_event',
    );
    const answer = await counted(worker, `query($id: ID!) { child(id: $id) { ${CASE_FIELDS} } }`, {
      id: childId,
    });
    const read = await app.query<{ entity_id: string; request_id: string }>(
      `SELECT entity_id, request_id FROM audit_event WHERE seq > $1 AND action = 'READ'`,
      [seq],
    );
    expect(new Set(read.map((row) => row.request_id)).size).toBe(1);
    const ids = new Set(read.map((row) => row.entity_id));
    const file = answer.data.child;
    for (const id of [
      file.id,
      file.currentPlacement.id,
      ...file.allEpisodes.map((episode: { id: string }) => episode.id),
      ...file.allAlerts.map((alert: { id: string }) => alert.id),
      ...file.guardianAssignments.map((assignment: { id: string }) => assignment.id),
    ]) {
      expect(ids.has(id)).toBe(true);
    }
  });

  it("reads and audits only the current placement and the active guardian's assignment when only they are asked for", async () => {
    // a child moved once, whose first guardian was replaced
    const moved = await newChild(app, worker);
    await newReferral(app, worker, moved.id, today());
    const place = async (startedAt: string) =>
      (
        await app.ok<{ startPlacement: { id: string } }>(
          worker,
          `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`,
          { input: { childId: moved.id, type: 'FOSTER_CARE', startedAt } },
        )
      ).startPlacement.id;
    const first = await place(hoursAgo(500));
    await app.ok(worker, `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`, {
      input: { placementId: first, endedAt: hoursAgo(100), reason: 'PLANNED_MOVE' },
    });
    const second = await place(hoursAgo(99));
    const replaced = await assignGuardian(app, worker, {
      childId: moved.id,
      guardianId: await practitionerId(app, guardian('ICTG-CASE-FILE', 'g-case-file-first')),
      scheme: 'ICTG_DIRECT',
    });
    expect(replaced.errors).toBeUndefined();
    const firstAssignment = replaced.data!.assignGuardian.id;
    await app.ok(
      worker,
      `mutation($input: EndGuardianAssignmentInput!) { endGuardianAssignment(input: $input) { id } }`,
      { input: { assignmentId: firstAssignment, endDate: today(), reason: 'GUARDIAN_CHANGED' } },
    );
    const current = await assignGuardian(app, worker, {
      childId: moved.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    const narrow = `currentPlacement { id current } activeGuardian { id }`;

    const readBy = async (query: string, variables: Record<string, unknown>) => {
      const [{ seq }] = await app.query<{ seq: string }>(
        'SELECT coalesce(max(seq), 0) AS seq FROM audit_event',
      );
      const answer = await counted(worker, query, variables);
      expect(answer.errors).toBeUndefined();
      const read = await app.query<{ entity: string; entity_id: string }>(
        `SELECT entity, entity_id FROM audit_event
          WHERE seq > $1 AND action = 'READ' AND entity IN ('Placement', 'GuardianAssignment') AND child_id = $2
          ORDER BY entity`,
        [seq, moved.id],
      );
      return { answer, read };
    };
    // prefetched with the child, and through a list's DataLoaders: the same answer, the same audit
    const single = await readBy(`query($id: ID!) { child(id: $id) { ${narrow} } }`, { id: moved.id });
    expect(single.answer.data.child).toEqual({
      currentPlacement: { id: second, current: true },
      activeGuardian: { id: await practitionerId(app, gail) },
    });
    const expected = [
      { entity: 'GuardianAssignment', entity_id: current.data!.assignGuardian.id },
      { entity: 'Placement', entity_id: second },
    ];
    expect(single.read).toEqual(expected);
    const listed = await readBy(`query { children(first: 50) { edges { node { id ${narrow} } } } }`, {});
    const node = listed.answer.data.children.edges.find(
      (edge: { node: { id: string } }) => edge.node.id === moved.id,
    ).node;
    expect({ ...node, id: undefined }).toEqual({ ...single.answer.data.child, id: undefined });
    expect(listed.read).toEqual(expected);
  });

  it("is the guardian's too, and nobody else's", async () => {
    const query = `query($id: ID!) { child(id: $id) { ${CASE_FIELDS} } }`;
    const forGuardian = await counted(gail, query, { id: childId });
    expect(forGuardian.errors).toBeUndefined();
    expect(forGuardian.data.child.missingEpisodes).toHaveLength(10);
    for (const outsider of [socialWorker(KENT, 'sw-case-file-kent'), guardian('ICTG-CASE-FILE', 'g-other')]) {
      const refused = await counted(outsider, query, { id: childId });
      expect(codeOf(refused)).toBe('NOT_FOUND');
      expect(refused.data).toBeNull();
    }
  });

  it('refuses a page size out of range with the field named, as every list does', async () => {
    const answer = await counted(
      worker,
      `query($id: ID!) { child(id: $id) { missingEpisodes(first: 0) { id } } }`,
      {
        id: childId,
      },
    );
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
  });
});
