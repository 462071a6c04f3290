import { addDays } from '@haven/platform';
import { assignGuardian, hoursAgo, newChild, newReferral, practitionerId, today } from './support/factories';
import { codeOf, guardian, HILLINGDON, KENT, socialWorker, teamManager, TestApp } from './support/test-app';

const SCHEDULE = `mutation($input: ScheduleMeetingInput!) {
  scheduleMeeting(input: $input) { id type status agendaSince agenda { addedBecause child { id givenName } } children { id } } }`;
const OUTCOME = `mutation($input: RecordMeetingOutcomeInput!) {
  recordMeetingOutcome(input: $input) { id status heldAt attendees { name attended } decisions { decision child { id } }
    actions { id description owner dueOn completedOn child { id } } } }`;
const MEETING = `query($id: ID!) { meeting(id: $id) {
  id type children { id } decisions { decision child { id } } actions { id description child { id } } minutesUrl } }`;
const MEETING_VIEW = `query($id: ID!) { meeting(id: $id) {
  id type children { id } decisions { decision child { id } } actions { id description child { id } } } }`;

describe('multi-agency meetings', () => {
  let app: TestApp;
  const worker = socialWorker(KENT, 'sw-meetings');
  const manager = teamManager(KENT, 'tm-meetings');

  const episode = async (childId: string, sinceHours: number, returnAfterHours: number | null) => {
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
      worker,
      `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
      { input: { childId, kind: 'MISSING', missingSince: hoursAgo(sinceHours) } },
    );
    if (returnAfterHours !== null) {
      await app.ok(worker, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
        input: { episodeId: reportMissing.id, returnedAt: hoursAgo(sinceHours - returnAfterHours) },
      });
    }
  };
  const schedule = (input: Record<string, unknown>, caller = worker) =>
    app.gql<{
      scheduleMeeting: {
        id: string;
        agenda: { addedBecause: string; child: { id: string; givenName: string } }[];
      };
    }>(caller, SCHEDULE, {
      input: { scheduledFor: new Date().toISOString(), ...input },
    });

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('fills a missing review with every child missing since the last held review, and every child missing now', async () => {
    const recent = await newChild(app, worker, { givenName: 'Recent' });
    const old = await newChild(app, worker, { givenName: 'Old' });
    const stillMissing = await newChild(app, worker, { givenName: 'StillMissing' });
    await episode(recent.id, 10 * 24, 5);
    await episode(old.id, 60 * 24, 5); // before the six weeks
    await episode(stillMissing.id, 20 * 24, null);

    const first = (
      await schedule({
        type: 'MISSING_REVIEW',
        attendees: [{ name: 'DS Jones', agency: 'POLICE', role: 'Missing person coordinator' }],
      })
    ).data!.scheduleMeeting;
    const firstAgenda = Object.fromEntries(
      first.agenda.map((item) => [item.child.givenName, item.addedBecause]),
    );
    expect(firstAgenda).toEqual({ Recent: 'MISSING_SINCE_LAST_REVIEW', StillMissing: 'MISSING_NOW' });

    await app.ok(worker, OUTCOME, {
      input: {
        meetingId: first.id,
        heldAt: hoursAgo(2),
        attendance: [
          { name: 'DS Jones', agency: 'POLICE', attended: true },
          { name: 'Ama Mensah', agency: 'HEALTH', attended: false },
        ],
        decisions: [
          { childId: recent.id, decision: 'Return interview to be re-offered; safety plan reviewed' },
        ],
      },
    });

    const later = await newChild(app, worker, { givenName: 'Later' });
    await episode(later.id, 1, 0.5); // after the first review was held
    const second = (await schedule({ type: 'MISSING_REVIEW' })).data!.scheduleMeeting;
    const secondAgenda = Object.fromEntries(
      second.agenda.map((item) => [item.child.givenName, item.addedBecause]),
    );
    expect(secondAgenda).toEqual({ Later: 'MISSING_SINCE_LAST_REVIEW', StillMissing: 'MISSING_NOW' });
  });

  it('raises MEETING_ACTION_OVERDUE for an overdue action and clears it when the action is completed', async () => {
    const child = await newChild(app, worker);
    const { id } = (
      await schedule({ type: 'STRATEGY_DISCUSSION', childIds: [child.id], chair: 'Tara Manager' })
    ).data!.scheduleMeeting;
    const held = await app.ok<{
      recordMeetingOutcome: { actions: { id: string; child: { id: string } | null }[] };
    }>(worker, OUTCOME, {
      input: {
        meetingId: id,
        heldAt: hoursAgo(1),
        decisions: [{ childId: child.id, decision: 'Section 47 enquiry' }],
        actions: [
          {
            description: 'Refer to the NRM',
            owner: 'Social worker',
            dueOn: addDays(today(), 2),
            childId: child.id,
          },
          { description: 'Share the disruption plan', owner: 'Police', dueOn: addDays(today(), 3) },
        ],
      },
    });
    const [action] = held.recordMeetingOutcome.actions;
    expect(action.child).toEqual({ id: child.id });
    const scan = (asOf: string) =>
      app.ok(manager, `mutation($input: RunAlertScanInput) { runAlertScan(input: $input) { raised } }`, {
        input: { asOf },
      });
    const overdue = async () =>
      (
        await app.query<{ status: string; subject_id: string }>(
          `SELECT status, subject_id FROM alert WHERE kind = 'MEETING_ACTION_OVERDUE' ORDER BY raised_at`,
        )
      ).filter((row) => row.subject_id === action.id);
    await scan(`${addDays(today(), 2)}T20:00:00Z`);
    expect(await overdue()).toEqual([]);
    await scan(`${addDays(today(), 3)}T12:00:00Z`);
    expect(await overdue()).toEqual([{ status: 'OPEN', subject_id: action.id }]);
    await app.ok(
      worker,
      `mutation($input: CompleteMeetingActionInput!) { completeMeetingAction(input: $input) { completedOn } }`,
      {
        input: { actionId: action.id, completedOn: today() },
      },
    );
    expect(await overdue()).toEqual([{ status: 'RESOLVED', subject_id: action.id }]);
    expect(
      codeOf(
        await app.gql(
          worker,
          `mutation($input: CompleteMeetingActionInput!) { completeMeetingAction(input: $input) { id } }`,
          { input: { actionId: action.id, completedOn: today() } },
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('shows a guardian the meetings about their children, and only the parts about them', async () => {
    const theirs = await newChild(app, worker, { givenName: 'Theirs' });
    await newReferral(app, worker, theirs.id, today());
    const gail = guardian('ICTG-MEETINGS', 'g-meetings');
    await assignGuardian(app, worker, {
      childId: theirs.id,
      guardianId: await practitionerId(app, gail),
      scheme: 'ICTG_DIRECT',
    });
    const other = await newChild(app, worker, { givenName: 'Other' });
    const { id } = (await schedule({ type: 'CHILD_EXPLOITATION', childIds: [theirs.id, other.id] })).data!
      .scheduleMeeting;
    await app.ok(worker, OUTCOME, {
      input: {
        meetingId: id,
        heldAt: hoursAgo(1),
        decisions: [
          { childId: theirs.id, decision: 'Guardian to attend the next review' },
          { childId: other.id, decision: 'Referral to a specialist service' },
        ],
        actions: [
          { description: 'Visit Theirs', owner: 'Guardian', dueOn: addDays(today(), 7), childId: theirs.id },
          {
            description: 'Visit Other',
            owner: 'Social worker',
            dueOn: addDays(today(), 7),
            childId: other.id,
          },
          { description: 'Map the network', owner: 'Police', dueOn: addDays(today(), 7) },
        ],
      },
    });
    const seen = (await app.ok<{ meeting: Record<string, any> }>(gail, MEETING_VIEW, { id })).meeting;
    expect(seen.children).toEqual([{ id: theirs.id }]);
    expect(seen.decisions).toEqual([
      { decision: 'Guardian to attend the next review', child: { id: theirs.id } },
    ]);
    expect(seen.actions.map((action: { description: string }) => action.description)).toEqual([
      'Visit Theirs',
    ]);
    const full = (await app.ok<{ meeting: Record<string, any> }>(worker, MEETING, { id })).meeting;
    expect(full.children).toHaveLength(2);
    expect(full.actions).toHaveLength(3);

    const notTheirs = (await schedule({ type: 'OTHER', childIds: [other.id] })).data!.scheduleMeeting;
    expect(codeOf(await app.gql(gail, MEETING_VIEW, { id: notTheirs.id }))).toBe('NOT_FOUND');
    const list = await app.ok<{ meetings: { edges: { node: { id: string } }[] } }>(
      gail,
      '{ meetings { edges { node { id } } } }',
    );
    expect(list.meetings.edges.map((edge) => edge.node.id)).toEqual([id]);
    expect(codeOf(await schedule({ type: 'OTHER' }, gail))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(gail, `query($id: ID!) { meeting(id: $id) { minutesUrl } }`, { id }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await app.gql(socialWorker(HILLINGDON, 'sw-meetings-hillingdon'), MEETING, { id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps child-level data out of an LSCB subgroup meeting', async () => {
    const child = await newChild(app, worker);
    const before = await app.counts('meeting');
    const withChildren = await schedule({ type: 'LSCB_SUBGROUP', childIds: [child.id] });
    expect(codeOf(withChildren)).toBe('BAD_USER_INPUT');
    expect(withChildren.errors![0].extensions!.fields).toEqual([
      { field: 'childIds', message: 'An LSCB subgroup meeting holds no child-level data' },
    ]);
    expect(await app.counts('meeting')).toEqual(before);
    const { id } = (await schedule({ type: 'LSCB_SUBGROUP' })).data!.scheduleMeeting;
    const decision = await app.gql(worker, OUTCOME, {
      input: { meetingId: id, heldAt: hoursAgo(1), decisions: [{ childId: child.id, decision: 'x' }] },
    });
    expect(codeOf(decision)).toBe('BAD_USER_INPUT');
    const action = await app.gql(worker, OUTCOME, {
      input: {
        meetingId: id,
        heldAt: hoursAgo(1),
        actions: [{ description: 'x', owner: 'y', dueOn: today(), childId: child.id }],
      },
    });
    expect(codeOf(action)).toBe('BAD_USER_INPUT');
    await expect(
      app.query(
        `INSERT INTO meeting_child (meeting_id, child_id, local_authority_id, added_because) SELECT $1, id, local_authority_id, 'NAMED' FROM child WHERE id = $2`,
        [id, child.id],
      ),
    ).rejects.toThrow(/no child-level data/);
    const held = await app.ok<{ recordMeetingOutcome: { status: string } }>(worker, OUTCOME, {
      input: {
        meetingId: id,
        heldAt: hoursAgo(1),
        actions: [
          {
            description: 'Commission a trafficking needs assessment',
            owner: 'LSCP',
            dueOn: addDays(today(), 30),
          },
        ],
      },
    });
    expect(held.recordMeetingOutcome.status).toBe('HELD');
  });

  it('cancels a scheduled meeting, which then takes no outcome', async () => {
    const { id } = (await schedule({ type: 'LOOKED_AFTER_REVIEW' })).data!.scheduleMeeting;
    const cancelled = await app.ok<{ cancelMeeting: { status: string; cancellationReason: string } }>(
      worker,
      `mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { status cancellationReason } }`,
      { input: { meetingId: id, reason: 'Chair unavailable; rescheduled' } },
    );
    expect(cancelled.cancelMeeting).toEqual({
      status: 'CANCELLED',
      cancellationReason: 'Chair unavailable; rescheduled',
    });
    expect(codeOf(await app.gql(worker, OUTCOME, { input: { meetingId: id, heldAt: hoursAgo(1) } }))).toBe(
      'CONFLICT',
    );
    const cancelledList = await app.ok<{ meetings: { edges: { node: { id: string } }[] } }>(
      worker,
      '{ meetings(filter: { status: CANCELLED }) { totalCount edges { node { id } } } }',
    );
    expect(cancelledList.meetings.edges.map((edge) => edge.node.id)).toContain(id);
  });

  it('prints the minutes, audited as an export', async () => {
    const child = await newChild(app, worker, { givenName: 'Blessing' });
    const { id } = (
      await schedule({
        type: 'BEST_INTERESTS',
        childIds: [child.id],
        attendees: [{ name: 'Dr Okafor', agency: 'HEALTH' }],
      })
    ).data!.scheduleMeeting;
    await app.ok(worker, OUTCOME, {
      input: {
        meetingId: id,
        heldAt: hoursAgo(1),
        attendance: [{ name: 'Dr Okafor', agency: 'HEALTH', attended: true }],
        decisions: [{ childId: child.id, decision: 'Integration in the UK is in her best interests' }],
        actions: [
          {
            description: 'Apply for further leave',
            owner: 'Social worker',
            dueOn: addDays(today(), 14),
            childId: child.id,
          },
        ],
      },
    });
    const { minutesUrl } = (await app.ok<{ meeting: { minutesUrl: string } }>(worker, MEETING, { id }))
      .meeting;
    const page = await fetch(`${app.url}${minutesUrl}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of [
      'Dr Okafor',
      'Blessing',
      'Integration in the UK is in her best interests',
      'Apply for further leave',
    ])
      expect(html).toContain(text);
    expect(
      await app.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity = 'Meeting' AND action = 'EXPORT' AND child_id = $1`,
        [child.id],
      ),
    ).toEqual([{ n: 1 }]);
  });
});
