import { signHs256 } from '@haven/platform';
import { newChild, newReferral } from './support/factories';
import {
  admin,
  analyst,
  codeOf,
  GLASGOW,
  guardian,
  HILLINGDON,
  KENT,
  socialWorker,
  teamManager,
  TestApp,
} from './support/test-app';

const CHILD = `query($id: ID!) { child(id: $id) { id givenName } }`;

describe('identity and access', () => {
  let app: TestApp;
  const hillingdon = socialWorker(HILLINGDON, 'sw-hillingdon');
  const kent = socialWorker(KENT, 'sw-kent');
  const kentManager = teamManager(KENT, 'tm-kent');
  let childId: string;
  let referralId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    childId = (await newChild(app, hillingdon, { givenName: 'Senait', familyName: 'Haile' })).id;
    referralId = (await newReferral(app, hillingdon, childId)).id;
  });
  afterAll(async () => {
    await app.close();
  });

  describe('authentication', () => {
    const me = '{ me { id } }';
    it.each([
      ['no token', null],
      ['a malformed token', 'not-a-jwt'],
      ['an expired token', 'EXPIRED'],
      ['a token signed with another secret', 'FORGED'],
      ['an unsigned token (alg none)', 'NONE'],
    ])('answers %s with UNAUTHENTICATED', async (_, kind) => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: 'x', name: 'X', role: 'SOCIAL_WORKER', org: HILLINGDON, iat: now, exp: now + 60 };
      const unsigned = (header: object, payload: object) =>
        `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
      const token =
        kind === 'EXPIRED'
          ? app.token(hillingdon, -120) // beyond the 60 s clock tolerance
          : kind === 'FORGED'
            ? signHs256({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret-not-the-secret-xx')
            : kind === 'NONE'
              ? unsigned({ alg: 'none', typ: 'JWT' }, claims)
              : kind;
      const response = await app.gql(token, me);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(response.data).toBeNull();
    });

    it('creates a practitioner on first sight, once, and keeps them up to date', async () => {
      const first = await app.ok<{ me: { id: string; name: string } }>(
        { ...kent, name: 'Kim Kent' },
        '{ me { id name } }',
      );
      const again = await app.ok<{
        me: { id: string; name: string; role: string; organisation: { code: string; nation: string } };
      }>({ ...kent, name: 'Kim Kent-Jones' }, '{ me { id name role organisation { code nation } } }');
      expect(again.me).toEqual({
        id: first.me.id,
        name: 'Kim Kent-Jones',
        role: 'SOCIAL_WORKER',
        organisation: { code: KENT, nation: 'ENGLAND' },
      });
      expect(
        await app.query(`SELECT count(*)::int AS n FROM practitioner WHERE subject = $1`, [kent.sub]),
      ).toEqual([{ n: 1 }]);
    });

    it('refuses authority staff whose token names no known authority', async () => {
      const response = await app.gql(socialWorker('E99999999', 'sw-nowhere'), '{ me { id } }');
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(
        await app.query(`SELECT count(*)::int AS n FROM practitioner WHERE subject = 'sw-nowhere'`),
      ).toEqual([{ n: 0 }]);
    });

    it("creates a guardian's provider on first sight, and refuses a guardian naming an authority", async () => {
      const data = await app.ok<{ me: { organisation: { code: string; kind: string } } }>(
        guardian('ICTG-NEW', 'g-new'),
        '{ me { organisation { code kind } } }',
      );
      expect(data.me.organisation).toEqual({ code: 'ICTG-NEW', kind: 'GUARDIANSHIP_PROVIDER' });
      expect(codeOf(await app.gql(guardian(HILLINGDON, 'g-la'), '{ me { id } }'))).toBe('FORBIDDEN');
    });
  });

  describe('scope: another authority', () => {
    it('cannot see the child: NOT_FOUND, worded exactly as for an absent one', async () => {
      const outside = await app.gql(kent, CHILD, { id: childId });
      const absent = await app.gql(kent, CHILD, { id: '7d4f8a52-3c2e-4b8a-9a51-2b0d6c1e9f00' });
      expect(codeOf(outside)).toBe('NOT_FOUND');
      expect(outside.errors![0].message).toBe(absent.errors![0].message);
      expect(outside.data).toBeNull();
      // an id that is no UUID names no record anywhere: bad input, which tells nothing about scope
      const garbage = await app.gql(kent, CHILD, { id: 'not-a-uuid' });
      expect(codeOf(garbage)).toBe('BAD_USER_INPUT');
      expect(garbage.errors![0].extensions!.fields).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });

    it('does not list it, find it by name, or count it', async () => {
      const data = await app.ok<{ children: { totalCount: number; edges: unknown[] } }>(
        kent,
        `{ children(filter: { search: "senait" }) { totalCount edges { node { id } } } }`,
      );
      expect(data.children).toEqual({ totalCount: 0, edges: [] });
    });

    it.each([
      [
        'updateChild',
        `mutation($id: ID!) { updateChild(input: { id: $id, expectedVersion: 1, givenName: "X" }) { id } }`,
        kent,
      ],
      [
        'closeCase',
        `mutation($id: ID!) { closeCase(input: { childId: $id, expectedVersion: 1, reason: OTHER, closedOn: "2026-01-01" }) { id } }`,
        kentManager,
      ],
      [
        'recordNrmReferral',
        `mutation($id: ID!) { recordNrmReferral(input: { childId: $id, referredOn: "2026-01-01" }) { id } }`,
        kent,
      ],
      ['auditTrail', `query($id: ID!) { auditTrail(childId: $id) { totalCount } }`, kentManager],
    ])('cannot reach it through %s, and nothing is written', async (_, query, caller) => {
      const before = await app.counts('child', 'nrm_referral', 'nrm_decision', 'audit_event');
      const response = await app.gql(caller, query, { id: childId });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(await app.counts('child', 'nrm_referral', 'nrm_decision', 'audit_event')).toEqual(before);
      const unchanged = await app.ok<{ child: { givenName: string } }>(hillingdon, CHILD, { id: childId });
      expect(unchanged.child.givenName).toBe('Senait');
    });

    it('cannot record a decision on its NRM referral', async () => {
      const response = await app.gql(
        kent,
        `mutation($id: ID!) { recordNrmDecision(input: { referralId: $id, stage: REASONABLE_GROUNDS, decision: POSITIVE, decidedOn: "2026-01-06" }) { id } }`,
        { id: referralId },
      );
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(
        await app.query(`SELECT reasonable_grounds_decision FROM nrm_referral WHERE id = $1`, [referralId]),
      ).toEqual([{ reasonable_grounds_decision: 'PENDING' }]);
    });

    it('cannot read its audit trail, even in another nation', async () => {
      const glasgow = teamManager(GLASGOW, 'tm-glasgow');
      const response = await app.gql(glasgow, `query($id: ID!) { auditTrail(childId: $id) { totalCount } }`, {
        id: childId,
      });
      expect(codeOf(response)).toBe('NOT_FOUND');
    });
  });

  describe('roles that never see a child', () => {
    it.each([
      ['an LSCB analyst', analyst([HILLINGDON])],
      ['an administrator', admin()],
    ])('%s gets FORBIDDEN for the child, the list and every change', async (_, caller) => {
      expect(codeOf(await app.gql(caller, CHILD, { id: childId }))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(caller, '{ children { totalCount } }'))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await app.gql(caller, `mutation { registerChild(input: { givenName: "X", gender: MALE }) { id } }`),
        ),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(
          await app.gql(caller, `query($id: ID!) { auditTrail(childId: $id) { totalCount } }`, {
            id: childId,
          }),
        ),
      ).toBe('FORBIDDEN');
    });

    it('a guardian with no assignment sees no child and may not register one', async () => {
      const gail = guardian();
      expect(codeOf(await app.gql(gail, CHILD, { id: childId }))).toBe('NOT_FOUND');
      expect(
        (await app.ok<{ children: { totalCount: number } }>(gail, '{ children { totalCount } }')).children
          .totalCount,
      ).toBe(0);
      expect(
        codeOf(
          await app.gql(gail, `mutation { registerChild(input: { givenName: "X", gender: MALE }) { id } }`),
        ),
      ).toBe('FORBIDDEN');
    });

    it('a social worker may not read the audit trail, which is for team managers', async () => {
      expect(
        codeOf(
          await app.gql(hillingdon, `query($id: ID!) { auditTrail(childId: $id) { totalCount } }`, {
            id: childId,
          }),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  describe('practitioners', () => {
    it('authority staff see their colleagues and the guardians, not other authorities', async () => {
      await app.ok(guardian('ICTG-LIST', 'g-list'), '{ me { id } }');
      await app.ok(kent, '{ me { id } }');
      const data = await app.ok<{ practitioners: { subject: string; role: string }[] }>(
        hillingdon,
        '{ practitioners { subject role } }',
      );
      const subjects = data.practitioners.map((practitioner) => practitioner.subject);
      expect(subjects).toContain('sw-hillingdon');
      expect(subjects).toContain('g-list');
      expect(subjects).not.toContain('sw-kent');
      const guardians = await app.ok<{ practitioners: { role: string }[] }>(
        hillingdon,
        '{ practitioners(role: GUARDIAN) { role } }',
      );
      expect(new Set(guardians.practitioners.map((practitioner) => practitioner.role))).toEqual(
        new Set(['GUARDIAN']),
      );
    });

    it('an analyst may not list practitioners', async () => {
      expect(codeOf(await app.gql(analyst(), '{ practitioners { id } }'))).toBe('FORBIDDEN');
    });
  });
});
