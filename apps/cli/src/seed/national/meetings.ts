// Meetings, per authority: the children discussed are that authority's.

import { AgendaReason, MeetingType, MeetingStatus } from '@haven/meetings';
import { Agency } from '@haven/platform';
import * as data from '../national-data';
import { Random, STREAM } from './random';
import { DAY, Day, HOUR, londonDay, londonInstant, MINUTE, workingDay } from './time';
import { MeetingRow } from './rows';
import { RowSink, TABLES } from './tables';
import { AuthorityPlan, NationalPlan, staffName } from './plan';
import { ChildSummary } from './context';
import { registrationDay } from './identity';

const SIX_WEEKS = 42 * DAY;

/** An authority's children, ordered by registration, for the meetings that discuss them. */
export function generateMeetings(
  plan: NationalPlan,
  authority: AuthorityPlan,
  children: readonly ChildSummary[],
  sink: RowSink,
): void {
  const rnd = Random.stream(plan.seed, STREAM.meetings, authority.index);
  const future = Math.round(authority.meetings * 0.02);
  const days: Day[] = [];
  for (let i = 0; i < authority.meetings; i += 1) {
    days.push(i < future ? plan.today + rnd.int(0, 55) : registrationDay(rnd, plan));
  }
  days.sort((a, b) => a - b);
  const missing = children.filter((child) => child.missing !== null);
  let lastReview: number | null = null;
  for (const day of days) {
    const meeting = meetingOn(plan, rnd, authority, workingDay(day), lastReview);
    sink.add(TABLES.meeting, meeting);
    const names = attendees(rnd, authority, meeting, sink);
    const agenda =
      meeting.type === MeetingType.LSCB_SUBGROUP
        ? []
        : meeting.type === MeetingType.MISSING_REVIEW
          ? // as MeetingsService: stored when held (as of then); live until, and nothing if cancelled
            meeting.heldAt !== null
            ? missingAgenda(missing, meeting.agendaSince!, meeting.heldAt)
            : []
          : namedChildren(rnd, children, meeting);
    for (const [child, because] of agenda) {
      sink.add(TABLES.meetingChild, {
        meetingId: meeting.id,
        childId: child.id,
        localAuthorityId: authority.id,
        addedBecause: because,
        decision: meeting.heldAt !== null && rnd.chance(0.7) ? rnd.pick(data.MEETING_DECISIONS) : null,
      });
    }
    if (meeting.heldAt !== null) actions(plan, rnd, meeting, agenda, names, sink);
    if (meeting.type === MeetingType.MISSING_REVIEW && meeting.heldAt !== null) lastReview = meeting.heldAt;
  }
}

function meetingOn(
  plan: NationalPlan,
  rnd: Random,
  authority: AuthorityPlan,
  day: Day,
  lastReview: number | null,
): MeetingRow {
  const type = rnd.weighted(data.MEETING_TYPES);
  const scheduledFor = londonInstant(day, 9 * 60 + rnd.int(0, 24) * 15);
  const createdAt = Math.min(scheduledFor - rnd.int(2, 21) * DAY, plan.horizon - rnd.int(1, 72) * HOUR);
  const past = scheduledFor < plan.horizon;
  const cancelled = past && rnd.chance(0.06);
  const heldAt = scheduledFor + rnd.int(0, 15) * MINUTE;
  const held =
    past &&
    !cancelled &&
    heldAt < plan.horizon &&
    !(scheduledFor > plan.horizon - 7 * DAY && rnd.chance(0.3));
  return {
    id: rnd.uuid(),
    localAuthorityId: authority.id,
    type,
    status: held ? MeetingStatus.HELD : cancelled ? MeetingStatus.CANCELLED : MeetingStatus.SCHEDULED,
    scheduledFor,
    heldAt: held ? heldAt : null,
    chair: rnd.chance(0.8) ? authority.manager.name : staffName(rnd),
    // as MeetingsService: the episodes since the last held review, or the six weeks before it was held
    // (before it was scheduled, for one not held)
    agendaSince:
      type === MeetingType.MISSING_REVIEW ? (lastReview ?? (held ? heldAt : createdAt) - SIX_WEEKS) : null,
    cancelledAt: cancelled ? Math.max(createdAt + 10 * MINUTE, scheduledFor - rnd.int(1, 72) * HOUR) : null,
    cancellationReason: cancelled ? rnd.pick(data.CANCELLATION_REASONS) : null,
    createdAt,
    createdBy: authority.manager.id,
  };
}

