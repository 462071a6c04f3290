import { Client } from 'pg';
import { fileCase } from './support/factories';
import { guardian, HILLINGDON, teamManager, TestApp } from './support/test-app';

/** Well below any lock wait: a read that queued behind the writer would not answer in time. */
const READ_WITHIN_MS = 5_000;

const CASE_FILE = `query($id: ID!) { child(id: $id) {
  id version givenName currentlyMissing hasDurableSolution
  currentPlacement { id } placements { id } missingEpisodes { id } nrmReferrals { id }
  guardianAssignments { id } ageAssessments { id } durableSolutions { id } alerts { id }
  activeGuardian { id } allocatedWorker { id } } }`;
const AUDIT_TRAIL = `query($id: ID!) { auditTrail(childId: $id) { totalCount edges { node { action entity } } } }`;
const GRAB_PACK = `query($id: ID!) { missingPersonProfile(childId: $id) { childId givenName printUrl } }`;

function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

describe('reads never lock (issue 15, item 7)', () => {
  let app: TestApp;
  const manager = teamManager(HILLINGDON, 'tm-reads-never-lock');
  const gail = guardian('ICTG-LOCK', 'g-reads-never-lock');

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it("answers the case file, the audit trail and the grab pack while a writer holds the child's row lock; a mutation waits", async () => {
    const { childId } = await fileCase(app, manager, gail);
    const before = await app.ok<{ child: { version: number } }>(manager, CASE_FILE, { id: childId });

    const writer = new Client({ connectionString: app.databaseUrl });
    await writer.connect();
    let released = false;
    try {
      await writer.query('BEGIN');
      const locked = await writer.query('SELECT id FROM child WHERE id = $1 FOR UPDATE', [childId]);
      expect(locked.rowCount).toBe(1);

      // a mutation on the child queues behind the lock (started first, so its wait overlaps the reads)
      const mutation = app
        .gql<{ updateChild: { version: number } }>(
          manager,
          `mutation($input: UpdateChildInput!) { updateChild(input: $input) { version } }`,
          { input: { id: childId, expectedVersion: before.child.version, preferredName: 'Minnie' } },
        )
        .then((response) => ({ response, releasedFirst: released }));

      const caseFile = await within(READ_WITHIN_MS, 'child(id)', app.ok(manager, CASE_FILE, { id: childId }));
      expect(caseFile.child).toMatchObject({ id: childId, version: before.child.version });
      expect(caseFile.child.placements).toHaveLength(1);

      const trail = await within(READ_WITHIN_MS, 'auditTrail', app.ok(manager, AUDIT_TRAIL, { id: childId }));
      expect(trail.auditTrail.totalCount).toBeGreaterThan(0);

      const pack = await within(
        READ_WITHIN_MS,
        'missingPersonProfile',
        app.ok(manager, GRAB_PACK, { id: childId }),
      );
      expect(pack.missingPersonProfile.childId).toBe(childId);
      const page = await within(
        READ_WITHIN_MS,
        'the printable grab pack',
        fetch(`${app.url}${pack.missingPersonProfile.printUrl}`),
      );
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Scoped');

      // the lock was real: the mutation is still waiting once every read has answered
      const waiting = await Promise.race([
        mutation.then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 1_000)),
      ]);
      expect(waiting).toBe('waiting');

      released = true;
      await writer.query('ROLLBACK');
      const { response, releasedFirst } = await within(READ_WITHIN_MS, 'updateChild', mutation);
      expect(releasedFirst).toBe(true);
      expect(response.errors).toBeUndefined();
      expect(response.data!.updateChild.version).toBe(before.child.version + 1);
    } finally {
      if (!released) await writer.query('ROLLBACK').catch(() => undefined);
      await writer.end();
    }
  });
});
