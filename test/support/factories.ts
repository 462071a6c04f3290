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
