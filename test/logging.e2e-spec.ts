import { randomBytes, randomUUID } from 'node:crypto';
import { assignGuardian, bornYearsAgo, hoursAgo, newChild, practitionerId, today } from './support/factories';
import {
  analyst,
  Caller,
  codeOf,
  guardian,
  GraphQLResponse,
  socialWorker,
  TestApp,
} from './support/test-app';

/**
 * Issue 15, items 1 and 2: nothing about a child reaches the log, and expected outcomes are not
 * errors. The service runs with its real logger at its most verbose level (trace, JSON lines), and
 * everything it writes is read back.
 */
interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  codes?: string[];
  err?: { type?: string; message?: string; stack?: string; database?: Record<string, string> };
  [key: string]: unknown;
}

const ERROR = 50;
const DEBUG = 20;
const UNAUTHENTICATED_LIMIT = 5;

/** A string found nowhere else: every text field of every refused input carries it. */
const MARKER = `QX${randomBytes(4).toString('hex').toUpperCase()}`;

describe('logging: no child data, refusals are not errors', () => {
  let app: TestApp;
  const worker = socialWorker();
  const ictg = guardian('ICTG-LOGS', 'guardian-logs');

  beforeAll(async () => {
    app = await TestApp.start({
      LOG_LEVEL: 'trace',
      LOG_FORMAT: 'json',
      RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: String(UNAUTHENTICATED_LIMIT),
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Everything the service has written so far (standard output and error), as it wrote it. */
  const logText = () => app.output.join('');
  const logLines = (): LogLine[] =>
    logText()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  /** Sends a request with a request id of our own, to find its log lines. */
  async function send(
    caller: Caller | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ requestId: string; response: GraphQLResponse; header: string | null }> {
    const requestId = `test-${randomUUID()}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId };
    if (caller) headers.authorization = `Bearer ${app.token(caller)}`;
    const http = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return {
      requestId,
      response: (await http.json()) as GraphQLResponse,
      header: http.headers.get('x-request-id'),
    };
  }

  /** The log lines of one request, once its line is written. */
  async function linesOf(requestId: string): Promise<LogLine[]> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const lines = logLines().filter((line) => line.requestId === requestId);
      if (lines.some((line) => typeof line.msg === 'string' && line.msg.startsWith('POST /graphql')))
        return lines;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no request line for ${requestId}`);
  }

  const mutation = (name: string, type: string, fields = 'id') =>
    `mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`;

  it('writes no marker of any refused input to the log, at the most verbose level', async () => {
    const refusals: { what: string; code: string | undefined; expected: string }[] = [];
    const expectRefusal = async (
      what: string,
      expected: string,
      query: string,
      input: Record<string, unknown>,
    ) => {
      const { response } = await send(worker, query, { input });
      refusals.push({ what, code: codeOf(response), expected });
    };
    const childText = {
      givenName: MARKER,
      familyName: MARKER,
      preferredName: MARKER,
      aliases: [{ name: MARKER, source: MARKER }],
      homeOfficeReference: MARKER,
      languages: [MARKER],
      regionOfOrigin: MARKER,
      localChildId: MARKER,
      nationality: 'VN',
      gender: 'MALE',
      claimedDateOfBirth: bornYearsAgo(15),
    };

    // a second child with the authority's local identifier already taken (child_local_child_id_key)
    const first = await newChild(app, worker, childText);
    await expectRefusal(
      'duplicate localChildId',
      'CONFLICT',
      mutation('registerChild', 'RegisterChildInput'),
      childText,
    );
    const second = await newChild(app, worker, { givenName: 'Second' });
    await expectRefusal(
      'localChildId taken on update',
      'CONFLICT',
      mutation('updateChild', 'UpdateChildInput'),
      {
        ...childText,
        id: second.id,
        expectedVersion: second.version,
      },
    );
    // a stale version (the optimistic check in the UPDATE)
    await expectRefusal('stale version', 'CONFLICT', mutation('updateChild', 'UpdateChildInput'), {
      ...childText,
      localChildId: null,
      id: first.id,
      expectedVersion: first.version + 5,
    });

    // overlapping placements (placement_no_overlap): the issue's own example, an address in the detail
    const placement = {
      childId: first.id,
      type: 'FOSTER_CARE',
      startedAt: hoursAgo(48),
      address: `${MARKER} Road, Uxbridge`,
      provider: MARKER,
    };
    await app.ok(worker, mutation('startPlacement', 'StartPlacementInput'), { input: placement });
    await expectRefusal(
      'overlapping placement',
      'CONFLICT',
      mutation('startPlacement', 'StartPlacementInput'),
      {
        ...placement,
        startedAt: hoursAgo(24),
      },
    );

    // a second open missing episode, and one overlapping a closed one (missing_episode_no_overlap: the
    // exclusion constraint answers before missing_episode_one_open_idx can, both mapped to CONFLICT)
    const episode = {
      childId: first.id,
      kind: 'MISSING',
      missingSince: hoursAgo(20),
      circumstances: MARKER,
      lastSeenLocation: MARKER,
      lastSeenWith: MARKER,
      policeReference: MARKER,
    };
    const reported = await app.ok<{ reportMissing: { id: string } }>(
      worker,
      mutation('reportMissing', 'ReportMissingInput'),
      { input: episode },
    );
    await expectRefusal('second open episode', 'CONFLICT', mutation('reportMissing', 'ReportMissingInput'), {
      ...episode,
      missingSince: hoursAgo(10),
    });
    await app.ok(worker, mutation('recordReturn', 'RecordReturnInput'), {
      input: { episodeId: reported.reportMissing.id, returnedAt: hoursAgo(5), whereFound: MARKER },
    });
    await expectRefusal('overlapping episode', 'CONFLICT', mutation('reportMissing', 'ReportMissingInput'), {
      ...episode,
      missingSince: hoursAgo(8),
    });

    // overlapping guardian assignments (guardian_assignment_no_overlap)
    await app.ok(worker, mutation('recordNrmReferral', 'RecordNrmReferralInput'), {
      input: {
        childId: first.id,
        referredOn: today(),
        firstResponder: 'CHILDRENS_SERVICES',
        competentAuthority: 'SINGLE_COMPETENT_AUTHORITY',
      },
    });
    const guardianId = await practitionerId(app, ictg);
    const assigned = await assignGuardian(app, worker, {
      childId: first.id,
      guardianId,
      scheme: 'ICTG_DIRECT',
    });
    expect(assigned.errors).toBeUndefined();
    const again = await assignGuardian(app, worker, { childId: first.id, guardianId, scheme: 'ICTG_DIRECT' });
    refusals.push({ what: 'overlapping guardian assignment', code: codeOf(again), expected: 'CONFLICT' });

    // a second open age dispute (age_assessment_one_open_idx), and an unlawful adult determination
    const dispute = { childId: first.id, raisedBy: 'HOME_OFFICE', raisedOn: today(), reason: MARKER };
    const raised = await app.ok<{ raiseAgeDispute: { id: string } }>(
      worker,
      mutation('raiseAgeDispute', 'RaiseAgeDisputeInput'),
      { input: dispute },
    );
    await expectRefusal(
      'second open age dispute',
      'CONFLICT',
      mutation('raiseAgeDispute', 'RaiseAgeDisputeInput'),
      dispute,
    );
    await expectRefusal(
      'ASSESSED_ADULT without the safeguards',
      'CONFLICT',
      mutation('recordAgeAssessmentOutcome', 'RecordAgeAssessmentOutcomeInput'),
      {
        assessmentId: raised.raiseAgeDispute.id,
        outcome: 'ASSESSED_ADULT',
        assessedDateOfBirth: bornYearsAgo(23),
        completedOn: today(),
        safeguards: { twoAssessors: true },
      },
    );

    // a return to the country of origin secured without both assessments (the durable-solution check)
    await expectRefusal(
      'unsafe return secured',
      'CONFLICT',
      mutation('recordDurableSolution', 'RecordDurableSolutionInput'),
      {
        childId: first.id,
        option: 'RETURN_TO_COUNTRY_OF_ORIGIN',
        status: 'SECURED',
        securedOn: today(),
        basis: MARKER,
      },
    );

    // child-level data in an LSCB subgroup meeting (the LSCB_SUBGROUP trigger)
    const attendees = [{ name: MARKER, agency: 'POLICE', role: MARKER }];
    await expectRefusal(
      'LSCB subgroup with children',
      'BAD_USER_INPUT',
      mutation('scheduleMeeting', 'ScheduleMeetingInput'),
      {
        type: 'LSCB_SUBGROUP',
        scheduledFor: hoursAgo(3),
        chair: MARKER,
        childIds: [first.id],
        attendees,
      },
    );
    const subgroup = await app.ok<{ scheduleMeeting: { id: string } }>(
      worker,
      mutation('scheduleMeeting', 'ScheduleMeetingInput'),
      { input: { type: 'LSCB_SUBGROUP', scheduledFor: hoursAgo(3), chair: MARKER, attendees } },
    );
    await expectRefusal(
      'LSCB subgroup decision about a child',
      'BAD_USER_INPUT',
      mutation('recordMeetingOutcome', 'RecordMeetingOutcomeInput'),
      {
        meetingId: subgroup.scheduleMeeting.id,
        heldAt: hoursAgo(1),
        decisions: [{ childId: first.id, decision: MARKER }],
        actions: [{ childId: first.id, description: MARKER, owner: MARKER, dueOn: today() }],
      },
    );

    // every refusal reached the rule it was meant to
    expect(refusals.map(({ what, code }) => ({ what, code }))).toEqual(
      refusals.map(({ what, expected }) => ({ what, code: expected })),
    );
    expect(refusals).toHaveLength(12);

    const text = logText();
    expect(text.length).toBeGreaterThan(0);
    expect(text.split('\n').filter((line) => line.toLowerCase().includes(MARKER.toLowerCase()))).toEqual([]);
    expect(text).not.toContain(MARKER);
    expect(text.toLowerCase()).not.toContain(MARKER.toLowerCase());
    // no refusal is an error
    expect(logLines().filter((line) => line.level >= ERROR)).toEqual([]);
    // the failed statements were logged (at trace), by SQLSTATE and constraint only
    const failed = logLines().filter((line) => line.msg?.startsWith('Statement failed'));
    const constraints = failed.map((line) => (line.database as { constraint?: string }).constraint);
    expect(constraints).toEqual(
      expect.arrayContaining([
        'child_local_child_id_key',
        'placement_no_overlap',
        'missing_episode_no_overlap',
        'guardian_assignment_no_overlap',
        'age_assessment_one_open_idx',
      ]),
    );
  });

  it('logs an unexpected database error once, at ERROR, by SQLSTATE and constraint, with no value', async () => {
    // a rule the service does not know, added behind its back: its violation is unexpected
    await app.query(
      `ALTER TABLE placement ADD CONSTRAINT test_forced_failure CHECK (provider IS DISTINCT FROM '${MARKER}') NOT VALID`,
    );
    try {
      const child = await newChild(app, worker, { givenName: 'Forced' });
      const { requestId, response } = await send(worker, mutation('startPlacement', 'StartPlacementInput'), {
        input: {
          childId: child.id,
          type: 'FOSTER_CARE',
          startedAt: hoursAgo(2),
          address: MARKER,
          provider: MARKER,
        },
      });
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      ]);
      expect(JSON.stringify(response)).not.toMatch(/test_forced_failure|INSERT|stack|23514/);

      const lines = await linesOf(requestId);
      const errors = lines.filter((line) => line.level >= ERROR);
      expect(errors).toHaveLength(1);
      expect(errors[0].err?.database).toMatchObject({
        sqlState: '23514',
        constraint: 'test_forced_failure',
        table: 'placement',
      });
      expect(errors[0].err?.stack).toMatch(/SQLSTATE 23514, constraint test_forced_failure[^\n]*\n\s+at /);
      expect(logText()).not.toContain(MARKER);
      expect(logText().toLowerCase()).not.toContain(MARKER.toLowerCase());
    } finally {
      await app.query('ALTER TABLE placement DROP CONSTRAINT test_forced_failure');
    }
  });

  it('logs NOT_FOUND, BAD_USER_INPUT, CONFLICT and the other refusals in one line at most, with the code and request id, never a stack', async () => {
    const child = await newChild(app, worker, { givenName: 'Refused' });
    const cases: {
      code: string;
      caller: Caller | null;
      query: string;
      variables?: Record<string, unknown>;
    }[] = [
      { code: 'NOT_FOUND', caller: worker, query: `{ child(id: "${randomUUID()}") { id } }` },
      {
        code: 'BAD_USER_INPUT',
        caller: worker,
        query: mutation('registerChild', 'RegisterChildInput'),
        variables: { input: { givenName: '', gender: 'MALE' } },
      },
      {
        code: 'CONFLICT',
        caller: worker,
        query: mutation('updateChild', 'UpdateChildInput'),
        variables: { input: { id: child.id, expectedVersion: child.version + 1, givenName: 'Late' } },
      },
      {
        code: 'FORBIDDEN',
        caller: analyst(),
        query: mutation('registerChild', 'RegisterChildInput'),
        variables: { input: { givenName: 'Nope', gender: 'MALE' } },
      },
      { code: 'UNAUTHENTICATED', caller: null, query: '{ me { id } }' },
      { code: 'GRAPHQL_VALIDATION_FAILED', caller: worker, query: '{ nothingOfTheSort }' },
    ];
    for (const { code, caller, query, variables } of cases) {
      const { requestId, response, header } = await send(caller, query, variables);
      expect(codeOf(response)).toBe(code);
      // the request id the response names is the one the log carries (and the audit trail uses)
      expect(header).toBe(requestId);
      const lines = await linesOf(requestId);
      const visible = lines.filter((line) => line.level >= DEBUG);
      expect({ code, errors: visible.filter((line) => line.level >= ERROR) }).toEqual({ code, errors: [] });
      const withCode = visible.filter((line) => JSON.stringify(line).includes(code));
      expect({ code, lines: withCode.length }).toEqual({ code, lines: 1 });
      expect(withCode[0].codes).toEqual([code]);
      expect(withCode[0].level).toBeLessThan(40);
      expect(JSON.stringify(lines)).not.toMatch(/"stack"|\n\s+at /);
    }
  });

  it('logs an unexpected failure exactly once at ERROR with its stack, and answers it masked', async () => {
    // a forced failure: the service's role loses INSERT on the audit trail, so the query's audit write fails
    await app.query(`REVOKE INSERT ON audit_event FROM ${await serviceRole()}`);
    try {
      const { requestId, response } = await send(worker, '{ children(first: 1) { totalCount } }');
      expect(codeOf(response)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(response)).not.toMatch(/audit_event|permission|stack|42501/);
      const lines = await linesOf(requestId);
      const errors = lines.filter((line) => line.level >= ERROR);
      expect(errors).toHaveLength(1);
      expect(errors[0].err?.stack).toMatch(/SQLSTATE 42501[^\n]*\n\s+at /);
      expect(errors[0].err?.database).toMatchObject({ sqlState: '42501' });
    } finally {
      await app.query(`GRANT INSERT ON audit_event TO ${await serviceRole()}`);
    }
  });

  it('writes no token and no export link to the log', async () => {
    const child = await newChild(app, worker, { givenName: 'Linked' });
    const { missingPersonProfile } = await app.ok<{ missingPersonProfile: { printUrl: string } }>(
      worker,
      `query($childId: ID!) { missingPersonProfile(childId: $childId) { printUrl } }`,
      { childId: child.id },
    );
    const link = missingPersonProfile.printUrl;
    const opened = await fetch(`${app.url}${link}?format=json`, { headers: { cookie: `session=${MARKER}` } });
    expect(opened.status).toBe(200);
    const token = app.token(worker);
    await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const secret = link.split('/').pop()!.split('?')[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secret.length).toBeGreaterThan(20);
    expect(logText()).not.toContain(secret);
    expect(logText()).not.toContain(token.split('.')[2]);
    expect(logText()).not.toContain(MARKER);
    expect(logText()).toContain('/exports/missing-person-profile/[redacted]');
  });

  it('answers requests without a valid identity past the per-address limit with TOO_MANY_REQUESTS', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i <= UNAUTHENTICATED_LIMIT; i++) {
      codes.push(codeOf((await send(null, '{ me { id } }')).response));
    }
    // the earlier test spent one of the minute's requests without a token
    expect(codes.slice(0, UNAUTHENTICATED_LIMIT - 1)).toEqual(
      Array(UNAUTHENTICATED_LIMIT - 1).fill('UNAUTHENTICATED'),
    );
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
    const forged = await app.gql('not-a-token', '{ me { id } }');
    expect(codeOf(forged)).toBe('TOO_MANY_REQUESTS');
    // a practitioner with a valid token is not held back by anonymous traffic from the same address
    expect((await app.ok(worker, '{ me { id } }')).me).toBeDefined();
  });

  async function serviceRole(): Promise<string> {
    const [row] = await app.query<{ name: string }>(`SELECT current_database() || '_service' AS name`);
    return row.name;
  }
});
