import { alertBurstMet, Figures, GOALS, latencyRate, memoryMet, ranges, BenchRow } from './goals';

/** A case file that meets every goal: 0.85 of the twin, p99 1.5 × the twin's, 5 statements. */
const caseFile: Figures = {
  ratio: 0.85,
  p95Ms: 20,
  p99Ms: 30,
  twinP99Ms: 20,
  sqlStatements: 5,
  failedRequests: null,
};

describe("the bench's goals (quality.md, issue 19)", () => {
  it('meets the case file goal at 0.8 of the twin, p99 twice the twin and 6 statements, and not beyond', () => {
    expect(GOALS.caseFile.met(caseFile)).toBe(true);
    expect(GOALS.caseFile.met({ ...caseFile, ratio: 0.8, p99Ms: 40, sqlStatements: 6 })).toBe(true);
    expect(GOALS.caseFile.met({ ...caseFile, ratio: 0.79 })).toBe(false);
    expect(GOALS.caseFile.met({ ...caseFile, p99Ms: 40.1 })).toBe(false);
    expect(GOALS.caseFile.met({ ...caseFile, sqlStatements: 7 })).toBe(false);
    expect(GOALS.caseFile.met({ ...caseFile, failedRequests: 0 })).toBe(true);
    expect(GOALS.caseFile.met({ ...caseFile, failedRequests: 1 })).toBe(false);
  });

  it('does not count a figure that was not measured as met', () => {
    expect(GOALS.caseFile.met({ ...caseFile, sqlStatements: null })).toBe(false);
    expect(GOALS.caseFile.met({ ...caseFile, twinP99Ms: null })).toBe(false);
    expect(GOALS.caseFile.met({ ...caseFile, p99Ms: Number.NaN })).toBe(false);
    expect(GOALS.dashboardAuthority.met({ ...caseFile, p95Ms: null })).toBe(false);
  });

  it('asks the children page for the twin’s throughput and reportMissing for 0.7 of it', () => {
    expect(GOALS.childrenSearch.met({ ...caseFile, ratio: 1.0 })).toBe(true);
    expect(GOALS.childrenSearch.met({ ...caseFile, ratio: 0.99 })).toBe(false);
    expect(GOALS.reportMissing.met({ ...caseFile, ratio: 0.7 })).toBe(true);
    expect(GOALS.reportMissing.met({ ...caseFile, ratio: 0.69 })).toBe(false);
    expect(GOALS.reportMissing.met({ ...caseFile, ratio: 0.9, p99Ms: 41 })).toBe(false);
  });

  it('judges the dashboards and the scan by their absolute limits', () => {
    expect(GOALS.dashboardAuthority.met({ ...caseFile, p95Ms: 49.9 })).toBe(true);
    expect(GOALS.dashboardAuthority.met({ ...caseFile, p95Ms: 50 })).toBe(false);
    expect(GOALS.dashboardUk.met({ ...caseFile, p95Ms: 999 })).toBe(true);
    expect(GOALS.dashboardUk.met({ ...caseFile, p95Ms: 1000 })).toBe(false);
    expect(GOALS.alertScan.met({ ...caseFile, p99Ms: 1999 })).toBe(true);
    expect(GOALS.alertScan.met({ ...caseFile, p99Ms: 2000 })).toBe(false);
  });

  it('fails the alert burst on one failed request, one alert not pushed or no readers’ p99', () => {
    const burst = { raised: 4679, expected: 450, pushed: 450, failedRequests: 0, p99Ms: 129 };
    expect(alertBurstMet(burst)).toBe(true);
    expect(alertBurstMet({ ...burst, failedRequests: 1 })).toBe(false);
    expect(alertBurstMet({ ...burst, pushed: 449 })).toBe(false);
    expect(alertBurstMet({ ...burst, raised: 999 })).toBe(false);
    expect(alertBurstMet({ ...burst, p99Ms: null })).toBe(false);
  });

  it('keeps the service under 300 MB', () => {
    expect(memoryMet(299)).toBe(true);
    expect(memoryMet(300)).toBe(false);
    expect(memoryMet(0)).toBe(false);
  });

  it('offers 60% of the twin’s peak, at least one request a second', () => {
    expect(latencyRate(515)).toBe(309);
    expect(latencyRate(0.5)).toBe(1);
  });
});

describe('ranges over several runs', () => {
  const row = (rps: number, p99Ms: number | null): BenchRow => ({
    operation: 'caseFile',
    rps,
    p50Ms: 1,
    p99Ms,
    sqlStatements: 5,
    twinRps: 300,
    ratio: 0.7,
    p95Ms: null,
    failedRequests: null,
    goal: '',
    met: false,
  });

  it('gives each figure its smallest and largest value, skipping what was not measured', () => {
    const result = ranges([[row(200, 30)], [row(240, null)], [row(220, 25)]]);
    expect(result.caseFile.rps).toEqual([200, 240]);
    expect(result.caseFile.p99Ms).toEqual([25, 30]);
    expect(result.caseFile.twinRps).toEqual([300, 300]);
    expect(result.caseFile.p95Ms).toBeUndefined();
  });
});
