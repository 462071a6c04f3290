import { newChild } from './support/factories';
import { HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

/**
 * The 2025-26 SSDA903 Missing and UASC tables (collection year 2026: 1 April 2025 to 31 March 2026),
 * written for the DfE validator of that year. London is on summer time (UTC+1) from 30 March 2025
 * and from 29 March 2026, so 23:59 on 31 March in London is 22:59 UTC.
 */
describe('the SSDA903 return for 2025-26', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-903-2026');
  const manager = teamManager(HILLINGDON, 'tm-903-2026');
  const EXPORT = `query($input: Ssda903ExportInput!) { ssda903Export(input: $input) {
    authorityCode periodStart periodEnd missingCsv uascCsv problems { child childId table field message } } }`;
  const UASC = ['UNACCOMPANIED_ASYLUM_SEEKING'];

  const report = async (childId: string, kind: string, missingSince: string, returnedAt?: string) => {
    const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
      worker,
      `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
      { input: { childId, kind, missingSince } },
    );
    if (returnedAt)
      await app.ok(worker, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
        input: { episodeId: reportMissing.id, returnedAt },
      });
  };
  const place = (childId: string, startedAt: string) =>
    app.ok(worker, `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }`, {
      input: { childId, type: 'FOSTER_CARE', startedAt },
    });
  const exportYear = async (year: number) =>
    (await app.ok<{ ssda903Export: Record<string, any> }>(manager, EXPORT, { input: { year } }))
      .ssda903Export;

  let result: Record<string, any>;
  let withoutId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    // still away at the end of the year: MIS_END blank
    const away = await newChild(app, worker, {
      localChildId: 'HT0001',
      claimedDateOfBirth: '2010-05-01',
      gender: 'MALE',
      categories: UASC,
    });
    await report(away.id, 'MISSING', '2026-03-30T10:00:00Z');
    // back at 23:59 on 31 March, London time: MIS_END 31/03/2026
    const backOn31 = await newChild(app, worker, {
      localChildId: 'HT0002',
      claimedDateOfBirth: '2009-07-15',
      gender: 'FEMALE',
      categories: UASC,
    });
    await report(backOn31.id, 'AWAY', '2026-03-31T08:00:00Z', '2026-03-31T22:59:00Z');
    // back at 00:01 on 1 April, London time: still away at the year end, MIS_END blank
    const backOn1April = await newChild(app, worker, {
      localChildId: 'HT0003',
      claimedDateOfBirth: '2011-01-20',
      gender: 'OTHER',
      categories: UASC,
    });
    await report(backOn1April.id, 'MISSING', '2026-03-31T20:00:00Z', '2026-03-31T23:01:00Z');
    // 18 on 31 March 2025, the day before the year: in neither table
    const adultBefore = await newChild(app, worker, {
      localChildId: 'HT0004',
      claimedDateOfBirth: '2007-03-31',
      categories: UASC,
    });
    await place(adultBefore.id, '2025-03-01T12:00:00Z');
    await report(adultBefore.id, 'MISSING', '2025-03-20T10:00:00Z', '2025-04-02T10:00:00Z');
    // 18 on 1 April 2025, the first day of the year: in the UASC table, DUC that day
    const adultOnFirstDay = await newChild(app, worker, {
      localChildId: 'HT0005',
      claimedDateOfBirth: '2007-04-01',
      gender: 'NOT_KNOWN',
      categories: UASC,
    });
    await place(adultOnFirstDay.id, '2025-03-01T12:00:00Z');
    // away a month after turning 18: no longer a looked-after child, not in the Missing table
    await report(adultOnFirstDay.id, 'MISSING', '2025-05-01T10:00:00Z', '2025-05-02T10:00:00Z');
    // no local identifier: reported, left out of both files
    const noId = await newChild(app, worker, { claimedDateOfBirth: '2010-02-02', categories: UASC });
    withoutId = noId.id;
    await report(noId.id, 'MISSING', '2025-06-01T10:00:00Z', '2025-06-02T10:00:00Z');
    // one episode ended at 23:30 on 31 March 2025 (before the year), one in it
    const twoEpisodes = await newChild(app, worker, {
      localChildId: 'HT0007',
      claimedDateOfBirth: '2012-03-03',
    });
    await report(twoEpisodes.id, 'MISSING', '2025-03-25T10:00:00Z', '2025-03-31T22:30:00Z');
    await report(twoEpisodes.id, 'AWAY', '2025-04-01T08:00:00Z', '2025-04-03T08:00:00Z');
    // away across the start of the year: MIS_START before it, MIS_END in it
    const acrossStart = await newChild(app, worker, {
      localChildId: 'HT0008',
      claimedDateOfBirth: '2012-08-08',
    });
    await report(acrossStart.id, 'MISSING', '2025-03-30T12:00:00Z', '2025-04-01T09:00:00Z');
    // back with family in October: UASC status ceased then
    const reunited = await newChild(app, worker, {
      localChildId: 'HT0009',
      claimedDateOfBirth: '2010-09-09',
      categories: UASC,
    });
    await report(reunited.id, 'AWAY', '2025-06-01T10:00:00Z', '2025-06-02T10:00:00Z');
    const { child } = await app.ok<{ child: { version: number } }>(
      worker,
      `query($id: ID!) { child(id: $id) { version } }`,
      {
        id: reunited.id,
      },
    );
    await app.ok(manager, `mutation($input: CloseCaseInput!) { closeCase(input: $input) { id } }`, {
      input: {
        childId: reunited.id,
        expectedVersion: child.version,
        closedOn: '2025-10-01',
        reason: 'RETURNED_TO_FAMILY',
      },
    });
    // age disputed: the claimed date of birth stands until an assessment is completed
    const disputed = await newChild(app, worker, {
      localChildId: 'HT0010',
      claimedDateOfBirth: '2009-11-11',
      categories: UASC,
    });
    await place(disputed.id, '2025-05-01T12:00:00Z');
    await app.ok(
      worker,
      `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id } }`,
      {
        input: { childId: disputed.id, raisedOn: '2025-05-02', raisedBy: 'CHILDRENS_SERVICES' },
      },
    );
    // looked after in 2023-24, 18 before 2025-26: only in the earlier return, where SEX was 1 or 2
    const earlierGirl = await newChild(app, worker, {
      localChildId: 'HT0012',
      claimedDateOfBirth: '2006-06-01',
      gender: 'FEMALE',
      categories: UASC,
    });
    await place(earlierGirl.id, '2023-06-01T12:00:00Z');
    const earlierUnknown = await newChild(app, worker, {
      localChildId: 'HT0013',
      claimedDateOfBirth: '2006-07-01',
      gender: 'NOT_KNOWN',
      categories: UASC,
    });
    await place(earlierUnknown.id, '2023-06-01T12:00:00Z');
    // known to Haven only after the year, with nothing in it: not in the return
    await newChild(app, worker, {
      localChildId: 'HT0011',
      claimedDateOfBirth: '2010-01-01',
      categories: UASC,
    });

    result = await exportYear(2026);
  });
  afterAll(async () => {
    await app.close();
  });

  it('covers 1 April 2025 to 31 March 2026', () => {
    expect(result).toMatchObject({
      authorityCode: HILLINGDON,
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
    });
  });

  it('writes the Missing table: CHILD is the local identifier, MIS_END blank while away at the year end', () => {
    expect(result.missingCsv).toBe(
      [
        'CHILD,DOB,MISSING,MIS_START,MIS_END',
        'HT0001,01/05/2010,M,30/03/2026,',
        'HT0002,15/07/2009,A,31/03/2026,31/03/2026',
        'HT0003,20/01/2011,M,31/03/2026,',
        'HT0007,03/03/2012,A,01/04/2025,03/04/2025',
        'HT0008,08/08/2012,M,30/03/2025,01/04/2025',
        'HT0009,09/09/2010,A,01/06/2025,02/06/2025',
        '',
      ].join('\r\n'),
    );
  });

  it('writes the UASC table: SEX M, F or U, DUC the date status ceased or the 18th birthday', () => {
    expect(result.uascCsv).toBe(
      [
        'CHILD,SEX,DOB,DUC',
        'HT0001,M,01/05/2010,01/05/2028',
        'HT0002,F,15/07/2009,15/07/2027',
        'HT0003,U,20/01/2011,20/01/2029',
        'HT0005,U,01/04/2007,01/04/2025',
        'HT0009,M,09/09/2010,01/10/2025',
        'HT0010,M,11/11/2009,11/11/2027',
        '',
      ].join('\r\n'),
    );
  });

  it('lists the child without a local identifier, by Haven id, and nothing else', () => {
    expect(result.problems).toEqual([
      {
        child: '',
        childId: withoutId,
        table: 'Missing',
        field: 'CHILD',
        message: 'INT04: CHILD: no local identifier recorded — record the case-management person id',
      },
      {
        child: '',
        childId: withoutId,
        table: 'UASC',
        field: 'CHILD',
        message: 'INT09: CHILD: no local identifier recorded — record the case-management person id',
      },
    ]);
  });

  it('audits the export of every child in it', async () => {
    const [{ n }] = await app.query<{ n: number }>(
      `SELECT count(DISTINCT child_id)::int AS n FROM audit_event WHERE entity = 'Ssda903Return' AND action = 'EXPORT'`,
    );
    expect(n).toBe(9);
  });

  it('writes SEX as 1 or 2 for a year before 2024-25, and reports the genders it has no code for', async () => {
    const earlier = await exportYear(2024);
    expect(earlier.missingCsv).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END\r\n');
    expect(earlier.uascCsv).toBe(
      'CHILD,SEX,DOB,DUC\r\nHT0012,2,01/06/2006,01/06/2024\r\nHT0013,,01/07/2006,01/07/2024\r\n',
    );
    expect(
      earlier.problems.map(
        (problem: { child: string; message: string }) => `${problem.child} ${problem.message}`,
      ),
    ).toEqual([
      'HT0013 101: SEX must be 1 (male) or 2 (female) before 2024-25: the gender recorded has no code',
    ]);
  });
});
