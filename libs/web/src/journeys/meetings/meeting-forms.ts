import {
  Agency,
  MeetingQuery,
  MeetingType,
  RecordMeetingOutcomeInput,
  ScheduleMeetingInput,
} from '../../graphql/generated';
import { Refusal } from '../../graphql/web-graphql';
import {
  DateParts,
  dateParts,
  DateTimeParts,
  dateTimeParts,
  list,
  parseDate,
  parseDateTime,
  partsOfInstant,
  text,
} from '../../form-values';
import { AGENCY, MEETING_TYPE } from '../children/labels';

/**
 * The meetings' forms, as posted and as shown again: scheduling a meeting (its attendees added one
 * more at a time without JavaScript) and recording its outcome (attendance, a decision per child on
 * the agenda, actions with owner and due date). Rows left wholly blank are not sent.
 */

export interface AttendeeRow {
  name: string;
  agency: string;
  role: string;
}

export interface ScheduleForm {
  type: string;
  scheduledFor: DateTimeParts;
  chair: string;
  attendees: AttendeeRow[];
}

export interface ActionRow {
  description: string;
  owner: string;
  dueOn: DateParts;
  childId: string;
}

export interface OutcomeForm {
  heldAt: DateTimeParts;
  /** The indexes of the invited attendees ticked as present. */
  attended: string[];
  /** Others who came, not invited beforehand. */
  others: AttendeeRow[];
  /** A decision per child, by the child's id. */
  decisions: Record<string, string>;
  actions: ActionRow[];
}

type Posted = Record<string, unknown>;

const rows = (value: unknown): Posted[] =>
  (Array.isArray(value) ? value : typeof value === 'object' && value ? Object.values(value) : []).map(
    (row) => (typeof row === 'object' && row ? (row as Posted) : {}),
  );

const attendeeRows = (value: unknown): AttendeeRow[] =>
  rows(value).map((row) => ({ name: text(row.name), agency: text(row.agency), role: text(row.role) }));

const blankAttendee = (): AttendeeRow => ({ name: '', agency: '', role: '' });
const blankAction = (): ActionRow => ({
  description: '',
  owner: '',
  dueOn: { day: '', month: '', year: '' },
  childId: '',
});

const filledAttendee = (row: AttendeeRow) => row.name !== '' || row.agency !== '' || row.role !== '';
const filledAction = (row: ActionRow) =>
  row.description !== '' || row.owner !== '' || Object.values(row.dueOn).some(Boolean) || row.childId !== '';

const isMeetingType = (value: string): value is MeetingType => value in MEETING_TYPE;
const isAgency = (value: string): value is Agency => value in AGENCY;

/** A refusal the page makes itself, before anything is sent, worded as the API's would be. */
const refusal = (fields: Refusal['fields']): Refusal | null =>
  fields.length ? { code: 'BAD_USER_INPUT', message: 'Check the form', fields } : null;

export function emptyScheduleForm(type: string): ScheduleForm {
  return {
    type: isMeetingType(type) ? type : 'MISSING_REVIEW',
    scheduledFor: { day: '', month: '', year: '', time: '' },
    chair: '',
    attendees: [blankAttendee()],
  };
}

export function scheduleFormFromBody(body: Posted): ScheduleForm {
  const attendees = attendeeRows(body.attendees);
  return {
    type: text(body.type),
    scheduledFor: dateTimeParts(body.scheduledFor),
    chair: text(body.chair),
    attendees: attendees.length ? attendees : [blankAttendee()],
  };
}

/** "Add another" without JavaScript: the form comes back with one more empty row. */
export function addingRow(body: Posted, form: { attendees: AttendeeRow[] } | OutcomeForm): boolean {
  if (body.action === 'add-attendee') {
    ('others' in form ? form.others : form.attendees).push(blankAttendee());
    return true;
  }
  if (body.action === 'add-action' && 'actions' in form) {
    form.actions.push(blankAction());
    return true;
  }
  return false;
}

