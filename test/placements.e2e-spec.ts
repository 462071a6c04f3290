import {
  assignGuardian,
  bornYearsAgo,
  hoursAgo,
  newChild,
  newReferral,
  practitionerId,
  today,
} from './support/factories';
import { analyst, codeOf, guardian, HILLINGDON, KENT, socialWorker, TestApp } from './support/test-app';

const START = `mutation($input: StartPlacementInput!) {
  startPlacement(input: $input) { id type startedAt endedAt current unsafe ssda903Code address provider outOfArea specialist safetyPlan } }`;
const END = `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id endedAt endReason current } }`;

describe('placements', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-placements');
  const place = (childId: string, input: Record<string, unknown> = {}) =>
    app.gql<{ startPlacement: Record<string, any> }>(worker, START, {
      input: { childId, type: 'FOSTER_CARE', startedAt: hoursAgo(48), ...input },
    });

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('records a placement and shows it as current, with its SSDA903 code', async () => {
    const child = await newChild(app, worker);
    const started = await place(child.id, {
      provider: 'Safe Steps Fostering',
      address: '1 High St, Uxbridge',
      specialist: true,
      safetyPlan: true,
    });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startPlacement).toMatchObject({
      type: 'FOSTER_CARE',
      current: true,
      unsafe: false,
      ssda903Code: 'U6',
      address: '1 High St, Uxbridge',
      specialist: true,
      safetyPlan: true,
    });
    const view = await app.ok<{ child: { currentPlacement: { id: string }; placements: unknown[] } }>(
      worker,
      `query($id: ID!) { child(id: $id) { currentPlacement { id } placements { id } } }`,
      { id: child.id },
    );
    expect(view.child.currentPlacement.id).toBe(started.data!.startPlacement.id);
  });

  it('refuses an overlapping placement, and allows the next one from the moment the last ended', async () => {
    const child = await newChild(app, worker);
    const first = (await place(child.id, { startedAt: hoursAgo(100) })).data!.startPlacement;
    const overlapping = await place(child.id, {
      type: 'RESIDENTIAL_CHILDRENS_HOME',
      startedAt: hoursAgo(10),
    });
    expect(codeOf(overlapping)).toBe('CONFLICT');
    const endedAt = hoursAgo(20);
    await app.ok(worker, END, { input: { placementId: first.id, endedAt, reason: 'PLACEMENT_BREAKDOWN' } });
    const during = await place(child.id, { startedAt: hoursAgo(50) });
    expect(codeOf(during)).toBe('CONFLICT');
    const next = await place(child.id, { type: 'RESIDENTIAL_CHILDRENS_HOME', startedAt: endedAt });
    expect(next.errors).toBeUndefined();
  });

  it('lets exactly one of ten concurrent placements of one child succeed', async () => {
    const child = await newChild(app, worker);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) => place(child.id, { startedAt: hoursAgo(10 + index) })),
    );
    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    expect(responses.filter((response) => codeOf(response) === 'CONFLICT')).toHaveLength(9);
    expect(
      await app.query(`SELECT count(*)::int AS n FROM placement WHERE child_id = $1`, [child.id]),
    ).toEqual([{ n: 1 }]);
  });

  it('refuses impossible times and ends a placement once, writing nothing when refused', async () => {
    const child = await newChild(app, worker);
    const before = await app.counts('placement');
    expect(codeOf(await place(child.id, { startedAt: '2099-01-01T00:00:00Z' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await place(child.id, { startedAt: '2026-01-01T10:00:00' }))).toBe('BAD_USER_INPUT'); // no offset
    expect(await app.counts('placement')).toEqual(before);
    const { id } = (await place(child.id, { startedAt: hoursAgo(30) })).data!.startPlacement;
    const backwards = await app.gql(worker, END, {
      input: { placementId: id, endedAt: hoursAgo(40), reason: 'PLANNED_MOVE' },
    });
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0].extensions!.fields![0].field).toBe('endedAt');
    await app.ok(worker, END, { input: { placementId: id, endedAt: hoursAgo(1), reason: 'PLANNED_MOVE' } });
    expect(
      codeOf(
        await app.gql(worker, END, { input: { placementId: id, endedAt: hoursAgo(0.5), reason: 'OTHER' } }),
      ),
    ).toBe('CONFLICT');
  });

  it('marks unsafe types unsafe for a child or a person whose age is disputed, not for an adult', async () => {
    const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
    expect((await place(child.id, { type: 'BED_AND_BREAKFAST' })).data!.startPlacement).toMatchObject({
      unsafe: true,
      ssda903Code: 'Z13',
    });

    const adult = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(19) });
    expect((await place(adult.id, { type: 'ADULT_ASYLUM_ACCOMMODATION' })).data!.startPlacement.unsafe).toBe(
      false,
    );

    const disputed = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(19) });
    await app.ok(
      worker,
      `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
      {
        input: { childId: disputed.id, raisedOn: today(), raisedBy: 'CHILDRENS_SERVICES' },
      },
    );
    expect((await place(disputed.id, { type: 'IMMIGRATION_DETENTION' })).data!.startPlacement.unsafe).toBe(
      true,
    );
  });

  it('judges unsafe at every moment: now for a current placement, on its last day for one that ended', async () => {
    const person = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(19) });
    const started = (await place(person.id, { type: 'BED_AND_BREAKFAST', startedAt: hoursAgo(72) })).data!
      .startPlacement;
    expect(started.unsafe).toBe(false); // an adult by the record
    await app.ok(
      worker,
      `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
      { input: { childId: person.id, raisedOn: today(), raisedBy: 'NGO' } },
    );
    const ended = await app.ok<{ endPlacement: { id: string } }>(
      worker,
      `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`,
      { input: { placementId: started.id, endedAt: hoursAgo(0), reason: 'PLANNED_MOVE' } },
    );
    expect(ended.endPlacement.id).toBe(started.id);
    const { child } = await app.ok<{ child: { placements: { id: string; unsafe: boolean }[] } }>(
      worker,
      `query($id: ID!) { child(id: $id) { placements { id unsafe } } }`,
      { id: person.id },
    );
    // disputed on the day it ended: it was unsafe then, and says so
    expect(child.placements).toEqual([{ id: started.id, unsafe: true }]);
  });

  it('shows the address only to those who can see the child', async () => {
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, today());
    const gail = guardian('ICTG-PLACE', 'g-place');
    await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    await place(child.id, { address: '2 Station Rd' });
    const query = `query($id: ID!) { child(id: $id) { currentPlacement { address } } }`;
    expect(
      (await app.ok<{ child: { currentPlacement: { address: string } } }>(gail, query, { id: child.id }))
        .child.currentPlacement.address,
    ).toBe('2 Station Rd');
    expect(codeOf(await app.gql(socialWorker(KENT, 'sw-kent-place'), query, { id: child.id }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await app.gql(analyst(), query, { id: child.id }))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await app.gql(gail, START, {
          input: { childId: child.id, type: 'FOSTER_CARE', startedAt: hoursAgo(1) },
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});
