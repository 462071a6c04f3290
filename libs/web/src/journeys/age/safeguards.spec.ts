import { missingSafeguards, requiredSafeguards, Safeguards } from '@haven/age-assessment';
import { SAFEGUARDS } from '../children/labels';

describe('the safeguards checklist', () => {
  it.each([true, false])(
    'asks for exactly the safeguards the API needs before an adult outcome (interpreter needed: %s)',
    (interpreterNeeded) => {
      const required = requiredSafeguards(interpreterNeeded);
      const allTicked = Object.fromEntries(required.map((name) => [name, true])) as Safeguards;
      expect(missingSafeguards(allTicked, interpreterNeeded)).toEqual([]);
      for (const name of required) {
        expect(missingSafeguards({ ...allTicked, [name]: false }, interpreterNeeded)).toHaveLength(1);
      }
    },
  );

  it('has a box, in plain words, for every safeguard the API may ask for', () => {
    expect(Object.keys(SAFEGUARDS).sort()).toEqual([...requiredSafeguards(true)].sort());
  });
});
