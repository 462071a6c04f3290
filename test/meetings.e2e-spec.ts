import { addDays } from '@haven/platform';
import { assignGuardian, hoursAgo, newChild, newReferral, practitionerId, today } from './support/factories';
import {
  BELFAST,
  Caller,
  CARDIFF,
  codeOf,
  GLASGOW,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  teamManager,
  TestApp,
} from './support/test-app';

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

  describe('the agenda of a missing review', () => {
    const REVIEW = `query($id: ID!) { meeting(id: $id) {
      id status agendaSince heldAt warnings agenda { addedBecause episodeCount reason child { givenName } } decisions { decision child { givenName } } } }`;
    type Review = {
      id: string;
      status: string;
      agendaSince: string;
      heldAt: string | null;
      warnings: string[];
      agenda: {
        addedBecause: string;
        episodeCount: number | null;
        reason: string;
        child: { givenName: string };
      }[];
      decisions: { decision: string; child: { givenName: string } }[];
    };
    const MINUTE = 60_000;
    const DAY = 86_400_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    /** A missing episode of the child from `since`, returned at `returned` (null: still missing). */
    const missing = async (caller: Caller, childId: string, since: string, returned: string | null) => {
      const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
        caller,
        `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
        { input: { childId, kind: 'MISSING', missingSince: since } },
      );
      if (returned)
        await app.ok(caller, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
          input: { episodeId: reportMissing.id, returnedAt: returned },
        });
    };
    const review = async (caller: Caller, id: string) =>
      (await app.ok<{ meeting: Review }>(caller, REVIEW, { id })).meeting;
    const rows = (meeting: Review) =>
      meeting.agenda
        .map((item) => [item.child.givenName, item.addedBecause, item.episodeCount])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const agendaOf = (meeting: Review) =>
      Object.fromEntries(meeting.agenda.map((item) => [item.child.givenName, item.addedBecause]));
    const scheduleReview = async (caller: Caller) =>
      (
        await app.ok<{ scheduleMeeting: { id: string } }>(caller, SCHEDULE, {
          // far ahead: the window never depends on when a review was planned for
          input: { type: 'MISSING_REVIEW', scheduledFor: at(Date.now() + 30 * DAY) },
        })
      ).scheduleMeeting.id;
    const hold = (caller: Caller, meetingId: string, heldAt: string, extra: Record<string, unknown> = {}) =>
      app.gql<{ recordMeetingOutcome: Review }>(
        caller,
        `mutation($input: RecordMeetingOutcomeInput!) { recordMeetingOutcome(input: $input) {
          id status agendaSince heldAt warnings agenda { addedBecause episodeCount reason child { givenName } } decisions { decision child { givenName } } } }`,
        { input: { meetingId, heldAt, ...extra } },
      );

    it('stays live until held, is fixed as of heldAt, and the next review starts exactly there', async () => {
      const sw = socialWorker(CARDIFF, 'sw-review-cardiff');
      const earlier = await newChild(app, sw, { givenName: 'Earlier' });
      await missing(sw, earlier.id, hoursAgo(10 * 24), hoursAgo(10 * 24 - 5));
      const reviewId = await scheduleReview(sw);
      const scheduled = await review(sw, reviewId);
      expect(agendaOf(scheduled)).toEqual({ Earlier: 'MISSING_SINCE_LAST_REVIEW' });

      // goes missing after the review was scheduled, before it is held: on the live agenda at once
      const between = await newChild(app, sw, { givenName: 'Between' });
      await newReferral(app, sw, between.id, today());
      const gwen = guardian('ICTG-REVIEWS', 'g-reviews');
      await assignGuardian(app, sw, {
        childId: between.id,
        guardianId: await practitionerId(app, gwen),
        scheme: 'ICTG_DIRECT',
      });
      await pause(20);
      await missing(sw, between.id, at(Date.now() - 5), null);
      const live = await review(sw, reviewId);
      expect(live.status).toBe('SCHEDULED');
      expect(rows(live)).toEqual([
        ['Between', 'MISSING_NOW', 1],
        ['Earlier', 'MISSING_SINCE_LAST_REVIEW', 1],
      ]);
      expect(live.agenda[0].reason).toMatch(/^Missing now; 1 episode since \d{1,2} \w{3} \d{4}$/);
      // the guardian sees the scheduled review that will discuss their child, and only that child
      const seen = await review(gwen, reviewId);
      expect(seen.agenda.map((item) => item.child.givenName)).toEqual(['Between']);
      const theirs = await app.ok<{ child: { meetings: { id: string }[] } }>(
        gwen,
        'query($id: ID!) { child(id: $id) { meetings { id } } }',
        { id: between.id },
      );
      expect(theirs.child.meetings.map((meeting) => meeting.id)).toContain(reviewId);

      await pause(20);
      const heldAt = at(Date.now() - 5);
      await pause(20);
      // goes missing after the review was held, before its outcome is typed in: the next review's
      const after = await newChild(app, sw, { givenName: 'After' });
      await missing(sw, after.id, at(Date.now() - 5), at(Date.now()));
      expect(agendaOf(await review(sw, reviewId))).toEqual({
        After: 'MISSING_SINCE_LAST_REVIEW',
        Between: 'MISSING_NOW',
        Earlier: 'MISSING_SINCE_LAST_REVIEW',
      });

      const before = await app.everyTableCount();
      const refused = await hold(sw, reviewId, heldAt, {
        decisions: [{ childId: after.id, decision: 'Discuss' }],
      });
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions!.fields).toEqual([
        { field: 'decisions.0.childId', message: 'The child is not on the agenda' },
      ]);
      expect(await app.everyTableCount()).toBe(before);

      const held = await hold(sw, reviewId, heldAt, {
        decisions: [{ childId: between.id, decision: 'Police to share intelligence; safety plan on return' }],
      });
      expect(held.errors).toBeUndefined();
      const outcome = held.data!.recordMeetingOutcome;
      expect(outcome.status).toBe('HELD');
      expect(agendaOf(outcome)).toEqual({ Between: 'MISSING_NOW', Earlier: 'MISSING_SINCE_LAST_REVIEW' });
      expect(outcome.agenda[0].reason).toMatch(/^Missing when the review was held; 1 episode since /);
      expect(outcome.decisions).toEqual([
        { decision: 'Police to share intelligence; safety plan on return', child: { givenName: 'Between' } },
      ]);
      // stays as held, whatever happens next
      expect(agendaOf(await review(sw, reviewId))).toEqual(agendaOf(outcome));

      const nextId = await scheduleReview(sw);
      const next = await review(sw, nextId);
      expect(new Date(next.agendaSince).toISOString()).toBe(heldAt);
      expect(agendaOf(next)).toEqual({ After: 'MISSING_SINCE_LAST_REVIEW', Between: 'MISSING_NOW' });
    });

    it('looks back six weeks from the time held when no review was held before', async () => {
      const sw = socialWorker(BELFAST, 'sw-review-belfast');
      const heldAtMs = Date.now() - 60 * MINUTE;
      const sixWeeks = heldAtMs - 42 * DAY;
      const onTheDay = await newChild(app, sw, { givenName: 'OnTheBoundary' });
      await missing(sw, onTheDay.id, at(sixWeeks), at(sixWeeks + 60 * MINUTE));
      const justBefore = await newChild(app, sw, { givenName: 'JustBefore' });
      await missing(sw, justBefore.id, at(sixWeeks - MINUTE), at(sixWeeks + 60 * MINUTE));
      const stillMissing = await newChild(app, sw, { givenName: 'StillMissing' });
      await missing(sw, stillMissing.id, at(heldAtMs - 50 * DAY), null);
      const backSinceHeld = await newChild(app, sw, { givenName: 'BackSinceHeld' });
      await missing(sw, backSinceHeld.id, at(heldAtMs - 50 * DAY), at(heldAtMs + 10 * MINUTE));
      const startedAtHeld = await newChild(app, sw, { givenName: 'StartedAsHeld' });
      await missing(sw, startedAtHeld.id, at(heldAtMs), at(heldAtMs + 10 * MINUTE));

      const reviewId = await scheduleReview(sw);
      const held = await hold(sw, reviewId, at(heldAtMs));
      expect(held.errors).toBeUndefined();
      const outcome = held.data!.recordMeetingOutcome;
      expect(new Date(outcome.agendaSince).getTime()).toBe(sixWeeks);
      expect(rows(outcome)).toEqual([
        ['BackSinceHeld', 'MISSING_NOW', 0],
        ['OnTheBoundary', 'MISSING_SINCE_LAST_REVIEW', 1],
        ['StillMissing', 'MISSING_NOW', 0],
      ]);
      expect(outcome.agenda[0].reason).toBe('Missing when the review was held');
    });

    it('moves the window only when a review is held: not when scheduled or cancelled, nor for an earlier one recorded late', async () => {
      const sw = socialWorker(GLASGOW, 'sw-review-glasgow');
      const first = await newChild(app, sw, { givenName: 'First' });
      await missing(sw, first.id, hoursAgo(20 * 24), hoursAgo(20 * 24 - 3));
      // two reviews scheduled at once, and a third cancelled: each shows the same live agenda
      const [one, two, cancelled] = [
        await scheduleReview(sw),
        await scheduleReview(sw),
        await scheduleReview(sw),
      ];
      await app.ok(sw, `mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }`, {
        input: { meetingId: cancelled, reason: 'Merged with the other review' },
      });
      for (const id of [one, two])
        expect(agendaOf(await review(sw, id))).toEqual({ First: 'MISSING_SINCE_LAST_REVIEW' });
      expect(agendaOf(await review(sw, cancelled))).toEqual({});

      const oneHeldAt = hoursAgo(5);
      expect((await hold(sw, one, oneHeldAt)).errors).toBeUndefined();
      const second = await newChild(app, sw, { givenName: 'Second' });
      await missing(sw, second.id, hoursAgo(4), hoursAgo(3.5));
      const twoLive = await review(sw, two);
      expect(new Date(twoLive.agendaSince).toISOString()).toBe(oneHeldAt);
      expect(agendaOf(twoLive)).toEqual({ Second: 'MISSING_SINCE_LAST_REVIEW' });

      // the other review turns out to have met earlier, and is recorded late: it happened, so it is
      // recorded, with the window that ended when it was held; the review held after it is unchanged
      const twoHeldAt = hoursAgo(10);
      const late = await hold(sw, two, twoHeldAt);
      expect(late.errors).toBeUndefined();
      expect(agendaOf(late.data!.recordMeetingOutcome)).toEqual({ First: 'MISSING_SINCE_LAST_REVIEW' });
      expect(new Date(late.data!.recordMeetingOutcome.agendaSince).getTime()).toBe(
        Date.parse(twoHeldAt) - 42 * DAY,
      );
      expect(agendaOf(await review(sw, one))).toEqual({ First: 'MISSING_SINCE_LAST_REVIEW' });
      // and flagged, as a fact that looks wrong
      expect((await review(sw, two)).warnings).toEqual([
        expect.stringMatching(
          /^Recorded as held before the missing review held on \d{1,2} \w{3} \d{4}, whose agenda already covered part of this period$/,
        ),
      ]);
      expect((await review(sw, one)).warnings).toEqual([]);

      // the next review starts from the latest held
      const three = await review(sw, await scheduleReview(sw));
      expect(new Date(three.agendaSince).toISOString()).toBe(oneHeldAt);
      expect(agendaOf(three)).toEqual({ Second: 'MISSING_SINCE_LAST_REVIEW' });
    });
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
