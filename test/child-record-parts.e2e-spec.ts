import { DataSource } from 'typeorm';
import { inExportOrder, purgeExpiredRecords } from '@haven/children';
import { OWN_RECORD_PART } from '@haven/children/export/own-record-part';
import { createDataSource } from '@haven/platform';
import { CHILD_RECORD_PARTS } from '../apps/cli/src/child-record-parts';
import { fileCase } from './support/factories';
import { guardian, HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

/**
 * The child record is assembled from each capability's part (issue 18, item 2): the export must show
 * the sections it always showed, in the same order, and the purge must leave nothing about the child
 * in any table but the audit trail, whichever capability owns it.
 */
describe('the child record, from every capability’s part', () => {
  let app: TestApp;
  let owner: DataSource;
  const worker = socialWorker(HILLINGDON, 'sw-parts');
  const manager = teamManager(HILLINGDON, 'tm-parts');
  const gail = guardian('ICTG-PARTS', 'g-parts');

  beforeAll(async () => {
    app = await TestApp.start();
    owner = createDataSource({ url: app.databaseUrl, poolSize: 1 });
    await owner.initialize();
  });
  afterAll(async () => {
    await owner?.destroy();
    await app?.close();
  });

  it('exports the sections it always did, in the same order, and the purge command knows every part', async () => {
    const { childId } = await fileCase(app, worker, gail);
    const { exportChildRecord } = await app.ok<{
      exportChildRecord: { sections: string[]; document: string };
    }>(manager, `query($id: ID!) { exportChildRecord(childId: $id) { sections document } }`, { id: childId });
    expect(exportChildRecord.sections).toEqual([
      'child',
      'nrmReferrals',
      'nrmDecisions',
      'guardianAssignments',
      'guardianContacts',
      'ageAssessments',
      'placements',
      'missingEpisodes',
      'missingPersonProfile',
      'durableSolutions',
      'alerts',
      'meetings',
      'meetingActions',
      'turnedEighteenWithoutSolution',
      'auditTrail',
    ]);
    expect(Object.keys(JSON.parse(exportChildRecord.document) as object)).toEqual(exportChildRecord.sections);

    // the purge command, which runs without the service's modules, lists the parts they register
    const fromCli: string[] = [];
    for (const part of [OWN_RECORD_PART, ...inExportOrder(CHILD_RECORD_PARTS)]) {
      fromCli.push(...Object.keys(await part.exportSections(owner.manager, childId)));
    }
    expect([...fromCli, 'auditTrail']).toEqual(exportChildRecord.sections);
  });

  it('purges every row about the child, in an order the foreign keys allow, and audits each record', async () => {
    const { childId } = await fileCase(app, worker, gail);
    await app.ok(manager, `mutation { runAlertScan(input: {}) { raised } }`);
    const tables = await app.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'child_id' AND table_name <> 'audit_event'
          AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')`,
    );
    const rowsAbout = async (id: string) => {
      const counts: Record<string, number> = {};
      for (const { table_name } of tables) {
        const [{ n }] = await app.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table_name} WHERE child_id = $1`,
          [id],
        );
        if (n > 0) counts[table_name] = n;
      }
      return counts;
    };
    // an episode names the placement the child went missing from: missing's part goes before placements'
    expect(await rowsAbout(childId)).toMatchObject({ placement: 1, missing_episode: 1, meeting_action: 1 });
    const [{ placement_id }] = await app.query<{ placement_id: string | null }>(
      `SELECT placement_id FROM missing_episode WHERE child_id = $1`,
      [childId],
    );
    expect(placement_id).not.toBeNull();

    // far enough ahead that this child's retention (the 75th birthday) has ended
    const result = await owner.transaction((em) => purgeExpiredRecords(em, '2200-01-01', CHILD_RECORD_PARTS));
    expect(result.purged).toBeGreaterThanOrEqual(1);
    expect(await rowsAbout(childId)).toEqual({});
    expect(await app.query(`SELECT count(*)::int AS n FROM child WHERE id = $1`, [childId])).toEqual([
      { n: 0 },
    ]);
    expect(
      await app.query(
        `SELECT practitioner_id, request_id, entity, entity_id, detail FROM audit_event
          WHERE action = 'DELETE' AND child_id = $1`,
        [childId],
      ),
    ).toEqual([
      {
        practitioner_id: null,
        request_id: 'purge:2200-01-01',
        entity: 'ChildRecord',
        entity_id: childId,
        detail: { reason: 'Retention period ended', retainUntil: '2085-05-01' },
      },
    ]);
  });
});
