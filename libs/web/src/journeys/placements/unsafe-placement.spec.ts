import { UNSAFE_FOR_CHILDREN } from '@haven/placements';
import { UNSAFE_PLACEMENT_REASON } from '../children/labels';
import { unsafeFor } from './placements.routes';

describe('the warning before an unsafe placement is saved', () => {
  const child = { givenName: 'Jun', ageDisputed: false, effectiveDateOfBirth: '2010-03-15' };

  it('warns about exactly the types the API marks unsafe for a child', () => {
    expect(Object.keys(UNSAFE_PLACEMENT_REASON).sort()).toEqual([...UNSAFE_FOR_CHILDREN].sort());
  });

  it('warns for a child, up to the day before their 18th birthday in UK time', () => {
    expect(unsafeFor(child, 'BED_AND_BREAKFAST', '2028-03-14T12:00:00Z')).toEqual({
      type: UNSAFE_PLACEMENT_REASON.BED_AND_BREAKFAST,
      person: 'Jun is 17 on the day it starts.',
    });
    // the day is London's: 11:30pm UTC on 14 March is still the 14th (GMT), 00:30 on the 15th is the birthday
    expect(unsafeFor(child, 'BED_AND_BREAKFAST', '2028-03-14T23:30:00Z')).not.toBeNull();
    expect(unsafeFor(child, 'BED_AND_BREAKFAST', '2028-03-15T00:30:00Z')).toBeNull();
  });

  it('warns while the age is disputed or the date of birth is not known, whatever the claimed age', () => {
    expect(
      unsafeFor(
        { ...child, ageDisputed: true, effectiveDateOfBirth: '1990-01-01' },
        'IMMIGRATION_DETENTION',
        '2026-12-01T10:00:00Z',
      )?.person,
    ).toBe('Jun’s age is disputed: until the dispute is resolved, they are treated as a child.');
    expect(
      unsafeFor(
        { ...child, effectiveDateOfBirth: null },
        'ADULT_ASYLUM_ACCOMMODATION',
        '2026-12-01T10:00:00Z',
      )?.person,
    ).toBe('Jun’s date of birth is not known: they are treated as a child.');
  });

  it('does not warn about a safe type, or an unsafe one for an adult whose age is not disputed', () => {
    expect(unsafeFor(child, 'FOSTER_CARE', '2026-12-01T10:00:00Z')).toBeNull();
    expect(
      unsafeFor(
        { ...child, effectiveDateOfBirth: '1990-01-01' },
        'BED_AND_BREAKFAST',
        '2026-12-01T10:00:00Z',
      ),
    ).toBeNull();
  });
});
