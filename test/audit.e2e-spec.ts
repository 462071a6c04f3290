import { newChild, newReferral } from './support/factories';
import { codeOf, HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

interface Trail {
  auditTrail: {
    totalCount: number;
    edges: { node: { action: string; entity: string; practitioner: { subject: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

const TRAIL = `query($id: ID!, $first: Int, $after: String) {
  auditTrail(childId: $id, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action at entity entityId practitioner { id subject name } } } } }`;

describe('audit', () => {
  let app: TestApp;
  const worker = socialWorker(HILLINGDON, 'sw-audit');
  const manager = teamManager(HILLINGDON, 'tm-audit');

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('records every read and write of a child, with who did it, newest first', async () => {
    const child = await newChild(app, worker);
    await app.ok(worker, `query($id: ID!) { child(id: $id) { id } }`, { id: child.id });
    await app.ok(worker, `{ children { edges { node { id } } } }`);
    await app.ok(
      worker,
      `mutation($id: ID!) { updateChild(input: { id: $id, expectedVersion: 1, preferredName: "M" }) { id } }`,
      {
        id: child.id,
      },
    );
    await newReferral(app, worker, child.id);
    await app.ok(worker, `query($id: ID!) { child(id: $id) { nrmReferrals { id } } }`, { id: child.id });

    const trail = await app.ok<Trail>(manager, TRAIL, { id: child.id });
    const events = trail.auditTrail.edges.map(
      ({ node }) => `${node.action} ${node.entity} ${node.practitioner.subject}`,
    );
    expect(events).toEqual([
      'READ NrmReferral sw-audit',
      'READ Child sw-audit',
      'UPDATE Child sw-audit', // TRAFFICKED added because of the referral
      'CREATE NrmReferral sw-audit',
      'UPDATE Child sw-audit',
      'READ Child sw-audit', // the list
      'READ Child sw-audit',
      'CREATE Child sw-audit',
    ]);
  });

  it('audits reading the trail itself, and pages it', async () => {
    const child = await newChild(app, worker);
    for (let index = 0; index < 4; index += 1)
      await app.ok(worker, `query($id: ID!) { child(id: $id) { id } }`, { id: child.id });
    await app.ok(manager, TRAIL, { id: child.id, first: 1 });
    const first = await app.ok<Trail>(manager, TRAIL, { id: child.id, first: 3 });
    expect(first.auditTrail.edges[0].node).toMatchObject({
      action: 'READ',
      entity: 'AuditTrail',
      practitioner: { subject: 'tm-audit' },
    });
    expect(first.auditTrail.totalCount).toBe(6);
    expect(first.auditTrail.pageInfo.hasNextPage).toBe(true);
    const rest = await app.ok<Trail>(manager, TRAIL, {
      id: child.id,
      first: 10,
      after: first.auditTrail.pageInfo.endCursor,
    });
    expect(rest.auditTrail.edges).toHaveLength(3);
    expect(rest.auditTrail.edges.at(-1)!.node.action).toBe('CREATE');
  });

  it('writes the audit row in the same transaction: a refused write leaves no audit', async () => {
    const child = await newChild(app, worker);
    const before = await app.counts('audit_event');
    const stale = await app.gql(
      worker,
      `mutation($id: ID!) { updateChild(input: { id: $id, expectedVersion: 9, givenName: "X" }) { id } }`,
      {
        id: child.id,
      },
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await app.counts('audit_event')).toEqual(before);
  });

  it('keeps the trail append-only in the database', async () => {
    await expect(app.query(`UPDATE audit_event SET action = 'READ'`)).rejects.toThrow(/append-only/);
    await expect(app.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(app.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('records what an update changed, so that nothing is lost', async () => {
    const child = await newChild(app, worker, { familyName: 'Tran' });
    await app.ok(
      worker,
      `mutation($id: ID!) { updateChild(input: { id: $id, expectedVersion: 1, familyName: "Trần" }) { id } }`,
      {
        id: child.id,
      },
    );
    const [row] = await app.query<{ detail: { changes: Record<string, { from: unknown; to: unknown }> } }>(
      `SELECT detail FROM audit_event WHERE entity_id = $1 AND action = 'UPDATE'`,
      [child.id],
    );
    expect(row.detail.changes).toEqual({ familyName: { from: 'Tran', to: 'Trần' } });
  });

  it('exports everything held on a child to a team manager, audited, and keeps it until the 75th birthday', async () => {
    const child = await newChild(app, worker, { givenName: 'Yonas', claimedDateOfBirth: '2010-05-01' });
    await newReferral(app, worker, child.id);
    const query = `query($id: ID!) { exportChildRecord(childId: $id) { child { id givenName retainUntil } sections document } }`;
    const { exportChildRecord } = await app.ok<{
      exportChildRecord: { child: Record<string, string>; sections: string[]; document: string };
    }>(manager, query, { id: child.id });
    expect(exportChildRecord.child).toEqual({ id: child.id, givenName: 'Yonas', retainUntil: '2085-05-01' });
    expect(exportChildRecord.sections).toEqual(
      expect.arrayContaining(['child', 'nrmReferrals', 'missingEpisodes', 'alerts', 'auditTrail']),
    );
    const document = JSON.parse(exportChildRecord.document) as Record<string, Record<string, unknown>[]>;
    expect(document.child[0].given_name).toBe('Yonas');
    expect(document.nrmReferrals).toHaveLength(1);
    expect(
      await app.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1 AND action = 'EXPORT' AND entity = 'ChildRecord'`,
        [child.id],
      ),
    ).toEqual([{ n: 1 }]);
    expect(codeOf(await app.gql(worker, query, { id: child.id }))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(teamManager('E10000016', 'tm-kent-export'), query, { id: child.id }))).toBe(
      'NOT_FOUND',
    );
  });
});
