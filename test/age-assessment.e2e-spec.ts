import { addDays, birthday } from '@haven/platform';
import { bornYearsAgo, newChild, practitionerId, today } from './support/factories';
import { codeOf, guardian, HILLINGDON, KENT, socialWorker, TestApp } from './support/test-app';

const RAISE = `mutation($input: RaiseAgeDisputeInput!) { raiseAgeDispute(input: $input) { id status claimedDateOfBirth } }`;
const OUTCOME = `mutation($input: RecordAgeAssessmentOutcomeInput!) {
  recordAgeAssessmentOutcome(input: $input) { id status outcome assessedDateOfBirth completedOn safeguards { twoAssessors appropriateAdult } } }`;
const CHILD = `query($id: ID!) { child(id: $id) {
  version claimedDateOfBirth effectiveDateOfBirth ageDisputed
  ageAssessments { status outcome assessedDateOfBirth determinedBy } } }`;
const ALL_SAFEGUARDS = {
  twoAssessors: true,
  appropriateAdult: true,
  interpreterUsed: true,
  adversePointsPut: true,
  writtenReasons: true,
};

interface ChildAges {
  child: {
    version: number;
    claimedDateOfBirth: string;
    effectiveDateOfBirth: string;
    ageDisputed: boolean;
    ageAssessments: {
      status: string;
      outcome: string | null;
      assessedDateOfBirth: string | null;
      determinedBy: string | null;
    }[];
  };
}

