import { addDays, addWorkingDays, londonDate as londonDateOf, startOfLondonDay } from '@haven/platform';
import {
  assignGuardian,
  bornYearsAgo,
  newChild,
  newReferral,
  practitionerId,
  today,
} from './support/factories';
import {
  admin,
  analyst,
  Caller,
  codeOf,
  GLASGOW,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  teamManager,
  TestApp,
} from './support/test-app';

interface AlertView {
  id: string;
  kind: string;
  severity: string;
  status: string;
  escalationLevel: number;
  reason: string;
  resolution: string | null;
  child: { id: string } | null;
}

const ALERT_FIELDS = 'id kind severity status escalationLevel reason resolution raisedAt child { id }';
const SCAN = `mutation($input: RunAlertScanInput) { runAlertScan(input: $input) { raised resolved escalated } }`;
const REPORT = `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`;
const RETURN = `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`;
const iso = (date: Date) => date.toISOString();
const plus = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000);

describe('the alert engine', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-alerts');
  const manager = teamManager(HILLINGDON, 'tm-alerts');

  const scan = async (asOf: Date | string) =>
    (
      await app.ok<{ runAlertScan: { raised: number; resolved: number; escalated: number } }>(manager, SCAN, {
        input: { asOf: typeof asOf === 'string' ? asOf : iso(asOf) },
      })
    ).runAlertScan;
  const alertsOf = async (childId: string, kind?: string) =>
    (
      await app.ok<{ alerts: { edges: { node: AlertView }[] } }>(
        manager,
        `query($filter: AlertFilter) { alerts(filter: $filter, first: 100) { edges { node { ${ALERT_FIELDS} } } } }`,
        { filter: { childId, kind } },
      )
    ).alerts.edges.map((edge) => edge.node);

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('raises CHILD_MISSING in the transaction of the report, escalates at 24 h and 72 h, and clears on return', async () => {
    const child = await newChild(app, worker);
    const since = new Date(Date.now() - 3_600_000);
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(worker, REPORT, {
      input: { childId: child.id, kind: 'MISSING', missingSince: iso(since) },
    });
    // visible at once, to the reporter's authority, without any scan
    expect(await alertsOf(child.id, 'CHILD_MISSING')).toEqual([
      expect.objectContaining({
        kind: 'CHILD_MISSING',
        severity: 'CRITICAL',
        status: 'OPEN',
        escalationLevel: 0,
        child: { id: child.id },
      }),
    ]);
    expect((await scan(plus(since, 24 - 1 / 3600))).escalated).toBe(0);
    await scan(plus(since, 24));
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0].escalationLevel).toBe(1);
    await scan(plus(since, 72 - 1 / 3600));
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0].escalationLevel).toBe(1);
    await scan(plus(since, 72));
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0].escalationLevel).toBe(2);
    expect(
      await app.query(
        `SELECT o.escalation_level FROM notification_outbox o JOIN alert a ON a.id = o.alert_id WHERE a.child_id = $1 ORDER BY 1`,
        [child.id],
      ),
    ).toEqual([{ escalation_level: 0 }, { escalation_level: 1 }, { escalation_level: 2 }]);
    await app.ok(worker, RETURN, { input: { episodeId: reportMissing.id, returnedAt: iso(new Date()) } });
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0]).toMatchObject({
      status: 'RESOLVED',
      resolution: 'CONDITION_CLEARED',
    });
  });

  it('raises RETURN_INTERVIEW_OVERDUE exactly 72 hours after the return, and clears it with the interview', async () => {
    const child = await newChild(app, worker);
    const since = new Date(Date.now() - 5 * 3_600_000);
    const returned = new Date(Date.now() - 3_600_000);
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(worker, REPORT, {
      input: { childId: child.id, kind: 'AWAY', missingSince: iso(since) },
    });
    await app.ok(worker, RETURN, { input: { episodeId: reportMissing.id, returnedAt: iso(returned) } });
    await scan(plus(returned, 72 - 1 / 3600));
    expect(await alertsOf(child.id, 'RETURN_INTERVIEW_OVERDUE')).toEqual([]);
    await scan(plus(returned, 72));
    expect(await alertsOf(child.id, 'RETURN_INTERVIEW_OVERDUE')).toEqual([
      expect.objectContaining({ severity: 'URGENT', status: 'OPEN' }),
    ]);
    await app.ok(
      worker,
      `mutation($input: RecordReturnInterviewInput!) { recordReturnInterview(input: $input) { id } }`,
      {
        input: { episodeId: reportMissing.id, offeredAt: iso(new Date()), declined: true },
      },
    );
    expect((await alertsOf(child.id, 'RETURN_INTERVIEW_OVERDUE'))[0]).toMatchObject({
      status: 'RESOLVED',
      resolution: 'CONDITION_CLEARED',
    });
  });

  it('raises REPEAT_MISSING at the third episode in 90 days; once resolved, only a new episode raises it again', async () => {
    const child = await newChild(app, worker);
    const episode = async (daysAgo: number) => {
      const since = new Date(Date.now() - daysAgo * 86_400_000);
      const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(worker, REPORT, {
        input: { childId: child.id, kind: 'MISSING', missingSince: iso(since) },
      });
      await app.ok(worker, RETURN, {
        input: { episodeId: reportMissing.id, returnedAt: iso(plus(since, 5)) },
      });
    };
    await episode(95);
    await episode(60);
    await episode(30);
    expect(await alertsOf(child.id, 'REPEAT_MISSING')).toEqual([]); // the first fell outside the 90 days
    await episode(10);
    const [repeat] = await alertsOf(child.id, 'REPEAT_MISSING');
    expect(repeat).toMatchObject({ severity: 'URGENT', status: 'OPEN' });
    await app.ok(manager, `mutation($input: ResolveAlertInput!) { resolveAlert(input: $input) { status } }`, {
      input: { alertId: repeat.id, note: 'Strategy discussion held; safety plan in place' },
    });
    await scan(new Date());
    expect(
      (await alertsOf(child.id, 'REPEAT_MISSING')).filter((alert) => alert.status !== 'RESOLVED'),
    ).toEqual([]);
    await episode(1);
    expect(
      (await alertsOf(child.id, 'REPEAT_MISSING')).filter((alert) => alert.status === 'OPEN'),
    ).toHaveLength(1);
  });

  describe('NEARING_18_WITHOUT_DURABLE_SOLUTION', () => {
    it('warns at 180 days, escalates at 90 and 30, and clears when a solution is secured', async () => {
      const dob = '2009-06-15';
      const child = await newChild(app, worker, { claimedDateOfBirth: dob });
      const birthday = '2027-06-15';
      const noon = (date: string) => `${date}T12:00:00Z`;
      await scan(noon(addDays(birthday, -181)));
      expect(await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION')).toEqual([]);
      await scan(noon(addDays(birthday, -180)));
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0]).toMatchObject({
        severity: 'WARNING',
        escalationLevel: 0,
      });
      await scan(noon(addDays(birthday, -90)));
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0]).toMatchObject({
        severity: 'URGENT',
        escalationLevel: 1,
      });
      await scan(noon(addDays(birthday, -30)));
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0]).toMatchObject({
        severity: 'CRITICAL',
        escalationLevel: 2,
      });
      const refused = await app.gql(
        worker,
        `mutation($input: RecordDurableSolutionInput!) { recordDurableSolution(input: $input) { id } }`,
        {
          input: {
            childId: child.id,
            option: 'RETURN_TO_COUNTRY_OF_ORIGIN',
            status: 'SECURED',
            securedOn: today(),
            riskAssessmentCompleted: true,
          },
        },
      );
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toMatch(/best-interests assessment/);
      await app.ok(
        worker,
        `mutation($input: RecordDurableSolutionInput!) { recordDurableSolution(input: $input) { id } }`,
        {
          input: {
            childId: child.id,
            option: 'INTEGRATION_IN_UK',
            status: 'SECURED',
            securedOn: today(),
            basis: 'Refugee status granted',
          },
        },
      );
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0]).toMatchObject({
        status: 'RESOLVED',
        resolution: 'CONDITION_CLEARED',
      });
      const view = await app.ok<{
        child: { hasDurableSolution: boolean; durableSolutions: { option: string }[] };
      }>(
        worker,
        `query($id: ID!) { child(id: $id) { hasDurableSolution durableSolutions { option status } } }`,
        { id: child.id },
      );
      expect(view.child.hasDurableSolution).toBe(true);
    });

    it('takes the birthday in London across the change of clocks, and records turning 18 without a solution', async () => {
      // 18 on 29 March 2026, the night the clocks go forward
      const child = await newChild(app, worker, { claimedDateOfBirth: '2008-03-29' });
      await scan('2026-03-28T23:59:59Z'); // still 28 March in London (GMT)
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0]).toMatchObject({
        status: 'OPEN',
        severity: 'CRITICAL',
      });
      await scan(iso(startOfLondonDay('2026-03-29')));
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0]).toMatchObject({
        status: 'RESOLVED',
      });
      expect(
        await app.query(`SELECT turned_18_on FROM turned_18_without_solution WHERE child_id = $1`, [
          child.id,
        ]),
      ).toEqual([{ turned_18_on: '2026-03-29' }]);
    });

    it('puts a 29 February birthday on 28 February in a common year', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: '2008-02-29' });
      await scan('2026-02-27T12:00:00Z');
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0].reason).toMatch(
        /28 Feb 2026 \(1 days\)/,
      );
      await scan('2026-02-28T00:00:00Z');
      expect((await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0].status).toBe('RESOLVED');
    });
  });

  it('raises UASC_LEAVE_EXPIRING 60 days out, and clears it when a new expiry is recorded', async () => {
    const child = await newChild(app, worker, {
      immigrationStatus: 'UASC_LEAVE',
      leaveExpiresOn: '2026-08-30',
    });
    await scan('2026-06-30T12:00:00Z'); // 61 days before
    expect(await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).toEqual([]);
    await scan('2026-07-01T12:00:00Z'); // 60 days before
    expect((await alertsOf(child.id, 'UASC_LEAVE_EXPIRING'))[0]).toMatchObject({
      status: 'OPEN',
      severity: 'URGENT',
    });
    const { child: current } = await app.ok<{ child: { version: number } }>(
      worker,
      `query($id: ID!) { child(id: $id) { version } }`,
      { id: child.id },
    );
    await app.ok(worker, `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id } }`, {
      input: { id: child.id, expectedVersion: current.version, leaveExpiresOn: '2029-08-30' },
    });
    expect((await alertsOf(child.id, 'UASC_LEAVE_EXPIRING'))[0]).toMatchObject({
      status: 'RESOLVED',
      resolution: 'CONDITION_CLEARED',
    });
  });

  it('raises NO_GUARDIAN two days after the NRM referral in England, and clears it when a guardian is assigned', async () => {
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, '2026-05-04');
    await scan(iso(new Date(startOfLondonDay('2026-05-04').getTime() + 2 * 86_400_000 - 1000)));
    expect(await alertsOf(child.id, 'NO_GUARDIAN')).toEqual([]);
    await scan(iso(new Date(startOfLondonDay('2026-05-04').getTime() + 2 * 86_400_000)));
    expect((await alertsOf(child.id, 'NO_GUARDIAN'))[0]).toMatchObject({
      status: 'OPEN',
      severity: 'URGENT',
    });
    await assignGuardian(app, worker, {
      childId: child.id,
      guardianId: await practitionerId(app, guardian('ICTG-ALERTS', 'g-alerts')),
      scheme: 'ICTG_DIRECT',
    });
    expect((await alertsOf(child.id, 'NO_GUARDIAN'))[0]).toMatchObject({
      status: 'RESOLVED',
      resolution: 'CONDITION_CLEARED',
    });
  });

  describe("NO_GUARDIAN under each nation's scheme", () => {
    const HARTLEPOOL = 'E06000001';
    const scanAs = async (caller: Caller, asOf: Date) => app.ok(caller, SCAN, { input: { asOf: iso(asOf) } });
    const registeredAt = async (childId: string) =>
      (await app.query<{ at: Date }>(`SELECT registered_at AS at FROM child WHERE id = $1`, [childId]))[0].at;
    const noGuardian = (childId: string) =>
      app.query<{ status: string; severity: string; reason: string }>(
        `SELECT status, severity, reason FROM alert WHERE kind = 'NO_GUARDIAN' AND child_id = $1`,
        [childId],
      );
    const TWO_DAYS = 2 * 86_400_000;

    it('raises it for a TRAFFICKED child with no referral two days after registration, not before', async () => {
      const hartlepool = socialWorker(HARTLEPOOL, 'sw-alerts-hartlepool');
      const manager = teamManager(HARTLEPOOL, 'tm-alerts-hartlepool');
      const child = await newChild(app, hartlepool, { categories: ['TRAFFICKED'] });
      const unaccompanied = await newChild(app, hartlepool, { categories: ['UNACCOMPANIED_ASYLUM_SEEKING'] });
      const registered = (await registeredAt(child.id)).getTime();
      await scanAs(manager, new Date(registered + TWO_DAYS - 1000));
      expect(await noGuardian(child.id)).toEqual([]);
      await scanAs(manager, new Date(registered + TWO_DAYS));
      expect(await noGuardian(child.id)).toEqual([
        {
          status: 'OPEN',
          severity: 'URGENT',
          reason: 'Eligible for an Independent Child Trafficking Guardian and no guardian assigned 2 days on',
        },
      ]);
      // not eligible in England without being (suspected) trafficked
      await scanAs(manager, new Date(registered + 10 * TWO_DAYS));
      expect(await noGuardian(unaccompanied.id)).toEqual([]);
    });

    it('counts from the referral for a child recorded as trafficked only by it, not from an earlier registration', async () => {
      const hartlepool = socialWorker(HARTLEPOOL, 'sw-alerts-hartlepool');
      const manager = teamManager(HARTLEPOOL, 'tm-alerts-hartlepool');
      const child = await newChild(app, hartlepool);
      await app.query(`UPDATE child SET registered_at = registered_at - interval '30 days' WHERE id = $1`, [
        child.id,
      ]);
      await newReferral(app, hartlepool, child.id, today());
      const referred = startOfLondonDay(today()).getTime();
      await scanAs(manager, new Date(referred + TWO_DAYS - 1000));
      expect(await noGuardian(child.id)).toEqual([]);
      await scanAs(manager, new Date(referred + TWO_DAYS));
      expect((await noGuardian(child.id)).map((alert) => alert.status)).toEqual(['OPEN']);
    });

    it('is not raised in Scotland where someone in the UK holds parental responsibility, and clears when that is recorded', async () => {
      const glasgow = socialWorker(GLASGOW, 'sw-alerts-glasgow');
      const manager = teamManager(GLASGOW, 'tm-alerts-glasgow');
      const held = await newChild(app, glasgow, {
        categories: ['SEPARATED'],
        parentalResponsibilityInUk: true,
      });
      const notKnown = await newChild(app, glasgow, { categories: ['SEPARATED'] });
      const later = new Date((await registeredAt(notKnown.id)).getTime() + TWO_DAYS + 60_000);
      await scanAs(manager, later);
      expect(await noGuardian(held.id)).toEqual([]);
      expect(await noGuardian(notKnown.id)).toEqual([
        {
          status: 'OPEN',
          severity: 'URGENT',
          reason: 'Eligible for Guardianship Scotland and no guardian assigned 2 days on',
        },
      ]);
      await app.ok(glasgow, `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id } }`, {
        input: { id: notKnown.id, expectedVersion: notKnown.version, parentalResponsibilityInUk: true },
      });
      expect((await noGuardian(notKnown.id)).map((alert) => alert.status)).toEqual(['RESOLVED']);
    });
  });

  it('raises UNSAFE_PLACEMENT with the placement, and clears it when the placement ends', async () => {
    const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
    const { startPlacement } = await app.ok<{ startPlacement: { id: string } }>(
      worker,
      `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`,
      {
        input: {
          childId: child.id,
          type: 'BED_AND_BREAKFAST',
          startedAt: iso(new Date(Date.now() - 3_600_000)),
        },
      },
    );
    expect((await alertsOf(child.id, 'UNSAFE_PLACEMENT'))[0]).toMatchObject({
      status: 'OPEN',
      severity: 'CRITICAL',
    });
    await app.ok(worker, `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`, {
      input: { placementId: startPlacement.id, endedAt: iso(new Date()), reason: 'PLANNED_MOVE' },
    });
    expect((await alertsOf(child.id, 'UNSAFE_PLACEMENT'))[0]).toMatchObject({
      status: 'RESOLVED',
      resolution: 'CONDITION_CLEARED',
    });
  });

  it('raises NEARING_18 again at once when a closed case reopens', async () => {
    const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(18, 100) });
    await scan(new Date());
    expect(await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION')).toEqual([
      expect.objectContaining({ status: 'OPEN', severity: 'WARNING' }),
    ]);
    const version = async () =>
      (
        await app.ok<{ child: { version: number } }>(
          worker,
          `query($id: ID!) { child(id: $id) { version } }`,
          {
            id: child.id,
          },
        )
      ).child.version;
    await app.ok(manager, `mutation($input: CloseCaseInput!) { closeCase(input: $input) { id } }`, {
      input: {
        childId: child.id,
        expectedVersion: await version(),
        reason: 'TRANSFERRED',
        closedOn: today(),
      },
    });
    expect(await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION')).toEqual([
      expect.objectContaining({ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' }),
    ]);
    await app.ok(manager, `mutation($input: ReopenCaseInput!) { reopenCase(input: $input) { id } }`, {
      input: { childId: child.id, expectedVersion: await version() },
    });
    // no scan: the reopening itself raised it again
    const alerts = await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION');
    expect(alerts.map((alert) => alert.status).sort()).toEqual(['OPEN', 'RESOLVED']);
    expect(alerts.find((alert) => alert.status === 'OPEN')).toMatchObject({ severity: 'WARNING' });
  });

  describe('UNSAFE_PLACEMENT at every moment', () => {
    const DAY = 86_400_000;
    const place = async (childId: string, type: string, startedAt: Date) =>
      (
        await app.ok<{ startPlacement: { id: string; unsafe: boolean } }>(
          worker,
          `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id unsafe } }`,
          { input: { childId, type, startedAt: iso(startedAt) } },
        )
      ).startPlacement;
    const raise = async (childId: string, raisedOn = today()) =>
      (
        await app.ok<{ raiseAgeDispute: { id: string } }>(
          worker,
          `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
          { input: { childId, raisedOn, raisedBy: 'CHILDRENS_SERVICES', reason: 'Says he is 16' } },
        )
      ).raiseAgeDispute.id;
    const unsafeNow = async (childId: string) =>
      (
        await app.ok<{ child: { currentPlacement: { unsafe: boolean } } }>(
          worker,
          `query($id: ID!) { child(id: $id) { currentPlacement { unsafe } } }`,
          { id: childId },
        )
      ).child.currentPlacement.unsafe;
    const open = async (childId: string) =>
      (await alertsOf(childId, 'UNSAFE_PLACEMENT')).filter((alert) => alert.status !== 'RESOLVED');
    const ALL_SAFEGUARDS = {
      twoAssessors: true,
      appropriateAdult: true,
      interpreterUsed: true,
      adversePointsPut: true,
      writtenReasons: true,
    };

    it('raises it in the transaction that raises an age dispute, and clears it when the person is found an adult', async () => {
      const person = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(19) });
      const placement = await place(person.id, 'ADULT_ASYLUM_ACCOMMODATION', new Date(Date.now() - 10 * DAY));
      expect(placement.unsafe).toBe(false);
      expect(await open(person.id)).toEqual([]);

      const id = await raise(person.id);
      expect(await open(person.id)).toEqual([
        expect.objectContaining({
          status: 'OPEN',
          severity: 'CRITICAL',
          reason: expect.stringMatching(/while their age is disputed/),
        }),
      ]);
      expect(await unsafeNow(person.id)).toBe(true);

      await app.ok(
        worker,
        `mutation($input: RecordAgeAssessmentOutcomeInput!) { recordAgeAssessmentOutcome(input: $input) { id } }`,
        {
          input: {
            assessmentId: id,
            outcome: 'ASSESSED_ADULT',
            assessedDateOfBirth: bornYearsAgo(19),
            completedOn: today(),
            safeguards: ALL_SAFEGUARDS,
          },
        },
      );
      expect(await open(person.id)).toEqual([]);
      expect((await alertsOf(person.id, 'UNSAFE_PLACEMENT'))[0]).toMatchObject({
        status: 'RESOLVED',
        resolution: 'CONDITION_CLEARED',
      });
      expect(await unsafeNow(person.id)).toBe(false);

      // a judicial review makes the person a child again until the court decides
      await app.ok(
        worker,
        `mutation($input: ChallengeAgeAssessmentInput!) { challengeAgeAssessment(input: $input) { id } }`,
        { input: { assessmentId: id, challengedOn: today() } },
      );
      expect(await open(person.id)).toHaveLength(1);
      expect(await unsafeNow(person.id)).toBe(true);
      await app.ok(worker, `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`, {
        input: { placementId: placement.id, endedAt: iso(new Date()), reason: 'PLANNED_MOVE' },
      });
      expect(await open(person.id)).toEqual([]);
    });

    it('leaves no open alert on a placement ended at the moment a dispute is raised', async () => {
      for (let round = 0; round < 3; round += 1) {
        const person = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(19) });
        const placement = await place(person.id, 'ADULT_ASYLUM_ACCOMMODATION', new Date(Date.now() - DAY));
        const [raised, ended] = await Promise.all([
          app.gql(
            worker,
            `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
            {
              input: { childId: person.id, raisedOn: today(), raisedBy: 'NGO' },
            },
          ),
          app.gql(worker, `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`, {
            input: { placementId: placement.id, endedAt: iso(new Date()), reason: 'PLANNED_MOVE' },
          }),
        ]);
        expect(raised.errors).toBeUndefined();
        expect(ended.errors).toBeUndefined();
        expect(await open(person.id)).toEqual([]);
      }
    });

    it('judges the scan as of its instant: the placement current then, the person disputed then', async () => {
      const person = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(19) });
      const startedAt = new Date(Date.now() - 10 * DAY);
      await place(person.id, 'BED_AND_BREAKFAST', startedAt);
      await raise(person.id, londonDateOf(new Date(Date.now() - 3 * DAY)));
      expect(await open(person.id)).toHaveLength(1);

      // before the placement began: nothing to alert
      await scan(plus(startedAt, -1));
      expect(await open(person.id)).toEqual([]);
      // placed, but an adult by the record and no dispute raised yet
      await scan(new Date(Date.now() - 5 * DAY));
      expect(await open(person.id)).toEqual([]);
      // placed, and disputed since
      await scan(new Date(Date.now() - 2 * DAY));
      expect(await open(person.id)).toEqual([expect.objectContaining({ severity: 'CRITICAL' })]);
    });

    it('raises it for a child from the moment the placement starts, and clears it when they turn 18 undisputed', async () => {
      const birthday = addDays(today(), 10);
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(18, 10) });
      const startedAt = new Date(Date.now() - 2 * DAY);
      await place(child.id, 'BED_AND_BREAKFAST', startedAt);
      expect(await open(child.id)).toHaveLength(1);
      await scan(plus(startedAt, -1 / 60));
      expect(await open(child.id)).toEqual([]);
      await scan(plus(startedAt, 1 / 60));
      expect(await open(child.id)).toHaveLength(1);
      // the day before the 18th birthday, still a child; on it, an adult with no dispute
      await scan(iso(plus(startOfLondonDay(birthday), -1 / 60)));
      expect(await open(child.id)).toHaveLength(1);
      await scan(iso(startOfLondonDay(birthday)));
      expect(await open(child.id)).toEqual([]);
      expect((await alertsOf(child.id, 'UNSAFE_PLACEMENT'))[0].status).toBe('RESOLVED');
    });
  });

  it('raises NRM_DECISION_OVERDUE the day after the target, and clears it with the decision', async () => {
    const child = await newChild(app, worker);
    const referredOn = '2026-09-07';
    const dueBy = addWorkingDays(referredOn, 5);
    const { id } = await newReferral(app, worker, child.id, referredOn);
    await scan(`${dueBy}T20:00:00Z`);
    expect(await alertsOf(child.id, 'NRM_DECISION_OVERDUE')).toEqual([]);
    await scan(`${addDays(dueBy, 1)}T08:00:00Z`);
    expect((await alertsOf(child.id, 'NRM_DECISION_OVERDUE'))[0]).toMatchObject({
      status: 'OPEN',
      severity: 'WARNING',
    });
    await app.ok(
      worker,
      `mutation($input: RecordNrmDecisionInput!) { recordNrmDecision(input: $input) { id } }`,
      {
        input: {
          referralId: id,
          stage: 'REASONABLE_GROUNDS',
          decision: 'POSITIVE',
          decidedOn: addDays(dueBy, 1),
        },
      },
    );
    expect((await alertsOf(child.id, 'NRM_DECISION_OVERDUE'))[0]).toMatchObject({ status: 'RESOLVED' });
  });

  it("covers the manager's authority in a manager's scan, and every authority in an administrator's", async () => {
    const kentWorker = socialWorker(KENT, 'sw-alerts-kent');
    const children = [await newChild(app, worker), await newChild(app, kentWorker)];
    await newReferral(app, worker, children[0].id, '2026-01-05');
    await newReferral(app, kentWorker, children[1].id, '2026-01-05');
    const ids = children.map((child) => child.id);
    const kinds = async () =>
      (
        await app.query<{ child_id: string }>(
          `SELECT child_id FROM alert WHERE kind = 'NO_GUARDIAN' AND child_id = ANY ($1::uuid[]) ORDER BY child_id`,
          [ids],
        )
      ).map((row) => row.child_id);
    // what the referrals raised at once is the scans' to raise here
    await app.query(
      `DELETE FROM notification_outbox WHERE alert_id IN (SELECT id FROM alert WHERE child_id = ANY ($1::uuid[]))`,
      [ids],
    );
    await app.query(`DELETE FROM alert WHERE child_id = ANY ($1::uuid[])`, [ids]);
    await scan(new Date());
    expect(await kinds()).toEqual([children[0].id]);
    // the administrator's scan is the service's own work over every authority (row-level security would
    // show their requests no child at all)
    await app.ok(admin(), SCAN, { input: {} });
    expect(await kinds()).toEqual([...ids].sort());
  });

  it('raises each alert once, however many scans run at once', async () => {
    const child = await newChild(app, worker, {
      claimedDateOfBirth: bornYearsAgo(18, 40),
      immigrationStatus: 'UASC_LEAVE',
      leaveExpiresOn: addDays(today(), 20),
    });
    await newReferral(app, worker, child.id, addDays(today(), -20));
    const results = await Promise.all(Array.from({ length: 10 }, () => scan(new Date())));
    expect(results.reduce((sum, result) => sum + result.raised, 0)).toBeGreaterThanOrEqual(3);
    const duplicates = await app.query(
      `SELECT kind, subject_id, count(*)::int AS n FROM alert WHERE status <> 'RESOLVED' GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const outbox = await app.query(
      `SELECT alert_id, escalation_level, count(*)::int AS n FROM notification_outbox GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(outbox).toEqual([]);
    expect((await alertsOf(child.id)).map((alert) => alert.kind).sort()).toEqual([
      'NEARING_18_WITHOUT_DURABLE_SOLUTION',
      'NO_GUARDIAN',
      'NRM_DECISION_OVERDUE',
      'UASC_LEAVE_EXPIRING',
    ]);
  });

  it("keeps alerts to the child's scope, and lets social workers acknowledge and team managers resolve", async () => {
    const child = await newChild(app, worker);
    await app.ok(worker, REPORT, {
      input: { childId: child.id, kind: 'MISSING', missingSince: iso(new Date(Date.now() - 3_600_000)) },
    });
    const [alert] = await alertsOf(child.id, 'CHILD_MISSING');
    const kent = socialWorker(KENT, 'sw-kent-alerts');
    const kentAlerts = await app.ok<{ alerts: { totalCount: number } }>(
      kent,
      `query($id: ID) { alerts(filter: { childId: $id }) { totalCount } }`,
      { id: child.id },
    );
    expect(kentAlerts.alerts.totalCount).toBe(0);
    expect(
      codeOf(
        await app.gql(kent, `mutation($id: ID!) { acknowledgeAlert(input: { alertId: $id }) { id } }`, {
          id: alert.id,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(analyst(), '{ alerts { totalCount } }'))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(teamManager(KENT, 'tm-kent-alerts'), SCAN, { input: {} }))).toBeUndefined();
    expect(codeOf(await app.gql(worker, SCAN, { input: {} }))).toBe('FORBIDDEN');

    const acknowledged = await app.ok<{
      acknowledgeAlert: { status: string; acknowledgedBy: { subject: string } };
    }>(
      worker,
      `mutation($id: ID!) { acknowledgeAlert(input: { alertId: $id, note: "Police informed" }) { status acknowledgedBy { subject } } }`,
      { id: alert.id },
    );
    expect(acknowledged.acknowledgeAlert).toEqual({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: { subject: 'sw-alerts' },
    });
    expect(
      codeOf(
        await app.gql(
          worker,
          `mutation($id: ID!) { resolveAlert(input: { alertId: $id, note: "x" }) { id } }`,
          { id: alert.id },
        ),
      ),
    ).toBe('FORBIDDEN');
    const noNote = await app.gql(
      manager,
      `mutation($id: ID!) { resolveAlert(input: { alertId: $id, note: "  " }) { id } }`,
      { id: alert.id },
    );
    expect(codeOf(noNote)).toBe('BAD_USER_INPUT');
    const resolved = await app.ok<{
      resolveAlert: { status: string; resolution: string; resolvedBy: { subject: string } };
    }>(
      manager,
      `mutation($id: ID!) { resolveAlert(input: { alertId: $id, note: "Found safe by police" }) { status resolution resolvedBy { subject } } }`,
      { id: alert.id },
    );
    expect(resolved.resolveAlert).toEqual({
      status: 'RESOLVED',
      resolution: 'BY_PRACTITIONER',
      resolvedBy: { subject: 'tm-alerts' },
    });
    const view = await app.ok<{ child: { alerts: { id: string }[] } }>(
      worker,
      `query($id: ID!) { child(id: $id) { alerts { id } } }`,
      { id: child.id },
    );
    expect(view.child.alerts.map((a) => a.id)).toContain(alert.id);
  });
});
