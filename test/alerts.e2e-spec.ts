import {
  addDays,
  addWorkingDays,
  londonDate as londonDateOf,
  Nation,
  startOfLondonDay,
} from '@haven/platform';
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
    app = await TestApp.start({ SQL_STATEMENT_HEADER: 'true' });
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

  it("raises a report's CHILD_MISSING and REPEAT_MISSING together, in one statement of the report's transaction", async () => {
    const child = await newChild(app, worker);
    for (const daysAgo of [40, 20]) {
      const since = new Date(Date.now() - daysAgo * 86_400_000);
      const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(worker, REPORT, {
        input: { childId: child.id, kind: 'MISSING', missingSince: iso(since) },
      });
      await app.ok(worker, RETURN, {
        input: { episodeId: reportMissing.id, returnedAt: iso(plus(since, 5)) },
      });
    }
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token(worker)}` },
      body: JSON.stringify({
        query: REPORT,
        variables: { input: { childId: child.id, kind: 'MISSING', missingSince: iso(new Date()) } },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    // BEGIN, the scope, the child, the placement left, the episode, both rules' alerts, the audit, COMMIT
    expect(Number(response.headers.get('x-haven-sql-statements'))).toBe(8);
    // the earlier episodes' CHILD_MISSING were resolved at their returns
    for (const kind of ['CHILD_MISSING', 'REPEAT_MISSING']) {
      const open = (await alertsOf(child.id, kind)).filter((alert) => alert.status !== 'RESOLVED');
      expect(open.map((alert) => alert.status)).toEqual(['OPEN']);
    }
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

  describe('UASC_LEAVE_EXPIRING when the leave has expired', () => {
    const UPDATE = `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id } }`;
    const update = async (childId: string, changes: Record<string, unknown>) => {
      const { child } = await app.ok<{ child: { version: number } }>(
        worker,
        `query($id: ID!) { child(id: $id) { version } }`,
        { id: childId },
      );
      await app.ok(worker, UPDATE, { input: { id: childId, expectedVersion: child.version, ...changes } });
    };
    const noon = (date: string) => `${date}T12:00:00Z`;

    it('is URGENT from 60 days before the expiry to the day itself, and escalates to CRITICAL the day after', async () => {
      const expiry = addDays(today(), 100);
      const child = await newChild(app, worker, { immigrationStatus: 'UASC_LEAVE', leaveExpiresOn: expiry });
      await scan(noon(addDays(expiry, -61)));
      expect(await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).toEqual([]);
      await scan(noon(addDays(expiry, -60)));
      expect(await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).toEqual([
        expect.objectContaining({ severity: 'URGENT', escalationLevel: 0, status: 'OPEN' }),
      ]);
      const [urgent] = await alertsOf(child.id, 'UASC_LEAVE_EXPIRING');
      await app.ok(worker, `mutation($id: ID!) { acknowledgeAlert(input: { alertId: $id }) { id } }`, {
        id: urgent.id,
      });
      // leave is valid through the day it expires (London), even late in the evening
      await scan(`${expiry}T22:30:00Z`);
      expect((await alertsOf(child.id, 'UASC_LEAVE_EXPIRING'))[0]).toMatchObject({
        severity: 'URGENT',
        escalationLevel: 0,
      });
      await scan(noon(addDays(expiry, 1)));
      // the same alert, escalated and open again for the social worker
      expect(await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).toEqual([
        expect.objectContaining({ id: urgent.id, severity: 'CRITICAL', escalationLevel: 1, status: 'OPEN' }),
      ]);
      // a new expiry clears it
      await update(child.id, { leaveExpiresOn: addDays(today(), 900) });
      expect((await alertsOf(child.id, 'UASC_LEAVE_EXPIRING'))[0]).toMatchObject({
        status: 'RESOLVED',
        resolution: 'CONDITION_CLEARED',
      });
    });

    it('raises CRITICAL at once for leave that expired yesterday, or long before registration', async () => {
      const yesterday = await newChild(app, worker, {
        immigrationStatus: 'UASC_LEAVE',
        leaveExpiresOn: addDays(today(), -1),
      });
      const longAgo = await newChild(app, worker, {
        immigrationStatus: 'DISCRETIONARY_LEAVE',
        leaveExpiresOn: '2025-01-10',
      });
      const expiresToday = await newChild(app, worker, {
        immigrationStatus: 'UASC_LEAVE',
        leaveExpiresOn: today(),
      });
      await scan(new Date());
      expect(await alertsOf(yesterday.id, 'UASC_LEAVE_EXPIRING')).toEqual([
        expect.objectContaining({ severity: 'CRITICAL', escalationLevel: 1, status: 'OPEN' }),
      ]);
      expect((await alertsOf(yesterday.id, 'UASC_LEAVE_EXPIRING'))[0].reason).toMatch(
        /^Immigration leave expired on/,
      );
      expect(await alertsOf(longAgo.id, 'UASC_LEAVE_EXPIRING')).toEqual([
        expect.objectContaining({ severity: 'CRITICAL', escalationLevel: 1 }),
      ]);
      expect(await alertsOf(expiresToday.id, 'UASC_LEAVE_EXPIRING')).toEqual([
        expect.objectContaining({ severity: 'URGENT', escalationLevel: 0 }),
      ]);
      // a status without expiry clears it; so does refugee status with a later expiry, and neither raises again
      await update(longAgo.id, { immigrationStatus: 'BRITISH_OR_SETTLED', leaveExpiresOn: null });
      await update(yesterday.id, {
        immigrationStatus: 'REFUGEE_STATUS',
        leaveExpiresOn: addDays(today(), 5 * 365),
      });
      await scan(new Date());
      for (const child of [longAgo, yesterday]) {
        expect(await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).toEqual([
          expect.objectContaining({ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' }),
        ]);
      }
    });

    it('returns as CRITICAL when leave expires after a practitioner resolved the URGENT alert', async () => {
      const expiry = addDays(today(), 30);
      const child = await newChild(app, worker, { immigrationStatus: 'UASC_LEAVE', leaveExpiresOn: expiry });
      await scan(new Date());
      const [urgent] = await alertsOf(child.id, 'UASC_LEAVE_EXPIRING');
      expect(urgent).toMatchObject({ severity: 'URGENT', status: 'OPEN' });
      await app.ok(
        manager,
        `mutation($input: ResolveAlertInput!) { resolveAlert(input: $input) { status } }`,
        {
          input: { alertId: urgent.id, note: 'Application to extend leave made in time' },
        },
      );
      await scan(noon(expiry));
      expect(
        (await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).filter((a) => a.status !== 'RESOLVED'),
      ).toEqual([]);
      await scan(noon(addDays(expiry, 1)));
      expect(
        (await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).filter((a) => a.status !== 'RESOLVED'),
      ).toEqual([expect.objectContaining({ severity: 'CRITICAL', escalationLevel: 1, status: 'OPEN' })]);
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
    const dueBy = addWorkingDays(referredOn, 5, Nation.ENGLAND);
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

  it("reads the NRM target stored with the referral, in the working days of the child's nation", async () => {
    // referred on the Thursday before Easter 2026: England skips Good Friday and Easter Monday, Scotland only Good Friday
    const english = await newChild(app, worker);
    const glasgowWorker = socialWorker(GLASGOW, 'sw-alerts-glasgow');
    const glasgowManager = teamManager(GLASGOW, 'tm-alerts-glasgow');
    const scottish = await newChild(app, glasgowWorker);
    const inEngland = await newReferral(app, worker, english.id, '2026-04-02');
    const inScotland = await newReferral(app, glasgowWorker, scottish.id, '2026-04-02');
    const dueBy = async (caller: typeof worker, id: string) =>
      (
        await app.ok<{ child: { nrmReferrals: { id: string; reasonableGroundsDueBy: string }[] } }>(
          caller,
          `query($id: ID!) { child(id: $id) { nrmReferrals { id reasonableGroundsDueBy } } }`,
          { id },
        )
      ).child.nrmReferrals[0].reasonableGroundsDueBy;
    expect(await dueBy(worker, english.id)).toBe('2026-04-13');
    expect(await dueBy(glasgowWorker, scottish.id)).toBe('2026-04-10');
    const overdue = async (childId: string) =>
      (
        await app.query<{ subject_id: string }>(
          `SELECT subject_id FROM alert WHERE kind = 'NRM_DECISION_OVERDUE' AND child_id = $1`,
          [childId],
        )
      ).map((row) => row.subject_id);
    const scanAs = (caller: typeof manager, asOf: string) => app.ok(caller, SCAN, { input: { asOf } });
    await scanAs(glasgowManager, '2026-04-10T20:00:00Z');
    await scanAs(manager, '2026-04-13T20:00:00Z');
    expect(await overdue(scottish.id)).toEqual([]);
    expect(await overdue(english.id)).toEqual([]);
    await scanAs(glasgowManager, '2026-04-11T08:00:00Z');
    expect(await overdue(scottish.id)).toEqual([inScotland.id]);
    await scanAs(manager, '2026-04-14T08:00:00Z');
    expect(await overdue(english.id)).toEqual([inEngland.id]);
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

describe('the alert engine with other thresholds configured', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-thresholds');
  const manager = teamManager(HILLINGDON, 'tm-thresholds');
  const scan = (asOf: Date | string) =>
    app.ok(manager, SCAN, { input: { asOf: typeof asOf === 'string' ? asOf : iso(asOf) } });
  const alertsOf = async (childId: string, kind: string) =>
    (
      await app.ok<{ alerts: { edges: { node: AlertView }[] } }>(
        manager,
        `query($filter: AlertFilter) { alerts(filter: $filter, first: 100) { edges { node { ${ALERT_FIELDS} } } } }`,
        { filter: { childId, kind } },
      )
    ).alerts.edges.map((edge) => edge.node);
  const episode = async (childId: string, since: Date, returned: Date | null) => {
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(worker, REPORT, {
      input: { childId, kind: 'MISSING', missingSince: iso(since) },
    });
    if (returned)
      await app.ok(worker, RETURN, { input: { episodeId: reportMissing.id, returnedAt: iso(returned) } });
    return reportMissing.id;
  };

  beforeAll(async () => {
    app = await TestApp.start({
      REPEAT_MISSING_COUNT: '2',
      REPEAT_MISSING_WINDOW_DAYS: '30',
      CHILD_MISSING_FIRST_ESCALATION_HOURS: '12',
      CHILD_MISSING_SECOND_ESCALATION_HOURS: '36',
      RETURN_INTERVIEW_DUE_HOURS: '48',
      NEARING_18_WARNING_DAYS: '200',
      NEARING_18_URGENT_DAYS: '100',
      NEARING_18_CRITICAL_DAYS: '20',
      UASC_LEAVE_EXPIRING_DAYS: '30',
      NO_GUARDIAN_DAYS: '1',
      MEETING_ACTION_OVERDUE_DAYS: '3',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('raises REPEAT_MISSING after two episodes in 30 days', async () => {
    const child = await newChild(app, worker);
    await episode(child.id, plus(new Date(), -40 * 24), plus(new Date(), -40 * 24 + 3));
    await episode(child.id, plus(new Date(), -10 * 24), plus(new Date(), -10 * 24 + 3));
    expect(await alertsOf(child.id, 'REPEAT_MISSING')).toEqual([]); // the first fell outside the 30 days
    await episode(child.id, plus(new Date(), -24), plus(new Date(), -20));
    expect(await alertsOf(child.id, 'REPEAT_MISSING')).toEqual([
      expect.objectContaining({
        severity: 'URGENT',
        status: 'OPEN',
        reason: expect.stringMatching(/^2 missing episodes in the 30 days/),
      }),
    ]);
  });

  it('escalates CHILD_MISSING at 12 h and 36 h', async () => {
    const child = await newChild(app, worker);
    const since = plus(new Date(), -1);
    await episode(child.id, since, null);
    await scan(plus(since, 12 - 1 / 3600));
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0].escalationLevel).toBe(0);
    await scan(plus(since, 12));
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0].escalationLevel).toBe(1);
    await scan(plus(since, 36 - 1 / 3600));
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0].escalationLevel).toBe(1);
    await scan(plus(since, 36));
    expect((await alertsOf(child.id, 'CHILD_MISSING'))[0].escalationLevel).toBe(2);
  });

  it('makes the return interview due, and overdue, 48 hours after the return', async () => {
    const child = await newChild(app, worker);
    const returned = plus(new Date(), -1);
    const id = await episode(child.id, plus(returned, -4), returned);
    const { child: view } = await app.ok<{
      child: { missingEpisodes: { id: string; returnInterviewDueBy: string }[] };
    }>(worker, `query($id: ID!) { child(id: $id) { missingEpisodes { id returnInterviewDueBy } } }`, {
      id: child.id,
    });
    expect(view.missingEpisodes).toEqual([{ id, returnInterviewDueBy: iso(plus(returned, 48)) }]);
    await scan(plus(returned, 48 - 1 / 3600));
    expect(await alertsOf(child.id, 'RETURN_INTERVIEW_OVERDUE')).toEqual([]);
    await scan(plus(returned, 48));
    expect(await alertsOf(child.id, 'RETURN_INTERVIEW_OVERDUE')).toEqual([
      expect.objectContaining({ severity: 'URGENT', status: 'OPEN' }),
    ]);
  });

  it('warns of the 18th birthday at 200 days, is urgent at 100 and critical at 20', async () => {
    const child = await newChild(app, worker, { claimedDateOfBirth: '2009-06-15' });
    const birthday = '2027-06-15';
    const level = async () => (await alertsOf(child.id, 'NEARING_18_WITHOUT_DURABLE_SOLUTION'))[0];
    await scan(`${addDays(birthday, -201)}T12:00:00Z`);
    expect(await level()).toBeUndefined();
    await scan(`${addDays(birthday, -200)}T12:00:00Z`);
    expect(await level()).toMatchObject({ severity: 'WARNING', escalationLevel: 0 });
    await scan(`${addDays(birthday, -101)}T12:00:00Z`);
    expect(await level()).toMatchObject({ severity: 'WARNING', escalationLevel: 0 });
    await scan(`${addDays(birthday, -100)}T12:00:00Z`);
    expect(await level()).toMatchObject({ severity: 'URGENT', escalationLevel: 1 });
    await scan(`${addDays(birthday, -21)}T12:00:00Z`);
    expect(await level()).toMatchObject({ severity: 'URGENT', escalationLevel: 1 });
    await scan(`${addDays(birthday, -20)}T12:00:00Z`);
    expect(await level()).toMatchObject({ severity: 'CRITICAL', escalationLevel: 2 });
  });

  it('raises UASC_LEAVE_EXPIRING 30 days before the expiry', async () => {
    const expiry = addDays(today(), 100);
    const child = await newChild(app, worker, { immigrationStatus: 'UASC_LEAVE', leaveExpiresOn: expiry });
    await scan(`${addDays(expiry, -31)}T12:00:00Z`);
    expect(await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).toEqual([]);
    await scan(`${addDays(expiry, -30)}T12:00:00Z`);
    expect(await alertsOf(child.id, 'UASC_LEAVE_EXPIRING')).toEqual([
      expect.objectContaining({ severity: 'URGENT', status: 'OPEN' }),
    ]);
  });

  it('raises NO_GUARDIAN one day after the NRM referral', async () => {
    const child = await newChild(app, worker);
    await newReferral(app, worker, child.id, '2026-05-04');
    const dayAfter = startOfLondonDay('2026-05-04').getTime() + 86_400_000;
    await scan(new Date(dayAfter - 1000));
    expect(await alertsOf(child.id, 'NO_GUARDIAN')).toEqual([]);
    await scan(new Date(dayAfter));
    expect(await alertsOf(child.id, 'NO_GUARDIAN')).toEqual([
      expect.objectContaining({
        severity: 'URGENT',
        reason: expect.stringMatching(/no guardian assigned 1 day on$/),
      }),
    ]);
  });

  it('raises MEETING_ACTION_OVERDUE three days after the due date', async () => {
    const { scheduleMeeting } = await app.ok<{ scheduleMeeting: { id: string } }>(
      worker,
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      { input: { type: 'STRATEGY_DISCUSSION', scheduledFor: iso(new Date()) } },
    );
    const dueOn = addDays(today(), 2);
    const { recordMeetingOutcome } = await app.ok<{ recordMeetingOutcome: { actions: { id: string }[] } }>(
      worker,
      `mutation($input: RecordMeetingOutcomeInput!) { recordMeetingOutcome(input: $input) { actions { id } } }`,
      {
        input: {
          meetingId: scheduleMeeting.id,
          heldAt: iso(plus(new Date(), -1)),
          actions: [{ description: 'Share the disruption plan', owner: 'Police', dueOn }],
        },
      },
    );
    const [action] = recordMeetingOutcome.actions;
    const overdue = async () =>
      app.query(`SELECT severity FROM alert WHERE kind = 'MEETING_ACTION_OVERDUE' AND subject_id = $1`, [
        action.id,
      ]);
    await scan(`${addDays(dueOn, 3)}T12:00:00Z`);
    expect(await overdue()).toEqual([]);
    await scan(`${addDays(dueOn, 4)}T12:00:00Z`);
    expect(await overdue()).toEqual([{ severity: 'WARNING' }]);
  });
});