/** The filled attendee rows, with the form's row each came from (the API numbers only those sent). */
const filledRows = <T>(all: T[], filled: (row: T) => boolean) =>
  all.map((row, index) => ({ row, index })).filter(({ row }) => filled(row));

/** The input to schedule the meeting, or what is wrong with the form. */
export function scheduleInput(
  form: ScheduleForm,
): { ok: true; input: ScheduleMeetingInput } | { ok: false; refusal: Refusal } {
  const problems: Refusal['fields'] = [];
  if (!isMeetingType(form.type)) problems.push({ field: 'type', message: 'Select the kind of meeting' });
  const scheduledFor = parseDateTime(form.scheduledFor, 'When the meeting is');
  if (!scheduledFor.ok) problems.push({ field: 'scheduledFor', message: scheduledFor.message });
  else if (scheduledFor.value === null)
    problems.push({ field: 'scheduledFor', message: 'Enter the date and time of the meeting' });
  const attendees = filledRows(form.attendees, filledAttendee);
  attendees.forEach(({ row }, index) => {
    if (!row.name) problems.push({ field: `attendees.${index}.name`, message: 'Enter the attendee’s name' });
    if (!isAgency(row.agency))
      problems.push({ field: `attendees.${index}.agency`, message: 'Select the attendee’s agency' });
  });
  const refused = refusal(problems);
  if (refused || !scheduledFor.ok) return { ok: false, refusal: refused! };
  return {
    ok: true,
    input: {
      type: form.type as MeetingType,
      scheduledFor: scheduledFor.value!,
      chair: form.chair || null,
      attendees: attendees.map(({ row }) => ({
        name: row.name,
        agency: row.agency as Agency,
        role: row.role || null,
      })),
    },
  };
}

/** The API's field names on the schedule form, to the inputs' ids. */
export function scheduleFieldIds(form: ScheduleForm): Record<string, string> {
  const ids: Record<string, string> = {
    type: 'type',
    scheduledFor: 'scheduledFor-day',
    chair: 'chair',
    childIds: 'type',
    attendees: 'attendees-0-name',
  };
  filledRows(form.attendees, filledAttendee).forEach(({ index: row }, index) => {
    for (const field of ['name', 'agency', 'role'])
      ids[`attendees.${index}.${field}`] = `attendees-${row}-${field}`;
  });
  return ids;
}

type Meeting = MeetingQuery['meeting'];

export function emptyOutcomeForm(meeting: Meeting): OutcomeForm {
  return {
    heldAt: partsOfInstant(),
    attended: [],
    others: [blankAttendee()],
    decisions: Object.fromEntries(
      meeting.agenda.flatMap((item) => (item.child ? [[item.child.id, item.decision ?? '']] : [])),
    ),
    actions: [blankAction()],
  };
}

export function outcomeFormFromBody(body: Posted): OutcomeForm {
  const others = attendeeRows(body.others);
  const actions = rows(body.actions).map((row) => ({
    description: text(row.description),
    owner: text(row.owner),
    dueOn: dateParts(row.dueOn),
    childId: text(row.childId),
  }));
  const decisions = typeof body.decisions === 'object' && body.decisions ? (body.decisions as Posted) : {};
  return {
    heldAt: dateTimeParts(body.heldAt),
    attended: list(body.attended),
    others: others.length ? others : [blankAttendee()],
    decisions: Object.fromEntries(Object.entries(decisions).map(([id, value]) => [id, text(value)])),
    actions: actions.length ? actions : [blankAction()],
  };
}

