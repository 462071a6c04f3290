import { assignGuardian, newChild, newReferral, practitionerId, today } from './factories';
import { Caller, TestApp } from './test-app';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** Missing 20 days ago, back the next day; interviewed the day after that, within 72 hours, if asked. */
async function missingAndBack(app: TestApp, worker: Caller, childId: string, interviewWithin72h: boolean) {
  const { reportMissing } = await app.ok<{ reportMissing: { id: string } }>(
    worker,
    `mutation($input: ReportMissingInput!) { reportMissing(input: $input) { id } }`,
    { input: { childId, kind: 'MISSING', missingSince: daysAgo(20) } },
  );
  await app.ok(worker, `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
    input: { episodeId: reportMissing.id, returnedAt: daysAgo(19) },
  });
  if (interviewWithin72h)
    await app.ok(
      worker,
      `mutation($input: RecordReturnInterviewInput!) { recordReturnInterview(input: $input) { id } }`,
      { input: { episodeId: reportMissing.id, offeredAt: daysAgo(18), completedAt: daysAgo(18) } },
    );
}

/**
 * The dashboard's known data set, registered by `worker` in their authority: 13 children — 6 trafficked
 * Vietnamese girls (5 missing and back with an interview within 72 hours, each referred to the NRM, 5 with
 * `guardian`), 5 unaccompanied Albanian boys (2 missing and back, no interview), 2 separated Eritrean boys.
 * Used by dashboard.e2e and the dashboard's browser test, which expect its figures.
 */
export async function registerKnownDashboardData(
  app: TestApp,
  worker: Caller,
  guardian: Caller,
): Promise<void> {
  const guardianId = await practitionerId(app, guardian);
  for (let index = 0; index < 6; index += 1) {
    const child = await newChild(app, worker, {
      gender: 'FEMALE',
      nationality: 'VN',
      categories: ['TRAFFICKED'],
      exploitationTypes: ['SEXUAL'],
    });
    if (index < 5) await missingAndBack(app, worker, child.id, true);
    await newReferral(app, worker, child.id, today());
    if (index < 5)
      await assignGuardian(app, worker, { childId: child.id, guardianId, scheme: 'ICTG_DIRECT' });
  }
  for (let index = 0; index < 5; index += 1) {
    const child = await newChild(app, worker, {
      gender: 'MALE',
      nationality: 'AL',
      categories: ['UNACCOMPANIED_ASYLUM_SEEKING'],
    });
    if (index < 2) await missingAndBack(app, worker, child.id, false);
  }
  for (let index = 0; index < 2; index += 1)
    await newChild(app, worker, { gender: 'MALE', nationality: 'ER', categories: ['SEPARATED'] });
}
