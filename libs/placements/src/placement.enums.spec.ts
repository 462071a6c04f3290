import { PlacementType, SSDA903_PLACEMENT_CODE, SSDA903_VALID_PLACEMENT_CODES } from './placement.enums';

describe('SSDA903 placement codes (2025-26 onwards)', () => {
  it.each(Object.values(PlacementType))('returns %s under a code the DfE validator accepts', (type) => {
    expect(SSDA903_VALID_PLACEMENT_CODES.has(SSDA903_PLACEMENT_CODE[type])).toBe(true);
  });

  it('no longer uses H5, P2 or Z1, and knows K3 and Z11-Z14', () => {
    for (const retired of ['H5', 'P2', 'Z1']) expect(SSDA903_VALID_PLACEMENT_CODES.has(retired)).toBe(false);
    for (const added of ['K3', 'Z11', 'Z12', 'Z13', 'Z14'])
      expect(SSDA903_VALID_PLACEMENT_CODES.has(added)).toBe(true);
    expect(Object.values(SSDA903_PLACEMENT_CODE).filter((code) => ['H5', 'P2', 'Z1'].includes(code))).toEqual(
      [],
    );
  });

  it('maps supported accommodation to K3 and the unregulated settings to other placements', () => {
    expect(SSDA903_PLACEMENT_CODE).toMatchObject({
      SUPPORTED_ACCOMMODATION: 'K3',
      SPECIALIST_SAFE_ACCOMMODATION: 'K3',
      INDEPENDENT_LIVING: 'Z14',
      BED_AND_BREAKFAST: 'Z13',
      ADULT_ASYLUM_ACCOMMODATION: 'Z13',
      IMMIGRATION_DETENTION: 'Z14',
      OTHER: 'Z14',
    });
  });
});
