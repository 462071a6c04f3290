import { newChild, newReferral } from './support/factories';
import { codeOf, HILLINGDON, socialWorker, TestApp } from './support/test-app';

const DECIDE = `mutation($input: RecordNrmDecisionInput!) {
  recordNrmDecision(input: $input) {
    id reasonableGrounds { decision decidedOn } conclusiveGrounds { decision decidedOn }
    earliestConclusiveDecisionOn decisions { stage decision decidedOn } } }`;

describe('NRM referrals and decisions', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-nrm');

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('records a referral with its target date and marks the child as trafficked', async () => {
    const child = await newChild(app, worker, { categories: ['UNACCOMPANIED_ASYLUM_SEEKING'] });
    const data = await app.ok<{ recordNrmReferral: Record<string, unknown> }>(
      worker,
      `mutation($input: RecordNrmReferralInput!) { recordNrmReferral(input: $input) {
         referredOn firstResponder competentAuthority reasonableGroundsDueBy
         reasonableGrounds { decision decidedOn } conclusiveGrounds { decision } decisions { stage } } }`,
      {
        input: {
          childId: child.id,
          referredOn: '2026-03-06',
          firstResponder: 'POLICE',
          competentAuthority: 'SINGLE_COMPETENT_AUTHORITY',
        },
      },
    );
    expect(data.recordNrmReferral).toEqual({
      referredOn: '2026-03-06',
      firstResponder: 'POLICE',
      competentAuthority: 'SINGLE_COMPETENT_AUTHORITY',
      reasonableGroundsDueBy: '2026-03-13',
      reasonableGrounds: { decision: 'PENDING', decidedOn: null },
      conclusiveGrounds: { decision: 'PENDING' },
      decisions: [],
    });
    const after = await app.ok<{
      child: { categories: string[]; version: number; nrmReferrals: { referredOn: string }[] };
    }>(worker, `query($id: ID!) { child(id: $id) { categories version nrmReferrals { referredOn } } }`, {
      id: child.id,
    });
    expect(after.child.categories).toEqual(['UNACCOMPANIED_ASYLUM_SEEKING', 'TRAFFICKED']);
    expect(after.child.version).toBe(2);
    expect(after.child.nrmReferrals).toEqual([{ referredOn: '2026-03-06' }]);
  });

  it('holds the order of decisions and the 45-day recovery period', async () => {
    const child = await newChild(app, worker);
    const { id } = await newReferral(app, worker, child.id, '2026-01-05');

    const early = await app.gql(worker, DECIDE, {
      input: { referralId: id, stage: 'CONCLUSIVE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-03-01' },
    });
    expect(codeOf(early)).toBe('CONFLICT');

    const before = await app.gql(worker, DECIDE, {
      input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-01-04' },
    });
    expect(codeOf(before)).toBe('BAD_USER_INPUT');
    expect(before.errors![0].extensions!.fields![0].field).toBe('decidedOn');

    const rg = await app.ok<{ recordNrmDecision: Record<string, unknown> }>(worker, DECIDE, {
      input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-01-09' },
    });
    expect(rg.recordNrmDecision).toMatchObject({
      reasonableGrounds: { decision: 'POSITIVE', decidedOn: '2026-01-09' },
      earliestConclusiveDecisionOn: '2026-02-23',
    });

    const dayBefore = await app.gql(worker, DECIDE, {
      input: { referralId: id, stage: 'CONCLUSIVE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-02-22' },
    });
    expect(codeOf(dayBefore)).toBe('CONFLICT');
    expect(dayBefore.errors![0].message).toMatch(/45-day recovery period/);

    const cg = await app.ok<{ recordNrmDecision: { conclusiveGrounds: unknown; decisions: unknown[] } }>(
      worker,
      DECIDE,
      {
        input: { referralId: id, stage: 'CONCLUSIVE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-02-23' },
      },
    );
    expect(cg.recordNrmDecision.conclusiveGrounds).toEqual({ decision: 'POSITIVE', decidedOn: '2026-02-23' });
    expect(cg.recordNrmDecision.decisions).toEqual([
      { stage: 'CONCLUSIVE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-02-23' },
      { stage: 'REASONABLE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-01-09' },
    ]);
  });

  it('keeps the history of a reconsidered decision', async () => {
    const child = await newChild(app, worker);
    const { id } = await newReferral(app, worker, child.id, '2026-02-02');
    await app.ok(worker, DECIDE, {
      input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'NEGATIVE', decidedOn: '2026-02-06' },
    });
    const reconsidered = await app.ok<{
      recordNrmDecision: { reasonableGrounds: unknown; decisions: unknown[] };
    }>(worker, DECIDE, {
      input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-03-02' },
    });
    expect(reconsidered.recordNrmDecision.reasonableGrounds).toEqual({
      decision: 'POSITIVE',
      decidedOn: '2026-03-02',
    });
    expect(reconsidered.recordNrmDecision.decisions).toHaveLength(2);
  });

  it('refuses a future referral date, PENDING as a decision and an unknown referral, writing nothing', async () => {
    const child = await newChild(app, worker);
    const before = await app.counts('nrm_referral', 'nrm_decision');
    const future = await app.gql(
      worker,
      `mutation($input: RecordNrmReferralInput!) { recordNrmReferral(input: $input) { id } }`,
      {
        input: { childId: child.id, referredOn: '2099-01-01' },
      },
    );
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    const { id } = await newReferral(app, worker, child.id, '2026-01-05');
    const pending = await app.gql(worker, DECIDE, {
      input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'PENDING', decidedOn: '2026-01-06' },
    });
    expect(codeOf(pending)).toBe('BAD_USER_INPUT');
    const unknown = await app.gql(worker, DECIDE, {
      input: {
        referralId: '7d4f8a52-3c2e-4b8a-9a51-2b0d6c1e9f00',
        stage: 'REASONABLE_GROUNDS',
        decision: 'POSITIVE',
        decidedOn: '2026-01-06',
      },
    });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(await app.counts('nrm_referral', 'nrm_decision')).toEqual({
      nrm_referral: before.nrm_referral + 1,
      nrm_decision: before.nrm_decision,
    });
  });
});