describe('age disputes and assessments', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-age');
  const raise = (childId: string) =>
    app.gql<{ raiseAgeDispute: { id: string } }>(worker, RAISE, {
      input: { childId, raisedOn: today(), raisedBy: 'HOME_OFFICE', reason: 'Physical appearance' },
    });
  const ages = async (childId: string) => (await app.ok<ChildAges>(worker, CHILD, { id: childId })).child;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('treats the person as a child while the dispute is open, then uses the assessed date of birth', async () => {
    const claimed = bornYearsAgo(16);
    const child = await newChild(app, worker, { claimedDateOfBirth: claimed });
    const raised = await raise(child.id);
    expect(raised.data!.raiseAgeDispute).toMatchObject({ status: 'RAISED', claimedDateOfBirth: claimed });
    expect(await ages(child.id)).toMatchObject({
      ageDisputed: true,
      effectiveDateOfBirth: claimed,
      version: 2,
    });

    const again = await raise(child.id);
    expect(codeOf(again)).toBe('CONFLICT');

    const assessed = bornYearsAgo(17, -100);
    const outcome = await app.ok<{ recordAgeAssessmentOutcome: Record<string, unknown> }>(worker, OUTCOME, {
      input: {
        assessmentId: raised.data!.raiseAgeDispute.id,
        outcome: 'ASSESSED_OLDER_STILL_CHILD',
        assessedDateOfBirth: assessed,
        completedOn: today(),
        safeguards: { twoAssessors: true },
      },
    });
    expect(outcome.recordAgeAssessmentOutcome).toMatchObject({
      status: 'COMPLETED',
      outcome: 'ASSESSED_OLDER_STILL_CHILD',
      assessedDateOfBirth: assessed,
    });
    expect(await ages(child.id)).toMatchObject({
      claimedDateOfBirth: claimed, // the claim is kept
      effectiveDateOfBirth: assessed,
      ageDisputed: false,
      ageAssessments: [
        {
          status: 'COMPLETED',
          outcome: 'ASSESSED_OLDER_STILL_CHILD',
          assessedDateOfBirth: assessed,
          determinedBy: 'LOCAL_AUTHORITY',
        },
      ],
    });

    // a corrected claim does not override a completed assessment
    const current = await ages(child.id);
    await app.ok(worker, `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id } }`, {
      input: { id: child.id, expectedVersion: current.version, claimedDateOfBirth: bornYearsAgo(15) },
    });
    expect(await ages(child.id)).toMatchObject({
      claimedDateOfBirth: bornYearsAgo(15),
      effectiveDateOfBirth: assessed,
    });
  });

  it('refuses an adult determination without every safeguard, naming those missing, and writes nothing', async () => {
    const child = await newChild(app, worker, {
      claimedDateOfBirth: bornYearsAgo(16),
      interpreterNeeded: true,
      languages: ['Vietnamese'],
    });
    const { id } = (await raise(child.id)).data!.raiseAgeDispute;
    const before = await ages(child.id);
    const unsafe = await app.gql(worker, OUTCOME, {
      input: {
        assessmentId: id,
        outcome: 'ASSESSED_ADULT',
        assessedDateOfBirth: bornYearsAgo(23),
        completedOn: today(),
        safeguards: { ...ALL_SAFEGUARDS, appropriateAdult: false, interpreterUsed: null },
      },
    });
    expect(codeOf(unsafe)).toBe('CONFLICT');
    expect(unsafe.errors![0].message).toMatch(/an appropriate adult present/);
    expect(unsafe.errors![0].message).toMatch(/an interpreter/);
    expect(unsafe.errors![0].message).not.toMatch(/reasons given in writing/);
    expect(await ages(child.id)).toEqual(before);

    const lawful = await app.ok<{ recordAgeAssessmentOutcome: { outcome: string } }>(worker, OUTCOME, {
      input: {
        assessmentId: id,
        outcome: 'ASSESSED_ADULT',
        assessedDateOfBirth: bornYearsAgo(23),
        completedOn: today(),
        safeguards: ALL_SAFEGUARDS,
      },
    });
    expect(lawful.recordAgeAssessmentOutcome.outcome).toBe('ASSESSED_ADULT');
    expect(await ages(child.id)).toMatchObject({
      effectiveDateOfBirth: bornYearsAgo(23),
      ageDisputed: false,
    });
  });

  it('refuses outcomes that contradict their date of birth', async () => {
    const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
    const { id } = (await raise(child.id)).data!.raiseAgeDispute;
    const adultButYoung = await app.gql(worker, OUTCOME, {
      input: {
        assessmentId: id,
        outcome: 'ASSESSED_ADULT',
        assessedDateOfBirth: bornYearsAgo(17),
        completedOn: today(),
        safeguards: ALL_SAFEGUARDS,
      },
    });
    expect(codeOf(adultButYoung)).toBe('BAD_USER_INPUT');
    expect(adultButYoung.errors![0].extensions!.fields![0].field).toBe('assessedDateOfBirth');
    const noDate = await app.gql(worker, OUTCOME, {
      input: { assessmentId: id, outcome: 'ASSESSED_YOUNGER', completedOn: today() },
    });
    expect(codeOf(noDate)).toBe('BAD_USER_INPUT');
    const accepted = await app.ok<{ recordAgeAssessmentOutcome: { assessedDateOfBirth: string } }>(
      worker,
      OUTCOME,
      {
        input: { assessmentId: id, outcome: 'CLAIMED_AGE_ACCEPTED', completedOn: today() },
      },
    );
    expect(accepted.recordAgeAssessmentOutcome.assessedDateOfBirth).toBe(bornYearsAgo(16));
    const twice = await app.gql(worker, OUTCOME, {
      input: { assessmentId: id, outcome: 'CLAIMED_AGE_ACCEPTED', completedOn: today() },
    });
    expect(codeOf(twice)).toBe('CONFLICT');
  });

  it('reopens the dispute on a judicial review and lets the court decide', async () => {
    const claimed = bornYearsAgo(16);
    const child = await newChild(app, worker, { claimedDateOfBirth: claimed });
    const { id } = (await raise(child.id)).data!.raiseAgeDispute;
    await app.ok(
      worker,
      `mutation($input: StartAgeAssessmentInput!) { startAgeAssessment(input: $input) { status } }`,
      {
        input: { assessmentId: id, startedOn: today() },
      },
    );
    await app.ok(worker, OUTCOME, {
      input: {
        assessmentId: id,
        outcome: 'ASSESSED_ADULT',
        assessedDateOfBirth: bornYearsAgo(19),
        completedOn: today(),
        safeguards: ALL_SAFEGUARDS,
      },
    });
    expect(await ages(child.id)).toMatchObject({
      effectiveDateOfBirth: bornYearsAgo(19),
      ageDisputed: false,
    });

    await app.ok(
      worker,
      `mutation($input: ChallengeAgeAssessmentInput!) { challengeAgeAssessment(input: $input) { status } }`,
      {
        input: { assessmentId: id, challengedOn: today(), notes: 'Judicial review lodged' },
      },
    );
    // while challenged, the claimed age stands: benefit of the doubt
    expect(await ages(child.id)).toMatchObject({ effectiveDateOfBirth: claimed, ageDisputed: true });

    const final = await app.ok<{
      finaliseAgeAssessment: { status: string; outcome: string; determinedBy: string };
    }>(
      worker,
      `mutation($input: FinaliseAgeAssessmentInput!) { finaliseAgeAssessment(input: $input) { status outcome determinedBy } }`,
      { input: { assessmentId: id, finalisedOn: today(), courtOutcome: 'CLAIMED_AGE_ACCEPTED' } },
    );
    expect(final.finaliseAgeAssessment).toEqual({
      status: 'FINAL',
      outcome: 'CLAIMED_AGE_ACCEPTED',
      determinedBy: 'COURT',
    });
    expect(await ages(child.id)).toMatchObject({ effectiveDateOfBirth: claimed, ageDisputed: false });
  });

  describe('the effective date of birth follows the decision that stands', () => {
    const daysAgo = (days: number) => addDays(today(), -days);
    const step = (mutation: string, input: Record<string, unknown>) =>
      app.ok<Record<string, { id: string }>>(
        worker,
        `mutation($input: ${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`,
        { input },
      );
    const raiseOn = async (childId: string, raisedOn: string) =>
      (await step('raiseAgeDispute', { childId, raisedOn, raisedBy: 'HOME_OFFICE' })).raiseAgeDispute.id;
    const complete = (
      assessmentId: string,
      outcome: string,
      assessedDateOfBirth: string,
      completedOn: string,
    ) =>
      step('recordAgeAssessmentOutcome', {
        assessmentId,
        outcome,
        assessedDateOfBirth,
        completedOn,
        safeguards: ALL_SAFEGUARDS,
      });

    it('is the latest decision by the date it was made, not the latest written or finalised', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
      const first = await raiseOn(child.id, daysAgo(20));
      await complete(first, 'ASSESSED_OLDER_STILL_CHILD', bornYearsAgo(17), daysAgo(10));
      const second = await raiseOn(child.id, daysAgo(8));
      await complete(second, 'ASSESSED_YOUNGER', bornYearsAgo(15), daysAgo(5));
      expect((await ages(child.id)).effectiveDateOfBirth).toBe(bornYearsAgo(15));
      // making the older decision final today does not make it the later one
      await step('finaliseAgeAssessment', { assessmentId: first, finalisedOn: today() });
      expect((await ages(child.id)).effectiveDateOfBirth).toBe(bornYearsAgo(15));
    });

    it('is a court’s final determination over any later local assessment, and the local outcome is kept', async () => {
      const claimed = bornYearsAgo(16);
      const child = await newChild(app, worker, { claimedDateOfBirth: claimed });
      const first = await raiseOn(child.id, daysAgo(20));
      await complete(first, 'ASSESSED_ADULT', bornYearsAgo(20), daysAgo(15));
      expect((await ages(child.id)).effectiveDateOfBirth).toBe(bornYearsAgo(20));
      await step('challengeAgeAssessment', { assessmentId: first, challengedOn: daysAgo(12) });
      await step('finaliseAgeAssessment', {
        assessmentId: first,
        finalisedOn: daysAgo(10),
        courtOutcome: 'ASSESSED_OLDER_STILL_CHILD',
        courtAssessedDateOfBirth: bornYearsAgo(17),
      });
      expect((await ages(child.id)).effectiveDateOfBirth).toBe(bornYearsAgo(17));

      const later = await raiseOn(child.id, daysAgo(5));
      await complete(later, 'ASSESSED_ADULT', bornYearsAgo(21), daysAgo(2));
      const after = await ages(child.id);
      expect(after).toMatchObject({ effectiveDateOfBirth: bornYearsAgo(17), claimedDateOfBirth: claimed });
      const history = await app.ok<{
        child: {
          ageAssessments: {
            id: string;
            outcome: string;
            localAuthorityOutcome: string;
            localAuthorityAssessedDateOfBirth: string;
          }[];
        };
      }>(
        worker,
        `query($id: ID!) { child(id: $id) { ageAssessments { id outcome localAuthorityOutcome localAuthorityAssessedDateOfBirth } } }`,
        { id: child.id },
      );
      expect(history.child.ageAssessments.find((assessment) => assessment.id === first)).toEqual({
        id: first,
        outcome: 'ASSESSED_OLDER_STILL_CHILD',
        localAuthorityOutcome: 'ASSESSED_ADULT',
        localAuthorityAssessedDateOfBirth: bornYearsAgo(20),
      });
    });

    it('holds the same rule in the database as of any date, with the dispute open from the day it is raised', async () => {
      const child = await newChild(app, worker, { claimedDateOfBirth: bornYearsAgo(16) });
      const id = await raiseOn(child.id, daysAgo(10));
      await complete(id, 'ASSESSED_ADULT', bornYearsAgo(20), daysAgo(6));
      await step('challengeAgeAssessment', { assessmentId: id, challengedOn: daysAgo(3) });
      const on = async (days: number) =>
        (
          await app.query<{ disputed: boolean; child: boolean; outcome: string | null }>(
            `SELECT haven_age_disputed($1, $2) AS disputed, haven_treated_as_child($1, $2) AS child,
                    (SELECT outcome FROM haven_age_decision($1, $2)) AS outcome`,
            [child.id, daysAgo(days)],
          )
        )[0];
      expect(await on(11)).toEqual({ disputed: false, child: true, outcome: null }); // the day before the dispute
      expect(await on(10)).toEqual({ disputed: true, child: true, outcome: null }); // raised
      expect(await on(7)).toEqual({ disputed: true, child: true, outcome: null }); // the day before the outcome
      expect(await on(6)).toEqual({ disputed: false, child: false, outcome: 'ASSESSED_ADULT' }); // found an adult
      expect(await on(4)).toEqual({ disputed: false, child: false, outcome: 'ASSESSED_ADULT' });
      expect(await on(3)).toEqual({ disputed: true, child: true, outcome: null }); // judicial review
    });
  });

  it('computes birthdays in the database exactly as the service does, 29 February included', async () => {
    const births = ['2008-02-29', '2008-03-01', '2007-12-31', '2010-06-15', '2012-02-29'];
    for (const birth of births) {
      const [row] = await app.query<{ eighteenth: string }>(
        `SELECT ($1::date + interval '18 years')::date AS eighteenth`,
        [birth],
      );
      expect(row.eighteenth).toBe(birthday(birth, 18));
    }
    expect(birthday('2008-02-29', 18)).toBe('2026-02-28');
  });

  it('allows one open dispute per child even under concurrent requests', async () => {
    const child = await newChild(app, worker);
    const responses = await Promise.all(Array.from({ length: 8 }, () => raise(child.id)));
    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    expect(responses.filter((response) => codeOf(response) === 'CONFLICT')).toHaveLength(7);
  });

  it('shows the history to the child’s guardian, who cannot change it; other authorities see nothing', async () => {
    const child = await newChild(app, worker, { categories: ['TRAFFICKED'] });
    await app.ok(
      worker,
      `mutation($id: ID!) { recordNrmReferral(input: { childId: $id, referredOn: "${today()}" }) { id } }`,
      { id: child.id },
    );
    const gail = guardian('ICTG-AGE', 'g-age');
    await app.ok(worker, `mutation($input: AssignGuardianInput!) { assignGuardian(input: $input) { id } }`, {
      input: {
        childId: child.id,
        guardianId: await practitionerId(app, gail),
        scheme: 'ICTG_DIRECT',
        startDate: today(),
      },
    });
    const { id } = (await raise(child.id)).data!.raiseAgeDispute;
    const seen = await app.ok<ChildAges>(gail, CHILD, { id: child.id });
    expect(seen.child.ageAssessments).toHaveLength(1);
    expect(
      codeOf(
        await app.gql(gail, RAISE, { input: { childId: child.id, raisedOn: today(), raisedBy: 'NGO' } }),
      ),
    ).toBe('FORBIDDEN');
    const kent = socialWorker(KENT, 'sw-age-kent');
    expect(
      codeOf(
        await app.gql(kent, OUTCOME, {
          input: { assessmentId: id, outcome: 'CLAIMED_AGE_ACCEPTED', completedOn: today() },
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});
