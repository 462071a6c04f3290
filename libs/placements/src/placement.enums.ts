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

/** The SSDA903 placement code each type is returned under (children looked after return, England). */
export const SSDA903_PLACEMENT_CODE: Readonly<Record<PlacementType, string>> = {
  FOSTER_CARE: 'U6',
  SPECIALIST_FOSTER_CARE: 'U6',
  KINSHIP_CARE: 'U3',
  RESIDENTIAL_CHILDRENS_HOME: 'K2',
  SECURE_CHILDRENS_HOME: 'K1',
  SUPPORTED_ACCOMMODATION: 'H5',
  SPECIALIST_SAFE_ACCOMMODATION: 'H5',
  INDEPENDENT_LIVING: 'P2',
  BED_AND_BREAKFAST: 'P2',
  ADULT_ASYLUM_ACCOMMODATION: 'Z1',
  IMMIGRATION_DETENTION: 'Z1',
  CUSTODY: 'R5',
  HOSPITAL: 'R2',
  OTHER: 'Z1',
};