/** The input recording the meeting's outcome, or what is wrong with the form. */
export function outcomeInput(
  meeting: Meeting,
  form: OutcomeForm,
): { ok: true; input: RecordMeetingOutcomeInput } | { ok: false; refusal: Refusal } {
  const problems: Refusal['fields'] = [];
  const heldAt = parseDateTime(form.heldAt, 'When the meeting was held');
  if (!heldAt.ok) problems.push({ field: 'heldAt', message: heldAt.message });
  else if (heldAt.value === null)
    problems.push({ field: 'heldAt', message: 'Enter the date and time the meeting was held' });
  const others = filledRows(form.others, filledAttendee);
  others.forEach(({ row }, index) => {
    const field = `attendance.${meeting.attendees.length + index}`;
    if (!row.name) problems.push({ field: `${field}.name`, message: 'Enter the attendee’s name' });
    if (!isAgency(row.agency))
      problems.push({ field: `${field}.agency`, message: 'Select the attendee’s agency' });
  });
  const actions = filledRows(form.actions, filledAction);
  const dueDates = actions.map(({ row }, index) => {
    const field = `actions.${index}`;
    if (!row.description)
      problems.push({ field: `${field}.description`, message: 'Enter what is to be done' });
    if (!row.owner) problems.push({ field: `${field}.owner`, message: 'Enter who will do it' });
    const dueOn = parseDate(row.dueOn, 'The due date');
    if (!dueOn.ok) problems.push({ field: `${field}.dueOn`, message: dueOn.message });
    else if (dueOn.value === null)
      problems.push({ field: `${field}.dueOn`, message: 'Enter the date it is due' });
    return dueOn.ok ? dueOn.value : null;
  });
  const refused = refusal(problems);
  if (refused || !heldAt.ok) return { ok: false, refusal: refused! };
  const agendaChildren = meeting.agenda.flatMap((item) => (item.child ? [item.child.id] : []));
  return {
    ok: true,
    input: {
      meetingId: meeting.id,
      heldAt: heldAt.value!,
      attendance: [
        ...meeting.attendees.map((attendee, index) => ({
          name: attendee.name,
          agency: attendee.agency,
          role: attendee.role,
          attended: form.attended.includes(String(index)),
        })),
        ...others.map(({ row }) => ({
          name: row.name,
          agency: row.agency as Agency,
          role: row.role || null,
          attended: true,
        })),
      ],
      decisions: agendaChildren
        .filter((childId) => form.decisions[childId])
        .map((childId) => ({ childId, decision: form.decisions[childId] })),
      actions: actions.map(({ row }, index) => ({
        description: row.description,
        owner: row.owner,
        dueOn: dueDates[index]!,
        childId: row.childId || null,
      })),
    },
  };
}

/** The API's field names on the outcome form, to the inputs' ids. */
export function outcomeFieldIds(meeting: Meeting, form: OutcomeForm, input?: RecordMeetingOutcomeInput) {
  const ids: Record<string, string> = { heldAt: 'heldAt-day', meetingId: 'heldAt-day' };
  meeting.attendees.forEach((_attendee, index) => {
    ids[`attendance.${index}`] = index === 0 ? 'attended' : `attended-${index + 1}`;
  });
  filledRows(form.others, filledAttendee).forEach(({ index: row }, index) => {
    const field = `attendance.${meeting.attendees.length + index}`;
    ids[field] = `others-${row}-name`;
    for (const name of ['name', 'agency', 'role']) ids[`${field}.${name}`] = `others-${row}-${name}`;
  });
  (input?.decisions ?? []).forEach(({ childId }, index) => {
    ids[`decisions.${index}`] = `decision-${childId}`;
    ids[`decisions.${index}.childId`] = `decision-${childId}`;
    ids[`decisions.${index}.decision`] = `decision-${childId}`;
  });
  filledRows(form.actions, filledAction).forEach(({ index: row }, index) => {
    ids[`actions.${index}`] = `actions-${row}-description`;
    ids[`actions.${index}.description`] = `actions-${row}-description`;
    ids[`actions.${index}.owner`] = `actions-${row}-owner`;
    ids[`actions.${index}.dueOn`] = `actions-${row}-dueOn-day`;
    ids[`actions.${index}.childId`] = `actions-${row}-childId`;
  });
  return ids;
}
