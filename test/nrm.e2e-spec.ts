import { addDays } from '@haven/platform';
import { recomputeReasonableGroundsTargets } from '../migrations/1732250000013-nation-working-days';
import { newChild, newReferral } from './support/factories';
import { BELFAST, CARDIFF, codeOf, GLASGOW, HILLINGDON, socialWorker, TestApp } from './support/test-app';

const DECIDE = `mutation($input: RecordNrmDecisionInput!) {
  recordNrmDecision(input: $input) {
    id reasonableGrounds { decision decidedOn } conclusiveGrounds { decision decidedOn }
    earliestConclusiveDecisionOn flags { code message } decisions { stage decision decidedOn } } }`;

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

  it('holds the order of decisions, refusing only what cannot be true, and writing nothing when it refuses', async () => {
    const child = await newChild(app, worker);
    const { id } = await newReferral(app, worker, child.id, '2026-01-05');
    const before = await app.everyTableCount();

    const noReasonableGrounds = await app.gql(worker, DECIDE, {
      input: { referralId: id, stage: 'CONCLUSIVE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-03-01' },
    });
    expect(codeOf(noReasonableGrounds)).toBe('CONFLICT');

    // a date before the referral is a typo: refused, naming the field
    const beforeReferral = await app.gql(worker, DECIDE, {
      input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-01-04' },
    });
    expect(codeOf(beforeReferral)).toBe('BAD_USER_INPUT');
    expect(beforeReferral.errors![0].extensions!.fields![0].field).toBe('decidedOn');
    expect(await app.everyTableCount()).toBe(before);

    const rg = await app.ok<{ recordNrmDecision: Record<string, unknown> }>(worker, DECIDE, {
      input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-01-09' },
    });
    expect(rg.recordNrmDecision).toMatchObject({
      reasonableGrounds: { decision: 'POSITIVE', decidedOn: '2026-01-09' },
      earliestConclusiveDecisionOn: '2026-02-08', // England: 30 days
      flags: [],
    });

    const beforeRg = await app.gql(worker, DECIDE, {
      input: { referralId: id, stage: 'CONCLUSIVE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-01-08' },
    });
    expect(codeOf(beforeRg)).toBe('BAD_USER_INPUT');
    expect(beforeRg.errors![0].extensions!.fields![0].field).toBe('decidedOn');

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

  describe('a conclusive decision within the recovery period is recorded and flagged, never refused', () => {
    const belfastWorker = socialWorker(BELFAST, 'sw-nrm-belfast');
    const glasgowWorker = socialWorker(GLASGOW, 'sw-nrm-glasgow');
    /** A referral with a positive RG on 2 February 2026, concluded `day` days after it. */
    const concludeOnDay = async (caller: typeof worker, day: number, decision = 'POSITIVE') => {
      const child = await newChild(app, caller);
      const { id } = await newReferral(app, caller, child.id, '2026-01-26');
      await app.ok(caller, DECIDE, {
        input: { referralId: id, stage: 'REASONABLE_GROUNDS', decision: 'POSITIVE', decidedOn: '2026-02-02' },
      });
      const decidedOn = addDays('2026-02-02', day);
      const { recordNrmDecision } = await app.ok<{
        recordNrmDecision: { conclusiveGrounds: unknown; flags: { code: string; message: string }[] };
      }>(caller, DECIDE, { input: { referralId: id, stage: 'CONCLUSIVE_GROUNDS', decision, decidedOn } });
      expect(recordNrmDecision.conclusiveGrounds).toEqual({ decision, decidedOn });
      return { childId: child.id, flags: recordNrmDecision.flags };
    };
    const FLAG = 'CONCLUSIVE_DECISION_WITHIN_RECOVERY_PERIOD';

    it('in England: day 29 flagged, day 30 not', async () => {
      const day29 = await concludeOnDay(worker, 29);
      expect(day29.flags).toEqual([
        {
          code: FLAG,
          message:
            'The conclusive decision of 2026-03-03 came before the end of the 30-day recovery period (2026-03-04) ' +
            'that followed the positive reasonable-grounds decision: review it',
        },
      ]);
      // shown wherever the referral is read
      const { child } = await app.ok<{ child: { nrmReferrals: { flags: { code: string }[] }[] } }>(
        worker,
        `query($id: ID!) { child(id: $id) { nrmReferrals { flags { code } } } }`,
        { id: day29.childId },
      );
      expect(child.nrmReferrals).toEqual([{ flags: [{ code: FLAG }] }]);
      expect((await concludeOnDay(worker, 30)).flags).toEqual([]);
      expect((await concludeOnDay(worker, 3, 'NEGATIVE')).flags.map((flag) => flag.code)).toEqual([FLAG]);
      expect((await concludeOnDay(worker, 3, 'WITHDRAWN')).flags).toEqual([]);
    });

    it('in Scotland: 30 days as well', async () => {
      expect((await concludeOnDay(glasgowWorker, 29)).flags.map((flag) => flag.code)).toEqual([FLAG]);
      expect((await concludeOnDay(glasgowWorker, 30)).flags).toEqual([]);
    });

    it('in Northern Ireland: day 44 flagged, day 45 not', async () => {
      expect((await concludeOnDay(belfastWorker, 44)).flags.map((flag) => flag.code)).toEqual([FLAG]);
      expect((await concludeOnDay(belfastWorker, 45)).flags).toEqual([]);
    });
  });

  describe("sets the reasonable-grounds target in the working days of the child's nation", () => {
    const dueBy = async (caller: typeof worker, referredOn: string) => {
      const child = await newChild(app, caller);
      return (
        await app.ok<{ recordNrmReferral: { reasonableGroundsDueBy: string } }>(
          caller,
          `mutation($input: RecordNrmReferralInput!) { recordNrmReferral(input: $input) { reasonableGroundsDueBy } }`,
          { input: { childId: child.id, referredOn } },
        )
      ).recordNrmReferral.reasonableGroundsDueBy;
    };
    const england = worker;
    const wales = socialWorker(CARDIFF, 'sw-nrm-cardiff');
    const scotland = socialWorker(GLASGOW, 'sw-nrm-glasgow');
    const ni = socialWorker(BELFAST, 'sw-nrm-belfast');

    it('over Easter: Good Friday and Easter Monday in England and Wales, Good Friday only in Scotland', async () => {
      // Thursday 2 April 2026
      expect(await dueBy(england, '2026-04-02')).toBe('2026-04-13');
      expect(await dueBy(wales, '2026-04-02')).toBe('2026-04-13');
      expect(await dueBy(scotland, '2026-04-02')).toBe('2026-04-10');
      expect(await dueBy(ni, '2026-04-02')).toBe('2026-04-13');
    });

    it('over Christmas and the New Year, with 2 January in Scotland', async () => {
      // Tuesday 23 December 2025: 25, 26 December and 1 January; Scotland also 2 January
      expect(await dueBy(england, '2025-12-23')).toBe('2026-01-02');
      expect(await dueBy(scotland, '2025-12-23')).toBe('2026-01-05');
      // Wednesday 31 December 2025
      expect(await dueBy(england, '2025-12-31')).toBe('2026-01-08');
      expect(await dueBy(scotland, '2025-12-31')).toBe('2026-01-09');
    });

    it('over 12 July in Northern Ireland (a Sunday in 2026: Monday 13th instead)', async () => {
      // Friday 10 July 2026
      expect(await dueBy(ni, '2026-07-10')).toBe('2026-07-20');
      expect(await dueBy(england, '2026-07-10')).toBe('2026-07-17');
      // Monday 6 July: the 13th is the fifth working day in England, a holiday in NI
      expect(await dueBy(ni, '2026-07-06')).toBe('2026-07-14');
      expect(await dueBy(england, '2026-07-06')).toBe('2026-07-13');
    });
  });

  it('recomputes the targets of referrals recorded before, as the migration does', async () => {
    const child = await newChild(app, worker);
    const glasgowWorker = socialWorker(GLASGOW, 'sw-nrm-glasgow');
    const scottish = await newChild(app, glasgowWorker);
    const english = await newReferral(app, worker, child.id, '2026-04-02');
    const inScotland = await newReferral(app, glasgowWorker, scottish.id, '2026-04-02');
    // as the service stored them before: five weekdays on, holidays not skipped (and a target of 7 kept at 7)
    await app.query(
      `UPDATE nrm_referral SET reasonable_grounds_due_by = CASE id WHEN $1::uuid THEN '2026-04-09'::date ELSE '2026-04-13'::date END
        WHERE id IN ($1::uuid, $2::uuid)`,
      [english.id, inScotland.id],
    );
    await recomputeReasonableGroundsTargets({
      query: async (sql: string, params?: unknown[]) => (await app.db.query(sql, params)).rows,
    });
    const rows = await app.query<{ id: string; due: string }>(
      `SELECT id, reasonable_grounds_due_by::text AS due FROM nrm_referral WHERE id IN ($1::uuid, $2::uuid)`,
      [english.id, inScotland.id],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.due]))).toEqual({
      [english.id]: '2026-04-13',
      [inScotland.id]: '2026-04-14', // 7 working days in Scotland: Good Friday skipped, Easter Monday worked
    });
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
