import { returnInterviewDueBy, startsSoonAfterPlacement } from './missing-rules';

describe('missing episode rules', () => {
  const placed = new Date('2026-03-10T18:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('flags an episode starting up to and including 72 hours after the placement began', () => {
    expect(startsSoonAfterPlacement(at('2026-03-10T18:00:00Z'), placed, null, 72)).toBe(true);
    expect(startsSoonAfterPlacement(at('2026-03-13T18:00:00Z'), placed, null, 72)).toBe(true);
    expect(startsSoonAfterPlacement(at('2026-03-13T18:00:01Z'), placed, null, 72)).toBe(false);
    expect(startsSoonAfterPlacement(at('2026-03-10T17:59:59Z'), placed, null, 72)).toBe(false);
  });

  it('counts from the start of the arrival day in London, across the change of clocks', () => {
    // arrival on 29 March 2026, the day BST begins: the day starts at 00:00 GMT
    expect(startsSoonAfterPlacement(at('2026-04-01T00:00:00Z'), null, '2026-03-29', 72)).toBe(true);
    expect(startsSoonAfterPlacement(at('2026-04-01T00:00:01Z'), null, '2026-03-29', 72)).toBe(false);
    // in summer the London day starts at 23:00 UTC the evening before
    expect(startsSoonAfterPlacement(at('2026-07-03T23:00:00Z'), null, '2026-07-01', 72)).toBe(true);
    expect(startsSoonAfterPlacement(at('2026-07-03T23:00:01Z'), null, '2026-07-01', 72)).toBe(false);
  });

  it('uses the configured window and either trigger', () => {
    expect(startsSoonAfterPlacement(at('2026-03-11T18:00:00Z'), placed, null, 24)).toBe(true);
    expect(startsSoonAfterPlacement(at('2026-03-11T18:00:01Z'), placed, null, 24)).toBe(false);
    expect(startsSoonAfterPlacement(at('2026-03-20T10:00:00Z'), placed, '2026-03-19', 72)).toBe(true);
    expect(startsSoonAfterPlacement(at('2026-03-20T10:00:00Z'), null, null, 72)).toBe(false);
  });

  it('makes the return interview due the configured hours (72 by default) after the return', () => {
    // elapsed hours, across the change of clocks on 25 October
    expect(returnInterviewDueBy(at('2026-10-24T22:00:00Z'), 72).toISOString()).toBe(
      '2026-10-27T22:00:00.000Z',
    );
    expect(returnInterviewDueBy(at('2026-10-24T22:00:00Z'), 48).toISOString()).toBe(
      '2026-10-26T22:00:00.000Z',
    );
  });
});
