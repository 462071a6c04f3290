import { newChild } from './support/factories';
import { KENT, socialWorker, teamManager, TestApp } from './support/test-app';

/**
 * The dashboard's age bands count a birthday as the rest of Haven does (`haven_birthday`, the platform's
 * `birthday`): someone born on 29 February has their birthday on 28 February in a common year.
 */
describe("the dashboard's age bands", () => {
  let app: TestApp;
  const worker = socialWorker(KENT, 'sw-bands');
  const manager = teamManager(KENT, 'tm-bands');

  beforeAll(async () => {
    app = await TestApp.start({ STATISTICS_SUPPRESSION_THRESHOLD: '0' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts a child born on 29 February as 18 on 28 February of a common year, and 17 the day before', async () => {
    const child = await newChild(app, worker, { claimedDateOfBirth: '2008-02-29' });
    await app.query(`UPDATE child SET registered_at = '2025-06-01T09:00:00Z' WHERE id = $1`, [child.id]);
    const band = async (to: string) => {
      const { dashboard } = await app.ok<{
        dashboard: { byAgeBand: { key: string; count: { value: number } }[] };
      }>(
        manager,
        `query($input: DashboardInput!) { dashboard(input: $input) { byAgeBand { key count { value } } } }`,
        { input: { from: '2026-01-01', to } },
      );
      return dashboard.byAgeBand.filter((row) => row.count.value > 0).map((row) => row.key);
    };
    expect(await band('2026-02-27')).toEqual(['16_17']);
    expect(await band('2026-02-28')).toEqual(['18_AND_OVER']);
  });
});
