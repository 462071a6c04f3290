import { assignGuardian, newChild, newReferral, practitionerId, today } from './support/factories';
import { codeOf, guardian, HILLINGDON, KENT, socialWorker, TestApp } from './support/test-app';

const REPORT = `mutation($input: ReportMissingInput!) {
  reportMissing(input: $input) { id kind missingSince soonAfterPlacement open returnedAt returnInterviewDueBy lastSeenLocation policeRiskLevel } }`;
const RETURN = `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id open returnedAt returnInterviewDueBy foundBy } }`;
const INTERVIEW = `mutation($input: RecordReturnInterviewInput!) {
  recordReturnInterview(input: $input) { id returnInterview { offeredAt completedAt declined conductedBy } } }`;
const at = (iso: string) => new Date(iso).toISOString();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
const plusHours = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000).toISOString();

describe('missing episodes', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-missing');
  const gail = guardian('ICTG-MISSING', 'g-missing');
  const report = (childId: string, input: Record<string, unknown> = {}, caller = worker) =>
    app.gql<{ reportMissing: Record<string, any> }>(caller, REPORT, {
      input: { childId, kind: 'MISSING', missingSince: hoursAgo(3).toISOString(), ...input },
    });

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it("lets the child's guardian report them missing, and shows it at once", async () => {
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, today());
    await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    const reported = await report(
      child.id,
      {
        lastSeenLocation: 'Hayes bus station',
        lastSeenWith: 'Two older men',
        policeRiskLevel: 'HIGH',
        traffickerContactFeared: true,
      },
      gail,
    );
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportMissing).toMatchObject({
      kind: 'MISSING',
      open: true,
      returnedAt: null,
      lastSeenLocation: 'Hayes bus station',
      policeRiskLevel: 'HIGH',
    });
    const view = await app.ok<{ child: { currentlyMissing: boolean; missingEpisodes: { id: string }[] } }>(
      worker,
      `query($id: ID!) { child(id: $id) { currentlyMissing missingEpisodes { id } } }`,
      { id: child.id },
    );
    expect(view.child).toEqual({
      currentlyMissing: true,
      missingEpisodes: [{ id: reported.data!.reportMissing.id }],
    });
    const missingNow = await app.ok<{ children: { edges: { node: { id: string } }[] } }>(
      worker,
      '{ children(filter: { missingNow: true }) { edges { node { id } } } }',
    );
    expect(missingNow.children.edges.map((edge) => edge.node.id)).toContain(child.id);
    // a guardian reports; recording the return is the authority's
    const back = await app.gql(gail, RETURN, {
      input: { episodeId: reported.data!.reportMissing.id, returnedAt: new Date().toISOString() },
    });
    expect(codeOf(back)).toBe('FORBIDDEN');
  });

  it('keeps one open episode per child, even with ten concurrent reports', async () => {
    const child = await newChild(app, worker);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        report(child.id, { missingSince: hoursAgo(5 + index).toISOString() }),
      ),
    );
    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    expect(responses.filter((response) => codeOf(response) === 'CONFLICT')).toHaveLength(9);
    expect(
      await app.query(`SELECT count(*)::int AS n FROM missing_episode WHERE child_id = $1`, [child.id]),
    ).toEqual([{ n: 1 }]);
  });

  it('flags an episode soon after placement at exactly 72 hours, and not a second later', async () => {
    const placedAt = hoursAgo(200);
    const within = await newChild(app, worker);
    const after = await newChild(app, worker);
    for (const child of [within, after]) {
      await app.ok(
        worker,
        `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`,
        {
          input: { childId: child.id, type: 'RESIDENTIAL_CHILDRENS_HOME', startedAt: placedAt.toISOString() },
        },
      );
    }
    const exactly = await report(within.id, { missingSince: plusHours(placedAt, 72) });
    expect(exactly.data!.reportMissing.soonAfterPlacement).toBe(true);
    const late = await report(after.id, {
      missingSince: new Date(placedAt.getTime() + 72 * 3_600_000 + 1000).toISOString(),
    });
    expect(late.data!.reportMissing.soonAfterPlacement).toBe(false);
    const [{ placement_id }] = await app.query<{ placement_id: string | null }>(
      `SELECT placement_id FROM missing_episode WHERE id = $1`,
      [exactly.data!.reportMissing.id],
    );
    expect(placement_id).not.toBeNull();
  });

  it('flags an episode soon after arrival', async () => {
    const child = await newChild(app, worker, { arrivalDate: today() });
    expect(
      (await report(child.id, { missingSince: new Date().toISOString() })).data!.reportMissing
        .soonAfterPlacement,
    ).toBe(true);
  });

  it('refuses invalid times with BAD_USER_INPUT and writes nothing', async () => {
    const child = await newChild(app, worker);
    const before = await app.counts('missing_episode', 'audit_event');
    const future = await report(child.id, { missingSince: '2099-01-01T00:00:00Z' });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0].extensions!.fields![0].field).toBe('missingSince');
    const policeFirst = await report(child.id, {
      missingSince: hoursAgo(2).toISOString(),
      reportedToPoliceAt: hoursAgo(3).toISOString(),
    });
    expect(codeOf(policeFirst)).toBe('BAD_USER_INPUT');
    expect(await app.counts('missing_episode', 'audit_event')).toEqual(before);

    const { id } = (await report(child.id, { missingSince: hoursAgo(10).toISOString() })).data!.reportMissing;
    const early = await app.gql(worker, RETURN, {
      input: { episodeId: id, returnedAt: hoursAgo(11).toISOString() },
    });
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await app.gql(worker, RETURN, { input: { episodeId: id, returnedAt: '2099-01-01T00:00:00Z' } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await app.gql(worker, INTERVIEW, { input: { episodeId: id, offeredAt: hoursAgo(1).toISOString() } }),
      ),
    ).toBe('CONFLICT');
  });

  it('closes an episode once, makes the interview due 72 hours later, and keeps findings restricted', async () => {
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, today());
    const guardianOfChild = guardian('ICTG-MISSING', 'g-missing-2');
    await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, guardianOfChild),
      scheme: 'ICTG_DIRECT',
    });
    const { id } = (await report(child.id, { missingSince: at('2026-10-24T20:00:00Z') })).data!.reportMissing;
    const returned = await app.ok<{ recordReturn: Record<string, unknown> }>(worker, RETURN, {
      input: {
        episodeId: id,
        returnedAt: at('2026-10-24T23:30:00Z'),
        foundBy: 'POLICE',
        whereFound: 'Croydon',
      },
    });
    // across the change of clocks (25 October 2026): 72 elapsed hours, not a calendar sum
    expect(returned.recordReturn).toMatchObject({
      open: false,
      returnInterviewDueBy: '2026-10-27T23:30:00.000Z',
      foundBy: 'POLICE',
    });
    expect(
      codeOf(
        await app.gql(worker, RETURN, { input: { episodeId: id, returnedAt: at('2026-10-25T01:00:00Z') } }),
      ),
    ).toBe('CONFLICT');

    const offeredEarly = await app.gql(worker, INTERVIEW, {
      input: { episodeId: id, offeredAt: at('2026-10-24T23:00:00Z') },
    });
    expect(codeOf(offeredEarly)).toBe('BAD_USER_INPUT');
    const both = await app.gql(worker, INTERVIEW, {
      input: {
        episodeId: id,
        offeredAt: at('2026-10-25T10:00:00Z'),
        completedAt: at('2026-10-25T11:00:00Z'),
        declined: true,
      },
    });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    const interview = await app.ok<{ recordReturnInterview: { returnInterview: Record<string, unknown> } }>(
      worker,
      INTERVIEW,
      {
        input: {
          episodeId: id,
          offeredAt: at('2026-10-25T10:00:00Z'),
          completedAt: at('2026-10-25T11:00:00Z'),
          conductedBy: 'Independent return interviewer',
          findings: 'Disclosed being driven to a cannabis farm',
        },
      },
    );
    expect(interview.recordReturnInterview.returnInterview).toEqual({
      offeredAt: '2026-10-25T10:00:00.000Z',
      completedAt: '2026-10-25T11:00:00.000Z',
      declined: false,
      conductedBy: 'Independent return interviewer',
    });
    const findings = `query($id: ID!) { child(id: $id) { missingEpisodes { returnInterview { findings } } } }`;
    const seen = await app.ok<{ child: { missingEpisodes: { returnInterview: { findings: string } }[] } }>(
      worker,
      findings,
      { id: child.id },
    );
    expect(seen.child.missingEpisodes[0].returnInterview.findings).toBe(
      'Disclosed being driven to a cannabis farm',
    );
    expect(codeOf(await app.gql(guardianOfChild, findings, { id: child.id }))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await app.gql(socialWorker(KENT, 'sw-kent-missing'), RETURN, {
          input: { episodeId: id, returnedAt: at('2026-10-25T01:00:00Z') },
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('the missing-person profile (Philomena Protocol)', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-profile');
  const PROFILE = `query($childId: ID!) { missingPersonProfile(childId: $childId) {
    childId givenName aliases { name } description medicalNeeds version printUrl
    currentEpisode { lastSeenLocation lastSeenWith missingSince } responsibleAuthority { name } allocatedWorker { subject } } }`;
  const UPDATE = `mutation($input: UpdateMissingPersonProfileInput!) { updateMissingPersonProfile(input: $input) { version description associates } }`;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is kept before anything happens, and handed to the police with the last-seen details in one step', async () => {
    const child = await newChild(app, worker, {
      givenName: 'Thị Lan',
      aliases: [{ name: 'Lily', source: 'exploiters' }],
    });
    const first = await app.ok<{ updateMissingPersonProfile: Record<string, unknown> }>(worker, UPDATE, {
      input: {
        childId: child.id,
        description: '150cm, slim, scar on left hand',
        associates: 'Older male "Tony"',
        medicalNeeds: 'Asthma: inhaler',
      },
    });
    expect(first.updateMissingPersonProfile).toEqual({
      version: 1,
      description: '150cm, slim, scar on left hand',
      associates: 'Older male "Tony"',
    });
    const second = await app.ok<{ updateMissingPersonProfile: Record<string, unknown> }>(worker, UPDATE, {
      input: { childId: child.id, associates: null },
    });
    expect(second.updateMissingPersonProfile).toEqual({
      version: 2,
      description: '150cm, slim, scar on left hand',
      associates: null,
    });

    await app.ok(worker, REPORT, {
      input: {
        childId: child.id,
        kind: 'MISSING',
        missingSince: new Date(Date.now() - 3_600_000).toISOString(),
        lastSeenLocation: 'Nail bar, Uxbridge Rd',
        lastSeenWith: 'A woman in her 30s',
      },
    });
    const before = await app.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1 AND action = 'EXPORT'`,
      [child.id],
    );
    const profile = (
      await app.ok<{ missingPersonProfile: Record<string, any> }>(worker, PROFILE, { childId: child.id })
    ).missingPersonProfile;
    expect(profile).toMatchObject({
      givenName: 'Thị Lan',
      aliases: [{ name: 'Lily' }],
      description: '150cm, slim, scar on left hand',
      medicalNeeds: 'Asthma: inhaler',
      currentEpisode: { lastSeenLocation: 'Nail bar, Uxbridge Rd', lastSeenWith: 'A woman in her 30s' },
      responsibleAuthority: { name: 'Hillingdon' },
      allocatedWorker: { subject: 'sw-profile' },
    });
    const exports = async () =>
      (
        await app.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1 AND action = 'EXPORT'`,
          [child.id],
        )
      )[0].n;
    expect(await exports()).toBe(before[0].n + 1);

    const page = await fetch(`${app.url}${profile.printUrl}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/html/);
    const html = await page.text();
    expect(html).toContain('Thị Lan');
    expect(html).toContain('Nail bar, Uxbridge Rd');
    expect(html).toContain('Asthma: inhaler');
    expect(html).not.toMatch(/<script/);
    expect(await exports()).toBe(before[0].n + 2);
    const [{ detail }] = await app.query<{ detail: { via: string } }>(
      `SELECT detail FROM audit_event WHERE child_id = $1 AND action = 'EXPORT' ORDER BY seq DESC LIMIT 1`,
      [child.id],
    );
    expect(detail.via).toBe('print');

    const json = await fetch(`${app.url}${profile.printUrl}?format=json`);
    expect(((await json.json()) as any).currentEpisode.lastSeenWith).toBe('A woman in her 30s');
  });

  it('escapes what it prints', async () => {
    const child = await newChild(app, worker, { givenName: '<img src=x onerror=alert(1)>' });
    const { printUrl } = (
      await app.ok<{ missingPersonProfile: { printUrl: string } }>(worker, PROFILE, { childId: child.id })
    ).missingPersonProfile;
    const html = await (await fetch(`${app.url}${printUrl}`)).text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses forged links, and links whose maker no longer sees the child', async () => {
    expect((await fetch(`${app.url}/exports/missing-person-profile/not-a-token`)).status).toBe(404);
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, today());
    const gail = guardian('ICTG-PROFILE', 'g-profile');
    const assignment = await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    const { printUrl } = (
      await app.ok<{ missingPersonProfile: { printUrl: string } }>(gail, PROFILE, { childId: child.id })
    ).missingPersonProfile;
    expect((await fetch(`${app.url}${printUrl}`)).status).toBe(200);
    await app.ok(
      worker,
      `mutation($input: EndGuardianAssignmentInput!) { endGuardianAssignment(input: $input) { id } }`,
      {
        input: {
          assignmentId: assignment.data!.assignGuardian.id,
          endDate: today(),
          reason: 'GUARDIAN_CHANGED',
        },
      },
    );
    expect((await fetch(`${app.url}${printUrl}`)).status).toBe(404);
    // a guardian keeps no profile of their own
    expect(codeOf(await app.gql(gail, UPDATE, { input: { childId: child.id, description: 'x' } }))).toBe(
      'FORBIDDEN',
    );
  });
});