function attendees(rnd: Random, authority: AuthorityPlan, meeting: MeetingRow, sink: RowSink): string[] {
  const held = meeting.status === MeetingStatus.HELD;
  const people: [string, Agency, string | null][] = [
    [meeting.chair, Agency.CHILDRENS_SERVICES, 'Chair'],
    [rnd.pick(authority.workers).name, Agency.CHILDRENS_SERVICES, 'Social worker'],
  ];
  const others = rnd.int(1, 5);
  for (let i = 0; i < others; i += 1) {
    const agency = rnd.weighted(data.MEETING_AGENCIES);
    const name =
      agency === Agency.POLICE ? `${rnd.pick(['DS', 'DC', 'PC', 'DI'])} ${staffName(rnd)}` : staffName(rnd);
    people.push([name, agency, data.AGENCY_ROLES[agency] ? rnd.pick(data.AGENCY_ROLES[agency]) : null]);
  }
  const names: string[] = [];
  for (const [name, agency, role] of people) {
    if (names.includes(name)) continue;
    names.push(name);
    sink.add(TABLES.meetingAttendee, {
      id: rnd.uuid(),
      meetingId: meeting.id,
      name,
      agency,
      role,
      attended: held ? rnd.chance(0.88) : null,
    });
  }
  return names;
}

type Agenda = [ChildSummary, AgendaReason][];

/** Every child with an episode since the last review, and every child missing when it was held. */
function missingAgenda(missing: readonly ChildSummary[], since: number, at: number): Agenda {
  const agenda: Agenda = [];
  for (const child of missing) {
    const times = child.missing!;
    let reason: AgendaReason | null = null;
    // the window is [since, at): an episode starting at `at` belongs to the next review
    for (let i = 0; i < times.length && times[i] < at; i += 2) {
      if (times[i + 1] > at) reason = AgendaReason.MISSING_NOW;
      else if (times[i] >= since) reason ??= AgendaReason.MISSING_SINCE_LAST_REVIEW;
    }
    if (reason) agenda.push([child, reason]);
  }
  return agenda;
}

/** How many of the children (ordered by registration) were registered by an instant. */
function registeredBy(children: readonly ChildSummary[], instant: number): number {
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (children[middle].registeredAt <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One to three children whose cases were open when the meeting was called. */
function namedChildren(rnd: Random, children: readonly ChildSummary[], meeting: MeetingRow): Agenda {
  const registered = registeredBy(children, meeting.createdAt);
  const wanted = rnd.int(1, 3);
  const agenda: Agenda = [];
  for (let tries = 0; tries < 30 && agenda.length < wanted && registered > 0; tries += 1) {
    // the recently registered are the ones still open
    const child = children[registered - 1 - Math.floor(rnd.float() ** 2 * registered)];
    if (child.caseEnd > meeting.scheduledFor && !agenda.some(([named]) => named === child)) {
      agenda.push([child, AgendaReason.NAMED]);
    }
  }
  return agenda;
}

function actions(
  plan: NationalPlan,
  rnd: Random,
  meeting: MeetingRow,
  agenda: Agenda,
  names: readonly string[],
  sink: RowSink,
): void {
  const heldOn = londonDay(meeting.heldAt!);
  const count = rnd.int(0, 3);
  for (let i = 0; i < count; i += 1) {
    const dueOn = heldOn + rnd.int(7, 42);
    const completedOn = heldOn + rnd.int(1, dueOn - heldOn + 14);
    // recent actions may be open still, and a few of those overdue; older ones were all done
    const open = completedOn >= plan.today || (dueOn >= plan.today - 30 && rnd.chance(0.15));
    sink.add(TABLES.meetingAction, {
      id: rnd.uuid(),
      meetingId: meeting.id,
      localAuthorityId: meeting.localAuthorityId,
      childId: agenda.length > 0 && rnd.chance(0.5) ? rnd.pick(agenda)[0].id : null,
      description: rnd.pick(data.MEETING_ACTIONS),
      owner: rnd.pick(names),
      dueOn,
      completedOn: open ? null : completedOn,
      createdAt: Math.min(meeting.heldAt! + rnd.int(30, 120) * MINUTE, plan.horizon - MINUTE),
    });
  }
}
