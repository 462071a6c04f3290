import { addDays, addYears, londonDate } from '@haven/platform';
import { Caller, TestApp } from './test-app';

export const CHILD_FIELDS = `
  id version givenName familyName preferredName aliases { name source } claimedDateOfBirth effectiveDateOfBirth
  ageDisputed gender nationality nationalityBasis categories exploitationTypes status
  localAuthority { code name } allocatedWorker { id subject }`;

export interface ChildView {
  id: string;
  version: number;
  givenName: string;
  familyName: string | null;
  [field: string]: any;
}

/** Registers a child through the API, as a client would. */
export async function newChild(
  app: TestApp,
  caller: Caller,
  input: Record<string, unknown> = {},
): Promise<ChildView> {
  const data = await app.ok<{ registerChild: ChildView }>(
    caller,
    `mutation($input: RegisterChildInput!) { registerChild(input: $input) { ${CHILD_FIELDS} } }`,
    {
      input: {
        givenName: 'Minh',
        familyName: 'Nguyen',
        gender: 'MALE',
        claimedDateOfBirth: '2010-05-01',
        ...input,
      },
    },
  );
  return data.registerChild;
}

export async function newReferral(app: TestApp, caller: Caller, childId: string, referredOn = '2026-01-05') {
  const data = await app.ok<{ recordNrmReferral: { id: string } }>(
    caller,
    `mutation($input: RecordNrmReferralInput!) { recordNrmReferral(input: $input) { id } }`,
    {
      input: {
        childId,
        referredOn,
        firstResponder: 'CHILDRENS_SERVICES',
        competentAuthority: 'SINGLE_COMPETENT_AUTHORITY',
      },
    },
  );
  return data.recordNrmReferral;
}

/** A date of birth that makes someone `years` old today in London, `days` days short of (or past) the birthday. */
export function bornYearsAgo(years: number, days = 0): string {
  return addDays(addYears(londonDate(new Date()), -years), days);
}

export function today(): string {
  return londonDate(new Date());
}

export async function assignGuardian(
  app: TestApp,
  caller: Caller,
  input: { childId: string; guardianId: string; scheme: string; startDate?: string },
) {
  return app.gql<{
    assignGuardian: { id: string; active: boolean; warnings: string[]; guardianCaseload: number };
  }>(
    caller,
    `mutation($input: AssignGuardianInput!) { assignGuardian(input: $input) { id active warnings guardianCaseload scheme startDate } }`,
    { input: { startDate: today(), ...input } },
  );
}

/** The practitioner id of a caller, created on first sight. */
export async function practitionerId(app: TestApp, caller: Caller): Promise<string> {
  return (await app.ok<{ me: { id: string } }>(caller, '{ me { id } }')).me.id;
}

/** An instant `hours` before now, as the API takes it. */
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

export interface FiledCase {
  childId: string;
  assignmentId: string;
  /** The id of every record about the child: the child, its placement, episode, alerts, referral, ... */
  recordIds: string[];
}

/**
 * One child of `caller`'s authority with a record of every kind, through the API: a placement, a
 * missing episode (and its alert), an NRM referral and decision, a guardian (`guardianCaller`) and
 * their contact, a durable solution, an age dispute, a missing person profile, a held meeting with
 * a decision and an action.
 */
export async function fileCase(app: TestApp, caller: Caller, guardianCaller: Caller): Promise<FiledCase> {
  const child = await newChild(app, caller, { givenName: 'Scoped' });
  const mutate = (name: string, type: string, input: Record<string, unknown>, as: Caller = caller) =>
    app.ok<Record<string, { id: string }>>(
      as,
      `mutation($input: ${type}!) { ${name}(input: $input) { id } }`,
      {
        input,
      },
    );
  await mutate('startPlacement', 'StartPlacementInput', {
    childId: child.id,
    type: 'FOSTER_CARE',
    startedAt: hoursAgo(48),
  });
  await mutate('reportMissing', 'ReportMissingInput', {
    childId: child.id,
    kind: 'MISSING',
    missingSince: hoursAgo(2),
  });
  const referral = await newReferral(app, caller, child.id, today());
  await mutate('recordNrmDecision', 'RecordNrmDecisionInput', {
    referralId: referral.id,
    stage: 'REASONABLE_GROUNDS',
    decision: 'POSITIVE',
    decidedOn: today(),
  });
  const assigned = await assignGuardian(app, caller, {
    childId: child.id,
    guardianId: await practitionerId(app, guardianCaller),
    scheme: 'ICTG_DIRECT',
  });
  if (assigned.errors?.length) throw new Error(`assignGuardian: ${JSON.stringify(assigned.errors)}`);
  await mutate(
    'recordGuardianContact',
    'RecordGuardianContactInput',
    { childId: child.id, contactedAt: hoursAgo(1), mode: 'IN_PERSON' },
    guardianCaller,
  );
  await mutate('recordDurableSolution', 'RecordDurableSolutionInput', {
    childId: child.id,
    option: 'INTEGRATION_IN_UK',
    status: 'IDENTIFIED',
  });
  await mutate('raiseAgeDispute', 'RaiseAgeDisputeInput', {
    childId: child.id,
    raisedBy: 'HOME_OFFICE',
    raisedOn: today(),
  });
  await app.ok(
    caller,
    `mutation($input: UpdateMissingPersonProfileInput!) { updateMissingPersonProfile(input: $input) { childId } }`,
    { input: { childId: child.id, description: 'Slight build' } },
  );
  const { scheduleMeeting } = await mutate('scheduleMeeting', 'ScheduleMeetingInput', {
    type: 'STRATEGY_DISCUSSION',
    scheduledFor: hoursAgo(3),
    childIds: [child.id],
    attendees: [{ name: 'DC Lane', agency: 'POLICE' }],
  });
  await mutate('recordMeetingOutcome', 'RecordMeetingOutcomeInput', {
    meetingId: scheduleMeeting.id,
    heldAt: hoursAgo(1),
    decisions: [{ childId: child.id, decision: 'Safety plan' }],
    actions: [{ childId: child.id, description: 'Visit', owner: 'Social worker', dueOn: today() }],
  });
  const records = await app.query<{ id: string }>(
    `SELECT id FROM child WHERE id = $1
     UNION ALL SELECT id FROM placement WHERE child_id = $1 UNION ALL SELECT id FROM missing_episode WHERE child_id = $1
     UNION ALL SELECT id FROM alert WHERE child_id = $1 UNION ALL SELECT id FROM nrm_referral WHERE child_id = $1
     UNION ALL SELECT id FROM guardian_assignment WHERE child_id = $1 UNION ALL SELECT id FROM guardian_contact WHERE child_id = $1
     UNION ALL SELECT id FROM durable_solution WHERE child_id = $1 UNION ALL SELECT id FROM age_assessment WHERE child_id = $1
     UNION ALL SELECT meeting_id FROM meeting_child WHERE child_id = $1 UNION ALL SELECT id FROM meeting_action WHERE child_id = $1`,
    [child.id],
  );
  return {
    childId: child.id,
    assignmentId: assigned.data!.assignGuardian.id,
    recordIds: records.map((row) => row.id),
  };
}
