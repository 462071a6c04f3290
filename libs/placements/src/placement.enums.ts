import { registerEnumType } from '@nestjs/graphql';

export enum PlacementType {
  FOSTER_CARE = 'FOSTER_CARE',
  SPECIALIST_FOSTER_CARE = 'SPECIALIST_FOSTER_CARE',
  KINSHIP_CARE = 'KINSHIP_CARE',
  RESIDENTIAL_CHILDRENS_HOME = 'RESIDENTIAL_CHILDRENS_HOME',
  SECURE_CHILDRENS_HOME = 'SECURE_CHILDRENS_HOME',
  SUPPORTED_ACCOMMODATION = 'SUPPORTED_ACCOMMODATION',
  SPECIALIST_SAFE_ACCOMMODATION = 'SPECIALIST_SAFE_ACCOMMODATION',
  INDEPENDENT_LIVING = 'INDEPENDENT_LIVING',
  BED_AND_BREAKFAST = 'BED_AND_BREAKFAST',
  ADULT_ASYLUM_ACCOMMODATION = 'ADULT_ASYLUM_ACCOMMODATION',
  IMMIGRATION_DETENTION = 'IMMIGRATION_DETENTION',
  CUSTODY = 'CUSTODY',
  HOSPITAL = 'HOSPITAL',
  OTHER = 'OTHER',
}

export enum PlacementEndReason {
  PLANNED_MOVE = 'PLANNED_MOVE',
  PLACEMENT_BREAKDOWN = 'PLACEMENT_BREAKDOWN',
  CHILD_WENT_MISSING = 'CHILD_WENT_MISSING',
  RETURNED_TO_FAMILY = 'RETURNED_TO_FAMILY',
  TURNED_18 = 'TURNED_18',
  AGE_ASSESSED_ADULT = 'AGE_ASSESSED_ADULT',
  OTHER = 'OTHER',
}

registerEnumType(PlacementType, { name: 'PlacementType' });
registerEnumType(PlacementEndReason, { name: 'PlacementEndReason' });

/** Recorded because they happen, and unsafe for a child or anyone whose age is disputed. */
export const UNSAFE_FOR_CHILDREN: ReadonlySet<PlacementType> = new Set([
  PlacementType.BED_AND_BREAKFAST,
  PlacementType.ADULT_ASYLUM_ACCOMMODATION,
  PlacementType.IMMIGRATION_DETENTION,
]);

/** The placement at `alias` is of a type unsafe for a child or a person whose age is disputed. */
export function unsafePlacementTypeSql(alias: string): string {
  return `${alias}.type IN (${[...UNSAFE_FOR_CHILDREN].map((type) => `'${type}'`).join(', ')})`;
}

/**
 * The placement type codes the DfE validator accepts from the 2025-26 collection on (its rule 146,
 * "Placement type code is not a valid code"): K3 is new, Z1 is split into Z11-Z14, and H5, P2 and
 * Z1 are no longer valid.
 */
export const SSDA903_VALID_PLACEMENT_CODES: ReadonlySet<string> = new Set(
  'A3 A4 A5 A6 K1 K2 K3 P1 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z11 Z12 Z13 Z14'.split(' '),
);

/**
 * The SSDA903 placement code each type is returned under (children looked after return, England),
 * for the current collection year (2025-26 onwards). A type says less than the return asks (who the
 * carer is, whether the placement is long term, registration), so each maps to the code its usual
 * case takes:
 * - supported accommodation, including specialist safe houses for trafficked young people, is K3
 *   (supported accommodation registered with Ofsted), which replaced H5;
 * - the settings that are neither registered care nor custody or hospital (independent living, bed
 *   and breakfast, adult asylum accommodation, immigration detention, anything else) were P2 or Z1
 *   and are now "other placements": bed and breakfast and adult asylum hotels/hostels as Z13, and
 *   the rest as Z14, the catch-all. Z11 and Z12 (unregistered children's homes and supported
 *   accommodation) are left to types Haven does not have.
 * The validator only checks that a code is on the list; which Z1x fits a setting is the DfE guide's
 * call, and the split above is our reading of it.
 */
export const SSDA903_PLACEMENT_CODE: Readonly<Record<PlacementType, string>> = {
  FOSTER_CARE: 'U6',
  SPECIALIST_FOSTER_CARE: 'U6',
  KINSHIP_CARE: 'U3',
  RESIDENTIAL_CHILDRENS_HOME: 'K2',
  SECURE_CHILDRENS_HOME: 'K1',
  SUPPORTED_ACCOMMODATION: 'K3',
  SPECIALIST_SAFE_ACCOMMODATION: 'K3',
  INDEPENDENT_LIVING: 'Z14',
  BED_AND_BREAKFAST: 'Z13',
  ADULT_ASYLUM_ACCOMMODATION: 'Z13',
  IMMIGRATION_DETENTION: 'Z14',
  CUSTODY: 'R5',
  HOSPITAL: 'R2',
  OTHER: 'Z14',
};
